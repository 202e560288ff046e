/**
 * Columns [begin, begin + size) of a [S, N] tensor, as one copy per row: how θ's segments are cut out on
 * WASM (architectures/layout.ts unpackShared).
 *
 * Why not tf.split there: tfjs-wasm's slice walks its whole input for every piece, so splitting θ into a
 * network's segments costs a pass over θ per segment: 1.76 ms a step for MultiMNIST's 233,856 shared
 * parameters in four segments (29 µs for the default experiment's 1,152), where copying the segments
 * takes a tenth of that. Values are copied, never computed: the result is the same on every backend.
 */
import * as tf from '@tensorflow/tfjs-core';
import { scalarUniforms } from './backend-access';
import { runFused, type FusedKernel } from './fused-kernel';
import { elementwiseProgram } from './webgpu-program';

type SliceAttrs = { begin: number; size: number };

export const COLUMN_SLICE: FusedKernel<SliceAttrs> = {
  name: 'MtlColumnSlice',
  inputs: ['flat'],
  outputShape: ([flat], { size }) => [flat[0] as number, size],
  compute([flat], out, [shape], { begin, size }) {
    const [S, N] = shape as [number, number];
    for (let s = 0; s < S; s++) out.set(flat.subarray(s * N + begin, s * N + begin + size), s * size);
  },
  webgpu: ([shape], { begin, size }) => ({
    program: elementwiseProgram({
      key: 'column_slice',
      inputs: ['flat'],
      outputShape: [shape[0] as number, size],
      uniforms: 'begin : i32, width : i32,',
      body: `
        let s = index / uniforms.width;
        setOutputAtIndex(index, flatAt(s * uniforms.flatShape.y + uniforms.begin + index % uniforms.width));`,
    }),
    uniforms: scalarUniforms('int32', [begin, size]),
  }),
};

/** θ's segments are cut inside autodiff too (the stacked strategy, expert models): dy back in its columns. */
function ensureGradient(): void {
  if (tf.getGradient(COLUMN_SLICE.name)) return;
  tf.registerGradient({
    kernelName: COLUMN_SLICE.name,
    inputsToSave: ['flat'],
    gradFunc: (dy, saved, attrs) => {
      const { begin, size } = attrs as unknown as SliceAttrs;
      const columns = (saved[0] as tf.Tensor).shape[1] as number;
      return {
        flat: () =>
          tf.pad(dy as tf.Tensor2D, [
            [0, 0],
            [begin, columns - begin - size],
          ]),
      };
    },
  });
}

/** flat[:, begin : begin + size] by the kernel, or null where fused kernels do not run. */
export function columnSlice(flat: tf.Tensor2D, begin: number, size: number): tf.Tensor2D | null {
  const N = flat.shape[1];
  if (begin < 0 || size < 0 || begin + size > N)
    throw new Error(`columnSlice: columns ${begin} to ${begin + size} of ${N}`);
  ensureGradient();
  return runFused(COLUMN_SLICE, { flat }, { begin, size }) as tf.Tensor2D | null;
}
