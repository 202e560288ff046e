import { describe, expect, it } from 'vitest';
import { backendUnavailable, type BrowserFeatures } from './availability';

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
