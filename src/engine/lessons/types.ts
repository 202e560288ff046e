/**
 * The shape of a lesson (issue 13): plain JSON, page-safe (no tfjs), read by the app's lesson player, by
 * `cli lesson list|check` and by the lesson checks. A lesson lives in `public/lessons/<id>.json`, its
 * student text in `public/lessons/<id>.md`, and the automated check of its finding in
 * `src/engine/lesson-checks/<id>.ts` (one registry line in src/engine/lesson-checks/registry.ts).
 *
 * A lesson reproduces a published finding: `paper` names it, `finding` states it in one sentence, `setup`
 * is the experiment (a config, or a study of issue 12), `steps` walk the student through it, and
 * `expected` holds the numbers the reader should see, copied from `cli lesson check <id>`.
 */
import type { StudySpec } from '../study/types';

export interface LessonPaper {
  /** e.g. "Liu, Liu, Jin, Stone & Liu (NeurIPS 2021), Conflict-Averse Gradient Descent for Multi-task Learning". */
  cite: string;
  /** The paper's stable address (arXiv abs page or proceedings). */
  url: string;
  /** Where in the paper (e.g. "Fig. 1", "§3.2"). */
  where?: string;
}

/** What a lesson trains: one config (the Training tab) or a study (the Studies tab). */
export type LessonSetup =
  { kind: 'config'; config: Record<string, unknown> } | { kind: 'study'; study: StudySpec };

/** One short step: text for the student, and optionally a change the "Do it" button makes. */
export interface LessonStep {
  /** Markdown, one to three sentences ("Press Train and watch the cosine of layer 1 fall below zero."). */
  text: string;
  /**
   * Config changes this step applies, by path as in `--set` and study grids (e.g.
   * `{ "method.id": "pcgrad" }`, `{ "task.params.lossScale": [1, 0.1] }`); absent: the step only asks to look.
   */
  set?: Record<string, unknown>;
  /** Start training (config lessons) or the study (study lessons) after applying `set`. */
  train?: boolean;
  /** The panel or chart to point at: a chart id of src/ui/charts/registry.ts, or 'network', 'explorer'. */
  focus?: string;
}

export interface Lesson {
  /** Kebab-case, the file name and the URL's `#lesson=<id>`. */
  id: string;
  title: string;
  /** One line for the lesson card. */
  summary: string;
  paper: LessonPaper;
  /** The finding, one sentence a student can check by eye. */
  finding: string;
  setup: LessonSetup;
  /** 3 to 6 steps. */
  steps: LessonStep[];
  /** What to notice, one to three sentences. */
  notice: string;
  /** A question to think about. */
  question: string;
  /** The numbers the reader should expect, as `cli lesson check` measured them (one sentence). */
  expected: string;
  /** The student text's file next to the JSON (default `<id>.md`): an introduction in Markdown. */
  text?: string;
}

/** `public/lessons/index.json`: the lessons in the order the cards show them. */
export interface LessonIndex {
  lessons: { id: string; file: string }[];
}
