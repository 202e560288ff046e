/**
 * tfjs-backend-wasm 4.22 leaves the output of a reduction over an EMPTY axis unwritten: `sum` of a [T, 0]
 * tensor over its last axis, or a matrix product whose inner dimension is 0, returns whatever the heap held
 * (denormals in a fresh page, anything later). Independent nets (no layer shared) have an empty θ, so every
 * gradient statistic and every gradient method would read garbage on WASM, which the app now picks on
 * machines without a GPU. The CPU backend answers 0 for all three (an empty sum is 0, an empty product of
 * matrices is the zero matrix, and its empty mean is 0 too): these wrappers make WASM answer the same and
 * pass every non-empty call straight to the stock kernel. Products with an empty output are answered here
 * too (XNNPACK refuses them noisily). wasm-empty-reductions.test.ts checks each
 * against the CPU backend.
 *
 * tfjs-backend-webgpu 4.22 fails on the same calls differently: its reduce program sizes a buffer by the
 * reduced axis and throws creating one of NaN bytes, so independent nets could not even build there. The
 * same answers are installed for it (fixWebGpuEmptyReductions; test/browser/kernels.test.ts checks them).
 */
import * as tf from '@tensorflow/tfjs-core';

interface WasmBackendLike {
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(info: tf.TensorInfo): Float32Array | Int32Array | Uint8Array;
}

type Args = Parameters<tf.KernelFunc>[0];

/** The shape a reduction of `shape` over `axis` gives, as tfjs computes it. */
function reducedShape(shape: number[], axis: number | number[], keepDims: boolean): number[] {
  const axes = tf.util.parseAxisParam(axis, shape);
  const [outShape] = tf.backend_util.computeOutAndReduceShapes(shape, axes);
  return keepDims ? tf.backend_util.expandShapeToKeepDim(outShape, axes) : outShape;
}

/** [..., m, n] for a product of a and b, batch dimensions broadcast. */
function productShape(a: number[], b: number[], transposeA: boolean, transposeB: boolean): number[] {
  const batch = tf.broadcast_util.assertAndGetBroadcastShape(a.slice(0, -2), b.slice(0, -2));
  const m = transposeA ? a[a.length - 1] : a[a.length - 2];
  const n = transposeB ? b[b.length - 2] : b[b.length - 1];
  return [...batch, m ?? 0, n ?? 0];
}

function filled(backend: WasmBackendLike, shape: number[], dtype: tf.DataType, value: number): tf.TensorInfo {
  const out = backend.makeOutput(shape, dtype);
  backend.typedArrayFromHeap(out).fill(value);
  return out;
}

/** When the kernel's call is empty, the answer to give instead (null: let the stock kernel run). */
const EMPTY_ANSWERS: Record<string, (args: Args) => { shape: number[]; value: number } | null> = {
  Sum: ({ inputs, attrs }) => {
    const x = inputs.x as tf.TensorInfo;
    // Checked first: this runs on every sum of every step, and almost none is empty.
    if (tf.util.sizeFromShape(x.shape) !== 0) return null;
    return { shape: reducedShape(x.shape, attrs?.axis as number[], attrs?.keepDims === true), value: 0 };
  },
  Mean: ({ inputs, attrs }) => {
    const x = inputs.x as tf.TensorInfo;
    // Checked first: this runs on every mean of every step, and almost none is empty.
    if (tf.util.sizeFromShape(x.shape) !== 0) return null;
    return { shape: reducedShape(x.shape, attrs?.axis as number[], attrs?.keepDims === true), value: 0 };
  },
  BatchMatMul: (args) => emptyProduct(args, 'zeros'),
  _FusedMatMul: (args) => emptyProduct(args, 'empty-output-only'),
};

/**
 * A product with an empty operand: with inner dimension 0 it is the zero matrix; with an empty output
 * (no rows, columns or batches: a model with no shared layer multiplies by [3, 0] weights) XNNPACK
 * refuses to build the operator and prints "XNN status ... status 2" once per call, so the empty output
 * is made here. A fused product adds a bias and an activation to the zeros, so only its empty output is
 * answered here.
 */
function emptyProduct(
  { inputs, attrs }: Args,
  inner0: 'zeros' | 'empty-output-only',
): { shape: number[]; value: number } | null {
  const [a, b] = [inputs.a as tf.TensorInfo, inputs.b as tf.TensorInfo];
  // Checked first: this runs on every product of every step, and almost none is empty.
  if (tf.util.sizeFromShape(a.shape) !== 0 && tf.util.sizeFromShape(b.shape) !== 0) return null;
  const shape = productShape(a.shape, b.shape, attrs?.transposeA === true, attrs?.transposeB === true);
  if (inner0 === 'empty-output-only' && tf.util.sizeFromShape(shape) !== 0) return null;
  return { shape, value: 0 };
}

/** How a backend makes a filled output the size of an empty reduction's answer. */
type Filler = (backend: unknown, shape: number[], dtype: tf.DataType, value: number) => tf.TensorInfo;

const wasmFiller: Filler = (backend, shape, dtype, value) =>
  filled(backend as WasmBackendLike, shape, dtype, value);

/** WebGPU uploads the values (its reduce program sizes a uniform buffer by the reduced axis: NaN for 0). */
const uploadFiller: Filler = (backend, shape, dtype, value) =>
  (
    backend as { makeTensorInfo(s: number[], d: tf.DataType, v: Float32Array | Int32Array): tf.TensorInfo }
  ).makeTensorInfo(
    shape,
    dtype,
    dtype === 'int32'
      ? new Int32Array(tf.util.sizeFromShape(shape)).fill(value)
      : new Float32Array(tf.util.sizeFromShape(shape)).fill(value),
  );

const installed = new Set<string>();

function wrapEmptyReductions(backendName: string, fill: Filler): void {
  if (installed.has(backendName)) return;
  for (const [name, emptyAnswer] of Object.entries(EMPTY_ANSWERS)) {
    const stock = tf.getKernel(name, backendName);
    if (!stock)
      throw new Error(`tfjs's ${backendName} backend has no '${name}' kernel to wrap (was it imported?)`);
    tf.unregisterKernel(name, backendName);
    tf.registerKernel({
      ...stock,
      kernelFunc: (args) => {
        const answer = emptyAnswer(args);
        if (!answer) return stock.kernelFunc(args);
        const x = Object.values(args.inputs)[0] as tf.TensorInfo;
        return fill(args.backend, answer.shape, x.dtype, answer.value);
      },
    });
  }
  installed.add(backendName);
}

/** Wrap the WASM kernels above, once; call after '@tensorflow/tfjs-backend-wasm' is imported. */
export function fixWasmEmptyReductions(): void {
  wrapEmptyReductions('wasm', wasmFiller);
}

/**
 * The same for WebGPU, whose reductions over an empty axis throw while creating a buffer of NaN bytes
 * ("Failed to read the 'size' property from 'GPUBufferDescriptor'"): independent nets could not train on
 * it. Call after '@tensorflow/tfjs-backend-webgpu' is imported.
 */
export function fixWebGpuEmptyReductions(): void {
  wrapEmptyReductions('webgpu', uploadFiller);
}
