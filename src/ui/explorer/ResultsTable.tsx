/**
 * The engine's numbers for every shown method: the direction, its length, the task weights it applied,
 * and each task's first-order gain g_t·d (negative: this step raises that task's loss). Full-precision
 * values are in data attributes, for tests and for anyone comparing with `cli aggregate`.
 */
import { useStore } from 'zustand';
import type { ExplorerController } from '../../state/explorer/explorer-controller';
import { explorerMethod } from '../../state/explorer/explorer-methods';
import { dot, norm, type Vec2 } from '../../state/explorer/geometry';
import { InfoTip } from '../components/InfoTip';
import { formatNumber } from './frame';

const SUB = ['₁', '₂', '₃'];
const list = (values: readonly number[]) => values.map((v) => formatNumber(v)).join(', ');

export function ResultsTable({ controller }: { controller: ExplorerController }) {
  const state = useStore(controller.store);
  const answers = state.answers;
  const grads = answers?.grads ?? [];
  return (
    <div className="explorer-table-wrap">
      <table className="explorer-table" data-grads={answers ? JSON.stringify(answers.grads) : ''}>
        <caption>
          What each method returns for{' '}
          {grads.length ? grads.map((g, t) => `g${SUB[t]} = (${list(g)})`).join(', ') : 'these gradients'}
          {state.pending ? ' (updating…)' : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">Method</th>
            <th scope="col">
              Direction d{' '}
              <InfoTip text="The update direction the method returns (the optimizer steps against it). Its scale follows the method's convention: EW sums, CAGrad and UPGrad average, MGDA and IMTL use weights that sum to 1, Nash-MTL is clipped to length 1." />
            </th>
            <th scope="col">|d|</th>
            <th scope="col">
              Weights{' '}
              <InfoTip text="How much of each task gradient the direction contains: d = Σ weight_t g_t (the weights the method applied, or the ones it implies)." />
            </th>
            <th scope="col">
              Gain g·d per task{' '}
              <InfoTip text="Each task's first-order loss decrease along d, g_t·d. Negative: this step raises that task's loss (a conflict the method let through)." />
            </th>
          </tr>
        </thead>
        <tbody>
          {state.selected.map((id) => {
            const m = explorerMethod(id);
            const answer = answers?.byMethod[id];
            if (!answer) return null;
            if (!answer.ok)
              return (
                <tr key={id} data-method={id} data-ok="false">
                  <th scope="row">{m?.card.label ?? id}</th>
                  <td colSpan={4} className="muted">
                    {answer.message}
                  </td>
                </tr>
              );
            const d: Vec2 = [answer.direction[0] ?? 0, answer.direction[1] ?? 0];
            const gains = grads.map((g) => dot(g, d));
            return (
              <tr
                key={id}
                data-method={id}
                data-ok="true"
                data-direction={answer.direction.join(',')}
                data-weights={answer.weights.join(',')}
              >
                <th scope="row">
                  <span className="explorer-swatch" style={{ background: m?.color }} aria-hidden="true" />
                  {m?.card.label ?? id}
                </th>
                <td>({list(answer.direction)})</td>
                <td>{formatNumber(norm(d))}</td>
                <td>{list(answer.weights)}</td>
                <td>
                  {gains.map((v, t) => (
                    <span key={t} className={v < -1e-6 ? 'explorer-conflict' : undefined}>
                      {t ? ', ' : ''}
                      {formatNumber(v)}
                    </span>
                  ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
