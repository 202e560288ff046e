/**
 * A TrainingSession wired to the browser's backends: used by the worker, and by the client's main-thread
 * fallback (then with a note that training shares the page's thread). Device loss stops the session.
 */
import { initBrowserBackend, lostDeviceMessage, onDeviceLost } from '../backend/browser';
import type { Post } from './protocol';
import { TrainingSession } from './session';
import { forgetWarmUps } from './warmup';

const STOPPED = 'Training stopped; switch to another backend (or reload) to go on.';

export function createBrowserSession(post: Post, note?: string): TrainingSession {
  // A failed step on a lost device surfaces as a cryptic internal error: say what really happened.
  const postResolved: Post = (message, transfer) => {
    if (message.type !== 'error' || message.kind !== 'internal') return post(message, transfer);
    void lostDeviceMessage(message.message).then((lost) =>
      post(lost ? { type: 'error', kind: 'device-lost', message: `${lost} ${STOPPED}` } : message),
    );
  };
  const session: TrainingSession = new TrainingSession(postResolved, {
    async initBackend(preference) {
      const choice = await initBrowserBackend(preference);
      forgetWarmUps(); // a new device compiles every pipeline again
      onDeviceLost((message) => session.deviceLost(`${message} ${STOPPED}`));
      if (!note) return choice;
      const reasons = [choice.fallbackReason, note].filter(Boolean).join('; ');
      return { ...choice, fallbackReason: reasons };
    },
  });
  return session;
}
