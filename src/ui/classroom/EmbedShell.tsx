/**
 * An embedded view (`#embed=lesson` or `#embed=chart:<id>`), for an iframe in a course page: only the lesson
 * (with Train and its charts) or only one chart (with Train), and a link to the whole page.
 */
import { useStore } from 'zustand';
import { lessonStore } from '../../state/lessons/lesson-store';
import type { PlaygroundStore } from '../../state/store';
import { LazyLessonPlayer as LessonPlayer } from '../lessons/lazy';
import { Banners } from '../panels/Banners';
import { ChartsPanel } from '../panels/ChartsPanel';
import { Transport } from '../panels/Transport';
import { StudyPanel } from '../study/StudyPanel';
import './classroom.css';

/** The same address without `embed=`: the whole page, in a new tab. */
const fullPage = () => window.location.href.replace(/([#&])embed=[^&]*&?/, '$1').replace(/[#&]$/, '');

export function EmbedShell({ store, embed }: { store: PlaygroundStore; embed: string }) {
  const study = useStore(lessonStore, (s) => s.open?.lesson.setup.kind === 'study');
  const chart = embed.startsWith('chart:') ? embed.slice('chart:'.length) : null;
  return (
    <main className="embed-shell" data-embed={embed}>
      <Transport store={store} compact={chart !== null} />
      <Banners store={store} />
      {chart === null ? <LessonPlayer embedded /> : null}
      {chart === null && study ? (
        <StudyPanel store={store} />
      ) : (
        <ChartsPanel store={store} {...(chart ? { only: chart } : {})} />
      )}
      <p className="embed-credit">
        MTL Playground ·{' '}
        <a href={fullPage()} target="_blank" rel="noreferrer noopener">
          open the whole page
        </a>
      </p>
    </main>
  );
}
