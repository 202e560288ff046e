/**
 * "More levers": the optional config sections (engine/config/sections.ts) — simulated workers with gradient
 * compression, an embedding cache, meta-learning, model merging — each a menu of its registry's cards and
 * the chosen card's parameter form, generated from the specs like every other control. Folded away until
 * one is on, so a first visit sees the usual experiment. Picking "None" removes the section from the config.
 */
import { useMemo } from 'react';
import { SECTION_KEYS, SECTIONS, findSectionCard, type SectionKey } from '../../engine/config/sections';
import type { ExperimentConfig } from '../../engine/config/types';
import type { AnyParamValue } from '../../engine/params/spec';
import { unfitSectionChoices } from '../../state/choices';
import { ParamForm } from '../components/ParamForm';
import { RegistrySelect } from '../components/RegistrySelect';
import './levers.css';

interface Props {
  config: ExperimentConfig;
  apply: (next: unknown) => void;
  errors: (prefix: string) => Record<string, string>;
}

/** The config without section `key` (its "None"). */
function without(config: ExperimentConfig, key: SectionKey): ExperimentConfig {
  const next = { ...config };
  delete next[key];
  return next;
}

export function LeversSection({ config, apply, errors }: Props) {
  const unfit = useMemo(
    () =>
      Object.fromEntries(
        SECTION_KEYS.map((key) => [
          key,
          unfitSectionChoices(
            config,
            key,
            SECTIONS[key].cards().map((c) => c.id),
          ),
        ]),
      ) as Record<SectionKey, Set<string>>,
    [config],
  );
  const anyOn = SECTION_KEYS.some((k) => config[k] !== undefined);
  const choose = (key: SectionKey, id: string) =>
    apply(id === 'none' ? without(config, key) : { ...config, [key]: { id, params: {} } });
  const setParam = (key: SectionKey, name: string, value: AnyParamValue) => {
    const selection = config[key];
    if (selection)
      apply({ ...config, [key]: { id: selection.id, params: { ...selection.params, [name]: value } } });
  };
  return (
    <details className="levers" open={anyOn}>
      <summary>
        Beyond one model on one machine{anyOn ? ' (on)' : ''}
        <span className="field-note">
          {' '}
          compression between workers, cached embeddings, meta-learning, merging
        </span>
      </summary>
      {SECTION_KEYS.map((key) => {
        const selection = config[key];
        const card = selection ? findSectionCard(key, selection.id) : undefined;
        // An issue on the section itself (another section excludes it) or on its id; params show in the form.
        const inside = errors(key);
        const rootError = inside.id ?? (Object.keys(inside).length === 0 ? errors('')[key] : undefined);
        return (
          <div key={key} className="lever" data-section={key}>
            <RegistrySelect
              label={SECTIONS[key].title}
              options={SECTIONS[key].cards()}
              value={selection?.id ?? 'none'}
              onChange={(id) => choose(key, id)}
              disabled={(o) => unfit[key].has(o.id)}
            />
            {rootError ? (
              <p className="field-error" role="alert">
                {rootError}
              </p>
            ) : null}
            {card && selection ? (
              <ParamForm
                specs={card.params}
                values={selection.params}
                onChange={(k, v) => setParam(key, k, v)}
                errors={errors(`${key}.params`)}
              />
            ) : null}
          </div>
        );
      })}
    </details>
  );
}
