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

let installed = false;

/** Wrap the WASM kernels above, once; call after '@tensorflow/tfjs-backend-wasm' is imported. */
export function fixWasmEmptyReductions(): void {
  if (installed) return;
  for (const [name, emptyAnswer] of Object.entries(EMPTY_ANSWERS)) {
    const stock = tf.getKernel(name, 'wasm');
    if (!stock) throw new Error(`tfjs-backend-wasm has no '${name}' kernel to wrap (was it imported?)`);
    tf.unregisterKernel(name, 'wasm');
    tf.registerKernel({
      ...stock,
      kernelFunc: (args) => {
        const answer = emptyAnswer(args);
        if (!answer) return stock.kernelFunc(args);
        const x = Object.values(args.inputs)[0] as tf.TensorInfo;
        return filled(args.backend as unknown as WasmBackendLike, answer.shape, x.dtype, answer.value);
      },
    });
  }
  installed = true;
}
