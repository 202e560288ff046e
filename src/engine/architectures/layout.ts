/**
 * θ's layout: the shared segments laid end to end in one flat vector (docs/architecture.md, measured facts), and the builder the
 * architectures use to declare their parameters (so forward reads them back by position).
 */
import * as tf from '@tensorflow/tfjs-core';
import { columnSlice } from '../kernels/column-slice-kernel';
import type { SharedSegment, TaskParam } from './types';

export const sizeOf = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

/**
 * Split θ [S, P] into the segments, each reshaped to [S, ...segment.shape] (the form `forward` takes).
 * S = 1 for plain evaluation, S = T for the stacked-gradient trick.
 */
export function unpackShared(flat: tf.Tensor2D, segments: readonly SharedSegment[]): tf.Tensor[] {
  const [copies, total] = flat.shape;
  const sizes = segments.map((s) => sizeOf(s.shape));
  const expected = sizes.reduce((a, b) => a + b, 0);
  if (total !== expected) throw new Error(`θ has ${total} values per copy, the segments need ${expected}`);
  if (segments.length === 0) return [];
  // One segment needs no split (a copy on WebGPU), only a reshape. On WASM one copy per segment
  // (kernels/column-slice-kernel.ts: tfjs-wasm's split walks θ once per piece).
  const parts =
    segments.length === 1
      ? [flat]
      : tf.getBackend() === 'wasm'
        ? sliceSegments(flat, sizes)
        : tf.split(flat, sizes, 1);
  return parts.map((part, i) => part.reshape([copies, ...(segments[i]?.shape ?? [])]));
}

function sliceSegments(flat: tf.Tensor2D, sizes: number[]): tf.Tensor[] {
  let begin = 0;
  return sizes.map((size) => {
    const part = columnSlice(flat, begin, size) ?? flat.slice([0, begin], [-1, size]);
    begin += size;
    return part;
  });
}

/** The initial θ: every segment's init, concatenated in order. */
export function packShared(segments: readonly SharedSegment[]): Float32Array {
  const out = new Float32Array(segments.reduce((n, s) => n + s.init.length, 0));
  segments.reduce((offset, s) => (out.set(s.init, offset), offset + s.init.length), 0);
  return out;
}

/** Collects parameters in declaration order; the returned index is the tensor's position in forward's args. */
export class ParamLayout {
  readonly shared: SharedSegment[] = [];
  readonly taskParams: TaskParam[] = [];

  addShared(name: string, layer: string, shape: number[], init: Float32Array): number {
    if (init.length !== sizeOf(shape)) throw new Error(`${name}: init has ${init.length} values`);
    return this.shared.push({ name, layer, shape, init }) - 1;
  }

  addTask(name: string, shape: number[], init: Float32Array): number {
    if (init.length !== sizeOf(shape)) throw new Error(`${name}: init has ${init.length} values`);
    return this.taskParams.push({ name, shape, init }) - 1;
  }
}
