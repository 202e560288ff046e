/**
 * Wires run keeping into the app: every message of the training client goes to the capture (which saves
 * runs through the runs store and checkpoints through RunDb), the stored runs are loaded, and the resume
 * banner's two actions live here (module-level, like actions.ts): resuming restores the checkpointed
 * config, sends it with the trainer's state and the history so far, and trains on.
 */
import { parseConfig } from '../../engine/config/parse';
import { ConfigError, type ExperimentConfig } from '../../engine/config/types';
import type { RunChange } from '../../engine/study/types';
import type { FromWorker, ToWorker } from '../../worker/protocol';
import type { PlaygroundStore } from '../store';
import { RunCapture } from './capture';
import type { CheckpointRecord, RunDb } from './run-db';
import { newRunId, type RunsStore } from './runs-store';

/** What run keeping needs of the worker client. */
export interface RunsClient {
  send(message: ToWorker): void;
  subscribe(listener: (message: FromWorker) => void): () => void;
}

interface Wiring {
  store: PlaygroundStore;
  client: RunsClient;
  runs: RunsStore;
  db: () => Promise<RunDb>;
  capture: RunCapture;
}
let wiring: Wiring | null = null;

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The main store's `changes` (added by the charts' work), read defensively: absent or malformed is none. */
function liveChanges(store: PlaygroundStore): RunChange[] | undefined {
  const changes = (store.getState() as { changes?: unknown }).changes;
  return Array.isArray(changes) ? (changes as RunChange[]) : undefined;
}

export function connectRuns(
  store: PlaygroundStore,
  client: RunsClient,
  runs: RunsStore,
  db: () => Promise<RunDb>,
): RunCapture {
  const showError = (error: unknown) => runs.setState({ error: describe(error) });
  const capture = new RunCapture({
    save: (record) => runs.getState().save(record),
    saveCheckpoint: async (checkpoint) => (await db()).putCheckpoint(checkpoint).catch(showError),
    deleteCheckpoint: async (id) => (await db()).deleteCheckpoint(id).catch(showError),
    changes: () => liveChanges(store),
    newId: () => newRunId(),
    now: () => Date.now(),
  });
  client.subscribe((message) => capture.receive(message));
  wiring = { store, client, runs, db, capture };
  void runs.getState().load();
  return capture;
}

/**
 * The config the trainer had when checkpointed: the run's, with any live learning-rate or method change
 * since (the engine resumes only with exactly that config). Read from the checkpoint's plain data, checked
 * by parseConfig; the run's own config if the checkpoint has none.
 */
function checkpointConfig(checkpoint: CheckpointRecord): ExperimentConfig {
  const saved = (checkpoint.trainer as { config?: unknown } | null)?.config;
  try {
    return saved === undefined ? checkpoint.run.config : parseConfig(saved);
  } catch (error) {
    if (error instanceof ConfigError) return checkpoint.run.config;
    throw error;
  }
}

/** Continue the interrupted run the banner offers: its config, its history, then training. */
export async function resumeCheckpoint(): Promise<void> {
  if (!wiring) return;
  const { store, client, runs, db, capture } = wiring;
  const offer = runs.getState().resumable;
  const checkpoint = offer ? await (await db()).getCheckpoint(offer.id) : undefined;
  runs.getState().setResumable(null);
  if (!checkpoint) return runs.setState({ error: 'That checkpoint is no longer stored; nothing to resume.' });
  const { history } = checkpoint.run;
  const config = checkpointConfig(checkpoint);
  capture.expectResume(checkpoint.run);
  store.setState({ config, status: 'starting', pendingChange: null, undo: null, error: null });
  client.send({ type: 'configure', config, resume: { checkpoint: checkpoint.trainer, history } });
  client.send({ type: 'play' });
}

/**
 * Do not resume: what the interrupted run trained is kept as a stopped run (every run is kept), and its
 * checkpoint is forgotten.
 */
export async function discardCheckpoint(): Promise<void> {
  if (!wiring) return;
  const { runs, db } = wiring;
  const offer = runs.getState().resumable;
  runs.getState().setResumable(null);
  const checkpoint = offer ? await (await db()).getCheckpoint(offer.id) : undefined;
  if (!checkpoint) return;
  const kept = await runs.getState().save({
    ...checkpoint.run,
    status: 'stopped',
    stopReason: 'Interrupted (the page was reloaded or closed) and not resumed.',
  });
  if (kept)
    await (
      await db()
    )
      .deleteCheckpoint(checkpoint.id)
      .catch((e: unknown) => runs.setState({ error: describe(e) }));
}
