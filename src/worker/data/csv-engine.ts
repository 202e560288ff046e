/**
 * The engine's CSV functions as the data worker and the task-data step use them (engine/tasks/csv: the
 * parser, profile, setup checks and the suite's data provision), in one place.
 */
import { parseCsvBlob, parseCsvText } from '../../engine/tasks/csv/parse';
import { profileColumns } from '../../engine/tasks/csv/profile';
import { checkSetup, missingRowsReport, suggestSetup } from '../../engine/tasks/csv/setup';
import type { CsvData, CsvSetup } from '../../engine/tasks/csv/types';
import type { MissingPolicy, SetupCheck } from './data-protocol';

export {
  hasCsvData as hasCsv,
  needsCsvData as csvNeeds,
  provideCsvData as provideCsv,
  type CsvRef,
} from '../../engine/tasks/csv/provide';

export const parseCsvString = parseCsvText;
export const parseCsvFile = parseCsvBlob;
export const profileCsv = profileColumns;
export const suggestCsvSetup = suggestSetup;

/** The one line a failure shows: a CsvError's message as it is (it names the file, row and column). */
export const csvErrorLine = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** The engine's issues with a setup on this file (one line each), and the rows it keeps. */
export function checkCsvSetup(data: CsvData, setup: CsvSetup, missing: MissingPolicy): SetupCheck {
  const issues = checkSetup(data, profileColumns(data), setup, missing).map((i) => i.message);
  return { issues, ...missingRowsReport(data, setup, missing) };
}
