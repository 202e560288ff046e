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
export { createTrainer, type Trainer, type TrainerOptions } from './train/trainer';
export { CheckpointError, type TrainerCheckpoint } from './train/checkpoint';
export { TrainingDivergedError } from './train/errors';
export type { Report, TaskReport, GradientReport, PointReport, HealthIssue } from './train/report';
export type { TrainerInfo } from './train/trainer-info';
export { deltaM, deltaMOfRun, type MetricEntry } from './study/delta-m';
// Studies (issue 12): the page-safe model (parse, plan, summarise, fronts, tables) and the tfjs-side runner.
export type {
  RunRecord,
  RunStatus,
  RunChange,
  StudySpec,
  PlannedRun,
  Estimate,
  GroupSummary,
  StudySummary,
  BaselineSetSummary,
} from './study/types';
export { parseStudy, MAX_RUNS, MAX_SEEDS, MAX_GRID_VALUES } from './study/parse-study';
export { planStudy, planGroups, isBaselineGroup } from './study/plan-study';
export { summarizeStudy, studyResultOf, type StudyRunResult } from './study/summarize-study';
export { estimate, tQuantile975 } from './study/stats';
export {
  paretoFront,
  scalarizationFront,
  staticWeightShare,
  dominates,
  lossPointsOf,
  type Point2,
  type LossPoint,
} from './study/pareto';
export {
  studyTable,
  studyTableCsv,
  studyTableMarkdown,
  formatEstimate,
  DELTA_M_LABEL,
  type StudyTable,
  type TableColumn,
  type TableRow,
} from './study/study-table';
export { runStudy, type StudyHooks, type StudyResult } from './runner/run-study';
export { trainGroup, trainOneByOne, type GroupHooks, type GroupTrainer } from './runner/train-group';
export { planJobs, type StudyJob } from './runner/study-jobs';
export { remoteLane, serveLane, type FromLane, type LanePort, type ToLane } from './runner/study-lanes';
export { trainOne, type TrainHooks } from './runner/train-one';
