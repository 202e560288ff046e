/**
 * The engine's public entry: what the worker, the CLI, benchmarks and embedders use. Everything else in
 * src/engine is internal and may move; keep these names stable (benchmarks import them).
 */
// The engine chains tensor ops (x.reshape(...)) and differentiates. tfjs-core registers chained methods and
// gradients only on request (the @tensorflow/tfjs umbrella did it, with tfjs-layers we do not need); the
// backend entry points (src/backend/node.ts, browser.ts) register them at run time, because how that file is
// loaded differs between Vite and Node. This type-only import brings the chained methods' types.
import type {} from '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';
export { parseConfig, defaultConfig, DEFAULT_SELECTIONS } from './config/parse';
export { ConfigError, type ExperimentConfig, type Selection } from './config/types';
export { createTrainer, type Trainer } from './train/trainer';
export { TrainingDivergedError } from './train/errors';
export type { Report, TaskReport, GradientReport, PointReport, HealthIssue } from './train/report';
export type { TrainerInfo } from './train/trainer-info';
export { deltaM, deltaMOfRun, type MetricEntry } from './metrics/delta-m';
