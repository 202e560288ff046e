/**
 * Training stopped because a value turned NaN or infinite, or exploded: a task's loss or gradient (`task`
 * names it), or, while every loss was finite, the update the gradient method computed (`method` names it;
 * e.g. GradNorm's loss ratios are undefined for negative losses). The one-line message names the step, the
 * task or method, and the quantity.
 */
export class TrainingDivergedError extends Error {
  constructor(
    /**
     * The step the run stopped at: the 0-based step whose value first turned non-finite (the device-side
     * watch knows it exactly), or, for what only a report shows (an explosion, an overflowing statistic),
     * the step count of that report.
     */
    readonly step: number,
    /** Name of the task whose value broke, or null when the method's update (or the run as a whole) did. */
    readonly task: string | null,
    /** Id of the method whose update was not finite (when task is null). */
    readonly method: string | null = null,
    /**
     * What broke and how far, with its remedy (the report check's finding, e.g. "task 'xor''s training
     * loss grew to 1.2e+9 ..."); null for the watch's non-finite values, whose wording is fixed below.
     */
    readonly detail: string | null = null,
    /**
     * The seed of the replica that broke, when several seeds trained as one batch (seed-batch.ts): the
     * others are stopped with it, and the message must say which run was at fault.
     */
    readonly seed: number | null = null,
  ) {
    super(
      detail !== null
        ? `training diverged at ${where(step, seed)}: ${detail}`
        : task !== null
          ? `training diverged at ${where(step, seed)}: task '${task}' has a non-finite loss or gradient (NaN or Inf). ` +
            'The run was stopped; lower the learning rate or choose a steadier method, then reset.'
          : `training diverged at ${where(step, seed)}: the method '${method}' produced a non-finite update (NaN or Inf) ` +
            'although every task loss was finite. The run was stopped; this method may not suit these losses ' +
            '(e.g. negative ones); choose another method, then reset.',
    );
    this.name = 'TrainingDivergedError';
  }
}

/** "step 12", or "step 12 (seed 3)" for one replica of a seed batch. */
const where = (step: number, seed: number | null) =>
  seed === null ? `step ${step}` : `step ${step} (seed ${seed})`;
