/**
 * "Share this view": a teacher builds the classroom link (#lesson=..&step=..&hide=..&lock=..&embed=..)
 * from the lesson and step open now, ticking what to hide and what to lock, optionally with this
 * experiment's settings, or as an embed (the lesson alone, or one chart) for an iframe in a course page.
 */
import { useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { joinHash } from '../../state/classroom/classroom-hash';
import { classroomStore } from '../../state/classroom/classroom-store';
import type { ClassroomView } from '../../state/classroom/types';
import { lessonStore } from '../../state/lessons/lesson-store';
import type { PlaygroundStore } from '../../state/store';
import { encodeConfig } from '../../state/url-codec';
import { InfoTip } from '../components/InfoTip';
import { CHART_PARTS, LOCKABLE_PARTS, PANEL_PARTS } from './parts';
import './classroom.css';

type Embed = 'none' | 'lesson' | 'chart';

function Ticks({
  legend,
  parts,
  chosen,
  onToggle,
}: {
  legend: string;
  parts: Readonly<Record<string, string>>;
  chosen: readonly string[];
  onToggle: (part: string) => void;
}) {
  return (
    <fieldset className="share-parts">
      <legend>{legend}</legend>
      {Object.entries(parts).map(([part, words]) => (
        <label key={part}>
          <input type="checkbox" checked={chosen.includes(part)} onChange={() => onToggle(part)} />
          {words}
        </label>
      ))}
    </fieldset>
  );
}

const toggled = (list: readonly string[], part: string) =>
  list.includes(part) ? list.filter((p) => p !== part) : [...list, part];

export function ShareDialog({ store, onClose }: { store: PlaygroundStore; onClose: () => void }) {
  const config = useStore(store, (s) => s.config);
  const open = useStore(lessonStore, (s) => s.open);
  const now = useStore(classroomStore, (s) => s.view);
  const [hide, setHide] = useState<string[]>(now.hide);
  const [lock, setLock] = useState<string[]>(now.lock);
  const [withLesson, setWithLesson] = useState(open !== null);
  const [withSettings, setWithSettings] = useState(open === null);
  const [embed, setEmbed] = useState<Embed>('none');
  const [chart, setChart] = useState('loss');
  const [copied, setCopied] = useState<string | null>(null);
  const lockable = useMemo(() => Object.fromEntries(LOCKABLE_PARTS.map((p) => [p, PANEL_PARTS[p] ?? p])), []);
  const lessonOn = withLesson && open !== null;
  const view: ClassroomView = {
    hide,
    lock,
    ...(lessonOn ? { lesson: open.lesson.id, step: open.step + 1 } : {}),
    ...(embed === 'lesson' && lessonOn ? { embed: 'lesson' } : {}),
    ...(embed === 'chart' ? { embed: `chart:${chart}` } : {}),
  };
  const url = `${window.location.origin}${window.location.pathname}${joinHash(view, withSettings || !lessonOn ? encodeConfig(config) : '')}`;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('Copied.');
    } catch {
      setCopied('Could not copy here: select the link and copy it by hand.');
    }
  };
  return (
    <div className="help-backdrop" onClick={onClose}>
      <div
        className="share-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="share-title"
        onClick={(e) => e.stopPropagation()}
      >
        <h2 id="share-title">Share this view</h2>
        <p className="field-note">
          A link that opens this page as you choose here: for a class, hide what would distract and lock what
          the students should not change.
        </p>
        {open ? (
          <label className="share-option">
            <input type="checkbox" checked={withLesson} onChange={() => setWithLesson((v) => !v)} />
            Open the lesson “{open.lesson.title}” at step {open.step + 1}
          </label>
        ) : null}
        <label className="share-option">
          <input
            type="checkbox"
            checked={withSettings || !lessonOn}
            disabled={!lessonOn}
            onChange={() => setWithSettings((v) => !v)}
          />
          Include this experiment&apos;s settings
          <InfoTip text="Without them a lesson link opens the lesson's own experiment (and the changes of the steps before the chosen one)." />
        </label>
        <Ticks
          legend="Hide"
          parts={{ ...PANEL_PARTS, ...CHART_PARTS }}
          chosen={hide}
          onToggle={(p) => setHide(toggled(hide, p))}
        />
        <Ticks
          legend="Lock (shown, not changeable)"
          parts={lockable}
          chosen={lock}
          onToggle={(p) => setLock(toggled(lock, p))}
        />
        <fieldset className="share-parts">
          <legend>Embed in a course page</legend>
          <label>
            <input type="radio" name="embed" checked={embed === 'none'} onChange={() => setEmbed('none')} />
            The whole page
          </label>
          <label>
            <input
              type="radio"
              name="embed"
              checked={embed === 'lesson'}
              disabled={!lessonOn}
              onChange={() => setEmbed('lesson')}
            />
            The lesson alone
          </label>
          <label>
            <input type="radio" name="embed" checked={embed === 'chart'} onChange={() => setEmbed('chart')} />
            One chart:
            <select aria-label="Chart to embed" value={chart} onChange={(e) => setChart(e.target.value)}>
              {Object.entries(CHART_PARTS).map(([id, words]) => (
                <option key={id} value={id}>
                  {words}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
        <div className="share-link">
          <input type="text" readOnly value={url} aria-label="The link" onFocus={(e) => e.target.select()} />
          <button type="button" className="primary" onClick={() => void copy()}>
            Copy link
          </button>
        </div>
        {embed !== 'none' ? (
          <p className="field-note">
            In a course page: <code>{`<iframe src="${url}" width="720" height="640"></iframe>`}</code>
          </p>
        ) : null}
        {copied ? (
          <p className="field-note" role="status">
            {copied}
          </p>
        ) : null}
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
