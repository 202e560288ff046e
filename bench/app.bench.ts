/**
 * The app as a user meets it: the production build (`vite build` to dist/) in headless Chromium, measuring
 * (a) navigation -> Train enabled, (b) click on Train -> first point drawn in the loss chart, (c) main-thread
 * long tasks (> 50 ms, PerformanceObserver 'longtask') over a fixed window of training, and the steps/s the
 * app sustains meanwhile. Scenarios: the backend `auto` picks, each backend forced through the form's
 * Backend menu (that switch's own time is its column), and MMoE in the app.
 *
 *   npx tsx bench/app.bench.ts [--seconds 30] [--no-build] [--scenarios auto,webgpu,wasm,mmoe]
 *
 * Runnable alone, and part of `npm run bench` (bench/run.ts imports `runAppBench`).
 */
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { CHROMIUM, launch, serveDist } from '../test/browser/harness';
import {
  installProbe,
  type LongFrame,
  type MiniDom,
  type ProbeState,
  type ProbeWindow,
} from './app/page-probe';
import { markdownTable, notMeasured } from './report/table';

export interface AppScenario {
  id: string;
  label: string;
  /** Backend to force through the form after load; none: whatever `auto` picks. */
  force?: 'webgpu' | 'wasm' | 'webgl' | 'cpu';
  /** Left out unless named in --scenarios (today `auto` already picks it on this machine). */
  optional?: boolean;
  /** An experiment config for the URL hash; none: the default experiment. */
  config?: Record<string, unknown>;
}

export const APP_SCENARIOS: AppScenario[] = [
  { id: 'auto', label: 'default experiment, auto' },
  { id: 'webgpu', label: 'default experiment, WebGPU forced', force: 'webgpu' },
  { id: 'wasm', label: 'default experiment, WASM forced', force: 'wasm', optional: true },
  {
    id: 'mmoe',
    label: 'mmoe-synthetic + MMoE, auto',
    config: { task: { id: 'mmoe-synthetic' }, architecture: { id: 'mmoe' } },
  },
];

export interface AppRow {
  scenario: string;
  /** The backend named in the status line once trainable. */
  backend: string;
  /** ms from navigation start to Train enabled (on the backend auto picked). */
  loadToTrainableMs: number;
  /** Forced scenarios: ms from choosing the backend in the form to Train enabled again. */
  switchToTrainableMs: number | null;
  /** ms from the click on Train to the loss chart's first drawn point. */
  clickToFirstPointMs: number;
  /** Steps per second from the first point to the end of the window (step counter / page clock). */
  stepsPerSecond: number;
  longTasks: { count: number; longestMs: number; windowSeconds: number };
  /** The window's frames that blocked input, with their scripts (Chromium's long-animation-frame). */
  longFrames: LongFrame[];
}

const LOAD_TIMEOUT_MS = 120_000;

const probe = (page: Page) => page.evaluate(() => (globalThis as unknown as ProbeWindow).__probe);
const now = (page: Page) => page.evaluate(() => performance.now());
/**
 * The transport's status line ("Step 1,234 · 56 steps/s · WASM") and the page clock, read together. Found
 * by its text, not its markup: charts' tooltips are role="status" too.
 */
const readStatus = (page: Page) =>
  page.evaluate(() => {
    const { document } = globalThis as unknown as MiniDom;
    const line = Array.from(document.querySelectorAll('[role="status"]')).find((e) =>
      /^\s*(Step|Starting)/.test(e.textContent ?? ''),
    );
    return { text: line?.textContent ?? '', at: performance.now() };
  });
const stepOf = (text: string) => Number(text.match(/Step ([\d,]+)/)?.[1]?.replace(/,/g, '') ?? NaN);

/**
 * Waits until the probe stamps `key`, or the app shows an error banner (a backend that cannot train,
 * a crashed worker): then fails at once with the banner's text instead of waiting out the timeout.
 */
