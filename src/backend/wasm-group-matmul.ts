/**
 * A grouped matrix product for tfjs-backend-wasm 4.22: out_g = a_g b_g for G pairs, a [G, m, k] and
 * b [G, k, n], each pair on XNNPACK's SIMD path and without copying a slice (seed-batch-matmul.ts says
 * why the seed batch needs it).
 *
 * How: the wasm backend keeps every tensor in the WASM heap, and its C++ side finds a tensor by an
 * integer id (`register_tensor(id, size, offset)`; backend.cc). Slice g of a row-major [G, ...] tensor is
 * a contiguous run of its memory, so for each g this kernel registers three alias ids pointing at slice g
 * of a, b and the output, calls the stock BatchMatMul entry with [1, m, k] x [1, k, n] (batch 1, no
 * transpose: XNNPACK's fully-connected operator, batch_mat_mul_impl.cc) and unregisters the aliases.
 *
 * Why this is safe (tfjs-backend-wasm/src/cc, 4.x):
 * - `dispose_data(id)` only erases the id's entry and runs its disposal callbacks; the memory belongs to
 *   the real tensor, which the JS side frees (backend_wasm.ts disposeData), so an alias never frees it.
 * - XNNPACK packs b's values when it creates an operator and caches the operator by b's id; the cache
 *   registers a disposal callback on that id, so unregistering the alias deletes the operator (checked on
 *   the installed binary by wasm-group-matmul.test.ts: with b's alias left registered, 300 calls grew
 *   the heap from 16 to 48 MiB; with it unregistered the heap stays the same size). Alias ids
 *   are taken from the backend's own counter (dataIdNextNumber), so no later tensor can reuse one and
 *   meet a stale operator, and none can collide with a live tensor's id.
 * - Offsets are positions in WASM linear memory, which stay put when the memory grows (XNNPACK mallocs
 *   each operator's packed weights), so taking them once before the loop is sound.
 */
import * as tf from '@tensorflow/tfjs-core';
import { GROUP_MATMUL_KERNEL } from '../engine/train/seed-batch-matmul';

/** The parts of tfjs-backend-wasm's BackendWasm this kernel uses (its fields are not in the typings). */
interface WasmBackendLike {
  dataIdMap: { get(dataId: object): { id: number; memoryOffset: number } | undefined };
  dataIdNextNumber: number;
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(info: tf.TensorInfo): Float32Array;
  wasm: {
    cwrap(name: 'BatchMatMul', returns: null, args: string[]): StockBatchMatMul;
    // Emscripten's wrapped C functions: plain functions, no `this`.
    tfjs: {
      registerTensor: (id: number, size: number, memoryOffset: number) => void;
      disposeData: (id: number) => void;
    };
  };
}

type StockBatchMatMul = (
  aId: number,
  aShape: Uint8Array,
  aRank: number,
  bId: number,
  bShape: Uint8Array,
  bRank: number,
  transposeA: boolean,
  transposeB: boolean,
  outId: number,
) => void;

/** The stock kernel's C entry, wrapped once per backend instance (a backend re-created wraps again). */
const entries = new WeakMap<WasmBackendLike, StockBatchMatMul>();
function stockEntry(backend: WasmBackendLike): StockBatchMatMul {
  let entry = entries.get(backend);
  if (!entry) {
    // The same signature tfjs-backend-wasm's kernels/BatchMatMul.js wraps.
    const args = ['number', 'array', 'number', 'number', 'array', 'number', 'number', 'number', 'number'];
    entry = backend.wasm.cwrap('BatchMatMul', null, args);
    entries.set(backend, entry);
  }
  return entry;
}

const shapeBytes = (shape: number[]) => new Uint8Array(new Int32Array(shape).buffer);

function heapOffset(backend: WasmBackendLike, info: tf.TensorInfo, name: string): number {
  const data = backend.dataIdMap.get(info.dataId);
  if (!data) throw new Error(`${GROUP_MATMUL_KERNEL}: input ${name} is not a tensor of this backend`);
  return data.memoryOffset;
}

function groupMatMul({ inputs, backend: anyBackend }: Parameters<tf.KernelFunc>[0]): tf.TensorInfo {
  const backend = anyBackend as unknown as WasmBackendLike;
  const [a, b] = [inputs.a as tf.TensorInfo, inputs.b as tf.TensorInfo];
  const [groups = 0, m = 0, k = 0] = a.shape;
  const [bGroups, bk, n = 0] = b.shape;
  if (a.shape.length !== 3 || b.shape.length !== 3 || bGroups !== groups || bk !== k)
    throw new Error(
      `${GROUP_MATMUL_KERNEL}: expected a [G, m, k] and b [G, k, n], got [${a.shape.join(',')}] and [${b.shape.join(',')}]`,
    );
  if (a.dtype !== 'float32' || b.dtype !== 'float32')
    throw new Error(`${GROUP_MATMUL_KERNEL}: expected float32 inputs, got ${a.dtype} and ${b.dtype}`);

  const out = backend.makeOutput([groups, m, n], 'float32');
  if (groups * m * n === 0) return out;
  // An empty inner dimension: the zero matrix (XNNPACK would refuse the operator).
  if (k === 0) {
    backend.typedArrayFromHeap(out).fill(0);
    return out;
  }
  const product = stockEntry(backend);
  const [aAt, bAt, outAt] = [
    heapOffset(backend, a, 'a'),
    heapOffset(backend, b, 'b'),
    heapOffset(backend, out, 'out'),
  ];
  const [aShape, bShape] = [shapeBytes([1, m, k]), shapeBytes([1, k, n])];
  const { registerTensor, disposeData } = backend.wasm.tfjs;
  for (let g = 0; g < groups; g++) {
    const aId = backend.dataIdNextNumber++;
    const bId = backend.dataIdNextNumber++;
    const outId = backend.dataIdNextNumber++;
    registerTensor(aId, m * k, aAt + g * m * k * 4);
    registerTensor(bId, k * n, bAt + g * k * n * 4);
    registerTensor(outId, m * n, outAt + g * m * n * 4);
    try {
      product(aId, aShape, 3, bId, bShape, 3, false, false, outId);
    } finally {
      disposeData(aId);
      disposeData(bId);
      disposeData(outId);
    }
  }
  return out;
}

let installed = false;

/** Register the grouped product for the 'wasm' backend, once; call after tfjs-backend-wasm is imported. */
export function registerWasmGroupMatMul(): void {
  if (installed) return;
  tf.registerKernel({ kernelName: GROUP_MATMUL_KERNEL, backendName: 'wasm', kernelFunc: groupMatMul });
  installed = true;
}
