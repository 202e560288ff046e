/**
 * The default experiment's data, for the naive baseline, without the engine: x ~ U[-6, 6]² shared by every
 * task, labelled by TensorFlow Playground's xor (x1·x2 ≥ 0) and by the sign of the nearest of its six
 * regress-Gaussian centres (a 3×2 checkerboard), as src/engine/tasks/playground-2d.ts defines them
 * (test/bench-naive.test.ts checks these labels against the engine's). The samples differ from the
 * engine's (another generator), which a speed comparison does not mind: same sizes, same distribution.
 */

/** mulberry32: a tiny seeded generator, enough for data and batch order of a benchmark. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HALF = 6;
const GAUSSIANS: [number, number, number][] = [
  [-4, 2.5, 1],
  [0, 2.5, 0],
  [4, 2.5, 1],
  [-4, -2.5, 0],
  [0, -2.5, 1],
  [4, -2.5, 0],
];

export const NAIVE_PATTERNS = {
  xor: (x1: number, x2: number) => (x1 * x2 >= 0 ? 1 : 0),
  gauss(x1: number, x2: number) {
    let best = Number.POSITIVE_INFINITY;
    let label = 0;
    for (const [cx, cy, l] of GAUSSIANS) {
      const d = (x1 - cx) ** 2 + (x2 - cy) ** 2;
      if (d < best) [best, label] = [d, l];
    }
    return label;
  },
};
export type NaivePattern = keyof typeof NAIVE_PATTERNS;

/** `count` samples: x row-major [count, 2]; y row-major [count, T], one column per pattern. */
export function playgroundSamples(
  patterns: readonly NaivePattern[],
  count: number,
  random: () => number,
): { x: Float32Array; y: Float32Array } {
  const x = new Float32Array(count * 2);
  const y = new Float32Array(count * patterns.length);
  for (let n = 0; n < count; n++) {
    const x1 = (random() * 2 - 1) * HALF;
    const x2 = (random() * 2 - 1) * HALF;
    x[2 * n] = x1;
    x[2 * n + 1] = x2;
    patterns.forEach((p, t) => (y[n * patterns.length + t] = NAIVE_PATTERNS[p](x1, x2)));
  }
  return { x, y };
}

/** Shuffled epochs of fixed-size batches (the last partial batch dropped), as the engine's 'mixed'. */
export class EpochBatches {
  private order: Int32Array = new Int32Array(0);
  private at = 0;

  constructor(
    private readonly count: number,
    private readonly batchSize: number,
    private readonly random: () => number,
  ) {}

  next(): Int32Array {
    if (this.at + this.batchSize > this.order.length) {
      this.order = Int32Array.from({ length: this.count }, (_, i) => i);
      for (let i = this.count - 1; i > 0; i--) {
        const j = Math.floor(this.random() * (i + 1));
        [this.order[i], this.order[j]] = [this.order[j] as number, this.order[i] as number];
      }
      this.at = 0;
    }
    this.at += this.batchSize;
    return this.order.slice(this.at - this.batchSize, this.at);
  }
}
