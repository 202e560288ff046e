/**
 * MTL Playground's command line, the process: train headlessly in Node, check methods against other
 * implementations, list the catalogue. This file only binds runCli (cli.ts) to the process's arguments,
 * streams and exit code, and hands it the Node backends (choosing a backend is an entry point's job).
 */
import { initNodeBackend, NODE_BACKENDS, type NodeBackendName } from '../backend/node';
import { runCli } from './cli';
import type { CliIo } from './io';

/**
 * A reader that stops early (`cli list | head`) closes the pipe: that is the reader's choice, not a failure,
 * so the JSON is dropped quietly, as Unix tools do, instead of an unhandled EPIPE and a stack trace. The
 * same for standard error (`2>&1 | head`, a closed log): progress lines are for a person, and training
 * goes on to its JSON.
 */
const closedByReader = (error: unknown) => (error as NodeJS.ErrnoException | null)?.code === 'EPIPE';
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (error) => {
    if (!closedByReader(error)) throw error;
  });

const io: CliIo = {
  // Resolves once the data is handed to the OS, so a large JSON document is complete before the exit.
  writeOut: (text) =>
    new Promise((resolve, reject) =>
      process.stdout.write(text, (error) => (error && !closedByReader(error) ? reject(error) : resolve())),
    ),
  err: process.stderr,
  stdin: process.stdin,
};

const backends = {
  names: NODE_BACKENDS,
  // runCli checked the name against NODE_BACKENDS.
  init: (name: string) => initNodeBackend(name as NodeBackendName),
};

process.exitCode = await runCli(process.argv.slice(2), io, backends);
