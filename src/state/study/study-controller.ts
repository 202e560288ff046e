/**
 * Everything that changes the Studies tab's state, callable without hooks: edit the draft, start a study
 * (from the builder or an example file), fold the study worker's messages into the store, cancel, and
 * keep every run and study in IndexedDB as it finishes (RunDb), so a reload or a crashed tab loses at
 * most the run in progress. A full disk is said once and changes nothing stored; the study goes on.
 */
import type { ExperimentConfig } from '../../engine/config/types';
import type { RunRecord, StudySpec, StudySummary } from '../../engine/study/types';
import type { FromStudyWorker, ToStudyWorker } from '../../worker/study/study-protocol';
import type { RunDb, StudyRecord } from '../runs/run-db';
import type { PlaygroundStore } from '../store';
import { draftToSpec, initialDraft, type StudyDraft } from './builder';
import { examplesOf, fetchJsonFile, STUDIES_DIR } from './examples';
import { checkStudy } from './study-check';
import { studyRecordOf, viewOfStored } from './study-file';
import { summarizeFinished } from './summarize-finished';
import { advance } from './study-progress';
import { createStudyStore, isBusy, type StudyStore } from './study-store';
import { varyFields } from './vary-fields';

/** What the controller needs of the study worker's client. */
export interface StudyClientLike {
  send(message: ToStudyWorker): void;
  subscribe(listener: (message: FromStudyWorker) => void): () => void;
  /** Stop the worker now (a run mid-way is dropped); the next message starts a fresh one. */
  restart?(): void;
}

/**
 * How long Cancel waits for the worker to stop on its own before stopping it. A run's steps may not yield
 * to the worker's message loop, so the cancel message can wait until the whole study has run; past this
 * the worker is stopped and the finished runs are summarised here.
 */
export const CANCEL_GRACE_MS = 1500;

export interface StudyControllerDeps {
  client: StudyClientLike;
  db: RunDb;
  /** The Training tab's store: the base config, the backend preference and the live steps/s. */
  playground: PlaygroundStore;
  /** Called once a run of the study is stored (the run list reloads). */
  onRunsSaved?: () => void;
  newId?: () => string;
  now?: () => number;
  /** Reads a file of the site (public/studies/...); fetch by default. */
  fetchJson?: (path: string) => Promise<unknown>;
}