async function waitForProbe(page: Page, key: keyof ProbeState, what: string): Promise<number> {
  const failed = (e: unknown): never => {
    throw new Error(`app bench: ${what} did not happen within ${LOAD_TIMEOUT_MS / 1000} s (${String(e)})`);
  };
  await page
    .waitForFunction(
      (k) => {
        const g = globalThis as unknown as ProbeWindow & MiniDom;
        return (
          g.__probe[k] !== null ||
          g.document.querySelector('.banner-error, [role="alert"].banner-error') !== null
        );
      },
      key,
      { timeout: LOAD_TIMEOUT_MS, polling: 50 },
    )
    .catch(failed);
  const stamped = (await probe(page))[key];
  if (stamped !== null) return stamped as number;
  const banner = await page.evaluate(
    () => (globalThis as unknown as MiniDom).document.querySelector('.banner-error')?.textContent ?? '',
  );
  throw new Error(`app bench: ${what} did not happen; the app says: ${banner.trim().slice(0, 300)}`);
}

/** The backend's name in the status line ("… · WASM — why …" or "… · WASM (fell back: …)"), without the why. */
const backendOf = (text: string) =>
  text
    .split(' · ')
    .slice(-1)[0]
    ?.replace(/\s*(\(|—).*$/s, '')
    .trim() ?? '';

async function runScenario(url: string, scenario: AppScenario, seconds: number): Promise<AppRow> {
  const context = await launch({ webgpu: true });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    // tsx compiles with esbuild's keepNames, which wraps functions in a `__name(...)` helper that the page
    // lacks when playwright serialises them: give the page an identity one first.
    await page.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
    await page.addInitScript(installProbe);
    const hash = scenario.config ? `#config=${encodeURIComponent(JSON.stringify(scenario.config))}` : '';
    await page.goto(url + hash);
    const loadToTrainableMs = await waitForProbe(page, 'trainable', 'Train enabled after load');
    let switchToTrainableMs: number | null = null;
    // Choosing the backend already in use changes nothing in the app (no switch to time): that row's
    // switch column stays empty.
    const alreadyThere = backendOf((await readStatus(page)).text).toLowerCase() === scenario.force;
    if (scenario.force && !alreadyThere) {
      await page.evaluate(() => (globalThis as unknown as ProbeWindow).__probeRearmTrainable());
      const chosenAt = await now(page);
      await page.getByLabel('Backend', { exact: true }).selectOption(scenario.force);
      switchToTrainableMs =
        (await waitForProbe(page, 'trainable', `Train enabled after choosing ${scenario.force}`)) - chosenAt;
    }
    const backend = backendOf((await readStatus(page)).text);
    if (!(await page.evaluate(() => (globalThis as unknown as ProbeWindow).__probeClickTrain())))
      throw new Error('app bench: the Train button was not clickable');
    const firstPoint = await waitForProbe(page, 'firstPoint', 'the first loss-chart point');
    const { armedAt } = await probe(page);
    const clickedAt = armedAt as number;
    const first = await readStatus(page);
    const windowEnd = clickedAt + seconds * 1000;
    await page.waitForTimeout(Math.max(windowEnd - first.at, 1000));
    const end = await readStatus(page);
    const { longTasks, longFrames } = await probe(page);
    const inWindow = longTasks.filter((t) => t.start >= clickedAt && t.start < end.at);
    // A frame is reported when it holds a long task of the window.
    const held = (f: LongFrame) => inWindow.some((t) => t.start >= f.start && t.start < f.start + f.duration);
    if (errors.length) throw new Error(`app bench: page errors: ${errors.join('; ')}`);
    return {
      scenario: scenario.label,
      backend,
      loadToTrainableMs,
      switchToTrainableMs,
      clickToFirstPointMs: firstPoint - clickedAt,
      stepsPerSecond: ((stepOf(end.text) - stepOf(first.text)) * 1000) / (end.at - first.at),
      longTasks: {
        count: inWindow.length,
        longestMs: Math.max(0, ...inWindow.map((t) => t.duration)),
        windowSeconds: (end.at - clickedAt) / 1000,
      },
      longFrames: longFrames.filter(held).map((f) => ({ ...f, start: f.start - clickedAt })),
    };
  } finally {
    await context.close();
  }
}

