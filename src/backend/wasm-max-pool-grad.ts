/**
 * MaxPoolGrad for tfjs-backend-wasm 4.22, in front of the stock kernel: the gradient of a 2-D max pool,
 * dx[argmax of each window] += dy[window], as one pass over the windows in JS on the backend's heap.
 *
 * Why: the stock kernel was the largest of a LeNet step after the convolutions moved to XNNPACK
 * (wasm-conv-filter-grad.ts): 29–34 ms of a ~70 ms MultiMNIST step at batch 128 (bench/multi-mnist/
 * profile-step.ts), for 4 comparisons and one add per window. Here it is a few ms.
 *
 * Ties: a window's gradient goes to its FIRST maximum in row-major order (strictly greater replaces), the
 * rule of tfjs's cpu backend and of tf.argMax. They matter: LeNet pools before its ReLU, and a blank patch
 * of a digit image convolves to the bias alone, so whole windows tie. The stock wasm kernel routes such
 * windows differently (measured: an all-tied 2 x 2 window goes to its first element, but overlapping
 * windows of ties all to a later shared one), so WASM runs now match the cpu backend's choice, as the test
 * checks on tied inputs; both are valid subgradients.
 */
import * as tf from '@tensorflow/tfjs-core';

interface WasmBackendLike {
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(info: tf.TensorInfo): Float32Array;
}

interface PoolAttrs {
  filterSize: [number, number] | number;
  strides: [number, number] | number;
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

const maxPoolGrad: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const wasm = backend as unknown as WasmBackendLike;
  const { dy, input } = inputs as { dy: tf.TensorInfo; input: tf.TensorInfo };
  const { filterSize, strides, pad, dimRoundingMode } = attrs as unknown as PoolAttrs;
  const info = tf.backend_util.computePool2DInfo(
    input.shape as [number, number, number, number],
    filterSize,
    strides,
    1,
    pad,
    dimRoundingMode,
  );
  const out = wasm.makeOutput(input.shape, 'float32');
  const dx = wasm.typedArrayFromHeap(out);
  dx.fill(0);
  if (dx.length === 0) return out;
  const x = wasm.typedArrayFromHeap(input);
  const g = wasm.typedArrayFromHeap(dy);
  const { batchSize, inHeight, inWidth, inChannels: C, outHeight, outWidth } = info;
  const { strideHeight, strideWidth, filterHeight, filterWidth } = info;
  const { top, left } = info.padInfo;
  let k = 0; // dy's flat index, NHWC
  for (let b = 0; b < batchSize; b++) {
    const base = b * inHeight * inWidth * C;
    for (let yR = 0; yR < outHeight; yR++) {
      const r0 = yR * strideHeight - top;
      const [rFrom, rTo] = [Math.max(r0, 0), Math.min(r0 + filterHeight, inHeight)];
      for (let yC = 0; yC < outWidth; yC++) {
        const c0 = yC * strideWidth - left;
        const [cFrom, cTo] = [Math.max(c0, 0), Math.min(c0 + filterWidth, inWidth)];
        for (let d = 0; d < C; d++, k++) {
          let best = -Infinity;
          let at = -1;
          for (let i = rFrom; i < rTo; i++) {
            for (let p = base + (i * inWidth + cFrom) * C + d, j = cFrom; j < cTo; j++, p += C) {
              const v = x[p] as number;
              if (v > best) {
                best = v;
                at = p;
              }
            }
          }
          if (at >= 0) dx[at] = (dx[at] as number) + (g[k] as number);
        }
      }
    }
  }
  return out;
};

let installed = false;

/** Puts this kernel in front of the stock one for the 'wasm' backend, once (keeping the stock setup). */
export function registerWasmMaxPoolGrad(): void {
  const stock = tf.getKernel('MaxPoolGrad', 'wasm');
  if (installed) return;
  if (stock) tf.unregisterKernel('MaxPoolGrad', 'wasm');
  tf.registerKernel({
    ...(stock ?? {}),
    kernelName: 'MaxPoolGrad',
    backendName: 'wasm',
    kernelFunc: maxPoolGrad,
  });
  installed = true;
}
