/**
 * Browser benchmark page, driven by bench/browser.bench.ts. Modes (URL query):
 * - `mode=side-by-side` (default): ours vs the naive tfjs step per backend (`backends=wasm,webgpu`,
 *   `rounds`, `steps`), with GPU dispatches counted on WebGPU;
 * - `mode=experiments`: our trainer on several experiments per backend (`steps`);
 * - `profile=<backend>`: per-kernel device time of one default step.
 * Results land in `window.benchResults` (with the browser and its WebGPU adapter), errors in `benchError`.
 */
import type { BackendName } from '../../src/backend/browser';
import { adapterInfo } from './adapter-info';
import { installDispatchCounter } from './dispatch-counter';
import { experiments, profileKernels } from './experiments-page';
import { sideBySide } from './side-by-side-page';

// Before any backend starts: the wrapper must see every dispatch of the session.
installDispatchCounter();

const params = new URLSearchParams(location.search);
const out = document.getElementById('out') as HTMLElement;
const log = (line: string) => {
  out.textContent += `\n${line}`;
  console.info(line);
};
const backends = (fallback: string) => (params.get('backends') ?? fallback).split(',') as BackendName[];
const positive = (key: string): number | null => {
  const n = Number(params.get(key));
  return params.get(key) && Number.isInteger(n) && n > 0 ? n : null;
};

async function main(): Promise<unknown> {
  const browser = { userAgent: navigator.userAgent, adapter: await adapterInfo() };
  const profile = params.get('profile');
  if (profile) return { browser, profile: await profileKernels(profile as BackendName) };
  if (params.get('mode') === 'experiments')
    return {
      browser,
      experiments: await experiments(backends('webgpu,webgl,wasm'), positive('steps') ?? 100, log),
    };
  const result = await sideBySide({
    backends: backends('wasm,webgpu'),
    rounds: positive('rounds') ?? 5,
    steps: positive('steps'),
    log,
  });
  return { browser, ...result };
}

main().then(
  (results) => ((window as unknown as { benchResults: unknown }).benchResults = results),
  (error: unknown) => {
    (window as unknown as { benchError: string }).benchError =
      error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
  },
);
