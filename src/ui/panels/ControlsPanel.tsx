/**
 * The experiment's controls, generated from the registries' parameter specs: task suite, architecture (its
 * layers are shared or split by clicking them in the Training tab's network view, ui/network; the mask's
 * own field shows here when a classroom link hides that view), method, sampling and isolation, and the
 * training settings. Each control has a label and an info tip; the validator's issues show beside the
 * fields they name. A classroom link may hide a section or field (`#hide=method`) or lock it
 * (`#lock=task`: shown, disabled, with a note): ui/classroom.
 */
import { useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { ARCHITECTURE_CARDS } from '../../engine/architectures/catalogue';
import { findOptimizerCard, OPTIMIZER_CARDS } from '../../engine/config/optimizers';
import { TRAINING_SETTINGS } from '../../engine/config/settings';
import type { ConfigError, Selection } from '../../engine/config/types';
import { METHOD_CARDS } from '../../engine/methods/catalogue';
import type { AnyParamValue } from '../../engine/params/spec';
import { findTaskSuite, TASK_SUITES } from '../../engine/tasks/registry';
import { changeConfig, switchBackend } from '../../state/actions';
import { unfitChoices, withTaskSuite } from '../../state/choices';
import type { PlaygroundStore } from '../../state/store';
import type { BackendPreference } from '../../worker/protocol';
import { fieldErrors } from '../components/field-errors';
import { ParamField } from '../components/ParamField';
import { ParamForm } from '../components/ParamForm';
import { RegistrySelect } from '../components/RegistrySelect';
import { Lockable } from '../classroom/Lockable';
import { useClassroom } from '../classroom/use-classroom';
import { diagramRows, editsSharedMask } from '../network/diagram-rows';
import { OpenDataButton } from '../data/OpenDataButton';
import { DataIsolationSection } from './DataIsolationSection';
import { LeversSection } from './LeversSection';

type Key = 'task' | 'architecture' | 'method' | 'optimizer';

/** The diagram flips entries of the `shared` mask (architectures/diagram.ts); a list of booleans. */
const SHARED = 'shared';
const isMask = (v: unknown): v is boolean[] => Array.isArray(v) && v.every((b) => typeof b === 'boolean');

export function ControlsPanel({ store }: { store: PlaygroundStore }) {
  const config = useStore(store, (s) => s.config);
  const info = useStore(store, (s) => s.info);
  const preference = useStore(store, (s) => s.backendPreference);
  // A live change the worker refused (say, a method that does not fit the architecture) names its fields too.
  const refused = useStore(store, (s) => (s.error?.kind === 'config' ? s.error : null));
  const [error, setError] = useState<ConfigError | null>(null);
  const { hidden, locked } = useClassroom();
  const issues = [...(error?.issues ?? []), ...(refused?.issues ?? [])];
  const errors = (prefix: string) => fieldErrors(issues, prefix);
  const apply = (next: unknown) => setError(changeConfig(next));
  const setSelection = (key: Key, selection: Selection) => apply({ ...config, [key]: selection });
  const setParam = (key: Key, name: string, value: AnyParamValue) => {
    const params = { ...config[key].params, [name]: value };
    // The sharing mask is edited on the diagram: keep one entry per hidden layer when widths change.
    const mask = params[SHARED];
    if (key === 'architecture' && name === 'widths' && isMask(mask) && Array.isArray(value))
      params[SHARED] = value.map((_, l) => mask[Math.min(l, mask.length - 1)] ?? true);
    setSelection(key, { id: config[key].id, params });
  };
  // What fits is the validator's answer, not a rule repeated here.
  const unfit = useMemo(() => {
    const ids = (cards: readonly { id: string }[]) => cards.map((c) => c.id);
    return {
      architecture: unfitChoices(config, 'architecture', ids(ARCHITECTURE_CARDS)),
      method: unfitChoices(config, 'method', ids(METHOD_CARDS)),
    };
  }, [config]);
  const chooseTask = (id: string) => apply(withTaskSuite(config, id));
  const taskNames = info?.tasks.map((t) => t.name) ?? [];
  const suite = findTaskSuite(config.task.id);
  /** One part of the form under its classroom name: left out when hidden, disabled when locked. */
  const part = (name: string, children: React.ReactNode) =>
    hidden(name) ? null : (
      <Lockable key={name} part={name} locked={locked(name)}>
        {children}
      </Lockable>
    );
  const section = (name: string, title: string, children: React.ReactNode) =>
    hidden(name) ? null : (
      <section className="controls-section" data-part={name}>
        <h2>{title}</h2>
        {part(name, children)}
      </section>
    );
  const settings = (keys: (keyof typeof TRAINING_SETTINGS)[]) =>
    keys.map((k) =>
      part(
        k,
        <ParamField
          name={k}
          spec={TRAINING_SETTINGS[k]}
          value={config[k]}
          onChange={(v) => apply({ ...config, [k]: v })}
          error={errors('')[k]}
        />,
      ),
    );

  return (
    <aside className="controls" aria-label="Experiment controls">
      {error ? (
        <p className="controls-error" role="alert">
          {error.message}
        </p>
      ) : null}
      {section(
        'task',
        'Tasks',
        <>
          <RegistrySelect
            label="Task suite"
            options={TASK_SUITES}
            value={config.task.id}
            onChange={chooseTask}
          />
          <OpenDataButton className="" />
          <ParamForm
            specs={suite?.params ?? {}}
            values={config.task.params}
            onChange={(k, v) => setParam('task', k, v)}
            errors={errors('task.params')}
          />
        </>,
      )}
      {section(
        'architecture',
        'Architecture',
        <>
          <RegistrySelect
            label="Architecture"
            options={ARCHITECTURE_CARDS}
            value={config.architecture.id}
            onChange={(id) => setSelection('architecture', { id, params: {} })}
            disabled={(o) => unfit.architecture.has(o.id)}
          />
          <ParamForm
            specs={ARCHITECTURE_CARDS.find((a) => a.id === config.architecture.id)?.params ?? {}}
            values={config.architecture.params}
            onChange={(k, v) => setParam('architecture', k, v)}
            errors={errors('architecture.params')}
            hide={editsSharedMask(diagramRows(config, taskNames)) && !hidden('network') ? [SHARED] : []}
          />
        </>,
      )}
      {section(
        'method',
        'Method',
        <>
          <RegistrySelect
            label="Method"
            options={METHOD_CARDS}
            value={config.method.id}
            onChange={(id) => setSelection('method', { id, params: {} })}
            disabled={(o) => unfit.method.has(o.id)}
          />
          <ParamForm
            specs={METHOD_CARDS.find((m) => m.id === config.method.id)?.params ?? {}}
            values={config.method.params}
            onChange={(k, v) => setParam('method', k, v)}
            errors={errors('method.params')}
          />
        </>,
      )}
      {section(
        'isolation',
        'Data sharing and isolation',
        <DataIsolationSection config={config} apply={apply} errors={errors} />,
      )}
      {section('levers', 'More levers', <LeversSection config={config} apply={apply} errors={errors} />)}
      {section(
        'training',
        'Training',
        <>
          {part(
            'optimizer',
            <>
              <RegistrySelect
                label="Optimizer"
                options={OPTIMIZER_CARDS.map((o) => ({ ...o, summary: o.label }))}
                value={config.optimizer.id}
                onChange={(id) => setSelection('optimizer', { id, params: {} })}
              />
              <ParamForm
                specs={findOptimizerCard(config.optimizer.id)?.params ?? {}}
                values={config.optimizer.params}
                onChange={(k, v) => setParam('optimizer', k, v)}
              />
            </>,
          )}
          {settings(['learningRate', 'batchSize', 'seed', 'reportEvery', 'gradients'])}
          {part('backend', <BackendField value={preference} />)}
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
