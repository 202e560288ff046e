import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseCsvText } from '../../engine/tasks/csv/parse';
import { provideCsvData } from '../../engine/tasks/csv/provide';
import type { TrainerInfo } from '../../engine/train/trainer-info';
import type { FromDataWorker } from '../../worker/data/data-protocol';
import { DatasetDb } from '../../worker/data/dataset-db';
import { DataSession } from '../../worker/data/data-session';
import type { FromWorker, ToWorker } from '../../worker/protocol';
import { connect, type ClientLike } from '../actions';
import { createPlaygroundStore } from '../store';
import {
  closePreview,
  connectData,
  openFile,
  openStored,
  setClassKept,
  setColumnRole,
  trainOnData,
} from './data-actions';
import { dataStore, initialDataState } from './data-store';

const TWO_LABELS = readFileSync('test/fixtures/csv/two-labels.csv', 'utf8');
let n = 0;

/** The data worker in-process: the real session over fake-indexeddb, answering as the worker would. */
function dataWorker(db: DatasetDb) {
  const listeners = new Set<(m: FromDataWorker) => void>();
  const session = new DataSession((m) => listeners.forEach((l) => l(m)), db);
  let queue = Promise.resolve();
  return {
    client: {
      send: (m: Parameters<DataSession['handle']>[0]) => void (queue = queue.then(() => session.handle(m))),
      subscribe: (l: (m: FromDataWorker) => void) => (listeners.add(l), () => listeners.delete(l)),
    },
    idle: () => queue,
  };
}

/** The training worker's client, recording what it is sent. */
function trainingClient() {
  const sent: ToWorker[] = [];
  let listener: (message: FromWorker) => void = () => {};
  const client: ClientLike = {
    send: (message) => void sent.push(message),
    subscribe: (l) => ((listener = l), () => {}),
    backendUnavailable: () => Promise.resolve(null),
  };
  return { client, sent, emit: (message: FromWorker) => listener(message) };
}

function setUp() {
  dataStore.setState(initialDataState());
  const db = new DatasetDb(`data-actions-test-${n++}`);
  const store = createPlaygroundStore('');
  const training = trainingClient();
  connect(store, training.client);
  training.emit({ type: 'ready', backend: 'cpu', label: 'CPU' });
  training.emit({ type: 'configured', info: {} as TrainerInfo, config: store.getState().config });
  const worker = dataWorker(db);
  connectData(worker.client, () => Promise.resolve(db), store);
  training.sent.length = 0;
  // Settle: the worker's queue, then the IndexedDB reads the actions started after its answers.
  const settle = async () => {
    await worker.idle();
    await new Promise((r) => setTimeout(r, 20));
    await worker.idle();
  };
  return { db, store, training, settle };
}

const file = (text: string, name: string) => new File([text], name, { type: 'text/csv' });

