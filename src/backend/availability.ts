/**
 * What this browser can run, asked without starting tfjs, and which backend `auto` prefers here.
 *
 * Whether a tfjs backend can start in this browser, asked without starting it. Switching backends drops
 * the trained model (its tensors live on the old backend), so the app asks this first and keeps the run
 * when the answer is no. Plain feature checks, no tfjs: the page calls it too, and must not load tfjs for it.
 * The worker's own initialisation (browser.ts) uses the same WebGPU check, so both say the same thing.
 */
import { BACKEND_LABELS, type BackendName } from './names';

export interface GpuAdapter {
  isFallbackAdapter?: boolean;
  info?: { vendor?: string; architecture?: string; device?: string; description?: string };
}

interface WebGlLike {
  getExtension?(name: string): { loseContext?(): void; UNMASKED_RENDERER_WEBGL?: number } | null;
  getParameter?(name: number): unknown;
}

/** WebGL's RENDERER enum: Chromium answers it with the unmasked renderer string. */
const GL_RENDERER = 0x1f01;

/** The globals the checks read; `globalThis` in the browser, a stand-in in tests. */
export interface BrowserFeatures {
  navigator?: { gpu?: { requestAdapter(): Promise<GpuAdapter | null> } };
  OffscreenCanvas?: new (width: number, height: number) => { getContext(kind: string): unknown };
  WebAssembly?: unknown;
}

/** A WebGPU adapter, or why there is none (a phrase that follows "WebGPU is not available: "). */
export async function findGpuAdapter(
  features: BrowserFeatures = globalThis,
): Promise<{ adapter: GpuAdapter } | { reason: string }> {
  const gpu = features.navigator?.gpu;
  if (!gpu) return { reason: 'this browser does not expose it (navigator.gpu is undefined)' };
  // tfjs would fail on a null adapter with "cannot read properties of null": say what it means.
  const adapter = await gpu.requestAdapter().catch(() => null);
  if (!adapter)
    return { reason: 'no GPU adapter (requestAdapter() returned null; the GPU may be blocklisted)' };
  return { adapter };
}

/** Why `backend` cannot start here (a phrase), or null when it can be tried. */
export async function backendUnavailable(
  backend: BackendName,
  features: BrowserFeatures = globalThis,
): Promise<string | null> {
  switch (backend) {
    case 'webgpu': {
      const found = await findGpuAdapter(features);
      return 'reason' in found ? found.reason : null;
    }
    case 'webgl': {
      // tfjs draws on an OffscreenCanvas in the worker: the same check answers for the page and the worker.
      const Canvas = features.OffscreenCanvas;
      if (!Canvas) return 'this browser has no OffscreenCanvas to draw on';
      try {
        const canvas = new Canvas(1, 1);
        const context = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGlLike | null;
        if (context) {
          // Free it now: browsers cap live WebGL contexts and warn in the console past the cap.
          context.getExtension?.('WEBGL_lose_context')?.loseContext?.();
          return null;
        }
      } catch {
        // Counted as no context below.
      }
      return 'no WebGL context could be created (WebGL may be turned off or the GPU blocklisted)';
    }
    case 'wasm':
      return typeof features.WebAssembly === 'object' ? null : 'this browser has no WebAssembly';
    case 'cpu':
      return null;
  }
}

/**
 * The WebGL renderer string ("ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device ...))"), or null when WebGL is
 * missing or will not say: `auto` asks it to tell a software WebGL, which loses to WASM, from a GPU's.
 */
export function webGlRenderer(features: BrowserFeatures = globalThis): string | null {
  const Canvas = features.OffscreenCanvas;
  if (!Canvas) return null;
  try {
    const canvas = new Canvas(1, 1);
    const context = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGlLike | null;
    if (!context) return null;
    const debug = context.getExtension?.('WEBGL_debug_renderer_info');
    const renderer = context.getParameter?.(debug?.UNMASKED_RENDERER_WEBGL ?? GL_RENDERER);
    context.getExtension?.('WEBGL_lose_context')?.loseContext?.();
    return typeof renderer === 'string' && renderer ? renderer : null;
  } catch {
    return null;
  }
}

