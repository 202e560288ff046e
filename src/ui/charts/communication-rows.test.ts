import { describe, expect, it } from 'vitest';
import type { CommunicationReport } from '../../engine/communication/report-types';
import { bytesSummary, communicationRows, decadeTicks, formatBytes } from './communication-rows';
import { contextOf, report, REPORTS } from './testing';

const comm: CommunicationReport = {
  compressor: 'sign',
  errorFeedback: true,
  workers: 3,
  numShared: 1000,
  bytesPerStep: (3 * 1032) / 8,
  bytesTotal: (30 * 3 * 1032) / 8,
  fp32BytesPerStep: 12_000,
  fp32BytesTotal: 30 * 12_000,
  ratio: 1032 / 32_000,
  cosine: [0.5, 0.4, 0.3],
  residualNorm: [1, 2, 3],
  gradientNorm: [1, 1, 1],
};

describe('communication chart rows', () => {
  it('puts the mean train loss against the bytes sent and against fp32 bytes, leaving step 0 out', () => {
    const ctx = contextOf(REPORTS.map((r) => ({ ...r, communication: comm })));
    const rows = communicationRows(ctx.history, ctx.names, comm);
    // testing.ts: task t's train loss at step s is 1/(s+1) + t; mean over 3 tasks = 1/(s+1) + 1.
    expect(rows.compressed.map((p) => p.step)).toEqual([10, 20, 30]);
    expect(rows.compressed[0]?.loss).toBeCloseTo(1 / 11 + 1, 12);
    expect(rows.compressed[2]?.mb).toBeCloseTo((30 * 387) / 1e6, 12);
    expect(rows.fp32[2]?.mb).toBeCloseTo((30 * 12_000) / 1e6, 12);
    expect(rows.fp32.map((p) => p.loss)).toEqual(rows.compressed.map((p) => p.loss));
  });

  it('leaves out reports whose loss is not finite', () => {
    const bad = report(40, 0.1);
    bad.tasks[0] = { ...(bad.tasks[0] as (typeof bad.tasks)[number]), trainLoss: Number.NaN };
    const ctx = contextOf([...REPORTS, bad]);
    expect(communicationRows(ctx.history, ctx.names, comm).compressed.map((p) => p.step)).toEqual([
      10, 20, 30,
    ]);
  });

  it('says what was sent, what fp32 would have sent, and the share saved', () => {
    expect(formatBytes(11_610)).toBe('11.6 kB');
    expect(formatBytes(360_000)).toBe('360 kB');
    expect(formatBytes(2_500_000)).toBe('2.50 MB');
    expect(formatBytes(512)).toBe('512 B');
    expect(bytesSummary(comm)).toBe(
      'Sent 11.6 kB vs 360 kB in fp32 (saved 96.8%) · 3 workers × 1,000 shared parameters',
    );
  });

  it('ticks the log axis at the powers of ten the points span', () => {
    const at = (mb: number) => ({ mb, loss: 1, step: 1 });
    expect(decadeTicks({ compressed: [at(0.00002), at(0.003)], fp32: [at(0.0004), at(0.05)] })).toEqual([
      1e-5, 1e-4, 1e-3, 1e-2, 1e-1,
    ]);
    expect(decadeTicks({ compressed: [], fp32: [] })).toEqual([]);
  });
});
