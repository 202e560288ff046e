/**
 * The shape of a tfjs-backend-webgpu program (tfjs 4.22, dist/webgpu_program.js), for our own WGSL.
 *
 * tfjs wraps `getUserCode()` in a shader it generates: binding 0 is the output `result` (read_write), then one
 * read-only storage array per name in `variableNames` (an input `param` is `param[i]` in WGSL), then a
 * uniform struct `uniforms` holding NAN, INFINITY, each input's `<name>Shape` and `<name>ShapeStrides`,
 * `outShape`, `outShapeStrides`, `size` (the output's element count, since `size` is true) and then the
 * fields we declare in `uniforms` (their values are passed to runWebGPUProgram, in the same order). With a
 * flat dispatch layout tfjs calls our `fn main(index : i32)` once per thread with its global index, and
 * `setOutputAtIndex(i, v)` writes the output. Pipelines are cached by shaderKey, extended by tfjs with the
 * input ranks, dtypes and broadcast pattern, so one key must mean one WGSL text for given ranks.
 */

export interface WebGPUProgramSpec {
  variableNames: string[];
  outputShape: number[];
  shaderKey: string;
  dispatchLayout: { x: number[] };
  dispatch: [number, number, number];
  workgroupSize: [number, number, number];
  size: boolean;
  uniforms?: string;
  getUserCode(): string;
}

const WORKGROUP = 64;

/**
 * WGSL helpers every program gets. Finiteness is read from the bits: WGSL lets a compiler assume no NaN or
 * infinity in arithmetic (so `x != x` may fold away), but not in a bitcast.
 */
export const WGSL_HELPERS = `
  fn isFiniteF32(x : f32) -> bool {
    return (bitcast<u32>(x) & 0x7fffffffu) < 0x7f800000u;
  }
  fn sigmoidStable(z : f32) -> f32 {
    if (z >= 0.0) { return 1.0 / (1.0 + exp(-z)); }
    let e = exp(z);
    return e / (1.0 + e);
  }
  // log(1 + x) for x in [0, 1], exact to float32 rounding also for tiny x (WGSL has no log1p).
  fn log1pSmall(x : f32) -> f32 {
    if (x < 1e-4) { return x * (1.0 - x * (0.5 - x / 3.0)); }
    return log(1.0 + x);
  }
`;

/**
 * One thread per output element, 64 to a workgroup (tfjs splits a dispatch over 65535 workgroups itself).
 * `body` is WGSL run with `index` (the flat output index) already checked against `uniforms.size`; it reads
 * input `x` as `xAt(i)`, never `x[i]`: a float32 tensor cast from bool or int32 keeps sharing its i32
 * buffer on WebGPU (tfjs's Cast is a no-op there), and xAt converts. Input names must not be WGSL
 * reserved words (`target` is one).
 */
export function elementwiseProgram(opts: {
  key: string;
  inputs: string[];
  outputShape: number[];
  uniforms?: string;
  body: string;
  helpers?: string;
}): WebGPUProgramSpec {
  const size = opts.outputShape.reduce((a, b) => a * b, 1);
  return {
    variableNames: opts.inputs,
    outputShape: opts.outputShape,
    shaderKey: `mtl_${opts.key}`,
    dispatchLayout: { x: opts.outputShape.map((_, i) => i) },
    dispatch: [Math.ceil(size / WORKGROUP), 1, 1],
    workgroupSize: [WORKGROUP, 1, 1],
    size: true,
    ...(opts.uniforms ? { uniforms: opts.uniforms } : {}),
    getUserCode: () => `
      ${WGSL_HELPERS}
      ${opts.inputs.map((name) => `fn ${name}At(i : i32) -> f32 { return f32(${name}[i]); }`).join('\n')}
      ${opts.helpers ?? ''}
      fn main(index : i32) {
        if (index >= uniforms.size) { return; }
        ${opts.body}
      }
    `,
  };
}
