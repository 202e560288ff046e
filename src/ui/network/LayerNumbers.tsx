/**
 * The exact numbers behind the colours: per shared layer, the cosine of each pair of task gradients and
 * what it means, the per-layer gradient norms when the report has them, and the tasks' gradient norms on
 * all shared parameters (a large ratio is the "magnitude" leg of Yu et al.'s tragic triad, PCGrad 2020).
 */
import type { Report } from '../../engine/train/report';
import { formatNumber, taskPairs } from '../charts/series';
import { CLEAR_CONFLICT, cosineWords, type LayerStat } from './layer-stats';

interface Props {
  stats: readonly LayerStat[];
  report: Report;
  short: readonly string[];
}

export function LayerNumbers({ stats, report, short }: Props) {
  const pairs = taskPairs(short);
  const withNorms = stats.some((s) => s.norms);
  const norms = report.gradients.norms;
  const finite = norms.filter((n) => Number.isFinite(n) && n > 0);
  const ratio = finite.length > 1 ? Math.max(...finite) / Math.min(...finite) : NaN;
  return (
    <div className="net-numbers">
      <p className="net-numbers-title">
        Gradient cosine between the tasks on each shared layer, at step {report.step.toLocaleString()}:
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Layer</th>
            {pairs.map((p) => (
              <th scope="col" key={p.key}>
                {pairs.length === 1 ? 'cosine' : p.key}
              </th>
            ))}
            <th scope="col">meaning</th>
            {withNorms ? <th scope="col">gradient norm per task</th> : null}
          </tr>
        </thead>
        <tbody>
          {stats.map((s) => (
            <tr
              key={s.layer}
              data-layer={s.layer}
              className={s.lowest < CLEAR_CONFLICT ? 'net-conflict' : undefined}
            >
              <th scope="row">{s.layer}</th>
              {s.pairs.map((p) => (
                <td key={`${p.i}-${p.j}`} data-cosine={p.cosine}>
                  {formatNumber(p.cosine)}
                </td>
              ))}
              <td>{cosineWords(s.lowest).split(':')[0]}</td>
              {withNorms ? (
                <td>{s.norms ? s.norms.map((n, t) => `${short[t]} ${formatNumber(n)}`).join(', ') : '–'}</td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="net-norms">
        Gradient norm on all shared parameters:{' '}
        {norms.map((n, t) => `${short[t] ?? `task ${t + 1}`} ${formatNumber(n)}`).join(', ')}
        {Number.isFinite(ratio) ? ` (largest / smallest: ${formatNumber(ratio)}×)` : ''}.
      </p>
    </div>
  );
}
