import { describe, expect, it } from 'vitest';
import { backendFromSearch } from './backend-param';
import { initialState } from './store';

describe('backendFromSearch', () => {
  it('reads ?backend=, auto by default', () => {
    expect(backendFromSearch('')).toEqual({ preference: 'auto' });
    expect(backendFromSearch('?backend=wasm')).toEqual({ preference: 'wasm' });
    expect(backendFromSearch('?x=1&backend=WebGPU')).toEqual({ preference: 'webgpu' });
  });

  it('ignores a value that is no backend, naming the parameter and the accepted values', () => {
    const { preference, notice } = backendFromSearch('?backend=<b>metal</b>');
    expect(preference).toBe('auto');
    expect(notice).toBe(
      'Ignored backend="<b>metal</b>" from the link: accepted values are auto, webgpu, webgl, wasm, cpu. Using auto.',
    );
  });

  it('sets the store’s preference and joins its notice to the hash’s', () => {
    expect(initialState('', '?backend=cpu').backendPreference).toBe('cpu');
    const state = initialState('#config=nonsense', '?backend=tpu');
    expect(state.backendPreference).toBe('auto');
    expect(state.notice).toMatch(/Opened the default experiment instead\. Ignored backend="tpu"/);
  });
});
