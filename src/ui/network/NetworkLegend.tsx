/**
 * What the network view's colours and outlines mean: the cosine scale (the charts' diverging red-grey-blue,
 * palette.ts COSINE_STOPS) from −1 (opposing) through 0 (unrelated) to +1 (agreeing), and the swatches
 * for boxes every task reads and for each task's own boxes.
 */
import { cosineColor, taskColor } from '../charts/palette';

const STOPS = [-1, -0.5, 0, 0.5, 1];

interface Props {
  short: readonly string[];
  /** Whether the drawing has gates or masks, and per-layer norm bars. */
  gates: boolean;
  norms: boolean;
}

export function NetworkLegend({ short, gates, norms }: Props) {
  const gradient = `linear-gradient(to right, ${STOPS.map((c) => cosineColor(c)).join(', ')})`;
  return (
    <div className="net-legend" aria-label="Legend">
      <div className="net-scale">
        <span className="net-scale-bar" style={{ background: gradient }} aria-hidden="true" />
        <span className="net-scale-labels">
          <span>−1 opposing</span>
          <span>0 unrelated</span>
          <span>+1 agreeing</span>
        </span>
      </div>
      <ul className="net-swatches">
        <li>
          <span className="net-swatch net-swatch-shared" aria-hidden="true" /> read by every task
        </li>
        {short.map((name, t) => (
          <li key={name}>
            <span
              className="net-swatch"
              style={{ borderColor: taskColor(t), background: taskColor(t) }}
              aria-hidden="true"
            />{' '}
            {name}’s own
          </li>
        ))}
        {norms ? (
          <li>
            <span className="net-swatch-bars" aria-hidden="true">
              {short.map((name, t) => (
                <span
                  key={name}
                  style={{ background: taskColor(t), width: `${Math.max(3, 14 - 5 * t)}px` }}
                />
              ))}
            </span>{' '}
            each task’s gradient norm on the layer (longer: stronger pull)
          </li>
        ) : null}
        {gates ? (
          <li>
            <span className="net-swatch net-swatch-gate" aria-hidden="true" /> gate or mask (dashed)
          </li>
        ) : null}
      </ul>
    </div>
  );
}
