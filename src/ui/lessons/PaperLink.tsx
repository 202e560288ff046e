/** The paper a lesson reproduces: its citation, linked, and where in it the finding is. */
import type { LessonPaper } from '../../engine/lessons/types';

export function PaperLink({ paper }: { paper: LessonPaper }) {
  return (
    <span className="paper-link">
      <a href={paper.url} target="_blank" rel="noreferrer noopener">
        {paper.cite}
      </a>
      {paper.where ? `, ${paper.where}` : null}
    </span>
  );
}
