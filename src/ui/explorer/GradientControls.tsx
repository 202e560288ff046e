/**
 * Beside the plane: 2 or 3 tasks, each gradient's exact coordinates, and how each pair of gradients
 * relates (their cosine, and whether they conflict: a negative dot product means a step along one
 * raises the other's loss, to first order).
 */
import { useState } from 'react';
import { useStore } from 'zustand';
import type { ExplorerController } from '../../state/explorer/explorer-controller';
import { activeGrads } from '../../state/explorer/explorer-store';
import { gradientPairs, hasCommonDescent } from '../../state/explorer/geometry';
import { SITUATIONS } from '../../state/explorer/situations';
import { cosineColor, taskColor } from '../charts/palette';
import { InfoTip } from '../components/InfoTip';
import { CoordinateField } from './CoordinateField';
import { formatNumber } from './frame';

const SUB = ['₁', '₂', '₃'];

export function GradientControls({ controller }: { controller: ExplorerController }) {
  const state = useStore(controller.store);
  const grads = activeGrads(state);
  const [hint, setHint] = useState<string | null>(null);
  return (
    <div className="explorer-controls">
      <div className="explorer-situations" role="group" aria-label="Try a situation">
        <span className="muted">Try:</span>
        {SITUATIONS.map((s) => (
          <button
            key={s.label}
            type="button"
            title={s.hint}
            onClick={() => {
              controller.setSituation(s);
              setHint(s.hint);
            }}
          >
            {s.label}
          </button>
        ))}
      </div>
      {hint ? <p className="explorer-situation-hint">{hint}</p> : null}
      <fieldset className="explorer-tasks">
        <legend>
          Tasks{' '}
          <InfoTip text="How many task gradients share the plane. With three, methods that need at least three tasks (Krum, the trimmed mean) can run too." />
        </legend>
        {([2, 3] as const).map((n) => (
          <label key={n}>
            <input
              type="radio"
              name="explorer-task-count"
              checked={state.taskCount === n}
              onChange={() => controller.setTaskCount(n)}
            />{' '}
            {n} tasks
          </label>
        ))}
      </fieldset>
      <div className="explorer-coordinates">
        {grads.map((g, t) => (
          <div key={t} className="explorer-gradient-row" data-task={t}>
            <span className="explorer-swatch" style={{ background: taskColor(t) }} aria-hidden="true" />
            <span className="explorer-gradient-name">g{SUB[t]}</span>
            <CoordinateField label="x" value={g[0]} onCommit={(x) => controller.setGradient(t, [x, g[1]])} />
            <CoordinateField label="y" value={g[1]} onCommit={(y) => controller.setGradient(t, [g[0], y])} />
          </div>
        ))}
      </div>
      <ul className="explorer-pairs" aria-label="How the gradients relate">
        {gradientPairs(grads).map((p) => (
          <li
            key={`${p.i}${p.j}`}
            data-pair={`${p.i}-${p.j}`}
            data-cosine={p.cosine ?? ''}
            data-conflict={p.conflict}
          >
            <span
              className="explorer-cosine-chip"
              style={{ background: cosineColor(p.cosine ?? 0) }}
              aria-hidden="true"
            />
            cos(g{SUB[p.i]}, g{SUB[p.j]}) ={' '}
            {p.cosine === null ? 'undefined (a zero gradient)' : formatNumber(p.cosine)}
            {' — '}
            {p.conflict ? (
              <strong className="explorer-conflict">
                conflict: a step along one raises the other’s loss
              </strong>
            ) : (
              'no conflict'
            )}
          </li>
        ))}
      </ul>
      {hasCommonDescent(grads) ? null : (
        <p className="explorer-stationary" data-testid="explorer-stationary">
          No direction lowers every loss here: the gradients are <em>Pareto-stationary</em>. MGDA, UPGrad and
          DualProj stop (their d is about 0); methods that still move trade one task for another.
        </p>
      )}
    </div>
  );
}
