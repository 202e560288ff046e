/**
 * Under the affinity heatmap: the grouping Fifty et al.'s selection (NeurIPS 2021, §3.2) proposes from the
 * matrix shown (engine/grouping/search.ts: the most affinity each task receives from its group mates, in at
 * most N groups), each task's share of it, and "Compare this grouping", which starts the study training it
 * beside all tasks together and every task alone (state/study/compare-grouping.ts).
 */
import { useMemo, useState, type CSSProperties } from 'react';
import {
  bestGrouping,
  groupCount,
  groupingLabel,
  MAX_SEARCH_TASKS,
  receivedAffinity,
} from '../../engine/grouping/search';
import { compareGrouping, COMPARE_SEEDS } from '../../state/study/compare-grouping';
import type { PlaygroundStore } from '../../state/store';
import { shortTaskNames } from './task-labels';

export interface SuggestedGroupingProps {
  matrix: number[][];
  names: readonly string[];
  /** Without a store (an exported picture, a test) there is no button. */
  store?: PlaygroundStore | undefined;
}

const row: CSSProperties = {
  display: 'flex',
  flexWrap: 'wrap',
  alignItems: 'center',
  gap: 6,
  margin: '10px 0 0',
  fontSize: '0.85rem',
  color: 'var(--fg)',
};
const chip: CSSProperties = {
  padding: '1px 8px',
  border: '1px solid var(--border)',
  borderRadius: 10,
  background: 'var(--card)',
  fontWeight: 600,
};
const note: CSSProperties = { margin: '4px 0 0', fontSize: '0.8rem', color: 'var(--muted)' };

export function SuggestedGrouping({ matrix, names, store }: SuggestedGroupingProps) {
  const T = names.length;
  const [budget, setBudget] = useState(Math.min(2, T));
  const [status, setStatus] = useState<string | null>(null);
  const proposal = useMemo(
    () => (T >= 2 && T <= MAX_SEARCH_TASKS ? bestGrouping(matrix, Math.min(budget, T)) : null),
    [matrix, budget, T],
  );
  if (!proposal) return null;
  const short = shortTaskNames(names);
  const received = receivedAffinity(matrix, proposal.groups);
  const members = Array.from({ length: groupCount(proposal.groups) }, (_, g) =>
    proposal.groups.flatMap((h, t) => (h === g ? [t] : [])),
  );
  const steps = store?.getState().config.steps;
  const compare = async () => {
    if (!store) return;
    setStatus('Starting…');
    // The study controller loads on first use, as the Studies tab loads it: it stays off the first bundle.
    const study = async () => (await import('../../state/study/study-app')).studyController(store);
    const ok = await compareGrouping(store, proposal.groups, { study });
    setStatus(
      ok
        ? `Started in the Studies tab: ${groupingLabel(proposal.groups)} against all together and all separate.`
        : 'The Studies tab is busy or refused the study: see it there.',
    );
  };
  return (
    <div data-grouping={groupingLabel(proposal.groups)}>
      <p style={row}>
        <span>Suggested grouping, at most</span>
        <select
          aria-label="Most groups (networks) allowed"
          value={budget}
          onChange={(e) => setBudget(Number(e.target.value))}
          style={{ width: 'auto', minWidth: 0 }}
          data-export-skip
        >
          {Array.from({ length: T }, (_, i) => i + 1).map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
        <span>{budget === 1 ? 'group:' : 'groups:'}</span>
        {members.map((tasks) => (
          <span key={tasks.join()} style={chip} title={tasks.map((t) => names[t]).join(' + ')}>
            {tasks.map((t) => short[t]).join(' + ')}
          </span>
        ))}
        {store ? (
          <button
            type="button"
            onClick={() => void compare()}
            title={`Trains all tasks together, this grouping and every task alone on the Task groups architecture (separate trunks per group), ${COMPARE_SEEDS} seeds each${steps ? ` of ${steps} steps` : ''}, in the Studies tab.`}
            data-export-skip
          >
            Compare this grouping
          </button>
        ) : null}
      </p>
      <p style={note}>
        Mean affinity each task receives from its group mates (0 alone):{' '}
        {received.map((v, t) => `${short[t]} ${(100 * v).toFixed(3)}%`).join(' · ')}. Score{' '}
        {(100 * proposal.score).toFixed(3)}% over {proposal.candidates} groupings.
      </p>
      {status ? (
        <p style={note} role="status">
          {status}
        </p>
      ) : null}
    </div>
  );
}
