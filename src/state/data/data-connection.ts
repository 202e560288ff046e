/**
 * Wires the data controls on first use: the data worker's client (started by the first file, not here)
 * and the IndexedDB store of data files (its module loaded after the page). The page calls startData once; later calls do nothing.
 */
import { createDataClient } from '../../worker/data/data-client';
import type { DatasetDb } from '../../worker/data/dataset-db';
import type { PlaygroundStore } from '../store';
import { connectData } from './data-actions';

let started = false;
let db: Promise<DatasetDb> | null = null;
// Loaded apart from the page (Dexie is ~30 kB gzip), as the runs' database is (runs-store.ts appDb).
const dataDb = (): Promise<DatasetDb> =>
  (db ??= import('../../worker/data/dataset-db').then((m) => new m.DatasetDb()));

export function startData(store: PlaygroundStore): void {
  if (started) return;
  started = true;
  connectData(createDataClient(), dataDb, store);
}
