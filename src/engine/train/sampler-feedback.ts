/**
 * What the sampling strategy learns of the run (sampling/types.ts SamplerFeedback): the train losses of the
 * last report and of the first, and, every `sampleLossesEvery` calls for strategies that rank samples
 * (curriculum), every training sample's loss with the current parameters. Readbacks happen only there.
 */
import type * as tf from '@tensorflow/tfjs-core';
import type { AnyParams } from '../params/spec';
import type { SamplerFeedback } from '../sampling/types';
import type { Model } from './model';

export class SamplerFeedbackSource {
  private last: { losses: number[]; step: number } | undefined;
  private initial: number[] | undefined;
  private calls = 0;

  constructor(private readonly model: Model) {}

  /** The feedback for the step about to be drawn. */
  async next(
    step: number,
    params: AnyParams,
    theta: tf.Tensor2D,
    taskVars: tf.Tensor[],
  ): Promise<SamplerFeedback> {
    const sampling = this.model.sampling;
    const feedback: SamplerFeedback = { step };
    if (!sampling) return feedback;
    const every = sampling.entry.sampleLossesEvery?.(params);
    if (every && this.calls % every === 0)
      feedback.sampleLosses = await sampling.sampleLosses(theta, taskVars);
    this.calls++;
    if (sampling.entry.usesTaskLosses && this.last) {
      feedback.taskLosses = this.last.losses;
      feedback.taskLossesStep = this.last.step;
      feedback.initialLosses = this.initial;
    }
    return feedback;
  }

  /** A report's mean train losses, measured over the steps up to `lastStep`. */
  reported(trainLosses: number[], lastStep: number): void {
    this.last = { losses: trainLosses, step: lastStep };
    this.initial ??= trainLosses;
  }
}
