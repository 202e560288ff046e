/**
 * The network as a main view (issue 13, "The network view"): the selected architecture's boxes, drawn from
 * its card's diagram, with every box that holds shared parameters coloured by the live cosine between the
 * tasks' gradients on that layer, so a student sees *where* in the network the tasks fight. A click on a
 * layer of the layer-sharing network shares it or splits it per task (the same config change as the
 * sidebar's diagram: ControlsPanel's mask flip). Redrawn at most every REFRESH_MS, as the charts are.
 */
import { useRef } from 'react';
import { useStore } from 'zustand';
import { findArchitectureCard } from '../../engine/architectures/catalogue';
import { defaultParams } from '../../engine/params/spec';
import type { Report } from '../../engine/train/report';
import { changeConfig } from '../../state/actions';
import type { PlaygroundState, PlaygroundStore } from '../../state/store';
import { shortTaskNames } from '../charts/task-labels';
import { useScheduledSelection } from '../charts/use-scheduled';
import { useWidth } from '../charts/use-width';
import { useClassroom } from '../classroom/use-classroom';
import { InfoTip } from '../components/InfoTip';
import { diagramRows } from './diagram-rows';
import { LayerNumbers } from './LayerNumbers';
import { mapBoxesToLayers, unplacedLayers } from './layer-map';
import { CLEAR_CONFLICT, layerStats } from './layer-stats';
import { NetworkDiagram } from './NetworkDiagram';
import { NetworkLegend } from './NetworkLegend';
import './network.css';

const selectLatest = (s: PlaygroundState): Report | undefined => s.history.latest;
/** A reset (no report) or the first report shows at once. */
const firstOrReset = (next: Report | undefined, shown: Report | undefined) => !next !== !shown;

const INFO =
  'Each coloured box holds parameters that several tasks train. Its colour is the cosine similarity of the tasks’ gradients on that layer at the latest report: +1 means the tasks push the weights the same way, 0 unrelated directions, −1 opposite directions (they undo each other’s steps). With three or more tasks a box shows its most conflicting pair. Boxes in a task’s colour belong to that task alone.';

/** The mask flip of ControlsPanel: layer `l` of the `shared` list, shared <-> one copy per task. */
function toggleShared(config: PlaygroundState['config'], l: number): void {
  const entry = findArchitectureCard(config.architecture.id);
  const params = { ...(entry ? defaultParams(entry.params) : {}), ...config.architecture.params };
  const mask = params.shared;
  if (!Array.isArray(mask) || !mask.every((b) => typeof b === 'boolean')) return;
  const shared = mask.map((s, i) => (i === l ? !s : s));
  changeConfig({ ...config, architecture: { id: config.architecture.id, params: { ...params, shared } } });
}

export function NetworkView({ store }: { store: PlaygroundStore }) {
  const config = useStore(store, (s) => s.config);
  const info = useStore(store, (s) => s.info);
  const latest = useScheduledSelection(store, selectLatest, 'network-view', { urgent: firstOrReset });
  const ref = useRef<HTMLDivElement>(null);
  const width = useWidth(ref);
  // A classroom link that locks the architecture (`#lock=architecture`) locks its sharing too.
  const locked = useClassroom().locked('architecture');

  const names = info?.tasks.map((t) => t.name) ?? [];
  const short = shortTaskNames(names);
  const rows = diagramRows(config, names);
  const layerNames = info?.sharedLayers ?? latest?.gradients.layers.map((l) => l.layer) ?? [];
  const map = mapBoxesToLayers(rows, layerNames);
  // A report of the previous network (before its reset lands) is not painted on this one.
  const current =
    latest?.gradients.layers.length === layerNames.length &&
    latest.gradients.layers.every((l, i) => l.layer === layerNames[i])
      ? latest
      : undefined;
  const stats = layerStats(current);
  const ordered = layerNames.flatMap((l) => stats.get(l) ?? []);
  const extra = unplacedLayers(map, layerNames);
  const toggles = rows.some((row) => row.some((b) => b.toggleShared !== undefined));
  const label = findArchitectureCard(config.architecture.id)?.label ?? config.architecture.id;
  const conflicted = ordered.filter((s) => s.lowest < CLEAR_CONFLICT).map((s) => s.layer);

  return (
    <section className="net-view" aria-labelledby="net-view-title" data-step={current?.step}>
      <header className="net-header">
        <h2 id="net-view-title">
          Network: {label} <InfoTip text={INFO} />
        </h2>
        {info ? (
          <p className="net-params">
            {info.parameters.shared.toLocaleString()} shared parameters,{' '}
            {info.parameters.taskSpecificPerTask.toLocaleString()} per task (
            {info.parameters.total.toLocaleString()} in all)
          </p>
        ) : null}
      </header>
      <p className="net-caption">
        <strong>Red layers: the tasks’ gradients point in opposing directions there</strong> (cosine below 0);
        blue: they agree; grey: unrelated.{' '}
        {names.length === 1
          ? 'With one task there is nothing to conflict with.'
          : current
            ? conflicted.length
              ? `Step ${current.step.toLocaleString()}: the tasks fight in ${conflicted.join(', ')}.`
              : `Step ${current.step.toLocaleString()}: no shared layer in clear conflict (every cosine above ${String(CLEAR_CONFLICT).replace('-', '−')}).`
            : 'Press Train to colour the shared layers.'}
        {toggles
          ? locked
            ? ' This link locks the architecture: its layers cannot be split or shared here.'
            : ' Click a layer to share it or split it per task.'
          : ''}
      </p>
      <NetworkLegend
        short={short}
        gates={rows.some((row) => row.some((b) => b.kind === 'gate' || b.kind === 'attention'))}
        norms={ordered.some((s) => s.norms)}
      />
      <div className="net-drawing" ref={ref}>
        {width > 0 ? (
          <NetworkDiagram
            rows={rows}
            map={map}
            stats={stats}
            names={names}
            short={short}
            width={width}
            label={`Network diagram: ${label}`}
            onToggleShared={locked ? undefined : (l) => toggleShared(store.getState().config, l)}
          />
        ) : null}
      </div>
      {extra.length ? (
        <p className="net-extra">Also shared (not drawn as a box): {extra.join(', ')}.</p>
      ) : null}
      {current && ordered.length ? (
        <details className="net-details" open>
          <summary>Exact numbers</summary>
          <LayerNumbers stats={ordered} report={current} short={short} />
        </details>
      ) : null}
    </section>
  );
}
