/**
 * The Gradient geometry tab (issue 13): no training, only geometry. The student places two or three task
 * gradients in the plane and sees, live, what each method of the catalogue makes of them, computed by the
 * same engine code as training and `cli aggregate` (in the explorer's own worker), with each method's
 * construction, aim and formula. Loaded lazily with KaTeX's stylesheet, so a first visit pays for neither.
 */
import 'katex/dist/katex.min.css';
import './explorer.css';
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { explorerController } from '../../state/explorer/explorer-app';
import { GradientControls } from './GradientControls';
import { GradientPlane } from './GradientPlane';
import { MethodList } from './MethodList';
import { ResultsTable } from './ResultsTable';

export default function ExplorerPanel() {
  const controller = explorerController();
  const error = useStore(controller.store, (s) => s.error);
  const backend = useStore(controller.store, (s) => s.backend);
  useEffect(() => controller.refresh(), [controller]);
  return (
    <section className="card explorer" aria-labelledby="explorer-title">
      <h2 id="explorer-title">Gradient geometry</h2>
      <p className="explorer-intro">
        Each arrow g is the gradient of one task’s loss on the shared parameters: stepping against it lowers
        that loss. When two gradients point apart (negative cosine) the tasks <em>conflict</em>: what helps
        one hurts the other. Move them and watch how each method combines them into one update direction d.
        The numbers are the engine’s, the same as in training and as <code>npm run -s cli -- aggregate</code>,
        on a first step with equal losses.
      </p>
      {error ? (
        <p className="explorer-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="explorer-layout">
        <div className="explorer-left">
          <GradientPlane controller={controller} />
          <p className="muted explorer-hint">
            Drag a handle, or focus it (Tab) and use the arrow keys (Shift: steps of 0.5), or type the
            coordinates. Arrows: the task gradients (thick, with handles) and each shown method’s direction.
          </p>
          <p className="muted explorer-backend" data-testid="explorer-backend">
            {backend
              ? `Computed in the explorer's worker on tfjs ${backend}.`
              : 'Starting the explorer’s worker…'}
          </p>
        </div>
        <div className="explorer-right">
          <GradientControls controller={controller} />
          <ResultsTable controller={controller} />
        </div>
      </div>
      <MethodList controller={controller} />
    </section>
  );
}
