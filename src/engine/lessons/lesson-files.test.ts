/**
 * Every lesson file the app serves (public/lessons/*.json) parses, is named after its id, has its student
 * text next to it and states the numbers the reader should expect; index.json lists only lessons that
 * exist, each once.
 */
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LESSONS_DIR, loadLesson, loadLessonIndex } from './load-lesson';

const read = (file: string) => readFile(join(LESSONS_DIR, file), 'utf8');
const files = readdirSync(LESSONS_DIR).filter((f) => f.endsWith('.json') && f !== 'index.json');

describe('public/lessons', () => {
  it('holds lessons', () => {
    expect(files).toContain('cagrad-toy.json');
    expect(files).toContain('loss-scales-toy.json');
  });

  it.each(files)('%s parses, has its Markdown text and states its expected numbers', async (file) => {
    const lesson = await loadLesson(file.replace(/\.json$/, ''), read);
    expect(existsSync(join(LESSONS_DIR, lesson.text ?? `${lesson.id}.md`))).toBe(true);
    // Numbers copied from `cli lesson check`, not a placeholder.
    expect(lesson.expected).toMatch(/\d/);
    expect(lesson.expected).not.toMatch(/TBD|TODO|XXX/);
    expect(lesson.paper.url).toMatch(/^https:\/\//);
  });

  it('index.json lists existing lesson files, each id once, named after its file', async () => {
    const index = await loadLessonIndex(read);
    expect(index.lessons.length).toBeGreaterThanOrEqual(2);
    for (const { id, file } of index.lessons) {
      expect(file).toBe(`${id}.json`);
      expect(files).toContain(file);
    }
    expect(index.lessons.slice(0, 2).map((l) => l.id)).toEqual(['cagrad-toy', 'loss-scales-toy']);
  });
});
