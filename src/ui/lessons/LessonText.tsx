/**
 * Markdown text of a lesson, rendered by react-markdown once its chunk has loaded (a first visit does not
 * pay for the Markdown parser); until then the plain text shows, so nothing jumps or goes blank.
 */
import { lazy, Suspense } from 'react';

const Markdown = lazy(() => import('./Markdown'));

export function LessonText({ text, className }: { text: string; className?: string }) {
  return (
    <div className={`lesson-text${className ? ` ${className}` : ''}`}>
      <Suspense fallback={<p>{text}</p>}>
        <Markdown text={text} />
      </Suspense>
    </div>
  );
}
