/**
 * Node entry point for the engine (tests, CLI, benchmarks): the tfjs CPU backend or the WASM backend,
 * quietly. @tensorflow/tfjs-node cannot be installed on our machines (it downloads a binary), so these two
 * are what Node has; the CLI picks one with --backend.
 */
import { registerNodeTaskData } from './node-task-data';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import type * as WasmModule from '@tensorflow/tfjs-backend-wasm';
import { fixWasmEmptyReductions } from './wasm-empty-reductions';
import { registerWasmGroupMatMul } from './wasm-group-matmul';
import { registerWasmConvFilterGrad } from './wasm-conv-filter-grad';
import { registerWasmMaxPoolGrad } from './wasm-max-pool-grad';

/** The backends Node can run, the default first. */
export const NODE_BACKENDS = ['cpu', 'wasm'] as const;
export type NodeBackendName = (typeof NODE_BACKENDS)[number];

const require = createRequire(import.meta.url);

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
    require('@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops');
    require('@tensorflow/tfjs-core/dist/register_all_gradients');
  }
}

/**
 * Registers the WASM backend, once. In Node the package resolves to its CommonJS bundle
 * (dist/tf-backend-wasm.node.js), which registers into the same tfjs-core as above. Its Emscripten loader
 * reads the .wasm binary with fs from the directory given to setWasmPaths (a path prefix, so it must end
 * in a slash); left alone it would look next to the loader script, which bundlers and tsx may move. tfjs
 * answers WASM_HAS_MULTITHREAD_SUPPORT with false in Node (tfjs issue #3830), so the single-threaded SIMD
 * binary (tfjs-backend-wasm-simd.wasm) is the one loaded.
 */
let wasmRegistered = false;
function registerWasm(): void {
  if (wasmRegistered) return;
  const wasm = require('@tensorflow/tfjs-backend-wasm') as typeof WasmModule;
  const dist = dirname(require.resolve('@tensorflow/tfjs-backend-wasm'));
  wasm.setWasmPaths(`${dist}/`);
  // Independent nets have an empty θ: WASM must answer empty reductions as the CPU backend does.
  fixWasmEmptyReductions();
  registerWasmGroupMatMul();
  registerWasmConvFilterGrad();
  registerWasmMaxPoolGrad();
  wasmRegistered = true;
}

/**
 * Emscripten's Node loader, run when the WASM backend first initialises, adds process-wide handlers that
 * rethrow every uncaught exception and unhandled rejection. They would take error handling away from the
 * CLI's entry point and from the test runner (which reports such errors per test), so whatever it added is
 * removed again: Node's own behaviour for a truly uncaught error is the same crash.
 */
const WATCHED_EVENTS = ['uncaughtException', 'unhandledRejection'] as const;
type Listeners = Map<(typeof WATCHED_EVENTS)[number], ((...args: unknown[]) => void)[]>;
function processListeners(): Listeners {
  return new Map(
    WATCHED_EVENTS.map((event) => [event, process.listeners(event) as ((...args: unknown[]) => void)[]]),
  );
}
function restoreProcessListeners(before: Listeners): void {
  for (const [event, kept] of before)
    for (const listener of process.listeners(event))
      if (!kept.includes(listener as (...args: unknown[]) => void)) process.removeListener(event, listener);
}

/**
 * Makes `name` (default: cpu) the current backend and returns its name. Calling it again switches: tests
 * run the CLI on wasm and go back to cpu. A name Node cannot run is refused with the accepted ones.
 */
export async function initNodeBackend(name: NodeBackendName = 'cpu'): Promise<NodeBackendName> {
  if (!(NODE_BACKENDS as readonly string[]).includes(name))
    throw new Error(`backend: expected one of ${NODE_BACKENDS.join(', ')}, got ${JSON.stringify(name)}`);
  await registerOpsAndGradients();
  // Task data (MultiMNIST's digits) is read from node_modules when a task first needs it.
  registerNodeTaskData();
  // PROD silences tfjs's "install our node backend" banner, which would otherwise land on stderr
  // in the middle of the CLI's progress bar.
  tf.env().set('PROD', true);
  if (name === 'wasm') registerWasm();
  const before = processListeners();
  const ok = await tf.setBackend(name);
  restoreProcessListeners(before);
  if (!ok) throw new Error(`backend: tfjs could not initialise ${name}`);
  await tf.ready();
  return name;
}
