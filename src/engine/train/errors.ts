/**
 * Training stopped because a value turned NaN or infinite: a task's loss or gradient (`task` names it),
 * or, while every loss was finite, the update the gradient method computed (`method` names it; e.g.
 * GradNorm's loss ratios are undefined for negative losses).
 */
export class TrainingDivergedError extends Error {
  constructor(
    /** 0-based step at which the first non-finite value appeared. */
    readonly step: number,
    /** Name of the first task whose loss or gradient was not finite, or null when the method's update was. */
    readonly task: string | null,
    /** Id of the method whose update was not finite (when task is null). */
    readonly method: string | null = null,
  ) {
    super(
      task !== null
        ? `training diverged at step ${step}: task '${task}' has a non-finite loss or gradient (NaN or Inf). ` +
            'The run was stopped; lower the learning rate or choose a steadier method, then reset.'
        : `training diverged at step ${step}: the method '${method}' produced a non-finite update (NaN or Inf) ` +
            'although every task loss was finite. The run was stopped; this method may not suit these losses ' +
            '(e.g. negative ones); choose another method, then reset.',
    );
    this.name = 'TrainingDivergedError';
  }
}
