/**
 * A fused kernel: one tfjs kernel name with an implementation for the cpu, wasm and webgpu backends,
 * registered with tfjs on first use and called through `tf.engine().runKernel`, so tfjs stays the tensor
 * runtime (memory, tidy, disposal) while a training step issues one dispatch where the composition of
 * tfjs ops issued several (docs/architecture.md, measured facts: a small step costs dispatches).
 *
 * cpu and wasm share one JavaScript loop over float32 arrays (wasm's live in its heap); webgpu runs WGSL.
 * On any other backend (webgl) `runFused` returns null and the caller uses its composition of tfjs ops,
 * which is also the reference the kernels are tested against.
 */
import * as tf from '@tensorflow/tfjs-core';
import { asCpu, asWasm, asWebGPU, cpuValues, wasmView, type ProgramUniform } from './backend-access';
import type { WebGPUProgramSpec } from './webgpu-program';

export type KernelAttrs = Record<string, number | number[] | string>;

/**
 * The inputs' arrays and shapes, in the order of `inputs` (at most seven: with the output, WebGPU's
 * guaranteed 8 storage buffers a shader): typed as a tuple so that a kernel destructures as many as it
 * declares.
 */
type Seven<T> = [T, T, T, T, T, T, T];
export type InputArrays = Seven<Float32Array>;
export type InputShapes = Seven<number[]>;

export interface FusedKernel<A extends KernelAttrs> {
  /** The tfjs kernel name (prefixed, so it can never shadow one of tfjs's own). */
  name: string;
  /** Input names in order: the keys of `inputs` and the WGSL array names. Every input is float32. */
  inputs: readonly string[];
  outputShape(shapes: InputShapes, attrs: A): number[];
  /** The cpu and wasm implementation: writes every element of `out` (float32, fresh). */
  compute(inputs: InputArrays, out: Float32Array, shapes: InputShapes, attrs: A): void;
  webgpu(shapes: InputShapes, attrs: A): { program: WebGPUProgramSpec; uniforms?: ProgramUniform[] };
}

export const FUSED_BACKENDS = ['cpu', 'wasm', 'webgpu'] as const;

/**
 * Rounds to float32. A cpu or wasm kernel that rounds after every operation, in the composition's order,
 * reproduces tfjs's cpu ops bit for bit (each stores its result in a Float32Array): an optimizer step
 * then gives the very numbers the unfused step gave, and a long run its trajectory (tests of 10,000-step
 * runs depend on it).
 *
 * A kernel's loop aliases Math.fround in its own module instead of importing this: under tsx (the CLI,
 * tests, Node benchmarks) an imported binding is a getter on the exports object, which V8 did not inline,
 * and Adam's update then took ~480 µs a step for 5 seeds where the local alias takes ~57 µs (measured in
 * Node on WASM, Dec 2026). Bundles (Vite) were unaffected.
 */
export const f32 = Math.fround;

const sizeOf = (shape: number[]) => shape.reduce((a, b) => a * b, 1);

function kernelFunc<A extends KernelAttrs>(
  def: FusedKernel<A>,
  backendName: (typeof FUSED_BACKENDS)[number],
): tf.KernelFunc {
  return ({ inputs, backend, attrs }) => {
    const infos = def.inputs.map((name) => {
      const info = inputs[name];
      if (!info) throw new Error(`${def.name}: input '${name}' is missing`);
      if (info.dtype !== 'float32')
        throw new Error(`${def.name}: input '${name}' is ${info.dtype}; accepted: float32`);
      return info;
    });
    const shapes = infos.map((t) => t.shape) as InputShapes;
    const a = attrs as A;
    const outShape = def.outputShape(shapes, a);
    if (backendName === 'cpu') {
      const cpu = asCpu(backend);
      const out = new Float32Array(sizeOf(outShape));
      def.compute(infos.map((t) => cpuValues(cpu, t)) as InputArrays, out, shapes, a);
      return cpu.makeTensorInfo(outShape, 'float32', out);
    }
    if (backendName === 'wasm') {
      const wasm = asWasm(backend);
      const output = wasm.makeOutput(outShape, 'float32');
      if (sizeOf(outShape) === 0) return output;
      def.compute(infos.map((t) => wasmView(wasm, t)) as InputArrays, wasmView(wasm, output), shapes, a);
      return output;
    }
    const { program, uniforms } = def.webgpu(shapes, a);
    return asWebGPU(backend).runWebGPUProgram(program, infos, 'float32', uniforms);
  };
}

const registered = new Set<string>();

/** Registers `def` for cpu, wasm and webgpu once per process (tfjs warns when a kernel is registered twice). */
export function ensureRegistered<A extends KernelAttrs>(def: FusedKernel<A>): void {
  if (registered.has(def.name)) return;
  for (const backendName of FUSED_BACKENDS)
    if (!tf.getKernel(def.name, backendName))
      tf.registerKernel({ kernelName: def.name, backendName, kernelFunc: kernelFunc(def, backendName) });
  registered.add(def.name);
}

/** Whether the current backend runs our fused kernels (webgl does not: callers compose tfjs ops there). */
export function fusedAvailable(): boolean {
  return (FUSED_BACKENDS as readonly string[]).includes(tf.getBackend());
}

/** Runs `def` on the current backend, or returns null where it has no implementation. */
export function runFused<A extends KernelAttrs>(
  def: FusedKernel<A>,
  inputs: Record<string, tf.Tensor>,
  attrs: A,
): tf.Tensor | null {
  if (!fusedAvailable()) return null;
  ensureRegistered(def);
  return tf.engine().runKernel<tf.Tensor>(def.name, inputs, attrs);
}
