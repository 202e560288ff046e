/**
 * The run goes on but has stopped working (the last report's health: collapsed, unstable): what was seen,
 * what to try, and the user's choice. Training is not stopped for it: "Keep training" hides these issues
 * for this run; "Start over" resets with the current settings (lower the learning rate in the controls first).
 */
import { useState } from 'react';
import { useStore } from 'zustand';
import type { HealthIssue } from '../../engine/train/report';
import { reset } from '../../state/actions';
import type { PlaygroundStore } from '../../state/store';

const TITLES: Record<HealthIssue['kind'], string> = {
  collapsed: 'Training has stopped learning.',
  unstable: 'Training is unstable.',
};

export function HealthBanner({ store }: { store: PlaygroundStore }) {
  const issues = useStore(store, (s) => s.history.latest?.health);
  const status = useStore(store, (s) => s.status);
  // `info` is new with every trainer the worker builds, so a dismissal lasts for one run only.
  const run = useStore(store, (s) => s.info);
  const [dismissed, setDismissed] = useState<{ run: unknown; key: string } | null>(null);
  if (!issues?.length || status === 'diverged' || status === 'starting') return null;
  // An issue keeps its start while it lasts; one that cleared and came back has a new one and shows again.
  const key = issues.map((i) => `${i.kind}@${i.since}`).join(' ');
  if (dismissed?.run === run && dismissed.key === key) return null;
  return (
    <div className="banner banner-error" role="alert" aria-label={TITLES[issues[0]!.kind]}>
      <span>
        {issues.map((issue) => (
          <span key={issue.kind}>
            <strong>{TITLES[issue.kind]}</strong> {issue.reason} <strong>What to try:</strong>{' '}
            {issue.advice.join(' ')}{' '}
          </span>
        ))}
      </span>
      <button type="button" onClick={reset}>
        Start over
      </button>
      <button type="button" onClick={() => setDismissed({ run, key })}>
        Keep training
      </button>
    </div>
  );
}
