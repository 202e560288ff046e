/**
 * What the gradient-geometry explorer (src/ui/explorer/) says and draws for each method it offers, in
 * its menu order: one sentence on what the method optimises, its rule as TeX (rendered with KaTeX), and
 * the kind of construction drawn around its arrow with what that shows. Page-safe data beside the cards
 * (it imports only cards), so the page picks its pictures from what this list declares and never from a
 * method id. The texts follow the implementations' headers in this folder, with the defaults
 * `cli aggregate` uses; the numbers themselves always come from the engine (aggregate-once.ts).
 */
import { cagradCard } from './cagrad.card';

/**
 * The constructions the explorer can draw: the gradients laid tip to tail (a sum), each conflicting
 * gradient projected onto the other's normal (PCGrad), the convex hull and its min-norm point (MGDA), a
 * ball around the mean gradient (CAGrad), each gradient projected onto the dual cone (UPGrad), the mean
 * projected onto it (DualProj), the update's projections onto the task directions (IMTL), and the level
 * curve of the bargaining objective within a norm budget (Nash-MTL).
 */
export type ConstructionKind =
  | 'tip-to-tail'
  | 'conflict-projections'
  | 'hull-min-norm'
  | 'ball-around-mean'
  | 'dual-cone-projections'
  | 'dual-cone-mean'
  | 'equal-projections'
  | 'bargaining';

export interface ExplorerConstruction {
  kind: ConstructionKind;
  /** What the drawing shows, for a student. */
  text: string;
  /** ball-around-mean: the radius relative to |mean gradient|. */
  radius?: number;
  /** ball-around-mean: what the point on the ball is divided by to give the update. */
  divideBy?: number;
}

export interface ExplorerNote {
  /** The method's id in the catalogue. */
  id: string;
  /** Shown on a first visit (the methods the issue names). */
  shownFirst?: boolean;
  /** Its construction is the one drawn on a first visit. */
  focusFirst?: boolean;
  goal: string;
  tex: string;
  construction?: ExplorerConstruction;
}

/** CAGrad's defaults: radius c·|g₀|, and the update divided by 1, 1 + c² or 1 + c (rescale 0, 1, 2). */
const CAGRAD_C = cagradCard.params.c.default;
const CAGRAD_DIVISOR = [1, 1 + CAGRAD_C ** 2, 1 + CAGRAD_C][cagradCard.params.rescale.default] ?? 1;