const randomId = () => `study-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function createStudyController(deps: StudyControllerDeps) {
  const { client, db, playground } = deps;
  const newId = deps.newId ?? randomId;
  const now = deps.now ?? Date.now;
  const fetchJson = deps.fetchJson ?? fetchJsonFile;
  const store: StudyStore = createStudyStore(initialDraft(playground.getState().config));
  const set = store.setState;
  /** Writes go one after another, so a study record never overtakes the runs it lists. */
  let writes: Promise<void> = Promise.resolve();
  let cancelTimer: ReturnType<typeof setTimeout> | undefined;

  const save = (what: () => Promise<void>) => {
    writes = writes.then(what).catch((error: unknown) => set({ storageError: describe(error) }));
    return writes;
  };

  const config = (): ExperimentConfig => playground.getState().config;

  const saveStudy = (status: StudyRecord['status']) => {
    const view = store.getState().current;
    if (view) void save(() => db.putStudy(studyRecordOf(view, status)));
  };

  function receive(message: FromStudyWorker): void {
    const current = store.getState().current;
    // Messages of an older study (one cancelled, then another started), or of one already ended (a worker
    // stopped after Cancel may have posted more before it stopped), are not this one's.
    if (message.studyId !== null && message.studyId !== current?.id) return;
    if (message.studyId !== null && !isBusy(store.getState().phase)) return;
    switch (message.type) {
      case 'started':
      case 'steps':
      case 'progress': {
        if (!current) return;
        set({
          current: advance(current, message),
          ...(message.type === 'started' ? { phase: 'running' as const } : {}),
        });
        if (message.type === 'steps') return;
        if (message.type === 'progress') {
          const { run } = message;
          void save(async () => {
            await db.putRun(run);
            deps.onRunsSaved?.();
          });
        }
        return saveStudy('running');
      }
      case 'done':
        return finish(message.cancelled, message.summary, message.elapsed);
      case 'error': {
        clearTimeout(cancelTimer);
        const issues = (message.issues ?? []).map((i) => `${i.path}: ${i.message}`);
        // A worker that failed may not train again: the next study starts a fresh one.
        if (message.kind !== 'config') client.restart?.();
        // The runs that finished before the failure are kept, summarised and stored as a cancelled study.
        const kept = current && current.runs.length > 0;
        set({
          phase: 'error',
          error: { message: message.message, issues },
          ...(kept
            ? { current: { ...current, summary: summarizeFinished(current.spec, current.runs), eta: null } }
            : {}),
        });
        if (kept) saveStudy('cancelled');
        return;
      }
    }
  }

  /** The study ended (finished, or cancelled with what finished): show, store and list it. */
  function finish(cancelled: boolean, summary: StudySummary | null, elapsed: number): void {
    clearTimeout(cancelTimer);
    const current = store.getState().current;
    if (!current) return;
    const steps = current.runs.reduce((sum, r) => sum + (r.final?.step ?? 0), 0);
    set({
      phase: cancelled ? 'cancelled' : 'finished',
      current: { ...current, summary, elapsed, eta: null },
      ...(steps > 0 && elapsed > 0 ? { studyStepsPerSecond: steps / elapsed } : {}),
    });
    saveStudy(cancelled ? 'cancelled' : 'finished');
    // After the write, in the same queue: the list then holds this study.
    void save(refreshStored);
  }

  /** Cancel took too long: stop the worker and summarise the finished runs here. */
  function abandon(): void {
    const { phase, current } = store.getState();
    if (phase !== 'cancelling' || !current) return;
    client.restart?.();
    finish(true, summarizeFinished(current.spec, current.runs), current.elapsed);
  }

  /** Start `spec` (checked first: a bad study names its fields and starts nothing). */
  function startSpec(raw: unknown): boolean {
    if (isBusy(store.getState().phase)) return false;
    const checked = checkStudy(raw);
    if ('issues' in checked) {
      set({ phase: 'error', error: { message: 'This study cannot start:', issues: checked.issues } });
      return false;
    }
    const { spec } = checked;
    const id = newId();
    set({
      phase: 'starting',
      error: null,
      storageError: null,
      current: {
        id,
        name: spec.name ?? 'Study',
        spec,
        runs: [],
        summary: null,
        total: checked.runs,
        steps: { done: 0, total: checked.steps },
        elapsed: 0,
        eta: null,
        backend: null,
        createdAt: now(),
      },
    });
    client.send({ type: 'start', studyId: id, spec, backend: playground.getState().backendPreference });
    return true;
  }

  async function refreshStored(): Promise<void> {
    try {
      set({ stored: await db.listStudies() });
    } catch (error) {
      set({ storageError: `Stored studies could not be read: ${describe(error)}` });
    }
  }

  const unsubscribe = client.subscribe(receive);
  const keepRate = (rate: number) => rate > 0 && set({ liveStepsPerSecond: rate });
  keepRate(playground.getState().stepsPerSecond);
  const unwatch = playground.subscribe((s) => keepRate(s.stepsPerSecond));

  return {
    store,
    setDraft(update: (draft: StudyDraft) => StudyDraft): void {
      set({ draft: update(store.getState().draft), draftIssues: [] });
    },
    /** The builder's study over the open experiment, or its problems (shown beside their rows). */
    specFromDraft(): StudySpec | null {
      const result = draftToSpec(store.getState().draft, config(), varyFields(config()));
      set({ draftIssues: result.issues });
      return result.spec;
    },
    start(): boolean {
      const spec = this.specFromDraft();
      return spec ? startSpec(spec) : false;
    },
    startSpec,
    /**
     * Get the study worker ready (its backend, its helpers) while the person looks at the Studies tab, so
     * the first study starts as fast as the next ones. Nothing while a study runs.
     */
    prepare(): void {
      if (isBusy(store.getState().phase)) return;
      client.send({ type: 'prepare', backend: playground.getState().backendPreference });
    },
    /** Stop after the runs in progress; what finished is kept, summarised and stored. */
    cancel(): void {
      if (!isBusy(store.getState().phase)) return;
      set({ phase: 'cancelling' });
      client.send({ type: 'cancel' });
      if (client.restart && store.getState().phase === 'cancelling')
        cancelTimer = setTimeout(abandon, CANCEL_GRACE_MS);
    },
    refreshStored,
    async loadExamples(): Promise<void> {
      try {
        set({ examples: examplesOf(await fetchJson(`${STUDIES_DIR}index.json`)), examplesError: null });
      } catch (error) {
        set({ examplesError: `Example studies unavailable (${describe(error)}).` });
      }
    },
    /** Load an example study file and start it at once (a bad file names its field and starts nothing). */
    async runExample(file: string): Promise<boolean> {
      let raw: unknown;
      try {
        raw = await fetchJson(`${STUDIES_DIR}${file}`);
      } catch (error) {
        set({ examplesError: `Could not load the example study ${file}: ${describe(error)}` });
        return false;
      }
      return startSpec(raw);
    },
    /** Show a stored study again: its runs from IndexedDB, its summary as stored. */
    async reopen(id: string): Promise<void> {
      if (isBusy(store.getState().phase)) return;
      const study =
        store.getState().stored.find((s) => s.id === id) ?? (await db.listStudies()).find((s) => s.id === id);
      if (!study) return;
      const runs = (await Promise.all(study.runIds.map((r) => db.getRun(r)))).filter(
        (r): r is RunRecord => r !== undefined,
      );
      set({
        phase: study.status === 'finished' ? 'finished' : 'cancelled',
        error: null,
        current: viewOfStored(study, runs),
      });
    },
    /** Wait for every pending IndexedDB write (tests; a page leaves them to finish on their own). */
    flush: () => writes,
    dispose(): void {
      clearTimeout(cancelTimer);
      unsubscribe();
      unwatch();
    },
  };
}

export type StudyController = ReturnType<typeof createStudyController>;
