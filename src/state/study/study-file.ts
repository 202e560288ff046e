/**
 * A study as stored and as exported. The file is `{ format: 'mtl-playground-study', version: 1, study,
 * runs }` (the run files' sibling, state/runs/run-file.ts, whose import reads its runs back); the table
 * exports are the engine's study table as CSV and Markdown, so the page, the files and the CLI agree.
 */
import { studyTable, studyTableCsv, studyTableMarkdown } from '../../engine/study/study-table';
import type { RunRecord } from '../../engine/study/types';
import type { StudyRecord } from '../runs/run-db';
import { RUN_FILE_VERSION, STUDY_FORMAT } from '../runs/run-file';
import type { StudyView } from './study-store';
import { summarizeFinished } from './summarize-finished';

export function studyRecordOf(view: StudyView, status: StudyRecord['status']): StudyRecord {
  return {
    id: view.id,
    name: view.name,
    spec: view.spec,
    runIds: view.runs.map((r) => r.id),
    planned: view.total ?? view.runs.length,
    summary: view.summary,
    status,
    createdAt: view.createdAt,
  };
}

/**
 * A stored study shown again, with its runs read back. One a reload or a crashed tab interrupted has no
 * summary yet: its finished runs are summarised here.
 */
export function viewOfStored(study: StudyRecord, runs: RunRecord[]): StudyView {
  return {
    id: study.id,
    name: study.name,
    spec: study.spec,
    runs,
    summary: study.summary ?? summarizeFinished(study.spec, runs),
    total: study.planned,
    steps: null,
    elapsed: runs.reduce((s, r) => s + r.wallSeconds, 0),
    eta: null,
    backend: runs[0]?.backend ?? null,
    createdAt: study.createdAt,
  };
}

export const studyFile = (view: StudyView, status: StudyRecord['status']): string =>
  JSON.stringify(
    { format: STUDY_FORMAT, version: RUN_FILE_VERSION, study: studyRecordOf(view, status), runs: view.runs },
    null,
    1,
  );

/** The results table as CSV or Markdown; null before there is a summary. */
export function studyTableText(view: StudyView, as: 'csv' | 'markdown'): string | null {
  if (!view.summary) return null;
  const table = studyTable(view.summary);
  return as === 'csv' ? studyTableCsv(table) : studyTableMarkdown(table);
}

/** "study-ew-vs-pcgrad-2026-11-30.json": the study's name, safe for any file system. */
export function studyFileName(view: StudyView, extension: string): string {
  const slug = view.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  const date = new Date(view.createdAt).toISOString().slice(0, 10);
  return `study-${slug || 'results'}-${date}.${extension}`;
}
