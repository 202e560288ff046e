/**
 * Node entry point for the engine (tests, CLI, benchmarks): the tfjs CPU backend, quietly.
 * @tensorflow/tfjs-node cannot be installed on our machines (it downloads a binary), so CPU it is.
 */
import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';

/**
 * tfjs-core registers its chained tensor methods (x.reshape(...)) and its gradients only on request, from
 * two files of its ES module build. Vitest loads them as ES modules. Under tsx (the CLI, benchmarks) Node
 * resolves '@tensorflow/tfjs-core' to its CommonJS bundle and refuses the ES build's extensionless imports,
 * so they are required instead (tsx compiles them). Either way they register into tfjs's global registries
 * and Tensor class, which every copy of tfjs-core shares.
 */
async function registerOpsAndGradients(): Promise<void> {
  try {
    await import('@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops');
    await import('@tensorflow/tfjs-core/dist/register_all_gradients');
  } catch {
    const require = createRequire(import.meta.url);
    require('@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops');
    require('@tensorflow/tfjs-core/dist/register_all_gradients');
  }
}

export async function initNodeBackend(): Promise<string> {
  await registerOpsAndGradients();
  // PROD silences tfjs's "install our node backend" banner, which would otherwise land on stderr
  // in the middle of the CLI's progress bar.
  tf.env().set('PROD', true);
  await tf.setBackend('cpu');
  await tf.ready();
  return tf.getBackend();
}
