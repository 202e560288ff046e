/**
 * Config errors reach the app as structured issues ({ path, message, accepted }), not as a message to split
 * again: through the worker protocol, both from a refused configure and from a refused live change.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/engine/config/parse';
import type { ExperimentConfig } from '../src/engine/config/types';
import { ConfigError, MAX_LISTED_ISSUES } from '../src/engine/config/types';
import { errorMessage } from '../src/worker/errors';
import type { FromWorker } from '../src/worker/protocol';
import { TrainingSession } from '../src/worker/session';

const config = parseConfig({ task: { id: 'sinusoids' }, steps: 20, reportEvery: 10 });

function configErrors(messages: FromWorker[]) {
  return messages.filter((m) => m.type === 'error' && m.kind === 'config');
}

describe('config issues over the protocol', () => {
  it('errorMessage keeps every issue, beyond the few the message lists', () => {
    const issues = Array.from({ length: MAX_LISTED_ISSUES + 3 }, (_, i) => ({
      path: `method.params.w${i}`,
      message: `expected a number, got "x"`,
      accepted: 'a number from 0 to 1',
    }));
    const message = errorMessage(new ConfigError(issues));
    expect(message).toMatchObject({ kind: 'config', issues });
    expect(message.message).toMatch(/and 3 more problems$/);
  });

  it('a refused configure and a refused live change each post their issues', async () => {
    const messages: FromWorker[] = [];
    const session = new TrainingSession((m) => messages.push(m));
    try {
      await session.handle({ type: 'configure', config });
      const bad: ExperimentConfig = { ...config, batchSize: -3, reportEvery: 0 };
      await session.handle({ type: 'configure', config: bad });
      await session.handle({ type: 'set-method', method: { id: 'no-such-method', params: {} } });
      const [configure, live] = configErrors(messages);
      expect(configure).toMatchObject({
        issues: [
          { path: 'batchSize', accepted: expect.stringMatching(/whole number/) as unknown },
          { path: 'reportEvery', accepted: expect.stringMatching(/whole number/) as unknown },
        ],
      });
      expect(live).toMatchObject({
        issues: [{ path: 'method.id', accepted: expect.stringMatching(/\bew\b/) as unknown }],
      });
    } finally {
      await session.dispose();
    }
  });
});
