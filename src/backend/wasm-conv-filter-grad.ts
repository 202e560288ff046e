/**
 * Conv2DBackpropFilter for tfjs-backend-wasm 4.22, which registers Conv2D and Conv2DBackpropInput but not
 * the filter gradient, so a convolutional network cannot train on WASM without it ("kernel not registered").
 *
 * A 2-D convolution is a 3-D one of depth 1, and the WASM backend has Conv3DBackpropFilterV2 (a C++ loop
 * over its heap). Its kernel reads tensors by id and takes every size from the shapes it is handed, and
 * NHWC [B, H, W, C] lies in memory exactly as [B, 1, H, W, C] (filters [kh, kw, in, out] as
 * [1, kh, kw, in, out]); so this kernel hands it the same data with a depth axis of 1 and gives the output
 * back the 2-D filter's shape. Only what that covers is accepted: NHWC, stride 1, 'valid' or 'same'
 * padding or a number, no dimension rounding; anything else gets one line saying so. (With stride 2 the
 * WASM 3-D kernel's gradient differed from the cpu backend's by up to 20% in our test, so strides above 1
 * are refused rather than answered wrongly.)
 */
import * as tf from '@tensorflow/tfjs-core';

interface WasmBackendLike {
  dataIdMap: { get(dataId: object): { shape: number[] } | undefined };
}

type Attrs = {
  strides: number | [number, number];
  pad: unknown; // 'valid', 'same', a number, or explicit padding (refused)
  dataFormat: string;
  dimRoundingMode?: string;
  filterShape: [number, number, number, number];
};

const withDepth = (info: tf.TensorInfo): tf.TensorInfo => ({
  ...info,
  shape: [info.shape[0] as number, 1, ...info.shape.slice(1)],
});

function conv2dBackpropFilter({ inputs, backend, attrs }: Parameters<tf.KernelFunc>[0]): tf.TensorInfo {
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } = attrs as unknown as Attrs;
  const fail = (what: string) => new Error(`Conv2DBackpropFilter on wasm: ${what}`);
  if (dataFormat !== 'NHWC') throw fail(`data format ${dataFormat}; accepted: NHWC`);
  if (dimRoundingMode != null) throw fail(`dimRoundingMode ${dimRoundingMode}; accepted: none`);
  if (pad !== 'valid' && pad !== 'same' && typeof pad !== 'number')
    throw fail("explicit padding; accepted: 'valid', 'same' or a number");
  const conv3d = tf.getKernel('Conv3DBackpropFilterV2', 'wasm');
  if (!conv3d) throw fail('the backend has no Conv3DBackpropFilterV2 to run it on');
  const [sh, sw] = typeof strides === 'number' ? [strides, strides] : strides;
  if (sh !== 1 || sw !== 1) throw fail(`strides ${sh}, ${sw}; accepted: 1`);
  const dw = conv3d.kernelFunc({
    inputs: { x: withDepth(inputs.x as tf.TensorInfo), dy: withDepth(inputs.dy as tf.TensorInfo) },
    backend,
    attrs: { strides: [1, sh, sw], pad, filterShape: [1, ...filterShape] },
  }) as tf.TensorInfo;
  // The backend remembers each tensor's shape (some kernels read it): make it the 2-D filter's.
  const stored = (backend as unknown as WasmBackendLike).dataIdMap.get(dw.dataId);
  if (stored) stored.shape = [...filterShape];
  return { ...dw, shape: [...filterShape] };
}

let installed = false;

/** Register the kernel for the 'wasm' backend, once; call after tfjs-backend-wasm is imported. */
export function registerWasmConvFilterGrad(): void {
  if (installed || tf.getKernel('Conv2DBackpropFilter', 'wasm')) return;
  tf.registerKernel({
    kernelName: 'Conv2DBackpropFilter',
    backendName: 'wasm',
    kernelFunc: conv2dBackpropFilter,
  });
  installed = true;
}
