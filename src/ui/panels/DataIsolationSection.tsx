/**
 * How much data each task gets and how isolated the tasks are: the sampling strategy (with what the chosen
 * method does on steps that leave tasks out) and the gradient/parameter isolation settings. Per-task data
 * (separate inputs, counts, label noise) lives with the task suite's own parameters.
 */
import { useMemo } from 'react';
import { ISOLATION_SETTINGS } from '../../engine/config/isolation';
import type { ExperimentConfig } from '../../engine/config/types';
import { partialTaskPolicy } from '../../engine/methods/card';
import { findMethodCard } from '../../engine/methods/catalogue';
import type { AnyParamValue } from '../../engine/params/spec';
import { findSampler, SAMPLERS } from '../../engine/sampling/registry';
import { unfitChoices } from '../../state/choices';
import { ParamForm } from '../components/ParamForm';
import { RegistrySelect } from '../components/RegistrySelect';

const PARTIAL_TEXT = {
  skip: 'a task left out of a step contributes nothing to that step',
  reuse: 'a task left out of a step is represented by its last gradient and loss',
  disabled: 'it needs every task at every step, so it cannot run with this strategy',
} as const;

interface Props {
  config: ExperimentConfig;
  apply: (next: unknown) => void;
  errors: (prefix: string) => Record<string, string>;
}

export function DataIsolationSection({ config, apply, errors }: Props) {
  const sampler = findSampler(config.sampling.id);
  const method = findMethodCard(config.method.id);
  const unfit = useMemo(
    () =>
      unfitChoices(
        config,
        'sampling',
        SAMPLERS.map((s) => s.id),
      ),
    [config],
  );
  // A suite with no samples to draw (its losses are functions of θ) fits one strategy only: no menu then.
  const choosable = SAMPLERS.some((s) => s.id !== config.sampling.id && !unfit.has(s.id));
  const setIsolation = (name: string, value: AnyParamValue) =>
    apply({ ...config, isolation: { ...config.isolation, [name]: value } });
  return (
    <>
      {choosable ? (
        <>
          <RegistrySelect
            label="Sampling"
            options={SAMPLERS}
            value={config.sampling.id}
            onChange={(id) => apply({ ...config, sampling: { id, params: {} } })}
            disabled={(o) => unfit.has(o.id)}
          />
          <ParamForm
            specs={sampler?.params ?? {}}
            values={config.sampling.params}
            onChange={(k, v) =>
              apply({
                ...config,
                sampling: { id: config.sampling.id, params: { ...config.sampling.params, [k]: v } },
              })
            }
            errors={errors('sampling.params')}
          />
          {sampler?.partial && method ? (
            <p className="field-note" data-testid="partial-note">
              Steps may leave tasks out; with {method.label}, {PARTIAL_TEXT[partialTaskPolicy(method)]}.
            </p>
          ) : null}
        </>
      ) : null}
      <ParamForm
        specs={ISOLATION_SETTINGS}
        values={config.isolation}
        onChange={setIsolation}
        errors={errors('isolation')}
      />
    </>
  );
}
