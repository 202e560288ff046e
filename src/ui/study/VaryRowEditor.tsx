/**
 * One "vary" row of the study builder: which field, and the values it takes. The widget follows the
 * field's spec (state/study/vary-values.ts): boxes to tick for registry entries, choices and on/off; a
 * text box for numbers and lists, checked against the spec's range when Start is pressed.
 */
import { useId } from 'react';
import type { VaryRow } from '../../state/study/builder';
import type { VaryField } from '../../state/study/vary-fields';
import { acceptedText, checkboxOptions, widgetOf } from '../../state/study/vary-values';
import { InfoTip } from '../components/InfoTip';

interface Props {
  row: VaryRow;
  field: VaryField | undefined;
  error: string | undefined;
  /** Values that do not fit the base experiment (shown disabled, as in the controls). */
  unfit: ReadonlySet<string>;
  onChange: (row: VaryRow) => void;
  onRemove: () => void;
}

export function VaryRowEditor({ row, field, error, unfit, onChange, onRemove }: Props) {
  const id = useId();
  const label = field?.label ?? row.path;
  return (
    <fieldset className={`vary-row${error ? ' field-invalid' : ''}`} data-vary={row.path}>
      <legend>
        Vary <strong>{label}</strong> {field ? <InfoTip text={field.help} /> : null}
        <button type="button" className="vary-remove" onClick={onRemove} aria-label={`Stop varying ${label}`}>
          Remove
        </button>
      </legend>
      {field && widgetOf(field) === 'checkboxes' ? (
        <div className="vary-boxes" role="group" aria-label={`Values of ${label}`}>
          {checkboxOptions(field).map((option) => (
            <label
              key={option.value}
              title={
                unfit.has(option.value)
                  ? 'Does not fit this experiment (see the Training tab’s controls)'
                  : option.title
              }
              className={unfit.has(option.value) ? 'vary-unfit' : undefined}
            >
              <input
                type="checkbox"
                value={option.value}
                disabled={unfit.has(option.value) && !row.ticked.includes(option.value)}
                checked={row.ticked.includes(option.value)}
                onChange={(e) =>
                  onChange({
                    ...row,
                    ticked: e.target.checked
                      ? [...row.ticked, option.value]
                      : row.ticked.filter((v) => v !== option.value),
                  })
                }
              />
              {option.label}
            </label>
          ))}
        </div>
      ) : field?.kind === 'param' ? (
        <>
          <label htmlFor={id} className="vary-text-label">
            Values ({field.spec.kind === 'number' ? 'separated by commas' : 'one list each, separated by ";"'}
            )
          </label>
          <input
            id={id}
            type="text"
            value={row.text}
            placeholder={acceptedText(field.spec)}
            onChange={(e) => onChange({ ...row, text: e.target.value })}
          />
          <p className="field-note">Accepted: {acceptedText(field.spec)}.</p>
        </>
      ) : null}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
