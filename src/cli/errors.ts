import { ConfigError } from '../engine/config/types';
import { CsvError } from '../engine/tasks/csv/errors';

/** A mistake in what the user gave us (flags, files, JSON): reported as one line, exit code 2. */
export class UserError extends Error {
  override name = 'UserError';
}

/** Exit codes: 0 ok; 1 a bug or an unexpected failure; 2 a user error; 3 training diverged. */
export const EXIT = { ok: 0, internal: 1, user: 2, diverged: 3 } as const;

/** A bad data file (missing, unreadable, malformed, another hash) is the user's to fix too: exit 2. */
export function isUserError(error: unknown): error is UserError | ConfigError | CsvError {
  return error instanceof UserError || error instanceof ConfigError || error instanceof CsvError;
}
