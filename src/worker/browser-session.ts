/**
 * A TrainingSession wired to the browser's backends: used by the worker, and by the client's main-thread
 * fallback (then with a note that training shares the page's thread). Device loss stops the session.
 * `auto` starts at once (WASM) and, on a real GPU, makes WebGPU ready in the background (upgrade.ts).
 */
import { lostDeviceMessage, onDeviceLost, startBrowserBackend } from '../backend/browser';
import type { Post } from './protocol';
import { TrainingSession } from './session';
import { prepareTaskData } from './task-data';
import type { Standby } from './upgrade';
import { forgetWarmUps, isWarm, startWarmUp } from './warmup';
import { webGpuStandby, type BackendStandby } from './webgpu-standby';

const STOPPED = 'Training stopped; switch to another backend (or reload) to go on.';

/** The session's view of a standby backend: its shaders compile through the usual warm-up. */
function compilingStandby(backend: BackendStandby, watch: () => void): Standby {
  return {
    choice: backend.choice,
    prepare: () => backend.prepare(),
    async compile(config) {
      backend.enter();
      try {
        return await startWarmUp(config);
      } finally {
        backend.leave();
      }
    },
    isCompiled: isWarm,
    activate() {
      backend.enter();
      watch();
    },
  };
}

export function createBrowserSession(post: Post, note?: string): TrainingSession {
  // A failed step on a lost device surfaces as a cryptic internal error: say what really happened.
  const postResolved: Post = (message, transfer) => {
    if (message.type !== 'error' || message.kind !== 'internal') return post(message, transfer);
    void lostDeviceMessage(message.message).then((lost) =>
      post(lost ? { type: 'error', kind: 'device-lost', message: `${lost} ${STOPPED}` } : message),
    );
  };
  const watchDevice = () => onDeviceLost((message) => session.deviceLost(`${message} ${STOPPED}`));
  const session: TrainingSession = new TrainingSession(postResolved, {
    prepareData: prepareTaskData,
    async initBackend(preference) {
      const { choice, webGpuLater } = await startBrowserBackend(preference, { instantStart: true });
      forgetWarmUps(); // a new device compiles every pipeline again
      watchDevice();
      const reasons = [choice.fallbackReason, note].filter(Boolean).join('; ');
      return {
        choice: reasons ? { ...choice, fallbackReason: reasons } : choice,
        ...(webGpuLater
          ? {
              standby: compilingStandby(
                webGpuStandby(() => webGpuLater.configure()),
                watchDevice,
              ),
            }
          : {}),
      };
    },
  });
  return session;
}
