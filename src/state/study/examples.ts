/**
 * Example studies: the files in public/studies/ (the same ones `npm run cli -- sweep` takes), listed by
 * its index.json as `{ studies: [{ file, title, description }] }`. Read with fetch on the page.
 */
import type { ExampleStudy } from './study-store';

/** Example studies live beside the presets, in public/studies/. */
export const STUDIES_DIR = 'studies/';

export async function fetchJsonFile(path: string): Promise<unknown> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
}

/** The example list of an index file; entries without a file or a title are left out. */
export function examplesOf(index: unknown): ExampleStudy[] {
  const list = (index as { studies?: unknown } | null)?.studies;
  if (!Array.isArray(list)) throw new Error('expected { "studies": [...] }');
  return list.filter(
    (x): x is ExampleStudy =>
      typeof (x as ExampleStudy | null)?.file === 'string' && typeof (x as ExampleStudy).title === 'string',
  );
}
