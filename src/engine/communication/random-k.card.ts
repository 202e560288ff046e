/**
 * The card of random-k.ts: random-k sparsification (Stich, Cordonnier & Jaggi 2018; Wangni et al. 2018 for
 * the unbiased rescaling).
 */
import { defineSectionCard } from '../config/section-card';
import { ERROR_FEEDBACK_CITATION, errorFeedbackParam, kParam } from './card-params';

export const randomKCard = defineSectionCard({
  id: 'random-k',
  label: 'Random-k sparsification',
  summary:
    'Each worker sends k entries of its shared gradient chosen at random (32-bit value + 32-bit index each). Unscaled it is biased but shrinks errors, fit for error feedback; scaled by P/k it is unbiased but noisy. The method sees the sparse gradients; the cosine telemetry is of the true ones.',
  citation: `Stich, Cordonnier & Jaggi, "Sparsified SGD with Memory", NeurIPS 2018, arXiv:1809.07599; Wangni, Wang, Liu & Zhang, "Gradient Sparsification for Communication-Efficient Distributed Optimization", NeurIPS 2018 (the P/k rescaling); ${ERROR_FEEDBACK_CITATION}`,
  params: {
    k: kParam(
      'How many randomly chosen entries of its shared gradient each worker sends per step (a count, at most the number of shared parameters).',
    ),
    unbiased: {
      kind: 'boolean',
      label: 'Rescale by P/k (unbiased)',
      help: 'On: the kept entries are multiplied by P/k so that the mean over draws is the true gradient (high variance). Off: plain random-k, biased towards zero, a contraction that suits error feedback.',
      default: false,
    },
    errorFeedback: errorFeedbackParam,
  },
  views: () => [{ kind: 'communication', compressor: 'random-k' }],
});
