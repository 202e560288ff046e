/**
 * The layer picture (docs/architecture.md), enforced on the import graph by `npm run lint`:
 *
 *   ui -> state -> worker -> engine        cli -> engine        backend: entry points only
 *
 * and inside the engine, the catalogue side (params, config, views, random, tasks, sampling, stateful/state,
 * *.card.ts, catalogue.ts: what the page may load) never imports the tfjs side (train, optim, metrics,
 * method and architecture implementations). Arrows point down only. A type-only import may cross where a
 * type must (the protocol names engine reports; a card names a tensor type): it costs no code at run time.
 * .dependency-cruiser-page.cjs checks what the page can reach at run time (no tfjs).
 */
const TESTS = '(\\.test\\.tsx?|/testing\\.ts|/hostile-configs\\.ts)$';
const ENTRY_POINTS = [
  '^src/worker/training\\.worker\\.ts$',
  '^src/worker/study/study\\.worker\\.ts$',
  // The study worker's helpers (helper-lanes.ts starts them) pick their backend as it does.
  '^src/worker/study/helper\\.worker\\.ts$',
  // The main-thread fallback: loaded by a dynamic import only when no Worker can start.
  '^src/worker/browser-session\\.ts$',
  '^src/cli/main\\.ts$',
  // A study helper thread (src/cli/thread-lanes.ts starts it) picks its backend as main.ts does.
  '^src/cli/study-thread\\.ts$',
  '^bench/',
  // The WebGPU kernels test page picks its backend itself, as the app's entry points do.
  '^test/browser/kernels-page/',
  '^test/setup-tf\\.ts$',
  '^src/worker/explorer/explorer\\.worker\\.ts$',
];
/** Page-safe modules of the engine: the page, the config parser and `cli list` read them. */
const CATALOGUE_SIDE = [
  '^src/engine/(params|config|random|tasks|sampling|study|export|lessons)/',
  '^src/engine/views\\.ts$',
  '^src/engine/stateful/state\\.ts$',
  '\\.card\\.ts$',
  '^src/engine/[^/]+/(catalogue|card)\\.ts$',
];
/**
 * Folders that compute with tfjs. Method and architecture implementations do too: a card importing one is
 * caught by .dependency-cruiser-page.cjs, which follows what each catalogue module reaches.
 */
const TFJS_SIDE = [
  '^src/engine/(train|optim|metrics|kernels|runner|lesson-checks)/',
  '^src/engine/stateful/device-state\\.ts$',
];
const TYPE_ONLY = ['type-only'];

/** An arrow that must not exist (type-only imports allowed when `types` is true). */
const forbid = (name, comment, from, to, { types = false } = {}) => ({
  name,
  comment,
  severity: 'error',
  from,
  to: types ? { ...to, dependencyTypesNot: TYPE_ONLY } : to,
});

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    forbid(
      'no-circular',
      'A cycle has no bottom layer: split the module or move the shared part down (types included).',
      {},
      { circular: true },
    ),
    forbid(
      'engine-is-the-bottom',
      'The engine trains in the worker, in Node and in tests: it imports no outer layer, not even types.',
      { path: '^src/engine/' },
      { path: '^src/(ui|state|worker|cli)/' },
    ),
    forbid(
      'engine-below-backend',
      "The engine uses whichever tfjs backend is current; only its tests pick one, as an entry point does (Node's).",
      { path: '^src/engine/', pathNot: TESTS },
      { path: '^src/backend/' },
    ),
    forbid(
      'engine-tests-pick-node-backends',
      'An engine test runs in Node: it may start a Node backend and its task data, never the browser ones.',
      { path: '^src/engine/' },
      { path: '^src/backend/', pathNot: '^src/backend/node(-task-data)?\\.ts$' },
    ),
    forbid(
      'worker-below-state',
      'The worker layer (protocol, session, client) knows nothing of the store or the UI.',
      { path: '^src/worker/' },
      { path: '^src/(ui|state|cli)/' },
    ),
    forbid(
      'state-below-ui',
      'The store is usable without React.',
      { path: '^src/state/' },
      { path: '^src/(ui|cli)/' },
    ),
    forbid(
      'ui-through-state',
      'Components talk to training through the store (only the entry point wires the client in).',
      { path: '^src/ui/', pathNot: ['^src/ui/main\\.tsx$', TESTS] },
      { path: '^src/worker/' },
      { types: true },
    ),
    forbid(
      'cli-engine-only',
      'The CLI drives the engine directly: no store, no UI, no worker.',
      { path: '^src/cli/' },
      { path: '^src/(ui|state|worker)/' },
    ),
    forbid('ui-not-cli', 'The page does not run the CLI.', { path: '^src/ui/' }, { path: '^src/cli/' }),
    forbid(
      'backend-from-entry-points',
      "Picking and initialising a tfjs backend is the entry points' job; the engine uses whichever is current.",
      { pathNot: [...ENTRY_POINTS, '^src/backend/', TESTS] },
      { path: '^src/backend/(browser|node)\\.ts$' },
      { types: true },
    ),
    forbid(
      'backend-descriptions-from-worker',
      'Backend names and feature checks (no tfjs) are for the worker layer: the protocol and the client.',
      { pathNot: [...ENTRY_POINTS, '^src/(backend|worker)/', TESTS] },
      { path: '^src/backend/', pathNot: '^src/backend/(browser|node)\\.ts$' },
      { types: true },
    ),
    forbid(
      'catalogue-not-tfjs-side',
      'The catalogue side (what the page loads) imports no implementation; `import type` is fine.',
      { path: CATALOGUE_SIDE, pathNot: TESTS },
      { path: TFJS_SIDE },
      { types: true },
    ),
    forbid(
      'page-not-tfjs-side',
      'The page (ui, state, the worker client and protocol) imports the catalogue, never an implementation.',
      { path: ['^src/(ui|state)/', '^src/worker/(client|protocol)\\.ts$'], pathNot: TESTS },
      { path: TFJS_SIDE },
      { types: true },
    ),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|coverage|test/artifacts)/' },
    // Keep type-only imports in the graph (as 'type-only'): the cycle rule counts them, the layer rules may not.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
    skipAnalysisNotInRules: true,
  },
};
