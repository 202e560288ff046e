/**
 * The engine's public entry: what the worker, the CLI, benchmarks and embedders use. Everything else in
 * src/engine is internal and may move; keep these names stable (benchmarks import them).
 */
export { parseConfig, defaultConfig, DEFAULT_SELECTIONS } from './config/parse';
export { ConfigError, type ExperimentConfig, type Selection } from './config/types';
export { createTrainer, type Trainer } from './train/trainer';
export { TrainingDivergedError } from './train/errors';
export type { Report, TaskReport, GradientReport, PointReport, HealthIssue } from './train/report';
export type { TrainerInfo } from './train/trainer-info';
export { deltaM, deltaMOfRun, type MetricEntry } from './metrics/delta-m';
