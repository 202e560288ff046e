/**
 * The host-side plan of the fused dense-chain pass (fused-chain.ts): where every layer reads its kernel and
 * bias (a segment of θ by offset, or a task tensor by input slot), how many copies of each layer's output
 * the stream carries (1 while it is shared, T after the first task-specific layer), and where each layer's
 * outputs and cotangents lie in the two flat buffers the kernels pass on:
 *
 *   acts  block l = layer l's outputs [copies_l, B, out_l]        (chain-forward.ts writes it)
 *   dz    block l = ∂L_t/∂(h_l W_l + b_l) for every task [T, B, out_l] (chain-backward.ts writes it)
 *
 * The plan is plain JSON: it travels to the kernels as one string attribute, and its text is the shader
 * key, so one WGSL program is compiled per network shape (tfjs caches pipelines by key).
 *
 * `chainPlan` returns a reason instead of a plan where the fused pass does not apply; the caller then runs
 * the composition of tfjs ops (dense-chain-gradients.ts). The limits say why each exists.
 */
import type { ParamRef } from '../../architectures/types';
import type { Activation } from '../../architectures/specs';
import type { LossKind } from '../../tasks/losses';
import type { ChainNetwork } from '../../train/model';

/** Where a layer reads a kernel or bias: θ at an offset, or task input slot `slot` ([T, ...]). */
export type ParamSource = { role: 'shared'; offset: number } | { role: 'task'; slot: number };

export interface PlannedLayer {
  in: number;
  out: number;
  activation: Activation;
  kernel: ParamSource;
  bias: ParamSource;
  /** Copies of this layer's input and output streams: 1 (shared by every task) or T. */
  inCopies: number;
  outCopies: number;
  /** Offsets of the layer's output block in acts and of its cotangent block in dz. */
  actOffset: number;
  dzOffset: number;
  /** For the backward pass: the task input slot of this layer's kernel (task layers above the first). */
  kernelSlot: number;
}

export interface ChainPlan {
  T: number;
  B: number;
  inDim: number;
  outDim: number;
  /** Shared parameters per copy of θ. */
  P: number;
  layers: PlannedLayer[];
  /** Per task: 0 mse, 1 binary cross-entropy on logits, 2 softmax cross-entropy. */
  kinds: number[];
  weighted: number;
  actSize: number;
  dzSize: number;
  /** The widest row a workgroup keeps in its memory. */
  maxWidth: number;
}

/**
 * Limits. Task tensors: the forward kernel binds x, θ and up to four task tensors, the backward one the
 * kernels of up to two task layers besides its four inputs (WebGPU guarantees 8 storage buffers a
 * shader). Width: two rows of the widest layer live in a workgroup's memory (16 KiB guaranteed). Work per
 * row: one workgroup computes one sample's whole chain, which is what makes a small model one dispatch;
 * a wide one is better served by tfjs's tiled products (MultiMNIST's MLP has 234k multiply-adds a row).
 * Rows: the T·B workgroups of one dispatch stay within one grid dimension (65,535).
 */
export const CHAIN_LIMITS = { taskTensors: 4, taskKernelsBelowTop: 2, width: 1024, work: 65536, rows: 65535 };

const KIND_CODE: Record<LossKind, number> = { mse: 0, 'bce-logits': 1, 'softmax-ce': 2 };

export function chainPlan(
  net: ChainNetwork,
  shapes: { x: readonly number[]; y: readonly number[]; weighted: boolean },
): ChainPlan | string {
  const T = net.lossKinds.length;
  const [xCopies = 0, B = 0, inDim = 0] = shapes.x;
  const outDim = shapes.y[2] ?? 0;
  if (net.taskParams.length > CHAIN_LIMITS.taskTensors)
    return `${net.taskParams.length} task-specific tensors (at most ${CHAIN_LIMITS.taskTensors})`;
  if (T * B > CHAIN_LIMITS.rows) return `${T * B} task rows (at most ${CHAIN_LIMITS.rows})`;
  if (xCopies !== 1 && xCopies !== T) return `inputs with ${xCopies} copies for ${T} tasks`;
  const offsets: number[] = [];
  net.shared.reduce((at, s) => (offsets.push(at), at + s.shape.reduce((a, b) => a * b, 1)), 0);
  const P = net.shared.reduce((n, s) => n + s.shape.reduce((a, b) => a * b, 1), 0);
  const source = (ref: ParamRef): ParamSource =>
    ref.role === 'shared'
      ? { role: 'shared', offset: offsets[ref.index] ?? 0 }
      : { role: 'task', slot: ref.index };

  const layers: PlannedLayer[] = [];
  let copies = xCopies;
  let width = inDim;
  let [actSize, dzSize, work, kernelSlots] = [0, 0, 0, 0];
  for (const [l, layer] of net.chain.layers.entries()) {
    const kernelShape =
      layer.kernel.role === 'shared'
        ? net.shared[layer.kernel.index]?.shape
        : net.taskParams[layer.kernel.index]?.shape.slice(1);
    const out = kernelShape?.[1] ?? 0;
    if (kernelShape?.length !== 2 || kernelShape[0] !== width)
      return `layer ${l + 1}'s kernel does not follow the chain`;
    const outCopies = layer.kernel.role === 'task' || layer.bias.role === 'task' ? T : copies;
    const usesSlot = layer.kernel.role === 'task' && l > 0;
    layers.push({
      in: width,
      out,
      activation: layer.activation,
      kernel: source(layer.kernel),
      bias: source(layer.bias),
      inCopies: copies,
      outCopies,
      actOffset: actSize,
      dzOffset: dzSize,
      kernelSlot: usesSlot ? kernelSlots : -1,
    });
    if (usesSlot) kernelSlots++;
    actSize += outCopies * B * out;
    dzSize += T * B * out;
    work += width * out;
    [copies, width] = [outCopies, out];
  }
  if (layers.length === 0) return 'no layers';
  if (copies !== T) return 'the outputs are not task-specific';
  if (width !== outDim) return `the chain ends at width ${width}, the targets have ${outDim}`;
  if (kernelSlots > CHAIN_LIMITS.taskKernelsBelowTop)
    return `${kernelSlots} task-specific layers above the first (at most ${CHAIN_LIMITS.taskKernelsBelowTop})`;
  const maxWidth = Math.max(...layers.map((l) => l.out));
  if (maxWidth > CHAIN_LIMITS.width) return `a layer of width ${maxWidth} (at most ${CHAIN_LIMITS.width})`;
  if (work > CHAIN_LIMITS.work) return `${work} multiply-adds a row (at most ${CHAIN_LIMITS.work})`;
  return {
    T,
    B,
    inDim,
    outDim,
    P,
    layers,
    kinds: net.lossKinds.map((k) => KIND_CODE[k]),
    weighted: shapes.weighted ? 1 : 0,
    actSize,
    dzSize,
    maxWidth,
  };
}

/** The copy of a stream with `copies` copies that task t reads. */
export const copyOf = (copies: number, t: number) => (copies === 1 ? 0 : t);
