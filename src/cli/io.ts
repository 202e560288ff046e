/** Reading the user's files and stdin, turning every failure into a one-line UserError. */
import { readFileSync } from 'node:fs';
import { UserError } from './errors';

export function readJsonFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(
      `${path}: cannot read the file (${code === 'ENOENT' ? 'no such file' : (code ?? String(error))})`,
    );
  }
  return parseJson(text, path);
}

export function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UserError(`${source}: invalid JSON (${(error as Error).message})`);
  }
}

export async function readStdin(): Promise<string> {
  if (process.stdin.isTTY)
    throw new UserError('stdin: expected JSON input on standard input (e.g. `< input.json`)');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** JSON on stdout, one document, written fully before the process exits. */
export function writeJson(value: unknown): Promise<void> {
  return new Promise((resolve, reject) =>
    process.stdout.write(`${JSON.stringify(value, null, 2)}\n`, (error) =>
      error ? reject(error) : resolve(),
    ),
  );
}
