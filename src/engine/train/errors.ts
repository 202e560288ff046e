/** Training stopped because a task's loss (or gradient) became NaN or infinite. */
export class TrainingDivergedError extends Error {
  constructor(
    /** 0-based step at which the first non-finite value appeared. */
    readonly step: number,
    /** Name of the first task whose loss or gradient was not finite. */
    readonly task: string,
  ) {
    super(
      `training diverged at step ${step}: task '${task}' has a non-finite loss or gradient (NaN or Inf). ` +
        'The run was stopped; lower the learning rate or choose a steadier method, then reset.',
    );
    this.name = 'TrainingDivergedError';
  }
}
