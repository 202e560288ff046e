/**
 * A session's 'init': pick the backend (the page's preference), answer 'ready' with what it got, and when a
 * faster backend is being made ready beside it (`auto` on a real GPU: WASM now, WebGPU later), start the
 * upgrade to it (upgrade.ts). A backend that fails to start answers with one 'backend' error naming why.
 */
import * as tf from '@tensorflow/tfjs-core';
import { describe } from './errors';
import {
  BACKEND_LABELS,
  type BackendChoice,
  type BackendName,
  type BackendPreference,
  type Post,
} from './protocol';
import { BackendUpgrade, type Standby, type UpgradeHooks } from './upgrade';

/** What picking a backend produced: the one in use, and a faster one to move to once ready. */
export interface BackendStart {
  choice: BackendChoice;
  standby?: Standby;
}

/** Picks the backend for `preference`; without `initBackend` the current tfjs backend is kept (Node tests). */
export type InitBackend = (preference: BackendPreference) => Promise<BackendStart>;

/** The upgrade started, or null when there is nothing to move to (or the backend failed, which it posts). */
export async function startBackend(
  preference: BackendPreference,
  initBackend: InitBackend | undefined,
  hooks: UpgradeHooks,
  post: Post,
): Promise<BackendUpgrade | null> {
  try {
    const current = tf.getBackend() as BackendName;
    const start = initBackend
      ? await initBackend(preference)
      : { choice: { backend: current, label: BACKEND_LABELS[current] } };
    if (!start.standby) {
      post({ type: 'ready', ...start.choice });
      return null;
    }
    const upgrade = new BackendUpgrade(start.standby, start.choice, hooks);
    post({ type: 'ready', ...upgrade.waiting });
    upgrade.begin();
    return upgrade;
  } catch (error) {
    post({ type: 'error', kind: 'backend', message: describe(error) });
    return null;
  }
}
