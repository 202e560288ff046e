/**
 * Dynamic Weight Average. Liu, Johns & Davison, "End-to-End Multi-Task Learning with Attention",
 * CVPR 2019, arXiv:1803.10704 (MTAN), §3.3; LibMTL/weighting/DWA.py.
 *
 * w_t = T · softmax_t(r_t / temperature), r_t = (mean loss of period k−1) / (mean loss of period k−2),
 * with weights 1 during the first two periods. The paper counts epochs; we train by steps, so a
 * `period` of steps plays the epoch. Running sums stay on the device (no readback); only the step count
 * is JS, and it counts this instance's own calls, so a method switched in mid-run starts afresh.
 */
import * as tf from '@tensorflow/tfjs-core';
import { DeviceState } from '../stateful/device-state';
import { implementMethod } from './implement';
import { weightedSum } from './common';
import { dwaCard } from './dwa.card';

export const dwa = implementMethod(dwaCard, {
  create: ({ numTasks, numReplicas, params }) => {
    const shape: [number, number] = [numReplicas, numTasks];
    const state = new DeviceState();
    const running = state.variable('running', shape, 0); // loss sum of the current period
    const previous = state.variable('previous', shape, 1); // mean loss of period k−1
    const before = state.variable('before', shape, 1); // mean loss of period k−2
    const calls = state.box('calls', 0);
    return {
      aggregate: ({ grads, losses }) =>
        tf.tidy(() => {
          const period = Math.floor(calls.value / params.period);
          if (calls.value > 0 && calls.value % params.period === 0) {
            before.assign(previous);
            previous.assign(tf.div(running, params.period));
            running.assign(tf.zerosLike(running));
          }
          calls.value++;
          const weights =
            period >= 2
              ? tf.mul<tf.Tensor2D>(
                  numTasks,
                  tf.softmax(tf.div(tf.divNoNan(previous, before), params.temperature)), // softmax over tasks
                )
              : tf.ones<tf.Rank.R2>(shape);
          running.assign(tf.add(running, losses));
          return { direction: weightedSum(weights, grads), weights };
        }),
      trainables: [],
      state,
      dispose: () => state.dispose(),
    };
  },
});
