/**
 * The backend a link asks for: `?backend=wasm` (a query parameter, apart from the experiment in the hash,
 * because it says where to train, not what). Tests and benchmarks use it to force a backend; `auto` is the
 * default. A value that is not a backend is ignored with one line naming the parameter and what it accepts.
 */
import type { BackendPreference } from '../worker/protocol';

export const BACKEND_PREFERENCES: readonly BackendPreference[] = ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'];

export function backendFromSearch(search: string): { preference: BackendPreference; notice?: string } {
  const value = new URLSearchParams(search).get('backend');
  if (value === null) return { preference: 'auto' };
  const preference = BACKEND_PREFERENCES.find((p) => p === value.trim().toLowerCase());
  if (preference) return { preference };
  const shown = JSON.stringify(value.slice(0, 40));
  return {
    preference: 'auto',
    notice: `Ignored backend=${shown} from the link: accepted values are ${BACKEND_PREFERENCES.join(', ')}. Using auto.`,
  };
}
