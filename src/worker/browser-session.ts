/**
 * A TrainingSession wired to the browser's backends: used by the worker, and by the client's main-thread
 * fallback (then with a note that training shares the page's thread). Device loss stops the session.
 */
import { initBrowserBackend, onDeviceLost } from '../backend/browser';
import type { Post } from './protocol';
import { TrainingSession } from './session';
import { forgetWarmUps } from './warmup';

export function createBrowserSession(post: Post, note?: string): TrainingSession {
  const session: TrainingSession = new TrainingSession(post, {
    async initBackend(preference) {
      const choice = await initBrowserBackend(preference);
      forgetWarmUps(); // a new device compiles every pipeline again
      onDeviceLost((message) =>
        session.deviceLost(`${message} Training stopped; switch to another backend (or reload) to go on.`),
      );
      if (!note) return choice;
      const reasons = [choice.fallbackReason, note].filter(Boolean).join('; ');
      return { ...choice, fallbackReason: reasons };
    },
  });
  return session;
}
