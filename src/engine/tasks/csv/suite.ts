/**
 * The `csv` task suite: the user's own table, one task per label column (classification or regression),
 * every row an input vector of the chosen numeric columns. The file itself comes from the entry point
 * (provide.ts); the suite checks the choice against it (setup.ts) and builds the splits
 * (columns-to-split.ts). docs/own-data.md describes the format, the checks and the standardisation.
 */
import { ConfigError } from '../../config/types';
import {
  bool,
  choice,
  choiceList,
  num,
  text,
  textList,
  type ConfigIssue,
  type ParamValues,
} from '../../params/spec';
import { defineTaskSuite } from '../types';
import { classEntriesIssue, parseClassEntry } from './class-lists';
import { columnsToSplit } from './columns-to-split';
import { CsvError } from './errors';
import { profileColumns } from './profile';
import { csvData, hasCsvLoader, DEFAULT_CSV_FILE, hasCsvData, type CsvRef } from './provide';
import { checkSetup, detectKind, MAX_LABELS } from './setup';
import { CSV_LIMITS, type CsvData, type CsvSetup } from './types';

const COLUMN = { minItemLength: 1, maxItemLength: 200 };

const params = {
  file: text({
    label: 'data file',
    help: "The CSV or TSV file (a header row, then one row per sample). In the app: the file dropped on the page. In a config file: its path relative to the config's folder.",
    default: DEFAULT_CSV_FILE,
    minLength: 1,
    maxLength: 500,
  }),
  hash: text({
    label: 'content hash',
    help: "The file's content hash (16 hex digits) that a run records, so that an exported run says which data it needs. Empty: whatever file has this name.",
    default: '',
    minLength: 0,
    maxLength: 16,
    pattern: '[0-9a-f]{16}|',
    patternHelp: '16 hex digits 0-9a-f, or empty',
  }),
  inputs: textList({
    label: 'input columns',
    help: 'The numeric columns the network reads, one input each (standardised with the training rows).',
    default: ['Beak Length (mm)', 'Beak Depth (mm)', 'Flipper Length (mm)', 'Body Mass (g)'],
    minLength: 1,
    maxLength: CSV_LIMITS.maxColumns,
    ...COLUMN,
  }),
  labels: textList({
    label: 'label columns',
    help: 'One task per column: classes for text or a few whole numbers, regression for other numbers (see kinds).',
    default: ['Species', 'Sex'],
    minLength: 1,
    maxLength: MAX_LABELS,
    ...COLUMN,
  }),
  kinds: choiceList({
    label: 'label kinds',
    help: 'Per label column, classes or regression. Empty: detected (text, or at most 10 different whole numbers: classes; other numbers: regression).',
    default: [],
    options: ['classes', 'regression'],
    minLength: 0,
    maxLength: MAX_LABELS,
  }),
  classes: textList({
    label: 'kept classes',
    help: 'Per label column, the classes to keep, separated by "|" (e.g. "Adelie|Gentoo" to train on two species only); rows of the other classes are left out like rows with a missing cell. Empty (or no entry): every class. Only for labels learned as classes.',
    default: [],
    minLength: 0,
    maxLength: MAX_LABELS,
    minItemLength: 0,
    maxItemLength: 20_000,
  }),
  testShare: num({
    label: 'test share',
    help: 'Share of the rows held out for the test metrics, drawn at random by the seed; the rest trains.',
    default: 0.2,
    min: 0.05,
    max: 0.5,
  }),
  missing: choice({
    label: 'missing values',
    help: 'drop-rows: a row with an empty (or NA, ?, null ...) cell in a chosen column is left out, and the count is shown. reject: such a cell is an error naming its row.',
    options: ['drop-rows', 'reject'],
    default: 'drop-rows',
  }),
  standardize: bool({
    label: 'standardise',
    help: 'Rescale each input and regression target to mean 0 and std 1 with the training rows; charts can show a target in its own units again.',
    default: true,
  }),
};

type CsvParams = ParamValues<typeof params>;

const refOf = (p: CsvParams): CsvRef => ({ file: p.file, hash: p.hash });

/** The setup a config's params describe; a label's kind is detected from the data where not given. */
export function setupOf(p: CsvParams, data: CsvData | null): CsvSetup {
  const profiles = data ? profileColumns(data) : [];
  return {
    inputs: [...p.inputs],
    labels: p.labels.map((column, i) => {
      const profile = profiles.find((q) => q.name === column);
      const kind = p.kinds[i] ?? (profile ? detectKind(profile) : 'classes');
      const classes = parseClassEntry(p.classes[i]);
      return { column, kind, ...(classes && { classes }) };
    }),
  };
}

/** The data if it can be had now (provided, or a loader set), an issue naming the file if it cannot. */
function dataForCheck(p: CsvParams): { data: CsvData | null; issue?: ConfigIssue } {
  const ref = refOf(p);
  if (!hasCsvData(ref) && !hasCsvLoader()) return { data: null }; // the worker provides it before building
  try {
    return { data: csvData(ref) };
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const path = error.where.field ?? 'file';
    return { data: null, issue: { path, message: error.message } };
  }
}

/** The suite's id, for code outside the registry that must name it (the app's data page). */
export const CSV_SUITE_ID = 'csv';

export const csvSuite = defineTaskSuite({
  id: CSV_SUITE_ID,
  label: 'Own data (CSV / TSV)',
  summary:
    'Your own table: pick the numeric input columns and up to 8 label columns, each a task (classes or regression); rows with missing cells are left out or refused.',
  citation:
    'Own data; examples: Gorman, Williams & Fraser, PLoS ONE 2014 (Palmer penguins); Quinlan, ICML 1993 (auto-mpg)',
  kind: 'data',
  params,
  numTasks: (p) => p.labels.length,
  check(p) {
    if (p.kinds.length !== 0 && p.kinds.length !== p.labels.length)
      return [
        {
          path: 'kinds',
          message: `expected ${p.labels.length} kinds (one per label column) or an empty list, got ${p.kinds.length}`,
          accepted: `${p.labels.length} values (one per label column) or an empty list`,
        },
      ];
    const tooMany = classEntriesIssue(p.classes, p.labels.length);
    if (tooMany) return [tooMany];
    const { data, issue } = dataForCheck(p);
    if (issue) return [issue];
    if (!data) return [];
    return checkSetup(data, profileColumns(data), setupOf(p, data), p.missing);
  },
  build(p, rng) {
    const data = csvData(refOf(p));
    const setup = setupOf(p, data);
    const tooMany = classEntriesIssue(p.classes, p.labels.length);
    const issues = tooMany ? [tooMany] : checkSetup(data, profileColumns(data), setup, p.missing);
    if (issues.length) throw new ConfigError(issues.map((i) => ({ ...i, path: `task.params.${i.path}` })));
    return columnsToSplit(data, setup, p, rng);
  },
});
