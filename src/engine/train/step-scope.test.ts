import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { StepScope } from './step-scope';

describe('StepScope', () => {
  it('disposes everything it owns except what is kept, found in arrays and objects', () => {
    const before = tf.memory().numTensors;
    const scope = new StepScope();
    const a = tf.scalar(1);
    const b = tf.zeros([2]);
    const c = tf.ones([3]);
    const nested = scope.own({ a, list: [b, null, { c }], flag: true, count: 3 });
    expect(nested.a).toBe(a);
    expect(scope.size).toBe(3);
    scope.close([b]);
    expect([a.isDisposed, b.isDisposed, c.isDisposed]).toEqual([true, false, true]);
    b.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('owns a tensor once however often it is handed over, and never a variable', () => {
    const scope = new StepScope();
    const t = tf.scalar(2);
    const v = tf.variable(tf.scalar(3));
    scope.own([t, t, { again: t }, v]);
    expect(scope.size).toBe(1);
    scope.close();
    expect(t.isDisposed).toBe(true);
    expect(v.isDisposed).toBe(false);
    v.dispose();
  });

  it('refuses tensors after closing, and closing twice is harmless', () => {
    const scope = new StepScope();
    scope.close();
    scope.close();
    const late = tf.scalar(4);
    expect(() => scope.own(late)).toThrow(/this step is over/);
    late.dispose();
  });
});
