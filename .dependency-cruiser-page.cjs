/**
 * What runs on the page, checked on the run-time import graph: type-only imports are left out (they cost no
 * code) and so are dynamic imports (the main-thread fallback loads the session, tfjs included, only when no
 * Worker can start; the worker itself is a separate entry, `new Worker(new URL(...))`). From the page's
 * entry no path may reach tfjs, and neither may any module of the engine's catalogue side, so the page's
 * first bundle stays small (test/browser/bundle.test.ts measures it). The layer rules are in
 * .dependency-cruiser.cjs.
 */
const layers = require('./.dependency-cruiser.cjs');

/** The catalogue side, as the layer rules define it. */
const catalogueSide = layers.forbidden.find((rule) => rule.name === 'catalogue-not-tfjs-side').from;

const TFJS = '(^|/)node_modules/@tensorflow/|^@tensorflow/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'page-without-tfjs',
      comment:
        'The page entry reaches tfjs only through the worker or a dynamic import: find the static import on the path and make it a catalogue import (or `import type`).',
      severity: 'error',
      from: { path: '^src/ui/main\\.tsx$' },
      to: { path: TFJS, reachable: true },
    },
    {
      name: 'catalogue-without-tfjs',
      comment:
        'The catalogue side of the engine (cards, catalogues, params, config, tasks, sampling) is page-safe: it reaches no tfjs at run time.',
      severity: 'error',
      from: catalogueSide,
      to: { path: TFJS, reachable: true },
    },
  ],
  options: {
    ...layers.options,
    exclude: { path: '^(dist|coverage|test/artifacts)/', dynamic: true },
    tsPreCompilationDeps: false,
  },
};
