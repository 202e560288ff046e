/** Frame of every chart: a title with an info tip, `data-chart`/`data-ready` for tests, an empty state. */
import type { ReactNode } from 'react';
import { InfoTip } from '../components/InfoTip';

interface Props {
  id: string;
  title: string;
  help: string;
  ready: boolean;
  empty?: string;
  controls?: ReactNode;
  children: ReactNode;
}

export function ChartCard({
  id,
  title,
  help,
  ready,
  empty = 'Press Train to see this chart move.',
  controls,
  children,
}: Props) {
  return (
    <section className="chart-card" data-chart={id} data-ready={ready ? 'true' : 'false'} aria-label={title}>
      <header className="chart-header">
        <h3>{title}</h3>
        <InfoTip text={help} />
        <div className="chart-controls">{controls}</div>
      </header>
      {ready ? children : <p className="chart-empty">{empty}</p>}
    </section>
  );
}
