/**
 * The frame of every chart: a titled section with an optional info tip (a button described by the tip
 * text, shown on hover and focus), controls on the right, an Export menu (PNG, SVG) once it draws, an
 * empty state until `ready`, and a footer. Its look is the stylesheet's (.chart-card and friends in
 * styles.css, charts.css). `data-chart` / `data-ready` let browser tests wait for each chart to draw.
 */
import { useId, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import './charts.css';
import { ExportMenu } from './ExportMenu';

export interface ChartCardProps {
  /** Stable id for tests: data-chart="loss" etc. */
  id: string;
  title: ReactNode;
  /** What the chart shows, in a sentence or two (the ⓘ tip). */
  info?: string;
  /** False shows `empty` instead of the children. Default true. */
  ready?: boolean;
  /**
   * Given, the children stay mounted across `ready` (one element tree either way); true while not ready
   * mounts them hidden under `empty`: a chart whose first draw must be an update, not a mount (use-plot.ts).
   */
  warm?: boolean;
  /** data-ready when it differs from `ready` (a picture shown before its live data arrives). */
  dataReady?: boolean;
  empty?: ReactNode;
  controls?: ReactNode;
  footer?: ReactNode;
  /** Height of the empty state, to keep the layout from jumping when data arrives. */
  minHeight?: number;
  children?: ReactNode;
}

const tipButton: CSSProperties = {
  width: 18,
  height: 18,
  padding: 0,
  borderRadius: '50%',
  border: '1.5px solid var(--muted)',
  background: 'none',
  color: 'var(--muted)',
  fontSize: 11,
  fontWeight: 700,
  lineHeight: 1,
  cursor: 'help',
};
const tipText: CSSProperties = {
  position: 'absolute',
  top: '1.7em',
  left: 0,
  zIndex: 20,
  width: 260,
  padding: '8px 10px',
  background: 'var(--card)',
  color: 'var(--fg)',
  border: '1px solid var(--border)',
  borderRadius: 6,
  boxShadow: '0 4px 16px rgb(0 0 0 / 0.2)',
  fontSize: '0.85rem',
  fontWeight: 400,
};

function InfoTip({ text }: { text: string }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  return (
    <span style={{ position: 'relative', display: 'inline-flex' }} data-export-skip>
      <button
        type="button"
        style={tipButton}
        aria-label="About this chart"
        aria-describedby={id}
        title={text}
        onMouseEnter={() => setOpen(true)}
        onMouseLeave={() => setOpen(false)}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
      >
        i
      </button>
      <span role="tooltip" id={id} style={{ ...tipText, display: open ? 'block' : 'none' }}>
        {text}
      </span>
    </span>
  );
}

export function ChartCard({
  id,
  title,
  info,
  ready = true,
  warm,
  dataReady = ready,
  empty = 'Press Train to see this chart.',
  controls,
  footer,
  minHeight = 240,
  children,
}: ChartCardProps) {
  const titleId = useId();
  const card = useRef<HTMLElement>(null);
  return (
    <section
      ref={card}
      className="chart-card"
      data-chart={id}
      data-ready={dataReady ? 'true' : 'false'}
      aria-labelledby={titleId}
    >
      <header className="chart-header">
        <h3 id={titleId}>{title}</h3>
        {info ? <InfoTip text={info} /> : null}
        {controls && ready ? (
          <div className="chart-controls" data-export-skip>
            {controls}
          </div>
        ) : null}
        {ready ? <ExportMenu card={card} id={id} title={typeof title === 'string' ? title : id} /> : null}
      </header>
      {warm !== undefined ? (
        // The same elements whether ready or not, so that React keeps the children mounted across the flip.
        <div className={ready ? 'chart-body' : 'chart-warm'} style={ready ? undefined : { minHeight }}>
          {ready || warm ? (
            <div className={ready ? 'chart-body' : 'chart-warm-plot'} aria-hidden={ready ? undefined : true}>
              {children}
            </div>
          ) : null}
          {ready ? null : <p className="chart-empty">{empty}</p>}
        </div>
      ) : ready ? (
        children
      ) : (
        <p className="chart-empty" style={{ minHeight }}>
          {empty}
        </p>
      )}
      {footer ? <div className="chart-footer">{footer}</div> : null}
    </section>
  );
}
