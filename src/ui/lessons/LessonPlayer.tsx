/**
 * The lesson player: a strip above the charts (Training) or the study (Studies) that stays in view while
 * the student trains. The lesson's title and paper, its introduction (Markdown), one step at a time with
 * Back / Do it / Next, and at the last step what to notice, a question and the numbers to expect.
 */
import { useStore } from 'zustand';
import type { LessonStep } from '../../engine/lessons/types';
import {
  closeLesson,
  dismissLessonError,
  doStep,
  focusOn,
  goToStep,
} from '../../state/lessons/lesson-actions';
import { lessonStore } from '../../state/lessons/lesson-store';
import { InfoTip } from '../components/InfoTip';
import { LessonText } from './LessonText';
import { PaperLink } from './PaperLink';
import './lessons.css';

/** What "Do it" does at this step, in its label. */
function doLabel(step: LessonStep, study: boolean): string | null {
  if (step.set && step.train) return study ? 'Do it and run the study' : 'Do it and train';
  if (step.set) return 'Do it';
  if (step.train) return study ? 'Run the study' : 'Train';
  return null;
}

export function LessonPlayer({ embedded = false }: { embedded?: boolean }) {
  const open = useStore(lessonStore, (s) => s.open);
  const error = useStore(lessonStore, (s) => s.error);
  if (!open) {
    return error ? (
      <div className="banner banner-error lesson-error" role="alert">
        <span>{error}</span>
        <button type="button" onClick={dismissLessonError}>
          Dismiss
        </button>
      </div>
    ) : null;
  }
  const { lesson, step: index, done, text, textError } = open;
  const step = lesson.steps[index];
  if (!step) return null;
  const last = index === lesson.steps.length - 1;
  const label = doLabel(step, lesson.setup.kind === 'study');
  const isDone = done.includes(index);
  return (
    <section className={`lesson-player card${embedded ? ' lesson-embedded' : ''}`} aria-label="Lesson">
      <header className="lesson-head">
        <div>
          <p className="lesson-number">Lesson</p>
          <h2>{lesson.title}</h2>
          <p className="lesson-paper">
            Reproduces <PaperLink paper={lesson.paper} />
          </p>
        </div>
        {embedded ? null : (
          <button type="button" onClick={closeLesson} aria-label="Close the lesson">
            Close
          </button>
        )}
      </header>
      <details className="lesson-intro" open={index === 0}>
        <summary>Introduction</summary>
        {text !== null ? <LessonText text={text} /> : null}
        {textError ? <p className="field-error">{textError}</p> : null}
        {text === null && !textError ? <p className="field-note">Loading…</p> : null}
      </details>
      <div className="lesson-step" data-step={index + 1} aria-live="polite">
        <p className="lesson-step-count">
          Step {index + 1} of {lesson.steps.length}
          {isDone ? <span className="lesson-done"> · done ✓</span> : null}
        </p>
        <LessonText text={step.text} />
        {step.set ? (
          <p className="field-note lesson-changes">
            Changes:{' '}
            {Object.entries(step.set)
              .map(([path, value]) => `${path} → ${JSON.stringify(value)}`)
              .join(', ')}
            <InfoTip text="The settings this step changes, by the same paths as the command line's --set (and a study's grid)." />
          </p>
        ) : null}
        <div className="lesson-buttons">
          <button type="button" onClick={() => goToStep(index - 1)} disabled={index === 0}>
            Back
          </button>
          {label ? (
            <button type="button" className="primary" onClick={() => void doStep()}>
              {label}
            </button>
          ) : null}
          {step.focus && !label ? (
            <button type="button" onClick={() => focusOn(step.focus ?? '')}>
              Show me
            </button>
          ) : null}
          <button type="button" onClick={() => goToStep(index + 1)} disabled={last}>
            Next
          </button>
        </div>
      </div>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <details className="lesson-outcome" open={last}>
        <summary>What you should see</summary>
        <dl>
          <dt>The finding</dt>
          <dd>{lesson.finding}</dd>
          <dt>What to notice</dt>
          <dd>
            <LessonText text={lesson.notice} />
          </dd>
          <dt>Think about</dt>
          <dd>
            <LessonText text={lesson.question} />
          </dd>
          <dt>Expected numbers</dt>
          <dd>
            {lesson.expected}{' '}
            <InfoTip text="Measured by the lesson's automated check (npm run cli -- lesson check), over several seeds: your run should land close to these." />
          </dd>
        </dl>
      </details>
    </section>
  );
}
