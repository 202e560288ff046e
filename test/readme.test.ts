/**
 * The README's command-line examples, run as written (each line of its sh block that calls the CLI) in a
 * shell from the repository root: each must exit 0 and print JSON, so the README stays true. A redirect
 * to a file is pointed into a temporary folder, and the file must hold JSON too.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const out = mkdtempSync(join(tmpdir(), 'readme-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

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

function shell(command: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    // pipefail: in `echo ... | npm run ...` the CLI's exit status is the one that counts.
    const child = spawn('bash', ['-o', 'pipefail', '-c', command], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe("README's command-line examples", () => {
  const lines = examples();

  it('finds the examples: run, aggregate and list', () => {
    for (const command of ['run', 'aggregate', 'list'])
      expect(lines.some((l) => l.includes(`cli -- ${command}`))).toBe(true);
  });

  it.concurrent.each(lines)('%s', async (line) => {
    const { command, file } = redirected(line);
    const r = await shell(command);
    expect(r.code, r.stderr.split('\n').slice(-5).join('\n')).toBe(0);
    const json = file ? readFileSync(file, 'utf8') : r.stdout;
    expect(() => JSON.parse(json) as unknown).not.toThrow();
  });
});
