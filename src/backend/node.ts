// Node entry point for the engine (tests, CLI, benchmarks): the tfjs CPU backend, quietly.
// @tensorflow/tfjs-node cannot be installed on our machines (it downloads a binary), so CPU it is.
import * as tf from '@tensorflow/tfjs';

export async function initNodeBackend(): Promise<string> {
  // PROD silences tfjs's "install our node backend" banner, which would otherwise land on stderr
  // in the middle of the CLI's progress bar.
  tf.env().set('PROD', true);
  await tf.setBackend('cpu');
  await tf.ready();
  return tf.getBackend();
}
