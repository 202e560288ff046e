/**
 * The methods: a checkbox each (shown in the plane and the table), and for the shown ones what they
 * optimise, their rule (KaTeX), what their construction shows and a choice of whose construction to draw.
 */
import { useStore } from 'zustand';
import type { ExplorerController } from '../../state/explorer/explorer-controller';
import { EXPLORER_METHODS } from '../../state/explorer/explorer-methods';
import { EXPLORER_SEED } from '../../state/explorer/explorer-store';
import { InfoTip } from '../components/InfoTip';
import { Formula } from './Formula';

export function MethodList({ controller }: { controller: ExplorerController }) {
  const state = useStore(controller.store);
  return (
    <section className="explorer-methods" aria-label="Methods">
      <div className="explorer-methods-head">
        <h3>Methods</h3>
        <label>
          <input
            type="checkbox"
            checked={state.allConstructions}
            onChange={(e) => controller.setAllConstructions(e.target.checked)}
          />{' '}
          Draw every construction{' '}
          <InfoTip text="Off: only the construction of the method chosen with “Draw its construction” is drawn (the other arrows are lighter). On: every shown method's construction at once." />
        </label>
      </div>
      <ul>
        {EXPLORER_METHODS.map((m) => {
          const shown = state.selected.includes(m.id);
          const note = m.note;
          const tooFew = state.taskCount < m.minTasks;
          return (
            <li
              key={m.id}
              data-method={m.id}
              className={state.focus === m.id && shown ? 'focused' : undefined}
            >
              <div className="explorer-method-head">
                <label className="explorer-method-name">
                  <input
                    type="checkbox"
                    checked={shown}
                    onChange={(e) => controller.setSelected(m.id, e.target.checked)}
                  />
                  <span className="explorer-swatch" style={{ background: m.color }} aria-hidden="true" />
                  {m.card.label}
                </label>
                {shown ? null : <InfoTip text={m.card.summary} />}
                {shown && note.construction ? (
                  <label className="explorer-focus">
                    <input
                      type="radio"
                      name="explorer-focus"
                      checked={state.focus === m.id}
                      onChange={() => controller.setFocus(m.id)}
                    />{' '}
                    Draw its construction
                  </label>
                ) : null}
              </div>
              {shown ? (
                <div className="explorer-method-body">
                  <p>{note.goal}</p>
                  <Formula tex={note.tex} />
                  {note.construction ? <p className="muted">In the plane: {note.construction.text}</p> : null}
                  {m.card.stochastic ? (
                    <p className="muted">
                      It draws random numbers (PCGrad: the order of the projections); the seed is fixed at{' '}
                      {EXPLORER_SEED}, the default of <code>cli aggregate</code>, so the same gradients always
                      give the same answer.
                    </p>
                  ) : null}
                  {tooFew ? (
                    <p className="muted">Needs at least {m.minTasks} tasks: switch to 3 tasks.</p>
                  ) : null}
                  <p className="muted explorer-citation">{m.card.citation}</p>
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