export const EXPLORER_NOTES: readonly ExplorerNote[] = [
  {
    id: 'ew',
    shownFirst: true,
    goal: 'Minimises the plain sum of the losses: every task gradient counts once, conflicts included.',
    tex: String.raw`d = \sum_{t} g_t`,
    construction: {
      kind: 'tip-to-tail',
      text: 'The gradients laid tip to tail: their sum is the arrow.',
    },
  },
  {
    id: 'pcgrad',
    shownFirst: true,
    focusFirst: true,
    goal: 'Removes conflicts: where two gradients point against each other, each loses its component along the other before they are summed.',
    tex: String.raw`\begin{gathered} g_i' \leftarrow g_i' - \frac{\min(g_i'\cdot g_j,\,0)}{\|g_j\|^2}\,g_j \quad (j \ne i,\ \text{random order}) \\ d = \textstyle\sum_i g_i' \end{gathered}`,
    construction: {
      kind: 'conflict-projections',
      text: "Dashed: each conflicting gradient projected onto the other's normal line (dotted); the projections are summed.",
    },
  },
  {
    id: 'mgda',
    shownFirst: true,
    goal: 'Finds the shortest vector in the convex hull of the gradients: a step that lowers every loss at once, as fast as the slowest allows.',
    tex: String.raw`d = \arg\min_{d \in \operatorname{conv}\{g_1,\dots,g_T\}} \|d\|^2 = \sum_t w_t g_t,\quad w \in \Delta`,
    construction: {
      kind: 'hull-min-norm',
      text: 'Shaded: the convex hull of the gradient tips; the dotted circle around 0 touches it at the min-norm point.',
    },
  },
  {
    id: 'cagrad',
    shownFirst: true,
    goal: 'Stays close to the mean gradient (within a ball of radius c·|mean|) while making the worst-off task improve as much as possible.',
    tex: String.raw`\begin{gathered} \max_{\|d-g_0\|\le c\|g_0\|}\ \min_t\, g_t\cdot d, \quad g_0=\tfrac1T\textstyle\sum_t g_t,\ \ c=0.5 \\ \text{then } d \leftarrow d/(1+c^2) \end{gathered}`,
    construction: {
      kind: 'ball-around-mean',
      text: 'The ball around the mean gradient g₀ (cross); the hollow dot is the solution on its rim, the arrow the same point divided by 1 + c².',
      radius: CAGRAD_C,
      divideBy: CAGRAD_DIVISOR,
    },
  },
  {
    id: 'upgrad',
    shownFirst: true,
    goal: 'Projects each gradient onto the dual cone (the directions that raise no loss) and averages the projections: never conflicts, and is the mean when nothing conflicts.',
    tex: String.raw`d = \frac1T \sum_t \pi_C(g_t),\qquad C = \{x : g_s\cdot x \ge 0\ \ \forall s\}`,
    construction: {
      kind: 'dual-cone-projections',
      text: 'Shaded: the dual cone C; dashed: each gradient projected onto it.',
    },
  },
  {
    id: 'imtl',
    shownFirst: true,
    goal: 'Impartial: combines the gradients so that the update has the same projection onto every task’s direction, whatever their lengths.',
    tex: String.raw`\begin{gathered} d=\textstyle\sum_t \alpha_t g_t,\ \ \sum_t \alpha_t = 1 \\ d\cdot\dfrac{g_1}{\|g_1\|}=\dots=d\cdot\dfrac{g_T}{\|g_T\|} \end{gathered}`,
    construction: {
      kind: 'equal-projections',
      text: 'Dotted: the task directions; the feet of the perpendiculars from the arrow’s tip sit at equal distances from 0.',
    },
  },
  {
    id: 'nash-mtl',
    shownFirst: true,
    goal: 'Treats the tasks as players bargaining over the step: maximises the product of every task’s gain (the Nash bargaining solution) within a norm budget.',
    tex: String.raw`\begin{gathered} \max_{\|d\|\le 1}\ \sum_t \log(g_t\cdot d) \\ \iff d \propto \textstyle\sum_t\alpha_t g_t,\ \ G G^\top \alpha = 1/\alpha \end{gathered}`,
    construction: {
      kind: 'bargaining',
      text: 'Dotted circle: the norm budget |d| = 1; curve: where the product of the gains equals the solution’s, touching the circle at the arrow.',
    },
  },
  {
    id: 'dualproj',
    goal: 'Takes the mean gradient and projects it onto the dual cone: the closest step to the mean that raises no loss.',
    tex: String.raw`d = \pi_C\!\left(\tfrac1T\textstyle\sum_t g_t\right),\qquad C = \{x : g_s\cdot x \ge 0\ \ \forall s\}`,
    construction: {
      kind: 'dual-cone-mean',
      text: 'Shaded: the dual cone; the cross is the mean gradient, dashed its projection.',
    },
  },
  {
    id: 'config',
    goal: 'Finds the direction at the same angle to every gradient and gives it the length of their summed projections.',
    tex: String.raw`u \propto U^{+}\mathbf 1\ \ (U\text{'s rows } g_t/\|g_t\|),\qquad d = \Big(\sum_t g_t\cdot u\Big)\,u`,
  },
  {
    id: 'aligned-mtl',
    goal: 'Replaces the gradients by the closest set of orthogonal gradients of equal length, then sums them: no task dominates by size or angle.',
    tex: String.raw`G G^\top = V\Lambda V^\top,\quad \alpha = \sqrt{\lambda_{\min}}\;V\Lambda^{-1/2}V^\top\mathbf 1,\quad d = \sum_t \alpha_t g_t`,
  },
  {
    id: 'fairgrad',
    goal: 'Shares the step among tasks under α-fairness (α = 1 is Nash-MTL without its norm budget).',
    tex: String.raw`d=\sum_t w_t g_t,\qquad g_t\cdot d = w_t^{-1/\alpha},\ \ \alpha = 1`,
  },
  {
    id: 'gradvac',
    goal: 'Like PCGrad, but nudges each pair towards a target cosine tracked over steps (on a first step the target is 0: PCGrad).',
    tex: String.raw`\text{if } \phi_{ij} < \hat\phi_{ij}:\ g_i \mathrel{+}= \frac{\|g_i\|\big(\hat\phi\sqrt{1-\phi^2}-\phi\sqrt{1-\hat\phi^2}\big)}{\|g_j\|\sqrt{1-\hat\phi^2}}\,g_j`,
    construction: {
      kind: 'conflict-projections',
      text: "On a first step its targets are 0, so it draws as PCGrad: each conflicting gradient projected onto the other's normal line.",
    },
  },
  {
    id: 'graddrop',
    goal: 'In every coordinate where the gradients disagree in sign, keeps only one sign at random (weighted by how much of each there is).',
    tex: String.raw`P_k = \tfrac12\Big(1+\frac{\sum_t g_{tk}}{\sum_t |g_{tk}|}\Big),\quad d_k = \sum_t g_{tk}\,[\text{sign kept}]`,
  },
  {
    id: 'krum',
    goal: 'Treats the gradients like votes from possibly faulty workers: keeps the one closest to its neighbours.',
    tex: String.raw`d = g_{t^*},\quad t^* = \arg\min_t \sum_{s \in N(t)} \|g_t - g_s\|^2`,
  },
  {
    id: 'trimmed-mean',
    goal: 'In every coordinate, drops the largest and the smallest value and averages the rest (with 3 tasks: the median).',
    tex: String.raw`d_k = \operatorname{mean}\big(\{g_{tk}\}_t \setminus \{\text{largest, smallest}\}\big)`,
  },
];
