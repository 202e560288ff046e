/**
 * Picks and initialises the tfjs backend in the browser (in the training worker, or on the page as the
 * fallback): for `auto`, what planAuto (availability.ts) plans from the GPU the browser reports (a real
 * GPU's WebGPU, else WASM before any software emulation); otherwise the one the user forces, falling back
 * with a reason a person can read. Only entry points pick a backend; the engine just uses whichever is current.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmSimdThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import { fixWasmEmptyReductions, fixWebGpuEmptyReductions } from './wasm-empty-reductions';
import { registerWasmGroupMatMul } from './wasm-group-matmul';
import { registerWasmConvFilterGrad } from './wasm-conv-filter-grad';
import { registerWasmMaxPoolGrad } from './wasm-max-pool-grad';
import {
  findGpuAdapter,
  isSoftwareAdapter,
  needsWebGlRenderer,
  planAuto,
  webGlRenderer,
  type GpuAdapter,
} from './availability';
import {
  BACKEND_LABELS,
  BACKEND_ORDER,
  type BackendChoice,
  type BackendName,
  type BackendPreference,
} from './names';

export type { BackendChoice, BackendName };
export { isSoftwareAdapter };

/**
 * Batch more dispatches per GPU submit (tfjs's default is 15): measured 86 -> 135 steps/s (docs/architecture.md, measured facts).
 */
const DEFERRED_SUBMIT_BATCH_SIZE = 128;

// Vite fingerprints and serves the .wasm files; without these paths tfjs would fetch them next to the script.
setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmSimdThreaded,
});
// Independent nets have an empty θ: WASM and WebGPU must answer empty reductions as the CPU backend does.
fixWasmEmptyReductions();
fixWebGpuEmptyReductions();
registerWasmGroupMatMul();
registerWasmConvFilterGrad();
registerWasmMaxPoolGrad();

/** tfjs-backend-webgpu's MatMulProgramType.MatMulPackedProgram (not exported by the package). */
const MATMUL_PACKED_PROGRAM = 3;

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** tfjs flags for WebGPU on this adapter; set before its backend is created or used. */
function configureWebGpu(adapter: GpuAdapter): void {
  tf.env().set('WEBGPU_DEFERRED_SUBMIT_BATCH_SIZE', DEFERRED_SUBMIT_BATCH_SIZE);
  // A software adapter runs every shader invocation on the CPU, so tfjs's small-matmul programs (one
  // 256-thread workgroup per output element) cost ~100x what they do on a GPU. The tiled program keeps
  // invocations near the output size: 2.5 -> ~25 steps/s on SwiftShader (bench:browser, docs/benchmarks.md).
  if (isSoftwareAdapter(adapter)) tf.env().set('WEBGPU_MATMUL_PROGRAM_TYPE', MATMUL_PACKED_PROGRAM);
}

/** Why a backend cannot be used here, or null when it is now the current one. */
async function tryBackend(name: BackendName): Promise<string | null> {
  const label = BACKEND_LABELS[name];
  if (name === 'webgpu') {
    // Checked first so the reason says what is missing instead of tfjs's generic failure.
    const found = await findGpuAdapter();
    if ('reason' in found) return `WebGPU is not available: ${found.reason}`;
    configureWebGpu(found.adapter);
  }
  try {
    // setBackend resolves false (and logs) when the backend's factory fails, e.g. no adapter or no WebGL.
    if (!(await tf.setBackend(name))) return `${label} failed to initialise in this browser`;
    await tf.ready();
    return null;
  } catch (error) {
    return `${label} failed to initialise (${describe(error)})`;
  }
}

/** The first backend of `order` that starts; `skipped` holds reasons already known. Throws when none does. */
async function startFirst(order: readonly BackendName[], skipped: string[]): Promise<BackendChoice> {
  const reasons = [...skipped];
  for (const name of order) {
    const reason = await tryBackend(name);
    if (reason === null) {
      return {
        backend: name,
        label: BACKEND_LABELS[name],
        ...(reasons.length ? { fallbackReason: `${reasons.join('; ')}; using ${BACKEND_LABELS[name]}` } : {}),
      };
    }
    reasons.push(reason);
  }
  throw new Error(`No tfjs backend could start: ${reasons.join('; ')}`);
}

