/**
 * WebGPU made ready beside the current backend, for `auto`'s instant start on a real GPU (issue 11): the
 * app trains on WASM at once while WebGPU's device is created and its shaders compile, then moves there.
 *
 * tfjs keeps one current backend per thread, and while a backend it initialises is pending (WebGPU's
 * factory awaits the adapter and the device) every op on the current one throws. So the device is created
 * by calling tfjs's own factory outside the engine, and the finished backend is handed back to the engine
 * through a synchronous factory: from then on `setBackend('webgpu')` takes effect at once, which lets the
 * compile step make WebGPU current just long enough to issue its shaders (upgrade.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import { BACKEND_LABELS, type BackendChoice } from './protocol';

export interface BackendStandby {
  /** The backend it makes ready, as the status line names it. */
  readonly choice: BackendChoice;
  /** Creates the backend (its device) without making it current; rejects with a readable reason. */
  prepare(): Promise<void>;
  /** Makes it current at once (after prepare), remembering the backend that was. */
  enter(): void;
  /** Makes the backend that was current before enter() current again, at once. */
  leave(): void;
}

const NAME = 'webgpu';

/** Makes `name` (already initialised) current; synchronous in effect because nothing is left to await. */
function use(name: string): void {
  void tf.setBackend(name);
  if (tf.getBackend() !== name) throw new Error(`could not make ${name} current`);
}

/** `configure` sets tfjs's WebGPU flags for the adapter before the backend is created. */
export function webGpuStandby(configure: () => void): BackendStandby {
  let previous: string | null = null;
  return {
    choice: { backend: NAME, label: BACKEND_LABELS[NAME] },
    async prepare() {
      // Initialised earlier in this worker (a forced WebGPU before). Not tf.findBackend: that would start
      // tfjs's own asynchronous initialisation, the very wait this avoids.
      if (tf.engine().registry[NAME]) return;
      const factory = tf.findBackendFactory(NAME);
      if (!factory) throw new Error('this browser has no WebGPU backend for tfjs');
      configure();
      let ready: tf.KernelBackend | null = await factory();
      tf.removeBackend(NAME);
      // Hands the prepared backend over once; a later initialisation (after removeBackend) gets a fresh one.
      tf.registerBackend(
        NAME,
        () => {
          const backend = ready;
          ready = null;
          return backend ?? factory();
        },
        3 /* tfjs-backend-webgpu's own priority */,
      );
    },
    enter() {
      previous = tf.getBackend();
      use(NAME);
    },
    leave() {
      if (previous) use(previous);
      previous = null;
    },
  };
}
