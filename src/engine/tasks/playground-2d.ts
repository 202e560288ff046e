/**
 * Binary classification of 2-D points in the style of TensorFlow Playground (Smilkov, Carter et al.,
 * tensorflow/playground src/dataset.ts), made multi-task: every task labels the same inputs
 * x ~ U[-6, 6]² (Playground's box) with its own pattern. Playground draws points per class and perturbs
 * them; with shared inputs each pattern must instead be a deterministic labelling function of (x1, x2):
 * - circle: inside the circle about the origin holding half the box (r = √(72/π) ≈ 4.79; Playground's
 *   r = 2.5 would leave the classes 14% / 86% on this box);
 * - xor: x1·x2 ≥ 0 (Playground's getXORLabel);
 * - gauss: the sign of the nearest of the six Gaussians of Playground's regress-Gaussian data set
 *   ((±4 | 0, ±2.5), a 3×2 checkerboard); its two-blob classifier would label x1 + x2 > 0, the same as plane;
 * - spiral: the nearer arm of Playground's two spirals r = (5 / 3.5π)(t - δ), δ ∈ {0, π}, point
 *   (r sin t, r cos t), extended past r = 5 to cover the box;
 * - plane: x1 + x2 > 0 (the sign of Playground's regress-plane target).
 * Targets are 1 (Playground's +1) and 0 (its -1), for binary cross-entropy on logits.
 */
import { choiceList } from '../params/spec';
import type { SampleGenerator } from './data';
import { buildSplits, checkDataParams, dataSpecs } from './data-specs';
import { defineTaskSuite } from './types';

export const PATTERNS = ['circle', 'xor', 'gauss', 'spiral', 'plane'] as const;
export type Pattern = (typeof PATTERNS)[number];

/** Half the side of the input box: x ~ U[-HALF, HALF]² for train and test, shared or separate inputs. */
const HALF = 6;
/** That box, fresh each call (callers may keep or change it). */
const inputBox = (): [[number, number], [number, number]] => [
  [-HALF, HALF],
  [-HALF, HALF],
];
/** Resolution of the decision-boundary picture: 48² predictions a request, cheap enough to ask often. */
const BOUNDARY_GRID = 48;
const CIRCLE_RADIUS = Math.sqrt((2 * HALF) ** 2 / 2 / Math.PI);
const GAUSSIANS: [number, number, number][] = [
  [-4, 2.5, 1],
  [0, 2.5, 0],
  [4, 2.5, 1],
  [-4, -2.5, 0],
  [0, -2.5, 1],
  [4, -2.5, 0],
];
/** Radial growth per radian of Playground's spirals: r goes 0 → 5 while t goes 0 → 3.5π. */
const SPIRAL_B = 5 / (3.5 * Math.PI);

/** Each pattern's clean label (1 or 0) of the point (x1, x2). */
export const PATTERN_LABEL: Record<Pattern, (x1: number, x2: number) => number> = {
  circle: (x1, x2) => (Math.hypot(x1, x2) < CIRCLE_RADIUS ? 1 : 0),
  xor: (x1, x2) => (x1 * x2 >= 0 ? 1 : 0),
  gauss(x1, x2) {
    let best = Number.POSITIVE_INFINITY;
    let label = 0;
    for (const [cx, cy, l] of GAUSSIANS) {
      const d = (x1 - cx) ** 2 + (x2 - cy) ** 2;
      if (d < best) [best, label] = [d, l];
    }
    return label;
  },
  // On the δ = 0 arm r/b - t ≡ 0 (mod 2π), on the δ = π arm ≡ π: the cosine says which arm is nearer.
  spiral: (x1, x2) => (Math.cos(Math.hypot(x1, x2) / SPIRAL_B - Math.atan2(x1, x2)) >= 0 ? 1 : 0),
  plane: (x1, x2) => (x1 + x2 > 0 ? 1 : 0),
};

/** Clean labels; flipped training labels come from the shared data block's `labelNoise` (data-specs.ts). */
export function playgroundGenerator(patterns: readonly Pattern[]): SampleGenerator {
  return {
    numTasks: patterns.length,
    inputDim: 2,
    outputDim: 1,
    targets: 'binary',
    inputs: (count, r) => r.uniformArray(count * 2, -HALF, HALF),
    labels(task, x, count) {
      const rule = PATTERN_LABEL[patterns[task] ?? 'circle'];
      return Float32Array.from({ length: count }, (_, n) => rule(x[2 * n] as number, x[2 * n + 1] as number));
    },
  };
}

/** The tasks' names: the patterns', a repeated pattern with its position so that names stay unique. */
const patternNames = (patterns: readonly string[]) =>
  patterns.map((pattern, t) => (patterns.indexOf(pattern) === t ? pattern : `${pattern} (${t + 1})`));

export const playground2dSuite = defineTaskSuite({
  id: 'playground-2d',
  label: 'Playground 2-D patterns',
  summary:
    'Binary classification of the same 2-D points by several TensorFlow-Playground patterns (circle, xor, gauss, spiral, plane); small enough to watch the decision boundaries.',
  citation:
    'Patterns after TensorFlow Playground (Smilkov, Carter et al., 2016; github.com/tensorflow/playground)',
  kind: 'data',
  params: {
    patterns: choiceList({
      label: 'patterns',
      help: 'One task per entry, each labelling the shared points by its pattern. The default pair shares the boundary x2 = 0 but disagrees about the vertical boundaries: partly shared, partly conflicting.',
      options: PATTERNS,
      // xor (quadrants) and gauss (3×2 checkerboard) agree on half the box and share one boundary, so a
      // shared trunk helps one feature and fights over the other; circle + xor would share no feature.
      default: ['xor', 'gauss'],
      minLength: 1,
      maxLength: 8,
    }),
    ...dataSpecs('binary', { train: 1000, test: 1000 }),
  },
  numTasks: (p) => p.patterns.length,
  taskNames: (p) => patternNames(p.patterns),
  check: (p) => checkDataParams(p, p.patterns.length),
  // The boundary is drawn over exactly the box the samples are drawn from.
  views: () => [{ kind: 'decision-boundary', bounds: inputBox(), gridSize: BOUNDARY_GRID }],
  build(p, rng) {
    const { train, test } = buildSplits(playgroundGenerator(p.patterns), p, rng);
    return {
      kind: 'data',
      tasks: patternNames(p.patterns).map((name) => ({
        name,
        loss: 'bce-logits',
        metric: 'accuracy',
      })),
      inputDim: 2,
      outputDim: 1,
      train,
      test,
      inputBounds: inputBox(),
    };
  },
});
