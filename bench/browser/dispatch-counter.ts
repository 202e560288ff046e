/**
 * Counts real GPU dispatches by wrapping GPUComputePassEncoder.prototype.dispatchWorkgroups (and the
 * indirect variant): tfjs-backend-webgpu encodes each program's dispatch when the kernel runs, so the count
 * over a step is that step's dispatches (docs/architecture.md, measured facts). tf.profile is no substitute:
 * it counts no-op Reshape/Identity kernels too, and must not run on WebGPU here.
 */
let dispatches = 0;
let installed = false;

/** Wraps the prototype once; returns false where the browser has no WebGPU. */
export function installDispatchCounter(): boolean {
  if (installed) return true;
  const ctor = (globalThis as unknown as { GPUComputePassEncoder?: { prototype: Record<string, unknown> } })
    .GPUComputePassEncoder;
  if (!ctor) return false;
  for (const name of ['dispatchWorkgroups', 'dispatchWorkgroupsIndirect']) {
    const original = ctor.prototype[name];
    if (typeof original !== 'function') continue;
    ctor.prototype[name] = function (this: unknown, ...args: unknown[]) {
      dispatches++;
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    };
  }
  installed = true;
  return true;
}

/** Dispatches issued while `fn` runs. */
export async function countDispatches(fn: () => Promise<void>): Promise<number> {
  const before = dispatches;
  await fn();
  return dispatches - before;
}
