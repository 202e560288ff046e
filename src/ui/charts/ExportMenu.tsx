/**
 * "Export ▾" on a chart card: save the chart as a PNG picture or an SVG drawing, named after the chart
 * and the step it shows. A failure says so in one line under the menu. The menu closes on a choice, on
 * Escape and on a click elsewhere, as menus do.
 */
import { useContext, useEffect, useRef, useState, type RefObject } from 'react';
import { ChartStepContext } from './chart-step';
import { exportPng, exportSvg } from './export-chart';
import { exportFileName } from './export-name';

export function ExportMenu({
  card,
  id,
  title,
}: {
  card: RefObject<HTMLElement | null>;
  id: string;
  title: string;
}) {
  const stepNow = useContext(ChartStepContext);
  const menu = useRef<HTMLDetailsElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // Listening all the time, not only once React has seen the menu open: the toggle event that tells it
  // comes a task later, and an Escape pressed in between must still close the menu.
  useEffect(() => {
    const close = (e: Event) => {
      const details = menu.current;
      if (!details?.open) return;
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !details.contains(e.target as Node))
        details.open = false;
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', close);
    };
  }, []);
  const save = async (ext: 'png' | 'svg') => {
    if (menu.current) menu.current.open = false;
    const node = card.current;
    if (!node) return;
    const name = exportFileName(title, id, stepNow(), ext);
    try {
      setProblem(null);
      await (ext === 'png' ? exportPng(node, name) : exportSvg(node, name));
    } catch (error) {
      setProblem(`Could not export ${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return (
    <span className="chart-export" data-export-skip>
      <details ref={menu}>
        <summary title="Save this chart as a picture (PNG) or a drawing (SVG)">Export</summary>
        <div className="chart-export-menu">
          <button type="button" onClick={() => void save('png')}>
            PNG picture
          </button>
          <button type="button" onClick={() => void save('svg')}>
            SVG drawing
          </button>
        </div>
      </details>
      {problem ? (
        <span role="alert" className="chart-export-problem">
          {problem}
        </span>
      ) : null}
    </span>
  );
}
