/**
 * The channel between simulated workers and the server: error feedback worked by hand (top-k, 3 steps),
 * the error-feedback invariant Σ sent + residual = Σ true gradients for every compressor, the telemetry,
 * and the bytes of each compressor counted by hand.
 */
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { Rng } from '../random/rng';
import { CommunicationChannel } from './channel';

const shape = (tasks: number, numShared: number) => ({ replicas: 1, tasks, numShared });

/** Send `g` ([T][P]) through the channel; the decoded rows and the residual rows, as numbers. */
function send(
  channel: CommunicationChannel,
  g: number[][],
): { sent: number[][]; residual: number[][] | null } {
  const T = g.length;
  const P = (g[0] as number[]).length;
  const input = tf.tensor3d([g], [1, T, P]);
  const decoded = channel.send(input);
  const rows = (t: tf.Tensor) => tf.tidy(() => t.reshape([T, P]).arraySync() as number[][]);
  const sent = rows(decoded);
  tf.dispose([input, decoded]);
  const r = channel.residuals;
  return { sent, residual: r ? rows(r) : null };
}

describe('error feedback', () => {
  it('top-k (k = 1) over three steps, worked by hand', () => {
    const channel = new CommunicationChannel(
      { id: 'top-k', params: { k: 1, errorFeedback: true } },
      shape(1, 4),
      new Rng(1),
    );
    // Step 1: u = g1 = [3, −1, 2, 0.5]; keep [3, 0, 0, 0]; e = [0, −1, 2, 0.5].
    expect(send(channel, [[3, -1, 2, 0.5]])).toEqual({ sent: [[3, 0, 0, 0]], residual: [[0, -1, 2, 0.5]] });
    // Step 2: u = g2 + e = [1, 1, −1.5, 0] + e = [1, 0, 0.5, 0.5]; keep [1, 0, 0, 0]; e = [0, 0, 0.5, 0.5].
    expect(send(channel, [[1, 1, -1.5, 0]])).toEqual({ sent: [[1, 0, 0, 0]], residual: [[0, 0, 0.5, 0.5]] });
    // Step 3: u = [0, 2, 1, −1] + e = [0, 2, 1.5, −0.5]; keep [0, 2, 0, 0]; e = [0, 0, 1.5, −0.5].
    expect(send(channel, [[0, 2, 1, -1]])).toEqual({ sent: [[0, 2, 0, 0]], residual: [[0, 0, 1.5, -0.5]] });
    // Σ sent [4, 2, 0, 0] + e [0, 0, 1.5, −0.5] = Σ g [4, 2, 1.5, −0.5].
    channel.dispose();
  });

  it('without it, the dropped part is gone: no residual, and the same top-k of g alone', () => {
    const channel = new CommunicationChannel(
      { id: 'top-k', params: { k: 1, errorFeedback: false } },
      shape(1, 4),
      new Rng(1),
    );
    send(channel, [[3, -1, 2, 0.5]]);
    expect(send(channel, [[1, 1, -1.5, 0]])).toEqual({ sent: [[0, 0, -1.5, 0]], residual: null });
    channel.dispose();
  });

  const selections = [
    { id: 'fp16', params: { errorFeedback: true } },
    { id: 'sign', params: { errorFeedback: true } },
    { id: 'top-k', params: { k: 3, errorFeedback: true } },
    { id: 'random-k', params: { k: 2, unbiased: false, errorFeedback: true } },
    { id: 'qsgd', params: { levels: 2, errorFeedback: true } },
  ];
  for (const selection of selections)
    it(`${selection.id}: Σ sent + final residual = Σ true gradients`, () => {
      const before = tf.memory().numTensors;
      const channel = new CommunicationChannel(selection, shape(2, 9), new Rng(4));
      const rng = new Rng(21);
      const sumSent = new Array<number>(18).fill(0);
      const sumTrue = new Array<number>(18).fill(0);
      let residual: number[] = [];
      for (let step = 0; step < 25; step++) {
        const g = [Array.from(rng.normalArray(9, 1)), Array.from(rng.normalArray(9, 0.01))];
        const out = send(channel, g);
        out.sent.flat().forEach((v, i) => (sumSent[i] = (sumSent[i] as number) + v));
        g.flat().forEach((v, i) => (sumTrue[i] = (sumTrue[i] as number) + v));
        residual = (out.residual as number[][]).flat();
      }
      sumSent.forEach((s, i) => expect(s + (residual[i] as number)).toBeCloseTo(sumTrue[i] as number, 4));
      channel.dispose();
      expect(tf.memory().numTensors).toBe(before);
    });
});

