/** One lesson as a card: what it shows, the finding, the paper it reproduces, and one button to start. */
import type { Lesson } from '../../engine/lessons/types';
import { PaperLink } from './PaperLink';

export function LessonCard({
  lesson,
  number,
  current,
  onStart,
}: {
  lesson: Lesson;
  number: number;
  /** The lesson is open in the player (the button then says so). */
  current: boolean;
  onStart: () => void;
}) {
  const kind =
    lesson.setup.kind === 'study'
      ? 'A study: many short trainings, compared over seeds'
      : 'One experiment you train live';
  return (
    <article className="lesson-card card" data-lesson={lesson.id} aria-labelledby={`lesson-${lesson.id}`}>
      <p className="lesson-number">Lesson {number}</p>
      <h3 id={`lesson-${lesson.id}`}>{lesson.title}</h3>
      <p>{lesson.summary}</p>
      <p className="lesson-finding">
        <strong>Finding: </strong>
        {lesson.finding}
      </p>
      <p className="lesson-paper">
        <PaperLink paper={lesson.paper} />
      </p>
      <p className="field-note">
        {kind} · {lesson.steps.length} steps
      </p>
      <button
        type="button"
        className="primary"
        onClick={onStart}
        aria-label={`Start lesson: ${lesson.title}`}
      >
        {current ? 'Continue lesson' : 'Start lesson'}
      </button>
    </article>
  );
}
