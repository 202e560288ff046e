/**
 * The card of upgrad.ts (what the page, the config parser and `cli list` read; no tfjs).
 *
 * UPGrad (unconflicting projection of gradients). Quinton & Rey, "Jacobian Descent for Multi-Objective
 * Optimization", arXiv:2406.16232 (2024); torchjd aggregation/_upgrad.py (also LibMTL/weighting/UPGrad.py).
 */
import { checkPerTaskLength, num, numList, type ParamValues } from '../params/spec';
import { defineMethodCard } from './card';

/** The parameters UPGrad and DualProj share (torchjd's defaults). */
export const dualConeParams = {
  prefVector: numList({
    label: 'Preference vector',
    help: 'One weight per task for the vectors that are projected; empty for 1/T on every task (torchjd’s default, the mean).',
    default: [],
    min: 0,
    max: 1000,
    minLength: 0,
    maxLength: 16,
  }),
  normEps: num({
    label: 'norm_eps',
    help: 'Below this squared Frobenius norm of the gradients, the Gram matrix is treated as zero and the result is the (preference-weighted) mean. torchjd: 1e-4.',
    default: 1e-4,
    min: 0,
    max: 1,
    scale: 'log',
  }),
  regEps: num({
    label: 'reg_eps',
    help: 'Added to the diagonal of the trace-normalised Gram matrix, as torchjd does for its QP solver (1e-4). 0 gives the exact projection: no conflict at all.',
    default: 1e-4,
    min: 0,
    max: 1,
    scale: 'log',
  }),
};

export type DualConeValues = ParamValues<typeof dualConeParams>;

/** Per-task length check of the preference vector, for UPGrad and DualProj. */
export const checkDualCone = (params: DualConeValues, ctx: { numTasks: number }) =>
  checkPerTaskLength(params.prefVector, 'prefVector', ctx.numTasks, true);

export const upgradCard = defineMethodCard({
  id: 'upgrad',
  label: 'UPGrad',
  group: 'multi-objective',
  summary:
    'Projects every task gradient onto the cone of directions that conflict with no task, then averages the projections: the mean gradient when nothing conflicts, never an update that increases a task loss to first order.',
  citation: 'Quinton & Rey, "Jacobian Descent for Multi-Objective Optimization", 2024, arXiv:2406.16232',
  scale: 'mean',
  params: dualConeParams,
  stateful: false,
  stochastic: false,
  check: checkDualCone,
  properties: {
    variants: [{ regEps: 0 }, { normEps: 0, regEps: 0, prefVector: [] }],
    equivariant: true,
    nonConflicting: (p) => p.regEps === 0, // torchjd's reg_eps leaves conflicts of order reg_eps·trace
  },
});
