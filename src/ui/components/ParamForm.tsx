/** Every parameter of a registry entry (or the training settings), as labelled fields with info tips. */
import type { AnyParams, AnyParamValue, ParamSpecs } from '../../engine/params/spec';
import { ParamField } from './ParamField';

interface Props {
  specs: ParamSpecs;
  values: AnyParams;
  onChange: (key: string, value: AnyParamValue) => void;
  /** Validation messages by parameter name. */
  errors?: Record<string, string>;
  /** Parameters drawn elsewhere (e.g. the sharing mask, drawn as the clickable diagram). */
  hide?: readonly string[];
}

export function ParamForm({ specs, values, onChange, errors = {}, hide = [] }: Props) {
  return (
    <>
      {Object.entries(specs)
        .filter(([key]) => !hide.includes(key))
        .map(([key, spec]) => (
          <ParamField
            key={key}
            name={key}
            spec={spec}
            value={values[key] ?? spec.default}
            onChange={(v) => onChange(key, v)}
            error={errors[key]}
          />
        ))}
    </>
  );
}
