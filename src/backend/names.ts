/**
 * The tfjs backends the app can run on, by name and label, and what initialising one produced. Plain data
 * with no tfjs, so that the worker protocol (and through it the page) can name backends without loading
 * any; the initialisers (browser.ts, node.ts) are for entry points only.
 */

export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';
export type BackendLabel = 'WebGPU' | 'WebGL' | 'WASM' | 'CPU';
export type BackendPreference = 'auto' | BackendName;

export const BACKEND_LABELS: Record<BackendName, BackendLabel> = {
  webgpu: 'WebGPU',
  webgl: 'WebGL',
  wasm: 'WASM',
  cpu: 'CPU',
};

/** The order the browser tries them in: the fastest first. */
export const BACKEND_ORDER: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

/** What initialising a backend produced: the one in use, and why any preferred one was skipped. */
export interface BackendChoice {
  backend: BackendName;
  label: BackendLabel;
  /** A backend that was asked for (or tried first) could not start: which, and why. */
  fallbackReason?: string;
  /**
   * What the status line says beside the label when nothing failed: why `auto` chose this backend ("WebGPU
   * here is a software emulation (SwiftShader), slower than WASM on this CPU"), or where a background move
   * to WebGPU stands.
   */
  note?: string;
}

/** `name` as a backend name, if it is one (tfjs reports backends as plain strings). */
export function asBackendName(name: string): BackendName | null {
  return BACKEND_ORDER.find((b) => b === name) ?? null;
}