// ---- What `auto` runs on -------------------------------------------------------------------------------
// Decided from what the browser says about its GPU. Measured in headless Chromium on a machine without a
// GPU, default experiment (issue 11): WASM ~100-170 steps/s, WebGL over SwiftShader ~23, WebGPU over
// SwiftShader ~9 plus 26-41 s of shader compiles before the first step. So a software WebGPU or WebGL loses
// to WASM on the same CPU, and even a real GPU's shaders take seconds to compile: `auto` starts on WASM at
// once and moves to a real GPU's WebGPU in the background, once its shaders are compiled (worker/upgrade.ts).

/** A software rasteriser's name in adapter or renderer strings (Chromium's, Mesa's, Windows' WARP). */
const SOFTWARE = /swiftshader|llvmpipe|softpipe|lavapipe|microsoft basic render|software/i;

/** The software implementation a GPU description names ("SwiftShader"), or null for real hardware. */
export function softwareName(description: string): string | null {
  const match = SOFTWARE.exec(description);
  if (!match) return null;
  const found = match[0].toLowerCase();
  if (found === 'swiftshader') return 'SwiftShader';
  if (found === 'software') return 'a software renderer';
  return match[0];
}

/** The text an adapter gives about itself, for softwareName. */
export const adapterDescription = (adapter: GpuAdapter): string => {
  const info = adapter.info ?? {};
  return `${info.vendor ?? ''} ${info.architecture ?? ''} ${info.device ?? ''} ${info.description ?? ''}`;
};

/** SwiftShader (Chromium's CPU implementation of WebGPU) or another fallback adapter. */
export function isSoftwareAdapter(adapter: GpuAdapter): boolean {
  return adapter.isFallbackAdapter === true || softwareName(adapterDescription(adapter)) !== null;
}

/** What the browser said: a WebGPU adapter or why there is none; WebGL's renderer string when asked. */
export interface GpuFacts {
  webgpu: { adapter: GpuAdapter } | { reason: string };
  /** The unmasked WebGL renderer ("ANGLE (..., SwiftShader ...)"), null when unknown or WebGL is missing. */
  webglRenderer?: string | null;
}

export interface AutoPlan {
  /** Backends to try now, in order. */
  order: BackendName[];
  /** Start on order[0] and move to WebGPU once its shaders are compiled (a real GPU's WebGPU). */
  upgradeToWebGpu: boolean;
  /** Why auto passed over a faster-looking backend, given the one that started ("WASM"); null: nothing to say. */
  why(started: BackendName): string | null;
}

/** Whether the plan needs WebGL's renderer string: only when there is no hardware WebGPU to prefer. */
export const needsWebGlRenderer = (webgpu: GpuFacts['webgpu']): boolean =>
  'reason' in webgpu || isSoftwareAdapter(webgpu.adapter);

export function planAuto(facts: GpuFacts): AutoPlan {
  const { webgpu } = facts;
  if ('adapter' in webgpu && !isSoftwareAdapter(webgpu.adapter)) {
    // A real GPU: WebGPU wins once compiled; WASM trains meanwhile (instant start, issue 11).
    return { order: ['wasm', 'webgl', 'cpu'], upgradeToWebGpu: true, why: () => null };
  }
  const softGl = facts.webglRenderer ? softwareName(facts.webglRenderer) : null;
  const slower = (kind: string, name: string, started: BackendName) =>
    `${kind} here is a software emulation (${name}), slower than ${BACKEND_LABELS[started]} on this CPU`;
  if ('adapter' in webgpu) {
    const name =
      softwareName(adapterDescription(webgpu.adapter)) ??
      (webgpu.adapter.isFallbackAdapter ? 'a fallback adapter' : 'software');
    // No GPU behind it, most likely none behind WebGL either (unless its renderer says otherwise). WebGPU
    // stays last: usable, but the slowest.
    const hardGl = facts.webglRenderer != null && !softGl;
    const order: BackendName[] = hardGl
      ? ['webgl', 'wasm', 'cpu', 'webgpu']
      : ['wasm', 'webgl', 'cpu', 'webgpu'];
    return {
      order,
      upgradeToWebGpu: false,
      why: (started) => (started === 'webgpu' ? null : slower('WebGPU', name, started)),
    };
  }
  // No WebGPU at all: WebGL on a real GPU is the fastest left; a software WebGL loses to WASM.
  if (softGl) {
    return {
      order: ['wasm', 'webgl', 'cpu'],
      upgradeToWebGpu: false,
      why: (started) => (started === 'webgl' ? null : slower('WebGL', softGl, started)),
    };
  }
  return { order: ['webgl', 'wasm', 'cpu'], upgradeToWebGpu: false, why: () => null };
}
