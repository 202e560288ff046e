import { describe, expect, it } from 'vitest';
import { ConfigError } from '../engine/config/types';
import { LiveChanges } from './live-changes';
import type { FromWorker } from './protocol';

describe('LiveChanges', () => {
  it('holds changes while stepping and applies them in arrival order between chunks', () => {
    const posted: FromWorker[] = [];
    const changes = new LiveChanges((m) => posted.push(m));
    const applied: string[] = [];
    changes.add(() => applied.push('lr'), true);
    changes.add(() => applied.push('method'), true);
    expect(applied).toEqual([]);
    changes.apply();
    expect(applied).toEqual(['lr', 'method']);
    changes.apply(); // nothing twice
    expect(applied).toEqual(['lr', 'method']);
    changes.add(() => applied.push('now'), false);
    expect(applied).toEqual(['lr', 'method', 'now']);
    expect(posted).toEqual([]);
  });

  it('reports a change the config rejects and still applies the ones after it', () => {
    const posted: FromWorker[] = [];
    const changes = new LiveChanges((m) => posted.push(m));
    const applied: string[] = [];
    changes.add(() => {
      throw new ConfigError([{ path: 'method.params.weights', message: 'needs 2 weights, got 1' }]);
    }, true);
    changes.add(() => applied.push('after'), true);
    changes.apply();
    expect(applied).toEqual(['after']);
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({
      type: 'error',
      kind: 'config',
      issues: [{ path: 'method.params.weights', message: 'needs 2 weights, got 1' }],
    });
    expect(posted[0]?.type === 'error' && posted[0].message).toContain(
      'method.params.weights: needs 2 weights',
    );
  });

  it('lets any other failure through (the session reports it as a worker error)', () => {
    const changes = new LiveChanges(() => undefined);
    changes.add(() => {
      throw new Error('device lost');
    }, true);
    expect(() => changes.apply()).toThrow('device lost');
  });
});
