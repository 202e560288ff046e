/**
 * The README's command-line examples (each line of its sh blocks that calls the CLI) must exit 0 and print
 * JSON, so the README stays true. bash reads every line as written, from the repository root: its quoting,
 * its pipe into stdin and its `> file` redirect (pointed into a temporary folder). One line runs for real
 * (`npm run -s cli`, tsx, a process); for the others an `npm` shell function records the arguments and
 * stdin bash would hand the CLI, and runCli runs them in-process: the same CLI without a Node start, a
 * TypeScript transform and a tfjs load per line (cli.test.ts proves main.ts wires runCli to a process).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { initNodeBackend, NODE_BACKENDS, type NodeBackendName } from '../src/backend/node';
import { runCli } from '../src/cli/cli';
import { memoryIo } from '../src/cli/memory-io';

const ROOT = join(import.meta.dirname, '..');
const out = mkdtempSync(join(tmpdir(), 'readme-'));
afterAll(async () => {
  rmSync(out, { recursive: true, force: true });
  // Files share tfjs's engine (vitest.config.ts): leave cpu current, which the other files expect.
  await initNodeBackend('cpu');
});

const CALL = 'npm run -s cli --';

/** Every command line of README.md's sh blocks that runs the CLI. */
function examples(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
  return blocks
    .flatMap((block) => block.split('\n'))
    .map((line) => line.trim())
    .filter((line) => !line.startsWith('#') && line.includes('npm run -s cli'));
}

/** The line with a trailing `> file` redirect sent to the temporary folder, and that file's path. */
function redirected(line: string): { command: string; file: string | null } {
  const match = /\s>\s*(\S+)$/.exec(line);
  if (!match?.[1]) return { command: line, file: null };
  const file = join(out, match[1]);
  return { command: `${line.slice(0, match.index)} > '${file}'`, file };
}

function shell(
  command: string,
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    // pipefail: in `echo ... | npm run ...` the CLI's exit status is the one that counts.
    const child = spawn('bash', ['-o', 'pipefail', '-c', command], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * What bash hands the CLI for `line`: its arguments and its stdin. An `npm` function shadows npm and
 * writes both to files; the arguments NUL-separated, as no argument can contain NUL.
 */
async function asBashReadsIt(line: string): Promise<{ args: string[]; stdin: string; file: string | null }> {
  const { command, file } = redirected(line);
  const [argsFile, stdinFile] = [join(out, 'args'), join(out, 'stdin')];
  const shim = `npm() { printf '%s\\0' "$@" > "$ARGS_FILE"; cat > "$STDIN_FILE"; }`;
  const r = await shell(`${shim}\n${command}`, { ARGS_FILE: argsFile, STDIN_FILE: stdinFile });
  expect(r.code, r.stderr).toBe(0);
  const words = readFileSync(argsFile, 'utf8').split('\0').slice(0, -1);
  expect(words.slice(0, 4).join(' ')).toBe(CALL.replace(/^npm /, ''));
  return { args: words.slice(4), stdin: readFileSync(stdinFile, 'utf8'), file };
}

describe("README's command-line examples", () => {
  const lines = examples();
  // The one run for real: it reads stdin from a pipe, the part of the wiring most likely to break.
  const real = lines.find((l) => l.includes(`${CALL} aggregate`));

  it('finds the examples: run, aggregate and list', () => {
    for (const command of ['run', 'aggregate', 'list'])
      expect(lines.some((l) => l.includes(`${CALL} ${command}`))).toBe(true);
  });

  it(`runs as a process: ${real}`, async () => {
    const r = await shell(redirected(real ?? '').command);
    expect(r.code, r.stderr.split('\n').slice(-5).join('\n')).toBe(0);
    expect(() => JSON.parse(r.stdout) as unknown).not.toThrow();
  });

  it.each(lines)('%s', async (line) => {
    const { args, stdin, file } = await asBashReadsIt(line);
    const io = memoryIo(stdin);
    const code = await runCli(args, io, {
      names: NODE_BACKENDS,
      init: (name) => initNodeBackend(name as NodeBackendName),
    });
    expect(code, io.stderr().split('\n').slice(-5).join('\n')).toBe(0);
    expect(() => JSON.parse(io.stdout()) as unknown).not.toThrow();
    // bash could open the redirect's file (the CLI's stdout would go there).
    if (file) expect(existsSync(file)).toBe(true);
  });
});