describe('own data, from drop to training', () => {
  beforeEach(() => dataStore.setState(initialDataState()));

  it('previews a dropped file with the suggested setup, then trains on it through changeConfig', async () => {
    const { store, training, settle } = setUp();
    openFile(file(TWO_LABELS, 'two-labels.csv'));
    await settle();
    const s = dataStore.getState();
    expect(s.preview?.summary).toMatchObject({ name: 'two-labels.csv', rows: 400 });
    expect(s.setup?.labels.map((l) => l.column)).toEqual(['side', 'band']);
    expect(s.check).toEqual({ issues: [], kept: 400, dropped: 0 });
    expect(s.datasets.map((d) => d.name)).toEqual(['two-labels.csv']);

    // Node's config parser checks the setup against the file (the page's has none to read): hand it over.
    provideCsvData(parseCsvText(TWO_LABELS, 'two-labels.csv'));
    expect(trainOnData(), dataStore.getState().error ?? '').toBe(true);
    const configure = training.sent.find((m) => m.type === 'configure');
    expect(configure?.type === 'configure' && configure.config.task).toEqual({
      id: 'csv',
      params: {
        file: 'two-labels.csv',
        hash: s.preview?.summary.hash,
        inputs: ['x1', 'x2', 'x3', 'x4'],
        labels: ['side', 'band'],
        kinds: ['classes', 'classes'],
        classes: [], // the parser's default: every class of every label
        testShare: 0.2,
        missing: 'drop-rows',
        standardize: true,
      },
    });
    expect(store.getState().config.task.id).toBe('csv');
    expect(dataStore.getState().preview).toBeNull();
    // Training starts once the new trainer is ready, not before.
    expect(training.sent.some((m) => m.type === 'play')).toBe(false);
    training.emit({ type: 'configured', info: {} as TrainerInfo, config: store.getState().config });
    expect(training.sent.at(-1)).toEqual({ type: 'play' });
  });

  it('refuses to train while the setup has a problem, and says it in one line', async () => {
    const { training, settle } = setUp();
    openFile(file(TWO_LABELS, 'two-labels.csv'));
    await settle();
    for (const column of ['x1', 'x2', 'x3', 'x4']) setColumnRole(column, 'ignored');
    await settle();
    expect(dataStore.getState().check?.issues).toEqual([
      'no input columns; accepted: 1 or more numeric columns',
    ]);
    expect(trainOnData()).toBe(false);
    expect(training.sent).toEqual([]);
  });

  it('unticked classes leave their rows out, fewer than 2 refuse, and Train writes the kept list', async () => {
    const { training, settle } = setUp();
    openFile(file(TWO_LABELS, 'two-labels.csv'));
    await settle();
    // band: 130 high, 126 low, 144 mid; the first low is spreadsheet row 4.
    setClassKept('band', 'low', false);
    await settle();
    expect(dataStore.getState().check).toEqual({
      issues: [],
      kept: 274,
      dropped: 126,
      firstDroppedRow: 4,
      droppedForClass: 126,
    });
    setClassKept('band', 'high', false);
    await settle();
    expect(dataStore.getState().check?.issues).toEqual([
      "'band' keeps 1 class ('mid'): there is nothing to tell apart; accepted: 2 or more of 'high', 'low', 'mid'",
    ]);
    expect(trainOnData()).toBe(false);
    setClassKept('band', 'high', true);
    await settle();
    provideCsvData(parseCsvText(TWO_LABELS, 'two-labels.csv'));
    expect(trainOnData(), dataStore.getState().error ?? '').toBe(true);
    const configure = training.sent.find((m) => m.type === 'configure');
    expect(configure?.type === 'configure' && configure.config.task.params).toMatchObject({
      labels: ['side', 'band'],
      classes: ['', 'high|mid'],
    });
  });

  it('a bad file changes nothing: config, stored files and the open preview stay', async () => {
    const { store, db, training, settle } = setUp();
    openFile(file(TWO_LABELS, 'two-labels.csv'));
    await settle();
    const before = { config: store.getState().config, preview: dataStore.getState().preview };
    openFile(file('a,b\n1,2\n3\n', 'ragged.csv'));
    await settle();
    const s = dataStore.getState();
    expect(s.error).toMatch(/^ragged\.csv: .*row 3/);
    expect(s.reading).toBeNull();
    expect(s.preview).toBe(before.preview);
    expect(store.getState().config).toBe(before.config);
    expect((await db.list()).map((d) => d.name)).toEqual(['two-labels.csv']);
    expect(training.sent).toEqual([]);
  });

  it('Cancel keeps nothing: a file the preview stored goes again, one kept before stays', async () => {
    const { db, settle } = setUp();
    const names = async () => (await db.list()).map((d) => d.name);
    openFile(file('a,y\n1,u\n2,v\n', 'first.csv'));
    await settle();
    closePreview();
    await settle();
    expect(await names()).toEqual([]);
    expect(dataStore.getState().datasets).toEqual([]);

    // A second new file opened over the first's preview: the first goes, as with Cancel.
    openFile(file('a,y\n1,u\n2,v\n', 'first.csv'));
    await settle();
    openFile(file('b,z\n1,u\n2,v\n', 'second.csv'));
    await settle();
    expect(await names()).toEqual(['second.csv']);

    // Trained on: kept. Opened again from the list and cancelled: still kept.
    provideCsvData(parseCsvText('b,z\n1,u\n2,v\n', 'second.csv'));
    expect(trainOnData(), dataStore.getState().error ?? '').toBe(true);
    const hash = (await db.list())[0]?.hash ?? '';
    openStored(hash);
    await settle();
    expect(dataStore.getState().preview?.isNew).toBe(false);
    closePreview();
    await settle();
    expect(await names()).toEqual(['second.csv']);
  });
});