describe('telemetry and bytes', () => {
  it('reports the cosine of decoded and true gradients, the residual norm, and bytes by hand', async () => {
    const channel = new CommunicationChannel(
      { id: 'sign', params: { errorFeedback: true } },
      shape(2, 4),
      new Rng(1),
    );
    send(channel, [
      [1, -2, 0, 3],
      [0, 0, 0, 0],
    ]);
    send(channel, [
      [1, -2, 0, 3],
      [0, 0, 0, 0],
    ]);
    const t = channel.reportTensors();
    const values = {
      commCosine: await t.commCosine.data(),
      commResidual: await t.commResidual.data(),
      commGradNorm: await t.commGradNorm.data(),
    };
    tf.dispose(Object.values(t));
    const r = channel.report(values as never);
    // Step 1: u = g = [1, −2, 0, 3] → 1.5·[1, −1, 1, 1]; e = [−0.5, −0.5, −1.5, 1.5].
    // Step 2: u = [0.5, −2.5, −1.5, 4.5] → 2.25·[1, −1, −1, 1]; e = [−1.75, −0.25, 0.75, 2.25].
    expect(r.residualNorm[0]).toBeCloseTo(Math.hypot(1.75, 0.25, 0.75, 2.25), 5);
    // cos([1, −1, −1, 1], [1, −2, 0, 3]) = 6 / (2 · √14).
    expect(r.cosine[0]).toBeCloseTo(6 / (2 * Math.sqrt(14)), 5);
    expect(r.cosine[1]).toBe(0); // a zero gradient has no direction: 0, not NaN
    expect(r.gradientNorm[0]).toBeCloseTo(Math.sqrt(14), 5);
    // 2 workers · (4 sign bits + 32 scale bits) = 72 bits = 9 bytes a step; fp32: 2 · 4 · 4 = 32 bytes.
    expect(r).toMatchObject({
      workers: 2,
      bytesPerStep: 9,
      bytesTotal: 18,
      fp32BytesPerStep: 32,
      fp32BytesTotal: 64,
    });
    expect(r.ratio).toBeCloseTo(9 / 32, 10);
    channel.dispose();
  });

  it.each([
    // P = 100 shared parameters, 3 workers; fp32 = 3 · 100 · 4 = 1,200 bytes a step.
    ['fp16', {}, (3 * 1600) / 8], // 16 bits an entry
    ['sign', {}, (3 * (100 + 32)) / 8], // 1 bit an entry + a 32-bit scale
    ['top-k', { k: 10 }, (3 * 10 * 64) / 8], // 32-bit value + 32-bit index
    ['random-k', { k: 10, unbiased: true }, (3 * 10 * 64) / 8],
    ['qsgd', { levels: 4 }, (3 * (32 + 100 * (1 + 3))) / 8], // norm + sign bit + ⌈log₂ 5⌉ = 3 level bits
    ['qsgd', { levels: 1 }, (3 * (32 + 100 * 2)) / 8],
  ])('%s %j: bytes a step', (id, params, bytes) => {
    const channel = new CommunicationChannel(
      { id, params: { ...params, errorFeedback: false } },
      shape(3, 100),
      new Rng(1),
    );
    expect(channel.bytesPerStep).toBe(bytes);
    expect(channel.fp32BytesPerStep).toBe(1200);
    channel.dispose();
  });
});
