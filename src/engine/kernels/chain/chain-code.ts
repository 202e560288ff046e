/**
 * What the fused dense-chain kernels (chain-forward.ts, chain-backward.ts, chain-param-grads.ts) share: how
 * a layer's parameter is read (θ by offset or a task tensor [T, ...] by slot), the activations and their
 * derivatives from the output, in WGSL (generated per plan, constants baked in) and in JS (the cpu/wasm
 * implementation, the kernels' reference in the Node tests). Formulas are those of architectures/mlp.ts
 * (tfjs's relu, tanh, sigmoid, elu) and kernels/activation-grad.ts.
 */
import type { Activation } from '../../architectures/specs';
import type { ChainPlan, ParamSource } from './chain-plan';

/** Task input slots are named p0 … p3 (forward) and k0, k1 (backward's task kernels). */
export const TASK_SLOTS = ['p0', 'p1', 'p2', 'p3'] as const;
export const KERNEL_SLOTS = ['k0', 'k1'] as const;

/** The plan a kernel receives as its one string attribute (cached: a step passes the same text each time). */
const parsed = new Map<string, ChainPlan>();
export function planOf(attrs: { plan: string }): ChainPlan {
  let plan = parsed.get(attrs.plan);
  if (!plan) {
    plan = JSON.parse(attrs.plan) as ChainPlan;
    parsed.set(attrs.plan, plan);
  }
  return plan;
}

/** A short, stable shader-key suffix for a plan (tfjs caches a compiled pipeline per key). */
export function planKey(planText: string): string {
  let h = 2166136261;
  for (let i = 0; i < planText.length; i++) h = Math.imul(h ^ planText.charCodeAt(i), 16777619);
  return `${(h >>> 0).toString(36)}_${planText.length}`;
}

/**
 * WGSL reading element `index` (an i32 expression) of a parameter of `size` values per task, for task `t`.
 * `taskArray` names the WGSL array of a task slot.
 */
export function wgslParam(
  src: ParamSource,
  t: string,
  index: string,
  size: number,
  taskArray: (slot: number) => string,
): string {
  return src.role === 'shared'
    ? `f32(theta[${src.offset} + ${index}])`
    : `f32(${taskArray(src.slot)}[${t} * ${size} + ${index}])`;
}

export function jsParam(
  src: ParamSource,
  theta: Float32Array,
  task: (slot: number) => Float32Array,
  t: number,
  index: number,
  size: number,
): number {
  return src.role === 'shared'
    ? (theta[src.offset + index] as number)
    : (task(src.slot)[t * size + index] as number);
}

/** act(z) in WGSL, as tfjs-backend-webgpu writes its unary ops. */
export function wgslActivation(activation: Activation, z: string): string {
  switch (activation) {
    case 'linear':
      return z;
    case 'relu':
      return `max(${z}, 0.0)`;
    case 'tanh':
      return `tanhStable(${z})`;
    case 'sigmoid':
      return `sigmoidStable(${z})`;
    case 'elu':
      return `select(exp(${z}) - 1.0, ${z}, ${z} >= 0.0)`;
  }
}

export function jsActivation(activation: Activation, z: number): number {
  switch (activation) {
    case 'linear':
      return z;
    case 'relu':
      return Math.max(z, 0);
    case 'tanh':
      return Math.tanh(z);
    case 'sigmoid':
      return 1 / (1 + Math.exp(-z));
    case 'elu':
      return z >= 0 ? z : Math.expm1(z);
  }
}

/** f'(z) from h = f(z), multiplied into the cotangent (a NaN cotangent stays NaN under relu). */
export function wgslSlope(activation: Activation, h: string): string {
  switch (activation) {
    case 'linear':
      return '1.0';
    case 'relu':
      return `select(0.0, 1.0, ${h} > 0.0)`;
    case 'tanh':
      return `(1.0 - ${h} * ${h})`;
    case 'sigmoid':
      return `(${h} * (1.0 - ${h}))`;
    case 'elu':
      return `select(${h} + 1.0, 1.0, ${h} > 0.0)`;
  }
}

export function jsSlope(activation: Activation, h: number): number {
  switch (activation) {
    case 'linear':
      return 1;
    case 'relu':
      return h > 0 ? 1 : 0;
    case 'tanh':
      return 1 - h * h;
    case 'sigmoid':
      return h * (1 - h);
    case 'elu':
      return h > 0 ? 1 : h + 1;
  }
}

/** tanh without overflow (exp of a large |z|), as tfjs-backend-webgpu's Tanh. */
export const WGSL_TANH = `
  fn tanhStable(z : f32) -> f32 {
    let e2z = exp(-2.0 * abs(z));
    return sign(z) * (1.0 - e2z) / (1.0 + e2z);
  }
`;

/** A program whose workgroups each own one row (a task's copy of one sample), 64 threads wide. */
export const ROW_WORKGROUP = 64;

/**
 * WGSL that reads every input and the uniforms once where no thread gets: the shader compiler drops the
 * bindings of arrays a program never reads (our programs bake their sizes in, so they read no uniform),
 * and tfjs's bind group (layout 'auto') then names a binding the layout lacks. The condition is false for
 * every real workgroup but not provably so (a u32 id converted to i32).
 */
export const wgslTouch = (inputs: readonly string[]) =>
  `if (i32(workgroupId.x) < 0) { result[0] = uniforms.NAN + ${inputs.map((n) => `f32(${n}[0])`).join(' + ')}; }`;
