/**
 * Where the CLI reads and writes (the process's streams, or memory for tests and programs), and reading
 * the user's files and stdin, turning every failure into a one-line UserError.
 */
import { readFileSync } from 'node:fs';
import { oneLine } from '../engine/params/describe';
import { UserError } from './errors';

/** Standard error as the CLI uses it: progress and error lines. On a terminal the progress bar redraws. */
export interface ErrorStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/** The CLI's three streams. runCli takes them, so the same code runs as a process and in-process. */
export interface CliIo {
  /** Standard output, which carries only the one JSON document; resolves once it is written. */
  writeOut(text: string): Promise<void>;
  err: ErrorStream;
  /** Standard input as chunks; isTTY when nothing was piped in (a person at a terminal). */
  stdin: AsyncIterable<Uint8Array | string> & { readonly isTTY?: boolean };
}

/** Three times a million-entry gradient matrix written at full precision; a config is a few kB. */
export const MAX_INPUT_BYTES = 64 * 2 ** 20;

/** A file name as messages show it: on one line, cut if absurdly long. */
export const shownPath = (path: string): string => oneLine(path, 120);

export function readJsonFile(path: string): unknown {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (code ?? String(error));
    throw new UserError(`${shownPath(path)}: cannot read the file (${oneLine(why, 80)})`);
  }
  if (bytes.length > MAX_INPUT_BYTES)
    throw new UserError(`${shownPath(path)}: the file is larger than ${MAX_INPUT_BYTES / 2 ** 20} MiB`);
  return parseJson(decodeText(bytes, shownPath(path)), shownPath(path));
}

/**
 * UTF-8 bytes to text. Binary data is named as such: its bytes would otherwise be echoed inside the JSON
 * error, control characters and all.
 */
export function decodeText(bytes: Uint8Array, source: string): string {
  const nul = bytes.indexOf(0);
  if (nul >= 0)
    throw new UserError(
      `${source}: expected a UTF-8 JSON text, got binary data (a zero byte at offset ${nul})`,
    );
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UserError(`${source}: expected a UTF-8 JSON text, got bytes that are not UTF-8`);
  }
  return text;
}

/** JSON text to a value; a leading byte-order mark (Windows editors write one) is not an error. */
export function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text.startsWith('\ufeff') ? text.slice(1) : text);
  } catch (error) {
    // V8 quotes a stretch of the input in its message: keep it, but on one line and short.
    throw new UserError(`${source}: invalid JSON (${oneLine((error as Error).message, 120)})`);
  }
}

export async function readStdin(io: CliIo): Promise<string> {
  if (io.stdin.isTTY)
    throw new UserError('stdin: expected JSON input on standard input (e.g. `< input.json`)');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of io.stdin) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk);
    size += bytes.length;
    if (size > MAX_INPUT_BYTES)
      throw new UserError(`stdin: the input is larger than ${MAX_INPUT_BYTES / 2 ** 20} MiB`);
    chunks.push(bytes);
  }
  return decodeText(Buffer.concat(chunks), 'stdin');
}

/** JSON on stdout, one document. */
export function writeJson(io: CliIo, value: unknown): Promise<void> {
  return io.writeOut(`${JSON.stringify(value, null, 2)}\n`);
}
