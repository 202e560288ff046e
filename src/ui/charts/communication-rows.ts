/**
 * The numbers behind the communication chart (CommunicationChart.tsx), without React so they are tested in
 * Node: the mean training loss against the megabytes the simulated workers have sent, and against what
 * fp32 messages would have cost for the same steps. Bytes grow by the same amount every step (they depend
 * on the parameter count and the compressor's settings only), so step × bytes a step is exact.
 */
import type { CommunicationReport } from '../../engine/communication/report-types';
import type { HistoryView } from '../../state/history';
import { SERIES } from '../../state/history';
import type { Row } from './downsample';

/** A chart row (downsample.ts Row), so the log-scale check reads it like any time chart's. */
export interface BytesPoint extends Row {
  /** Megabytes (10^6 bytes) sent by all workers up to this report. */
  mb: number;
  /** The mean training loss over tasks at this report. */
  loss: number;
  step: number;
}

export interface CommunicationRows {
  compressed: BytesPoint[];
  fp32: BytesPoint[];
}

/** Mean train loss per report against bytes; reports at step 0 have sent nothing (left out: log axis). */
export function communicationRows(
  history: HistoryView,
  names: readonly string[],
  c: CommunicationReport,
): CommunicationRows {
  const cols = history.columns(names.map((_, t) => [`t${t}`, SERIES.trainLoss(t)] as const));
  const compressed: BytesPoint[] = [];
  const fp32: BytesPoint[] = [];
  cols.steps.forEach((step, i) => {
    if (step <= 0) return;
    let sum = 0;
    for (const col of cols.values) sum += col[i] ?? NaN;
    const loss = sum / cols.values.length;
    if (!Number.isFinite(loss)) return;
    compressed.push({ step, loss, mb: (step * c.bytesPerStep) / 1e6 });
    fp32.push({ step, loss, mb: (step * c.fp32BytesPerStep) / 1e6 });
  });
  return { compressed, fp32 };
}

/** "1.23 MB", "45.6 kB", "789 B": bytes in the unit that reads best. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toPrecision(3)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toPrecision(3)} MB`;
  if (bytes >= 1e3) return `${(bytes / 1e3).toPrecision(3)} kB`;
  return `${Math.round(bytes)} B`;
}

/** The footer's one line: what was sent, what fp32 would have sent, the share saved. */
export function bytesSummary(c: CommunicationReport): string {
  const saved = 100 * (1 - c.ratio);
  return `Sent ${formatBytes(c.bytesTotal)} vs ${formatBytes(c.fp32BytesTotal)} in fp32 (saved ${saved.toFixed(1)}%) · ${c.workers} workers × ${c.numShared.toLocaleString('en')} shared parameters`;
}

/** Ticks at the powers of ten (in MB) the points span: a log axis reads best at 1 kB, 10 kB, 100 kB. */
export function decadeTicks(rows: CommunicationRows): number[] {
  const all = [...rows.compressed, ...rows.fp32].map((p) => p.mb).filter((v) => v > 0);
  if (!all.length) return [];
  const low = Math.floor(Math.log10(Math.min(...all)));
  const high = Math.ceil(Math.log10(Math.max(...all)));
  // Number(`1e-5`), not 10 ** -5 (which is 9.999…e-6): the tick reads as the decade it is.
  return Array.from({ length: high - low + 1 }, (_, i) => Number(`1e${low + i}`));
}
