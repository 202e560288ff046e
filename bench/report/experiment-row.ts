/** One row of the per-experiment browser table: plain data, shared by the page and the Node driver. */
export interface ExperimentRow {
  backend: string;
  experiment: string;
  stepsPerSecond: number;
  workPerStep: number;
  unit: 'kernels' | 'dispatches';
  tensorsHeld: number;
}
