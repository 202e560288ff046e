/**
 * What a merging run reports (Report.merging): plain numbers, posted to the page and stored with the run.
 */
/** How much the specialists' edits fight on one shared layer (interference.ts computes it). */
export interface LayerInterference {
  layer: string;
  /**
   * Of the coordinates where at least two task vectors are nonzero, the fraction where the nonzero ones do
   * not all have the same sign. 0 when no coordinate qualifies.
   */
  signConflict: number;
  /** Coordinates counted in signConflict's denominator. */
  compared: number;
  /** [T][T] cosine between task vectors restricted to this layer (0 where one of them is all zero). */
  cosine: number[][];
}

/** A model's test loss and metric on one task (the metric's name is in the trainer's info). */
export interface Score {
  loss: number;
  metric: number;
}

export interface MergingReport {
  /** The merge method the config chose (its scores are also the report's `tasks`). */
  method: string;
  /**
   * Optimizer steps each model has taken: every specialist `steps` on its own task, the joint model `steps`
   * on all tasks at once, so every task's training data is seen equally often by its specialist and by the
   * joint model (same batch size per task).
   */
  steps: number;
  /** Per task, on the test split: its own specialist, the chosen merged model, and the joint model. */
  tasks: { name: string; specialist: Score; merged: Score; joint: Score }[];
  /** Every merge method evaluated on the same specialists (chosen params for the chosen one, defaults else). */
  methods: { id: string; label: string; tasks: Score[] }[];
  /** Sign conflicts and cosines of the task vectors per shared layer, then over all shared parameters ('all'). */
  interference: LayerInterference[];
}