export interface BrowserBackendStart {
  choice: BackendChoice;
  /**
   * `auto` on a real GPU with an instant start: WebGPU is to be made ready beside the running backend
   * (worker/webgpu-standby.ts); `configure` sets tfjs's flags for its adapter before it is created.
   */
  webGpuLater?: { configure(): void };
}

export interface StartOptions {
  /**
   * `auto` on a real GPU starts on WASM at once and hands back WebGPU to make ready in the background
   * (the app). Without it `auto` starts on WebGPU directly (benchmarks: the fastest, whatever
   * the wait).
   */
  instantStart?: boolean;
}

/** Initialise the preferred backend (or, for `auto`, the one planAuto picks), falling back in order. */
export async function startBrowserBackend(
  preference: BackendPreference,
  options: StartOptions = {},
): Promise<BrowserBackendStart> {
  if (preference !== 'auto')
    return { choice: await startFirst([preference, ...BACKEND_ORDER.filter((b) => b !== preference)], []) };
  const webgpu = await findGpuAdapter();
  const plan = planAuto({ webgpu, webglRenderer: needsWebGlRenderer(webgpu) ? webGlRenderer() : null });
  const background = plan.upgradeToWebGpu && options.instantStart === true;
  const order: BackendName[] = plan.upgradeToWebGpu && !background ? ['webgpu', ...plan.order] : plan.order;
  // No adapter at all reads as a fallback from WebGPU, as it always has ("fell back: WebGPU is not ...").
  const skipped = 'reason' in webgpu ? [`WebGPU is not available: ${webgpu.reason}`] : [];
  const choice = await startFirst(order, skipped);
  const note = plan.why(choice.backend);
  return {
    choice: note ? { ...choice, note } : choice,
    ...(background && 'adapter' in webgpu && choice.backend !== 'webgpu'
      ? { webGpuLater: { configure: () => configureWebGpu(webgpu.adapter) } }
      : {}),
  };
}

/** Initialise the preferred backend, or the first that works after it; throws when none does. */
export async function initBrowserBackend(preference: BackendPreference): Promise<BackendChoice> {
  return (await startBrowserBackend(preference)).choice;
}

/** The current backend's GPU device, when the backend is WebGPU. */
function webGpuDevice(): GPUDevice | null {
  const backend = tf.getBackend() === 'webgpu' ? tf.backend() : null;
  return backend instanceof WebGPUBackend ? backend.device : null;
}

/** Devices already watched: re-initialising the same backend must not post the loss twice. */
const watched = new WeakSet<object>();

/** Error texts Dawn/Chromium give operations on a lost device (before or instead of `device.lost`). */
const LOST_DEVICE_ERRORS =
  /external Instance reference no longer exists|device (is |was )?lost|Device is destroyed/i;

/**
 * Whether an error thrown while training means the WebGPU device is gone: the device's `lost` promise
 * settles within a short wait, or the error reads like a lost device. Resolves the readable message.
 */
export async function lostDeviceMessage(error: string): Promise<string | null> {
  const device = webGpuDevice();
  if (!device) return null;
  const settled = await Promise.race([
    device.lost,
    new Promise<null>((resolve) => setTimeout(() => resolve(null), 250)),
  ]);
  if (settled && settled.reason !== 'destroyed')
    return `The GPU device was lost${settled.message ? ` (${settled.message})` : ''}.`;
  return LOST_DEVICE_ERRORS.test(error) ? `The GPU device was lost (${error}).` : null;
}

/**
 * Calls `listener` once with a readable message if the current WebGPU device is lost (driver reset, GPU
 * removed, out of memory). A no-op on other backends.
 */
export function onDeviceLost(listener: (message: string) => void): void {
  const device = webGpuDevice();
  if (!device || watched.has(device)) return;
  watched.add(device);
  void device.lost.then((info) => {
    // 'destroyed' means we disposed the backend ourselves: not a failure to report.
    if (info.reason === 'destroyed') return;
    listener(`The GPU device was lost${info.message ? ` (${info.message})` : ''}.`);
  });
}
