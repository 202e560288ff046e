/**
 * The CLI's streams in memory: stdin from a string, stdout and stderr collected. Tests call runCli with it
 * (one process for hundreds of CLI calls instead of one process each), and so can a program that wants
 * the CLI's JSON without spawning it.
 */
import type { CliIo } from './io';

export interface MemoryIo extends CliIo {
  /** Everything written to stdout so far. */
  stdout(): string;
  /** Everything written to stderr so far. */
  stderr(): string;
}

/** `input` is what a pipe would deliver on stdin (empty by default, as `< /dev/null`). */
export function memoryIo(input: string | Uint8Array = ''): MemoryIo {
  let out = '';
  let err = '';
  return {
    writeOut(text) {
      out += text;
      return Promise.resolve();
    },
    err: {
      isTTY: false,
      write(text: string) {
        err += text;
        return true;
      },
    },
    stdin: {
      isTTY: false,
      // eslint-disable-next-line @typescript-eslint/require-await -- an async iterable of one chunk
      async *[Symbol.asyncIterator]() {
        yield input;
      },
    },
    stdout: () => out,
    stderr: () => err,
  };
}
