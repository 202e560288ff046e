/**
 * The joint baseline's side of the comparison: a run with meta 'none' on the sine family trains the usual
 * way on all sines pooled (Finn et al.'s "pretrained" model); its report gets the same adaptation evaluation
 * as a meta-learning run (adaptation.ts), from its own parameters, through the model's own forward.
 */
import { narrowParams } from '../params/narrow';
import type * as tf from '@tensorflow/tfjs-core';
import type { ExperimentConfig } from '../config/types';
import { heldOutSines, SINE_FAMILY_PARAMS } from '../tasks/sine-family';
import type { Model } from '../train/model';
import { evaluateAdaptation } from './adaptation';
import type { MetaReport } from './report-types';

/** Held-out sines whose curves the report keeps for the view (as the meta trainer). */
const DRAWN_SINES = 3;

/**
 * Report.meta for a joint run on the sine family (undefined for any other suite): θ [1, P] and the task
 * tensors adapt together on each held-out sine's shots, task 0's output being the prediction.
 */
export async function jointAdaptationReport(
  config: ExperimentConfig,
  model: Model,
  theta: tf.Tensor2D,
  taskParams: readonly tf.Tensor[],
): Promise<MetaReport | undefined> {
  const predict = model.predict;
  if (config.task.id !== 'sine-family' || config.meta || !predict) return undefined;
  const family = narrowParams(SINE_FAMILY_PARAMS, config.task.params);
  const adaptation = await evaluateAdaptation(
    (params, x) => predict(params[0] as tf.Tensor2D, params.slice(1), x),
    [theta, ...taskParams],
    heldOutSines(family),
    { lr: family.adaptLr, steps: family.adaptSteps, curves: DRAWN_SINES },
  );
  return { learner: 'none', ...adaptation };
}
