/**
 * Conv2DBackpropFilter for tfjs-backend-wasm 4.22, which registers Conv2D and Conv2DBackpropInput but not
 * the filter gradient, so a convolutional network could not train on WASM without it ("kernel not
 * registered"); registering it also puts a faster input gradient in front of the stock one (below).
 *
 * The filter gradient of a stride-1 convolution is itself a convolution, with the batch as the channels:
 *   dW[i, j, c, o] = Σ_b Σ_y Σ_x x_pad[b, y + i, x + j, c] · dy[b, y, x, o]
 * i.e. conv2d(xᵀ [C, H, W, B], dyᵀ [oh, ow, B, O], the forward's padding) = [C, kh, kw, O], transposed to
 * [kh, kw, C, O]. That runs on the backend's XNNPACK Conv2D (SIMD GEMM) instead of a plain loop (until
 * 2026-11-30 the 3-D kernel Conv3DBackpropFilterV2 on the same memory with a depth of 1): for LeNet at
 * batch 128, 91 -> 7 ms on its second layer and 24 -> 12 ms on its first
 * (bench/multi-mnist/profile-step.ts). Its sums run in another order than the cpu backend's, so results
 * agree to float32 rounding (wasm-conv-filter-grad.test.ts).
 *
 * Accepted: NHWC, stride 1, any padding ('valid', 'same', a number, explicit); anything else gets one line
 * saying so (strided convolutions would need a dilated filter; LeNet has none).
 */
import * as tf from '@tensorflow/tfjs-core';

/** The parts of tfjs-backend-wasm's BackendWasm used here (its fields are not in the typings). */
interface WasmBackendLike {
  dataIdMap: { get(dataId: object): { shape: number[] } | undefined };
  disposeData(dataId: object): boolean;
}

/**
 * Runs the wasm backend's kernel `name` on TensorInfos. A kernel may not run tf ops (the engine would
 * track them), so intermediates are made by kernel functions directly and freed through the backend
 * (freeAll): each is a fresh heap buffer with one reference, and XNNPACK operators cached by its id are
 * deleted with it.
 */
function runWasmKernel(
  name: string,
  inputs: Record<string, tf.TensorInfo>,
  attrs: Record<string, unknown>,
  backend: unknown,
): tf.TensorInfo {
  const kernel = tf.getKernel(name, 'wasm');
  if (!kernel) throw new Error(`the wasm backend has no ${name} kernel`);
  return kernel.kernelFunc({
    inputs,
    attrs: attrs as tf.NamedAttrMap,
    backend: backend as tf.KernelBackend,
  }) as tf.TensorInfo;
}

/** Frees intermediates made by runWasmKernel. */
function freeAll(backend: unknown, infos: tf.TensorInfo[]): void {
  for (const info of infos) (backend as WasmBackendLike).disposeData(info.dataId);
}

/** Stride 1 in both directions. */
function unitStrides(strides: number | [number, number]): boolean {
  const [sh, sw] = typeof strides === 'number' ? [strides, strides] : strides;
  return sh === 1 && sw === 1;
}

