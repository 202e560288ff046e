import { describe, expect, it } from 'vitest';
import type { EmbeddingCacheReport } from '../../engine/embedding-cache/report';
import { CacheTrace, cacheSummary, formatFlops } from './EmbeddingCacheTrace';

const report = (hits: number, rows: number, saved = 0, spent = 0): EmbeddingCacheReport => ({
  refreshEvery: 10,
  frozen: false,
  stepHitRate: 0,
  hitRate: rows ? hits / rows : 0,
  hits,
  rows,
  meanStaleness: 4.25,
  flopsSaved: saved,
  flopsSpent: spent,
  withinStepFlopsSaved: 0,
});

describe('CacheTrace', () => {
  it('gives the exact hit rate between two recorded reports, the running rate and the compute share', () => {
    const trace = new CacheTrace();
    trace.add(0, report(0, 0));
    trace.add(10, report(0, 100, 0, 300));
    trace.add(10, report(0, 100, 0, 300)); // the same report again: ignored
    trace.add(30, report(150, 300, 450, 450)); // 150 of the 200 rows since step 10 hit
    expect(trace.rows).toEqual([
      { step: 10, recent: 0, overall: 0, saved: 0 },
      { step: 30, recent: 75, overall: 50, saved: 50 },
    ]);
    trace.add(5, report(0, 50)); // a new run
    expect(trace.rows).toEqual([{ step: 5, recent: 0, overall: 0, saved: 0 }]);
  });

  it('words the footer', () => {
    expect(formatFlops(1.5e9)).toBe('1.50 GFLOP');
    expect(cacheSummary(report(150, 300, 3e9, 1e9))).toBe(
      'Hits 50.0% · mean staleness 4.3 steps · trunk FLOPs saved 3.00 GFLOP of 4.00 GFLOP (75%)',
    );
  });
});
