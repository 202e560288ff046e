/**
 * A merging run's Report: the joint model's report (gradient statistics, weights and health describe joint
 * training) with `tasks` replaced by the chosen merged model's scores, and Report.merging with every
 * model's per-task test scores and the task vectors' interference per shared layer.
 */
import type { Model } from '../train/model';
import type { Report } from '../train/report';
import { interferenceByLayer } from './interference';
import type { MergeScores } from './merged-model';
import { MERGE_METHODS, type MergeMethod } from './registry';
import type { MergingReport, Score } from './report';
import type { ModelParams } from './specialist-params';
import { taskVectors } from './task-vectors';

export interface MergingReportInput {
  jointReport: Report;
  /** Each specialist's own report (empty before the specialists split off the joint model). */
  own: readonly Report[];
  params: readonly ModelParams[];
  theta0: Float32Array;
  scores: MergeScores;
  method: MergeMethod;
  model: Model;
  steps: number;
}

export function mergingReport(input: MergingReportInput): Report {
  const { jointReport, own, params, theta0, scores, method, model, steps } = input;
  const chosen = scores.test[MERGE_METHODS.indexOf(method)] as Score[];
  const jointScore = (t: number): Score => {
    const task = jointReport.tasks[t];
    return { loss: task?.testLoss ?? NaN, metric: task?.testMetric ?? NaN };
  };
  const merging: MergingReport = {
    method: method.card.id,
    steps,
    tasks: jointReport.tasks.map((task, t) => {
      const mine = own[t]?.tasks[t];
      return {
        name: task.name,
        // Before the split every specialist is the joint model.
        specialist: mine ? { loss: mine.testLoss, metric: mine.testMetric } : jointScore(t),
        merged: chosen[t] as Score,
        joint: jointScore(t),
      };
    }),
    methods: MERGE_METHODS.map((m, i) => ({
      id: m.card.id,
      label: m.card.label,
      tasks: scores.test[i] as Score[],
    })),
    interference: interferenceByLayer(
      taskVectors(
        theta0,
        params.map((p) => p.theta),
      ),
      model.layers,
    ),
  };
  return {
    ...jointReport,
    tasks: jointReport.tasks.map((task, t) => ({
      name: task.name,
      trainLoss: scores.train[t]?.loss ?? NaN,
      testLoss: chosen[t]?.loss ?? NaN,
      trainMetric: scores.train[t]?.metric ?? NaN,
      testMetric: chosen[t]?.metric ?? NaN,
    })),
    merging,
  };
}
