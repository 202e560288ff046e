/**
 * A lesson's Markdown (react-markdown: no raw HTML, so a lesson file cannot inject markup), with links
 * opening beside the app. Loaded with the player, not with the first page (LessonText.tsx).
 */
import ReactMarkdown, { type Components } from 'react-markdown';

const components: Components = {
  a: ({ href, children }) => (
    <a href={href} target="_blank" rel="noreferrer noopener">
      {children}
    </a>
  ),
};

export default function Markdown({ text }: { text: string }) {
  return <ReactMarkdown components={components}>{text}</ReactMarkdown>;
}
