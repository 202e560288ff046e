/**
 * The page-safe side of studies (no tfjs): what the app's store and study panel import. The runner that
 * trains a study (src/engine/runner/) is on the tfjs side and is exported from src/engine/index.ts.
 */
export type * from './types';
export { parseStudy, STUDY_KEYS, MAX_RUNS, MAX_SEEDS, MAX_GRID_VALUES } from './parse-study';
export { planStudy, planGroups, isBaselineGroup, configOfPoint, BASELINE_GROUP } from './plan-study';
export { settingsKey, gridPoints, gridSize, applySettings, stableJson } from './grid';
export { summarizeStudy, studyResultOf, type StudyRunResult } from './summarize-study';
export { estimate, intervalContains, mean, sampleStd, tQuantile975 } from './stats';
export { deltaM, deltaMOfRun, type MetricEntry } from './delta-m';
export {
  dominates,
  lossPointsOf,
  paretoFront,
  scalarizationFront,
  staticWeightShare,
  type LossPoint,
  type Point2,
} from './pareto';
export {
  DELTA_M_LABEL,
  formatEstimate,
  formatNumber,
  studyTable,
  studyTableCsv,
  studyTableMarkdown,
  type StudyTable,
  type TableColumn,
  type TableRow,
} from './study-table';
