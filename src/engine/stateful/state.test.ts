import * as tf from '@tensorflow/tfjs-core';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Rng } from '../random/rng';
import { DeviceState } from './device-state';
import { MethodState, restoreMethod, snapshotMethod, type MethodSnapshot } from './state';

/** A JSON round trip: a snapshot must survive being written to a file or a URL. */
const roundTrip = (snap: MethodSnapshot): MethodSnapshot =>
  JSON.parse(JSON.stringify(snap)) as MethodSnapshot;

describe('MethodState (JS boxes, no device)', () => {
  it('snapshots boxes as deep copies and restores them, with the random stream', async () => {
    const state = new MethodState();
    const count = state.box('count', 3);
    const rows = state.box('rows', [
      [1, 2],
      [3, 4],
    ]);
    const rng = new Rng(5);
    rng.next();
    const snap = roundTrip(await snapshotMethod('owner', state, rng));
    expect(snap).toMatchObject({
      method: 'owner',
      tensors: {},
      values: {
        count: 3,
        rows: [
          [1, 2],
          [3, 4],
        ],
      },
    });
    const expected = rng.next();
    count.value = 9;
    rows.value[0]?.splice(0, 2, 7, 7); // the snapshot taken before must not see this
    const fresh = new MethodState();
    const freshCount = fresh.box('count', 0);
    const freshRows = fresh.box('rows', [[0]]);
    const freshRng = new Rng(99);
    restoreMethod('owner', fresh, freshRng, snap);
    expect(freshCount.value).toBe(3);
    expect(freshRows.value).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(freshRng.next()).toBe(expected);
  });

  it('refuses a name registered twice, and a snapshot that does not fit, changing nothing', async () => {
    const state = new MethodState();
    const a = state.box('a', 1);
    expect(() => state.box('a', 2)).toThrow(/'a' is registered twice/);
    const other = new MethodState();
    other.box('b', 5);
    const snap = await snapshotMethod('x', other, new Rng(1));
    expect(() => restoreMethod('y', state, new Rng(1), snap)).toThrow(
      /taken from 'x', not 'y'.*value 'a' is missing.*'b' is not part of this state/,
    );
    expect(a.value).toBe(1);
  });

  it('imports no tfjs (sampling strategies, which the page loads, use it)', () => {
    const source = readFileSync(new URL('./state.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/from '@tensorflow/);
    expect(source).toMatch(/^import type /m); // its one import is erased
    expect(source.match(/^import (?!type )/gm)).toBeNull();
  });
});

describe('DeviceState (device variables beside the boxes)', () => {
  it('snapshots and restores variables and boxes together; dispose frees the variables', async () => {
    const baseline = tf.memory().numTensors;
    const state = new DeviceState();
    const v = state.variable('v', [2, 2], 0.5, true);
    const calls = state.box('calls', 2);
    expect(() => state.box('v', 0)).toThrow(/registered twice/);
    expect(v.trainable).toBe(true);
    tf.tidy(() => v.assign(tf.tensor2d([1, 2, 3, 4], [2, 2])));
    const snap = roundTrip(await snapshotMethod('m', state, new Rng(3)));
    expect(snap.tensors).toEqual({ v: { shape: [2, 2], values: [1, 2, 3, 4] } });
    const fresh = new DeviceState();
    const w = fresh.variable('v', [2, 2], 0);
    const freshCalls = fresh.box('calls', 0);
    restoreMethod('m', fresh, new Rng(0), snap);
    expect(await w.array()).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect([freshCalls.value, calls.value]).toEqual([2, 2]);
    state.dispose();
    fresh.dispose();
    expect(tf.memory().numTensors).toBe(baseline);
  });

  it('refuses a tensor of another shape without writing any value', async () => {
    const state = new DeviceState();
    state.variable('v', [3], 1);
    const snap = await snapshotMethod('m', state, new Rng(1));
    const other = new DeviceState();
    const w = other.variable('v', [2], 7);
    const box = other.box('k', 4);
    const bad = { ...snap, values: { k: 5 } };
    expect(() => restoreMethod('m', other, new Rng(1), bad)).toThrow(
      /tensor 'v' has shape \[3\], expected \[2\]/,
    );
    expect([await w.array(), box.value]).toEqual([[7, 7], 4]);
    state.dispose();
    other.dispose();
  });
});