/** Zeros added on each side of a stride-1 NHWC convolution's input (tf's 'same', 'valid', a number, explicit). */
interface PadSides {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

function padSides(
  inputShape: number[],
  filterShape: number[],
  pad: unknown,
  dimRoundingMode: string | undefined,
): PadSides {
  const { top, bottom, left, right } = tf.backend_util.computeConv2DInfo(
    inputShape as [number, number, number, number],
    filterShape as [number, number, number, number],
    1,
    1,
    pad as 'valid',
    dimRoundingMode as 'floor' | 'round' | 'ceil' | undefined,
  ).padInfo;
  return { top, bottom, left, right };
}

/**
 * The same as Conv2D's explicit padding. Always explicit: tfjs 4.22 sizes the output of a numeric padding
 * with the filter's height for both sides (conv_util.ts computeOutputShape2D), wrong for the non-square
 * "filters" these gradients convolve with.
 */
const explicitPad = (p: PadSides): [number, number][] => [
  [0, 0],
  [p.top, p.bottom],
  [p.left, p.right],
  [0, 0],
];

type Attrs = {
  strides: number | [number, number];
  pad: unknown;
  dataFormat: string;
  dimRoundingMode?: string;
  filterShape: [number, number, number, number];
};

function conv2dBackpropFilter({ inputs, backend, attrs }: Parameters<tf.KernelFunc>[0]): tf.TensorInfo {
  const a = attrs as unknown as Attrs;
  const fail = (what: string) => new Error(`Conv2DBackpropFilter on wasm: ${what}`);
  if (a.dataFormat !== 'NHWC') throw fail(`data format ${a.dataFormat}; accepted: NHWC`);
  if (!unitStrides(a.strides)) throw fail(`strides ${[a.strides].flat().join(', ')}; accepted: 1`);
  const x = inputs.x as tf.TensorInfo;
  const dy = inputs.dy as tf.TensorInfo;
  const pad = explicitPad(padSides(x.shape, a.filterShape, a.pad, a.dimRoundingMode));
  const xT = runWasmKernel('Transpose', { x }, { perm: [3, 1, 2, 0] }, backend);
  const dyT = runWasmKernel('Transpose', { x: dy }, { perm: [1, 2, 0, 3] }, backend);
  const conv = runWasmKernel(
    'Conv2D',
    { x: xT, filter: dyT },
    { strides: 1, pad, dataFormat: 'NHWC', dilations: 1 },
    backend,
  );
  const dw = runWasmKernel('Transpose', { x: conv }, { perm: [1, 2, 0, 3] }, backend);
  freeAll(backend, [xT, dyT, conv]);
  return dw;
}

/**
 * The input gradient: tfjs-backend-wasm 4.22's own Conv2DBackpropInput is a plain C++ loop. For
 * stride 1 the input gradient is the "full" convolution of dy with the filter turned by 180° and its
 * channels swapped (p: the forward's padding on the top / left):
 *   dx[b, y, x, c] = Σ_{i, j, o} dy[b, y + p - i, x + p - j, o] · W[i, j, c, o]
 *                  = conv2d(dy, W', padding k − 1 − p),   W'[i, j, o, c] = W[k − 1 − i, k − 1 − j, c, o]
 * each side padded by k − 1 minus the forward's padding on that side. It runs on the backend's XNNPACK
 * Conv2D: LeNet's second layer at batch 128, 38 -> 13 ms (bench/multi-mnist/profile-step.ts). Anything
 * else (strides above 1, a forward padding wider than k − 1, NCHW) goes to the stock kernel.
 */
type InputAttrs = {
  strides: number | [number, number];
  pad: unknown;
  dataFormat: string;
  dimRoundingMode?: string;
  inputShape: [number, number, number, number];
};

function fastInputGrad(stock: tf.KernelFunc) {
  return (args: Parameters<tf.KernelFunc>[0]): tf.TensorInfo => {
    const { inputs, backend } = args;
    const a = args.attrs as unknown as InputAttrs;
    const filter = inputs.filter as tf.TensorInfo;
    const [kh, kw] = filter.shape as [number, number];
    if (a.dataFormat !== 'NHWC' || !unitStrides(a.strides)) return stock(args) as tf.TensorInfo;
    const p = padSides(a.inputShape, filter.shape, a.pad, a.dimRoundingMode);
    const full = {
      top: kh - 1 - p.top,
      bottom: kh - 1 - p.bottom,
      left: kw - 1 - p.left,
      right: kw - 1 - p.right,
    };
    if (Object.values(full).some((v) => v < 0)) return stock(args) as tf.TensorInfo;
    const turned = runWasmKernel('Reverse', { x: filter }, { dims: [0, 1] }, backend);
    const swapped = runWasmKernel('Transpose', { x: turned }, { perm: [0, 1, 3, 2] }, backend);
    const dx = runWasmKernel(
      'Conv2D',
      { x: inputs.dy as tf.TensorInfo, filter: swapped },
      { strides: 1, pad: explicitPad(full), dataFormat: 'NHWC', dilations: 1 },
      backend,
    );
    freeAll(backend, [turned, swapped]);
    return dx;
  };
}

let inputInstalled = false;

/**
 * Puts the fast route in front of the stock kernel, once. The stock kernel's setup (wrapping its C entry
 * when the backend starts) is kept on the new registration, since the engine runs setups only for
 * kernels registered at that moment.
 */
function registerWasmConvInputGrad(): void {
  const stock = tf.getKernel('Conv2DBackpropInput', 'wasm');
  if (inputInstalled || !stock) return;
  tf.unregisterKernel('Conv2DBackpropInput', 'wasm');
  tf.registerKernel({
    ...stock,
    kernelFunc: fastInputGrad(stock.kernelFunc),
  });
  inputInstalled = true;
}

let installed = false;

/** Register the kernels for the 'wasm' backend, once; call after tfjs-backend-wasm is imported. */
export function registerWasmConvFilterGrad(): void {
  if (installed) return;
  if (!tf.getKernel('Conv2DBackpropFilter', 'wasm'))
    tf.registerKernel({
      kernelName: 'Conv2DBackpropFilter',
      backendName: 'wasm',
      kernelFunc: conv2dBackpropFilter,
    });
  registerWasmConvInputGrad();
  installed = true;
}
