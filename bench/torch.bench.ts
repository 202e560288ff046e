/**
 * The PyTorch CPU reference (bench/torch/torch_bench.py): the default experiment in PyTorch, EW and LibMTL's
 * PCGrad, where a Python with torch exists (`python3`, else Debian's /usr/bin/python3). Skipped, with the
 * reason, elsewhere.
 *
 *   npx tsx bench/torch.bench.ts [--steps 200]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { parseCount } from './node.bench';
import { markdownTable } from './report/table';

export interface TorchResult {
  torch: string;
  threads: number;
  steps: number;
  ew: { stepsPerSecond: number; lastLoss: number };
  pcgrad: { stepsPerSecond: number; lastLoss: number };
}

const CANDIDATES = ['python3', '/usr/bin/python3'];

/** The first Python that imports torch, or null. */
export function findTorchPython(): string | null {
  for (const python of CANDIDATES) {
    const probe = spawnSync(python, ['-c', 'import torch'], { stdio: 'ignore', timeout: 60_000 });
    if (probe.status === 0) return python;
  }
  return null;
}

export function runTorchBench(steps: number): { result: TorchResult | null; markdown: string } {
  const python = findTorchPython();
  if (!python)
    return {
      result: null,
      markdown: `not measured: no Python here imports torch (tried ${CANDIDATES.join(', ')})\n`,
    };
  const out = execFileSync(python, ['bench/torch/torch_bench.py', '--steps', String(steps)], {
    encoding: 'utf8',
    timeout: 10 * 60_000,
  });
  const result = JSON.parse(out.trim().split('\n').slice(-1)[0] ?? '{}') as TorchResult;
  const row = (step: string, r: { stepsPerSecond: number }) => [
    `PyTorch ${result.torch}, CPU, ${result.threads} thread${result.threads === 1 ? '' : 's'}`,
    step,
    r.stepsPerSecond.toFixed(1),
  ];
  return {
    result,
    markdown: markdownTable(
      ['where', 'step', 'steps/s'],
      [
        row('ew: (L1 + L2).backward()', result.ew),
        row('pcgrad (LibMTL: per-task backward, random order)', result.pcgrad),
      ],
      ['l', 'l', 'r'],
    ),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const { values } = parseArgs({ options: { steps: { type: 'string' } } });
    process.stdout.write(runTorchBench(parseCount('--steps', values.steps, 200) as number).markdown);
  } catch (error) {
    process.stderr.write(`torch bench: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
