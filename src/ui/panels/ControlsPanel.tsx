/**
 * The experiment's controls, generated from the registries' parameter specs: task suite, architecture (with
 * its clickable diagram), method, sampling and isolation, and the training settings. Each control has a label and an info tip.
 */
import { useState } from 'react';
import { useStore } from 'zustand';
import { ARCHITECTURES } from '../../engine/architectures/registry';
import { OPTIMIZERS, TRAINING_SETTINGS } from '../../engine/config/settings';
import type { Selection } from '../../engine/config/types';
import { METHODS } from '../../engine/methods/registry';
import type { AnyParamValue, ParamSpecs } from '../../engine/params/spec';
import { findTaskSuite, TASK_SUITES } from '../../engine/tasks/registry';
import { changeConfig, switchBackend } from '../../state/actions';
import type { PlaygroundStore } from '../../state/store';
import type { BackendPreference } from '../../worker/protocol';
import { ParamField } from '../components/ParamField';
import { ParamForm } from '../components/ParamForm';
import { RegistrySelect } from '../components/RegistrySelect';
import { ArchitectureDiagram } from './ArchitectureDiagram';
import { DataIsolationSection } from './DataIsolationSection';

type Key = 'task' | 'architecture' | 'method' | 'optimizer';

/** Field errors of one section, from a ConfigError message "path: message; path: message". */
function errorsFor(message: string | null, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of message?.split('; ') ?? []) {
    const [path, ...rest] = part.split(': ');
    if (path === undefined) continue;
    const inside =
      prefix === '' ? path : path.startsWith(`${prefix}.`) ? path.slice(prefix.length + 1) : null;
    if (inside !== null) out[inside.split(/[.[]/)[0] ?? ''] = rest.join(': ');
  }
  return out;
}

export function ControlsPanel({ store }: { store: PlaygroundStore }) {
  const config = useStore(store, (s) => s.config);
  const info = useStore(store, (s) => s.info);
  const preference = useStore(store, (s) => s.backendPreference);
  const [error, setError] = useState<string | null>(null);
  const apply = (next: unknown) => setError(changeConfig(next));
  const setSelection = (key: Key, selection: Selection) => apply({ ...config, [key]: selection });
  const setParam = (key: Key, name: string, value: AnyParamValue) => {
    const params = { ...config[key].params, [name]: value };
    // The sharing mask is edited on the diagram: keep one entry per hidden layer when widths change.
    if (key === 'architecture' && name === 'widths' && Array.isArray(params.shared) && Array.isArray(value)) {
      const mask = params.shared as boolean[];
      params.shared = value.map((_, l) => mask[Math.min(l, mask.length - 1)] ?? true);
    }
    setSelection(key, { id: config[key].id, params });
  };

  const chooseTask = (id: string) => {
    const objective = findTaskSuite(id)?.kind === 'objective';
    const architecture = objective
      ? { id: 'point' }
      : config.architecture.id === 'point'
        ? { id: 'layer-sharing' }
        : config.architecture;
    // Method parameters sized for the old task count (static weights) fall back to the method's defaults.
    const next = { ...config, task: { id }, architecture, method: { id: config.method.id } };
    apply(next);
  };
  const taskNames = info?.tasks.map((t) => t.name) ?? [];
  const shared = (config.architecture.params.shared as boolean[] | undefined) ?? [];
  const suite = findTaskSuite(config.task.id);
  const section = (title: string, children: React.ReactNode) => (
    <section className="controls-section">
      <h2>{title}</h2>
      {children}
    </section>
  );
  const settings = (keys: (keyof typeof TRAINING_SETTINGS)[]) =>
    keys.map((k) => (
      <ParamField
        key={k}
        name={k}
        spec={TRAINING_SETTINGS[k]}
        value={config[k] as AnyParamValue}
        onChange={(v) => apply({ ...config, [k]: v })}
        error={errorsFor(error, '')[k]}
      />
    ));

  return (
    <aside className="controls" aria-label="Experiment controls">
      {error ? (
        <p className="controls-error" role="alert">
          {error}
        </p>
      ) : null}
      {section(
        'Tasks',
        <>
          <RegistrySelect
            label="Task suite"
            options={TASK_SUITES}
            value={config.task.id}
            onChange={chooseTask}
          />
          <ParamForm
            specs={suite?.params ?? {}}
            values={config.task.params}
            onChange={(k, v) => setParam('task', k, v)}
            errors={errorsFor(error, 'task.params')}
          />
        </>,
      )}
      {section(
        'Architecture',
        <>
          <RegistrySelect
            label="Architecture"
            options={ARCHITECTURES}
            value={config.architecture.id}
            onChange={(id) => setSelection('architecture', { id, params: {} })}
            disabled={(o) => (o.group === 'point') !== (suite?.kind === 'objective')}
          />
          <ArchitectureDiagram
            config={config}
            taskNames={taskNames}
            info={info}
            onToggleShared={(l) =>
              setParam(
                'architecture',
                'shared',
                shared.map((s, i) => (i === l ? !s : s)),
              )
            }
          />
          <ParamForm
            specs={ARCHITECTURES.find((a) => a.id === config.architecture.id)?.params ?? {}}
            values={config.architecture.params}
            onChange={(k, v) => setParam('architecture', k, v)}
            errors={errorsFor(error, 'architecture.params')}
            hide={config.architecture.id === 'layer-sharing' ? ['shared'] : []}
          />
        </>,
      )}
      {section(
        'Method',
        <>
          <RegistrySelect
            label="Method"
            options={METHODS}
            value={config.method.id}
            onChange={(id) => setSelection('method', { id, params: {} })}
          />
          <ParamForm
            specs={METHODS.find((m) => m.id === config.method.id)?.params ?? {}}
            values={config.method.params}
            onChange={(k, v) => setParam('method', k, v)}
            errors={errorsFor(error, 'method.params')}
          />
        </>,
      )}
      {section(
        'Data sharing and isolation',
        <DataIsolationSection config={config} apply={apply} errors={(prefix) => errorsFor(error, prefix)} />,
      )}
      {section(
        'Training',
        <>
          <RegistrySelect
            label="Optimizer"
            options={Object.entries(OPTIMIZERS).map(([id, o]) => ({
              id,
              label: o.label,
              summary: o.label,
              citation: o.citation,
            }))}
            value={config.optimizer.id}
            onChange={(id) => setSelection('optimizer', { id, params: {} })}
          />
          <ParamForm
            specs={OPTIMIZERS[config.optimizer.id as keyof typeof OPTIMIZERS].params as ParamSpecs}
            values={config.optimizer.params}
            onChange={(k, v) => setParam('optimizer', k, v)}
          />
          {settings(['learningRate', 'batchSize', 'seed', 'reportEvery', 'gradients'])}
          <BackendField value={preference} />
        </>,
      )}
    </aside>
  );
}

function BackendField({ value }: { value: string }) {
  return (
    <ParamField
      name="backend"
      spec={{
        kind: 'enum',
        label: 'Backend',
        help: 'Where the network trains: auto tries WebGPU, then WebGL, WASM and CPU. Force one to compare speed or to work around a driver problem.',
        default: 'auto',
        options: ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'],
      }}
      value={value}
      onChange={(v) => void switchBackend(v as BackendPreference)}
    />
  );
}
