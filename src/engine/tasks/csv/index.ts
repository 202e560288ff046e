/** The own-data engine in one import: parsing, profiles, setups, the suite and how its data is provided. */
export { CLASS_SEPARATOR, checkClassLists, classEntry, firstUnkeptRow, parseClassEntry } from './class-lists';
export { columnsToSplit, naturalOrder } from './columns-to-split';
export { CsvError } from './errors';
export { contentHash, ContentHash } from './hash';
export { CsvReader, detectDelimiter, parseCsvBlob, parseCsvText } from './parse';
export { cellNumber, isMissing, profileColumns } from './profile';
export {
  csvData,
  hasCsvLoader,
  DEFAULT_CSV_FILE,
  hasCsvData,
  needsCsvData,
  provideCsvData,
  setCsvBase,
  setCsvLoader,
  type CsvLoader,
  type CsvRef,
} from './provide';
export {
  checkSetup,
  classFilters,
  detectKind,
  keptRows,
  MAX_INTEGER_CLASSES,
  MAX_LABELS,
  missingRowsReport,
  suggestSetup,
  type ClassFilter,
  type MissingPolicy,
} from './setup';
export { CSV_SUITE_ID, csvSuite, setupOf } from './suite';
export * from './types';
