import { describe, expect, it } from 'vitest';
import {
  backendUnavailable,
  isSoftwareAdapter,
  needsWebGlRenderer,
  planAuto,
  softwareName,
  webGlRenderer,
  type BrowserFeatures,
} from './availability';

const canvas = (context: unknown): NonNullable<BrowserFeatures['OffscreenCanvas']> =>
  class {
    getContext() {
      return context;
    }
  };

describe('backendUnavailable', () => {
  it('says why WebGPU cannot start: no navigator.gpu, or no adapter', async () => {
    expect(await backendUnavailable('webgpu', { navigator: {} })).toMatch(/navigator\.gpu is undefined/);
    const noAdapter = { navigator: { gpu: { requestAdapter: () => Promise.resolve(null) } } };
    expect(await backendUnavailable('webgpu', noAdapter)).toMatch(/no GPU adapter/);
    const failing = { navigator: { gpu: { requestAdapter: () => Promise.reject(new Error('x')) } } };
    expect(await backendUnavailable('webgpu', failing)).toMatch(/no GPU adapter/);
    const ok = { navigator: { gpu: { requestAdapter: () => Promise.resolve({}) } } };
    expect(await backendUnavailable('webgpu', ok)).toBeNull();
  });

  it('checks WebGL with a context on an OffscreenCanvas, and frees that context', async () => {
    let lost = 0;
    const context = { getExtension: () => ({ loseContext: () => void lost++ }) };
    expect(await backendUnavailable('webgl', { OffscreenCanvas: canvas(context) })).toBeNull();
    expect(lost).toBe(1);
    expect(await backendUnavailable('webgl', { OffscreenCanvas: canvas(null) })).toMatch(/no WebGL context/);
    expect(await backendUnavailable('webgl', {})).toMatch(/OffscreenCanvas/);
  });

  it('checks WASM for WebAssembly; the CPU is always there', async () => {
    expect(await backendUnavailable('wasm', {})).toMatch(/WebAssembly/);
    expect(await backendUnavailable('wasm', { WebAssembly: {} })).toBeNull();
    expect(await backendUnavailable('cpu', {})).toBeNull();
  });
});

describe('webGlRenderer', () => {
  it('reads the unmasked renderer, frees the context, and says null without WebGL', () => {
    let lost = 0;
    const context = {
      getExtension: (name: string) =>
        name === 'WEBGL_debug_renderer_info'
          ? { UNMASKED_RENDERER_WEBGL: 0x9246 }
          : { loseContext: () => void lost++ },
      getParameter: (name: number) => (name === 0x9246 ? 'ANGLE (SwiftShader Device)' : 'WebKit WebGL'),
    };
    expect(webGlRenderer({ OffscreenCanvas: canvas(context) })).toBe('ANGLE (SwiftShader Device)');
    expect(lost).toBe(1);
    expect(webGlRenderer({ OffscreenCanvas: canvas(null) })).toBeNull();
    expect(webGlRenderer({})).toBeNull();
  });
});

/** Adapter info as Chromium reports it (headless on this machine, and typical hardware). */
const SWIFTSHADER = { info: { vendor: 'google', architecture: 'swiftshader', description: '' } };
const NVIDIA = { info: { vendor: 'nvidia', architecture: 'hopper', description: 'NVIDIA H200' } };
const LLVMPIPE = {
  info: { vendor: 'mesa', architecture: '', description: 'llvmpipe (LLVM 15.0.6, 256 bits)' },
};
const FALLBACK = { isFallbackAdapter: true, info: { vendor: 'unknown' } };
const GL_SWIFTSHADER =
  'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';
const GL_NVIDIA = 'ANGLE (NVIDIA, NVIDIA GeForce RTX 4090 Direct3D11 vs_5_0 ps_5_0, D3D11)';

describe('softwareName / isSoftwareAdapter', () => {
  it('names the software implementations, and nothing for hardware', () => {
    expect(softwareName(GL_SWIFTSHADER)).toBe('SwiftShader');
    expect(softwareName('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe('llvmpipe');
    expect(softwareName('Microsoft Basic Render Driver')).toBe('Microsoft Basic Render');
    expect(softwareName(GL_NVIDIA)).toBeNull();
    expect([SWIFTSHADER, LLVMPIPE, FALLBACK].map(isSoftwareAdapter)).toEqual([true, true, true]);
    expect(isSoftwareAdapter(NVIDIA)).toBe(false);
    expect(isSoftwareAdapter({})).toBe(false);
  });
});

describe('planAuto', () => {
  it('a real GPU: starts on WASM, moves to WebGPU in the background, nothing to explain', () => {
    const plan = planAuto({ webgpu: { adapter: NVIDIA } });
    expect(plan).toMatchObject({ order: ['wasm', 'webgl', 'cpu'], upgradeToWebGpu: true });
    expect(plan.why('wasm')).toBeNull();
    expect(needsWebGlRenderer({ adapter: NVIDIA })).toBe(false);
  });

  it('WebGPU over SwiftShader: WASM first, WebGPU last, and the status says why', () => {
    expect(needsWebGlRenderer({ adapter: SWIFTSHADER })).toBe(true);
    const plan = planAuto({ webgpu: { adapter: SWIFTSHADER }, webglRenderer: GL_SWIFTSHADER });
    expect(plan).toMatchObject({ order: ['wasm', 'webgl', 'cpu', 'webgpu'], upgradeToWebGpu: false });
    expect(plan.why('wasm')).toBe(
      'WebGPU here is a software emulation (SwiftShader), slower than WASM on this CPU',
    );
    expect(plan.why('webgl')).toMatch(/slower than WebGL on this CPU/);
    expect(plan.why('webgpu')).toBeNull(); // nothing faster started: nothing to explain
    expect(planAuto({ webgpu: { adapter: LLVMPIPE } }).why('wasm')).toMatch(/\(llvmpipe\)/);
    expect(planAuto({ webgpu: { adapter: FALLBACK } }).why('wasm')).toMatch(/\(a fallback adapter\)/);
  });

  it('software WebGPU beside a hardware WebGL: WebGL first', () => {
    const plan = planAuto({ webgpu: { adapter: SWIFTSHADER }, webglRenderer: GL_NVIDIA });
    expect(plan.order).toEqual(['webgl', 'wasm', 'cpu', 'webgpu']);
  });

  it('no WebGPU: WebGL on a GPU as before; a software WebGL goes after WASM, saying why', () => {
    const none = { reason: 'no GPU adapter' };
    expect(planAuto({ webgpu: none, webglRenderer: GL_NVIDIA }).order).toEqual(['webgl', 'wasm', 'cpu']);
    expect(planAuto({ webgpu: none, webglRenderer: null }).order).toEqual(['webgl', 'wasm', 'cpu']);
    const soft = planAuto({ webgpu: none, webglRenderer: GL_SWIFTSHADER });
    expect(soft).toMatchObject({ order: ['wasm', 'webgl', 'cpu'], upgradeToWebGpu: false });
    expect(soft.why('wasm')).toBe(
      'WebGL here is a software emulation (SwiftShader), slower than WASM on this CPU',
    );
    expect(soft.why('webgl')).toBeNull();
  });
});
