/**
 * What a live change did to a running experiment, in words, for the marks on the time charts (issue 12):
 * "learning rate 0.01 → 0.003", "method Equal weights → PCGrad", "method CAGrad: c 0.5 → 0.2". Method names
 * come from the catalogue's cards, so no method id is spelled out in the state layer.
 */
import type { ExperimentConfig } from '../engine/config/types';
import { findMethodCard } from '../engine/methods/catalogue';
import type { RunChange } from '../engine/study/types';

/** A number as a person typed it (JavaScript's shortest round-trip form), a value of any other kind as JSON. */
const show = (v: unknown) => (typeof v === 'number' ? String(v) : JSON.stringify(v));

/** A parameter's label without its explanation in brackets: "c (conflict aversion)" → "c". */
const shortLabel = (label: string) => label.split(' (')[0] ?? label;

function methodLabel(id: string): string {
  return findMethodCard(id)?.label ?? id;
}

/** "method A → B" for another method, "method A: p 1 → 2, q 3 → 4" for new parameters of the same one. */
export function describeMethodChange(
  from: ExperimentConfig['method'],
  to: ExperimentConfig['method'],
): string {
  if (from.id !== to.id) return `method ${methodLabel(from.id)} → ${methodLabel(to.id)}`;
  const specs = findMethodCard(to.id)?.params ?? {};
  const keys = [...new Set([...Object.keys(from.params), ...Object.keys(to.params)])];
  const parts = keys
    .filter((k) => JSON.stringify(from.params[k]) !== JSON.stringify(to.params[k]))
    .map((k) => `${shortLabel(specs[k]?.label ?? k)} ${show(from.params[k])} → ${show(to.params[k])}`);
  return `method ${methodLabel(to.id)}: ${parts.join(', ') || 'parameters changed'}`;
}

/**
 * The marks for a live change from `from` to `to` applied at `step`: one per field that changed (learning
 * rate, method). None before any training: a change at step 0 is the run's starting point, not a change.
 */
export function liveChanges(from: ExperimentConfig, to: ExperimentConfig, step: number): RunChange[] {
  if (step <= 0) return [];
  const out: RunChange[] = [];
  if (from.learningRate !== to.learningRate)
    out.push({ step, what: `learning rate ${show(from.learningRate)} → ${show(to.learningRate)}` });
  if (JSON.stringify(from.method) !== JSON.stringify(to.method))
    out.push({ step, what: describeMethodChange(from.method, to.method) });
  return out;
}
