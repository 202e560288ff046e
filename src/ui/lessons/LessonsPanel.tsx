/**
 * The Lessons tab (issue 13): every lesson as a card (title, summary, finding, paper), one click to start.
 * Starting one loads its experiment (or study) and opens the tab where it trains, with the lesson player
 * above the charts. The default experiment stays ready to train from here too (the Train button above).
 */
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { showTab } from '../../state/classroom/classroom-store';
import { loadLessonCards, openLesson } from '../../state/lessons/lesson-actions';
import { lessonStore } from '../../state/lessons/lesson-store';
import type { PlaygroundStore } from '../../state/store';
import { LessonCard } from './LessonCard';
import './lessons.css';

export function LessonsPanel(_props: { store: PlaygroundStore; onOpenTab?: (tab: string) => void }) {
  const lessons = useStore(lessonStore, (s) => s.lessons);
  const problems = useStore(lessonStore, (s) => s.problems);
  const open = useStore(lessonStore, (s) => s.open);
  const error = useStore(lessonStore, (s) => s.error);
  useEffect(() => void loadLessonCards(), []);
  return (
    <section className="lessons-panel" aria-label="Lessons">
      <p className="lessons-intro">
        Each lesson reproduces a published finding about multi-task learning in a few short steps: press
        Start, read, press <strong>Do it</strong>, and watch the charts. Or press <strong>Train</strong> (or
        Space) to train the experiment that is open now.
      </p>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {problems.map((p) => (
        <p key={p} className="field-error">
          {p}
        </p>
      ))}
      {lessons === null ? <p className="field-note">Loading the lessons…</p> : null}
      {lessons?.length === 0 && problems.length === 0 ? (
        <p className="field-note">No lessons are listed yet (lessons/index.json is empty).</p>
      ) : null}
      <div className="lesson-cards">
        {(lessons ?? []).map((lesson, i) => (
          <LessonCard
            key={lesson.id}
            lesson={lesson}
            number={i + 1}
            current={open?.lesson.id === lesson.id}
            onStart={() =>
              open?.lesson.id === lesson.id
                ? showTab(lesson.setup.kind === 'study' ? 'studies' : 'training')
                : void openLesson(lesson.id)
            }
          />
        ))}
      </div>
    </section>
  );
}
