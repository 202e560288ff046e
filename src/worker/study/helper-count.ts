/**
 * How many helper workers a study gets (helper-lanes.ts starts them): one per core beside the study
 * worker's own, at most MAX_LANES lanes in all, and only on the CPU backends (WASM and plain JS run on one
 * core each; a GPU backend already batches a study's seeds on the one GPU).
 */
import type { BackendName } from '../../backend/names';

/** Backends whose studies train on helpers as well. */
export const HELPED_BACKENDS: readonly BackendName[] = ['wasm', 'cpu'];

/** Most lanes a study uses (the study worker's own included): past four, start-up and memory outweigh. */
export const MAX_LANES = 4;

/** Helpers for a machine with `cores` logical cores: the study worker is a lane too. */
export const helperCount = (cores: number): number =>
  Math.max(0, Math.min(Number.isFinite(cores) ? Math.floor(cores) : 1, MAX_LANES) - 1);
