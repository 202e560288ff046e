/** Pick a registry entry (task suite, architecture, method), grouped, with the chosen entry's summary as tip. */
import { useId } from 'react';
import { InfoTip } from './InfoTip';

export interface RegistryOption {
  id: string;
  label: string;
  summary: string;
  citation: string;
  group?: string;
}

const GROUP_LABELS: Record<string, string> = {
  'loss-weighting': 'Loss weighting',
  'gradient-surgery': 'Gradient surgery',
  'multi-objective': 'Multi-objective',
  robust: 'Robust aggregation',
  hard: 'Hard sharing',
  soft: 'Soft sharing',
  expert: 'Expert sharing',
  point: 'Point (objective suites)',
};

interface Props {
  label: string;
  options: readonly RegistryOption[];
  value: string;
  onChange: (id: string) => void;
  /** Options that do not fit the current experiment, shown disabled. */
  disabled?: (option: RegistryOption) => boolean;
}

export function RegistrySelect({ label, options, value, onChange, disabled }: Props) {
  const id = useId();
  const selected = options.find((o) => o.id === value);
  const groups = [...new Set(options.map((o) => o.group ?? ''))];
  const render = (o: RegistryOption) => (
    <option key={o.id} value={o.id} disabled={disabled?.(o) ?? false}>
      {o.label}
    </option>
  );
  return (
    <div className="field" data-param={label.toLowerCase()}>
      <label htmlFor={id}>{label}</label>
      {selected ? <InfoTip text={`${selected.summary} — ${selected.citation}`} /> : null}
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {groups.length > 1
          ? groups.map((g) => (
              <optgroup key={g} label={GROUP_LABELS[g] ?? g}>
                {options.filter((o) => (o.group ?? '') === g).map(render)}
              </optgroup>
            ))
          : options.map(render)}
      </select>
    </div>
  );
}
