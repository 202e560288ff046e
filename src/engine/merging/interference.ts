/**
 * How much the specialists' edits fight, per shared layer (page-safe, plain arrays): the fraction of
 * coordinates where the task vectors disagree in sign, and the cosine between every two task vectors. The
 * sign conflicts are what TIES-merging's election resolves (Yadav et al., NeurIPS 2023, §3: "sign
 * conflicts"); a negative cosine means adding the vectors cancels part of each.
 */
import type { LayerInterference } from './report';

/** A shared layer's index ranges in θ (train/model.ts SharedLayer, structurally). */
interface LayerRanges {
  name: string;
  ranges: readonly { offset: number; size: number }[];
}

/** Interference over the given index ranges of θ (a layer's, or the whole vector's). */
export function interferenceOver(
  vectors: readonly Float32Array[],
  ranges: readonly { offset: number; size: number }[],
  layer: string,
): LayerInterference {
  const T = vectors.length;
  // dot[a·T + b] = ⟨τ_a, τ_b⟩ over the ranges (upper triangle filled).
  const dot = new Float64Array(T * T);
  let conflicts = 0;
  let compared = 0;
  for (const { offset, size } of ranges)
    for (let i = offset; i < offset + size; i++) {
      let positive = 0;
      let negative = 0;
      for (let a = 0; a < T; a++) {
        const va = (vectors[a] as Float32Array)[i] as number;
        if (va > 0) positive++;
        else if (va < 0) negative++;
        for (let b = a; b < T; b++)
          dot[a * T + b] = (dot[a * T + b] as number) + va * ((vectors[b] as Float32Array)[i] as number);
      }
      if (positive + negative >= 2) {
        compared++;
        if (positive > 0 && negative > 0) conflicts++;
      }
    }
  const at = (a: number, b: number) => dot[Math.min(a, b) * T + Math.max(a, b)] as number;
  const cosine = Array.from({ length: T }, (_, a) =>
    Array.from({ length: T }, (_, b) => {
      const denominator = Math.sqrt(at(a, a)) * Math.sqrt(at(b, b));
      return denominator > 0 ? at(a, b) / denominator : 0;
    }),
  );
  return { layer, signConflict: compared ? conflicts / compared : 0, compared, cosine };
}

/** Per shared layer, then 'all' over the whole shared vector. */
export function interferenceByLayer(
  vectors: readonly Float32Array[],
  layers: readonly LayerRanges[],
): LayerInterference[] {
  const length = vectors[0]?.length ?? 0;
  return [
    ...layers.map((l) => interferenceOver(vectors, l.ranges, l.name)),
    interferenceOver(vectors, [{ offset: 0, size: length }], 'all'),
  ];
}