export function chromiumVersion(): string {
  try {
    return execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return `unknown (${CHROMIUM} --version failed)`;
  }
}

export function appTable(rows: AppRow[]): string {
  const ms = (v: number | null) => (v === null ? '-' : Math.round(v).toLocaleString('en-US'));
  return markdownTable(
    [
      'scenario',
      'backend',
      'load → Train enabled (ms)',
      'switch → Train enabled (ms)',
      'Train → first point (ms)',
      'steps/s',
      'long tasks > 50 ms',
      'longest (ms)',
    ],
    rows.map((r) => [
      r.scenario,
      r.backend,
      ms(r.loadToTrainableMs),
      ms(r.switchToTrainableMs),
      ms(r.clickToFirstPointMs),
      r.stepsPerSecond.toFixed(1),
      `${r.longTasks.count} in ${r.longTasks.windowSeconds.toFixed(0)} s`,
      ms(r.longTasks.longestMs),
    ]),
    ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r'],
  );
}

/**
 * One line per frame that held a long task: when, how long, its rendering, and its scripts by invoker and
 * source position in the built bundle (dist/assets/*.js.map maps a position to our source).
 */
export function longFrameLines(rows: AppRow[]): string {
  const lines = rows.flatMap((r) =>
    r.longFrames.map((f) => {
      const scripts = f.scripts
        .map(
          (x) =>
            `${x.invoker} (${x.source}) ${Math.round(x.ms)} ms, forced layout ${Math.round(x.forcedLayoutMs)} ms`,
        )
        .join('; ');
      return `- ${r.scenario}: a ${Math.round(f.duration)} ms frame at +${(f.start / 1000).toFixed(1)} s (rendering ${Math.round(f.renderMs)} ms): ${scripts || 'no script'}`;
    }),
  );
  return lines.length ? `\nFrames that held the long tasks:\n\n${lines.join('\n')}\n` : '';
}

export interface AppBenchOptions {
  seconds: number;
  build: boolean;
  scenarios: string[];
}

/** Builds (unless told not to), serves dist/ and runs each scenario in a fresh browser; a failure is a row. */
export async function runAppBench(options: AppBenchOptions): Promise<{ rows: AppRow[]; markdown: string }> {
  if (options.build) await build({ logLevel: 'warn' });
  const server = await serveDist('dist');
  const rows: AppRow[] = [];
  const failures: string[] = [];
  try {
    for (const id of options.scenarios) {
      const scenario = APP_SCENARIOS.find((s) => s.id === id);
      if (!scenario)
        throw new Error(
          `--scenarios: unknown '${id}'; accepted: ${APP_SCENARIOS.map((s) => s.id).join(', ')}`,
        );
      try {
        rows.push(await runScenario(server.url, scenario, options.seconds));
      } catch (error) {
        failures.push(`${scenario.label}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  } finally {
    await server.close();
  }
  return { rows, markdown: appTable(rows) + longFrameLines(rows) + notMeasured(failures) };
}

export const DEFAULT_SCENARIOS = APP_SCENARIOS.filter((s) => !s.optional).map((s) => s.id);

export function parseScenarios(value: string | undefined): string[] {
  return value === undefined ? DEFAULT_SCENARIOS : value.split(',').filter(Boolean);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string' },
      'no-build': { type: 'boolean' },
      scenarios: { type: 'string' },
    },
  });
  const seconds = Number(values.seconds ?? 30);
  if (!(seconds >= 1)) throw new Error(`--seconds: expected a number ≥ 1, got '${values.seconds}'`);
  process.stdout.write(`${chromiumVersion()}; ${seconds} s of training per scenario\n\n`);
  const { markdown } = await runAppBench({
    seconds,
    build: !values['no-build'],
    scenarios: parseScenarios(values.scenarios),
  });
  process.stdout.write(markdown);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`app bench: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
