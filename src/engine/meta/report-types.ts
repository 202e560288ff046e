/**
 * What a run on the sine family reports about fast adaptation (Report.meta): plain numbers, posted to the
 * page and stored. A meta-learning run and a joint run (meta: none) carry the same evaluation
 * (adaptation.ts), so the app can set them side by side.
 */

/** One held-out sine drawn for the "Adapted fits" view. */
export interface MetaFitCurve {
  amplitude: number;
  /** Radians. */
  phase: number;
  /** The even grid the curve and the fits are drawn on. */
  x: number[];
  truth: number[];
  /** The K shots the model adapted on. */
  shotsX: number[];
  shotsY: number[];
  /** The model's prediction on the grid after `steps` gradient steps on the shots. */
  fits: { steps: number; y: number[] }[];
}

export interface MetaReport {
  /** The meta-learner's id, or 'none' for a jointly trained model. */
  learner: string;
  /**
   * Meta-learning runs: the mean post-adaptation query loss (MSE) of the meta-training sines since the
   * previous report (for Reptile, after its inner steps on the shots). Absent for a joint run.
   */
  metaTrainLoss?: number;
  /** lossAfterSteps[k]: mean MSE over the held-out sines after k gradient steps on their K shots, k = 0..n. */
  lossAfterSteps: number[];
  /** The evaluation's setting: shots per held-out sine, step size, number of held-out sines. */
  shots: number;
  adaptLr: number;
  heldOut: number;
  /** The first few held-out sines with their fits after 0, 1 and the last number of steps. */
  fits: MetaFitCurve[];
}
