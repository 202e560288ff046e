/**
 * What our fused kernels need of the three tfjs backends they run on, duck-typed: the engine imports only
 * @tensorflow/tfjs-core, never a backend package (.dependency-cruiser.cjs), so these are the few members of
 * tfjs-backend-cpu's, -wasm's and -webgpu's backend objects we touch, checked at run time with one clear
 * error if a tfjs upgrade renames them.
 *
 * cpu:    backend.data.get(dataId).values is the tensor's typed array; makeTensorInfo(shape, dtype, values)
 *         wraps a new one.
 * wasm:   every tensor lives in the WebAssembly heap at dataIdMap.get(dataId).memoryOffset (bytes);
 *         makeOutput(shape, dtype) allocates there. Allocating can grow the heap, which detaches earlier
 *         views of it, so input views are taken after the output is allocated.
 * webgpu: runWebGPUProgram(program, inputs, dtype, uniforms) compiles (cached by shaderKey) and dispatches.
 */
import type * as tf from '@tensorflow/tfjs-core';
import type { WebGPUProgramSpec } from './webgpu-program';

/**
 * One uniform field a program declares after tfjs's own (see webgpu-program.ts). tfjs lays a field of n
 * numbers out as a vector of n (alignment 8 or 16), so scalar fields (`a : f32, b : f32,`) must be passed
 * one entry each: `scalarUniforms`.
 */
export interface ProgramUniform {
  type: 'float32' | 'int32';
  data: number[];
}

export const scalarUniforms = (type: ProgramUniform['type'], values: number[]): ProgramUniform[] =>
  values.map((v) => ({ type, data: [v] }));

interface CpuBackendLike {
  data: { get(dataId: object): { values?: unknown } };
  makeTensorInfo(shape: number[], dtype: tf.DataType, values: Float32Array): tf.TensorInfo;
}

interface WasmBackendLike {
  wasm: { HEAPF32: Float32Array };
  dataIdMap: { get(dataId: object): { memoryOffset: number } };
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
}

interface WebGPUBackendLike {
  runWebGPUProgram(
    program: WebGPUProgramSpec,
    inputs: tf.TensorInfo[],
    dtype: tf.DataType,
    uniforms?: ProgramUniform[],
  ): tf.TensorInfo;
}

function hasMembers(backend: unknown, kind: string, members: string[]): void {
  const missing = members.filter((m) => (backend as Record<string, unknown> | null)?.[m] === undefined);
  if (missing.length)
    throw new Error(
      `fused kernel: the ${kind} backend lacks ${missing.join(', ')} (a tfjs version other than 4.22?)`,
    );
}

export function asCpu(backend: unknown): CpuBackendLike {
  hasMembers(backend, 'cpu', ['data', 'makeTensorInfo']);
  return backend as CpuBackendLike;
}

export function asWasm(backend: unknown): WasmBackendLike {
  hasMembers(backend, 'wasm', ['wasm', 'dataIdMap', 'makeOutput']);
  return backend as WasmBackendLike;
}

export function asWebGPU(backend: unknown): WebGPUBackendLike {
  hasMembers(backend, 'webgpu', ['runWebGPUProgram']);
  return backend as WebGPUBackendLike;
}

/** A cpu tensor's values as float32 (our kernels read float32 inputs only; see fused-kernel.ts). */
export function cpuValues(backend: CpuBackendLike, t: tf.TensorInfo): Float32Array {
  const values = backend.data.get(t.dataId).values;
  if (values instanceof Float32Array) return values;
  return Float32Array.from(values as ArrayLike<number>);
}

/** A live view of a wasm tensor's float32 data. Take it after the last allocation (the heap may move). */
export function wasmView(backend: WasmBackendLike, t: tf.TensorInfo): Float32Array {
  const size = t.shape.reduce((a, b) => a * b, 1);
  const offset = backend.dataIdMap.get(t.dataId).memoryOffset / 4;
  return backend.wasm.HEAPF32.subarray(offset, offset + size);
}
