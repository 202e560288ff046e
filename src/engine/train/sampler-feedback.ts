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

  /** What it has learnt of the run (plain JSON), for a checkpoint (checkpoint.ts). */
  save(): unknown {
    return structuredClone({ last: this.last ?? null, initial: this.initial ?? null, calls: this.calls });
  }

  /** Continue from `save()`'s value; throws, changing nothing, when it does not fit. */
  restore(saved: unknown): void {
    const s = saved as { last?: unknown; initial?: unknown; calls?: unknown } | null;
    const T = this.model.tasks.length;
    const losses = (v: unknown): v is number[] =>
      Array.isArray(v) && v.length === T && v.every((x) => typeof x === 'number');
    const last = s?.last as { losses?: unknown; step?: unknown } | null | undefined;
    const fits =
      typeof s?.calls === 'number' &&
      (s.initial === null || losses(s.initial)) &&
      (last === null || (typeof last === 'object' && losses(last?.losses) && typeof last?.step === 'number'));
    if (!fits) throw new Error(`its sampler feedback does not describe ${T} tasks`);
    this.last = last ? { losses: [...(last.losses as number[])], step: last.step as number } : undefined;
    this.initial = s.initial === null ? undefined : [...(s.initial as number[])];
    this.calls = s.calls as number;
  }

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
