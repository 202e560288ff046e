/**
 * One form control for one parameter spec (the same specs that validate configs and drive the CLI), so
 * every method, architecture and suite gets its form without per-entry UI code.
 */
import { useEffect, useId, useState } from 'react';
import { specAccepted } from '../../engine/params/accepted';
import type { AnyParamValue, ParamSpec } from '../../engine/params/spec';
import { InfoTip } from './InfoTip';
import { listPlaceholder } from './list-placeholder';

interface Props {
  name: string;
  spec: ParamSpec;
  value: AnyParamValue;
  onChange: (value: AnyParamValue) => void;
  /** A validation message from the config parser for this field, if any. */
  error?: string | undefined;
}

const listText = (value: AnyParamValue): string =>
  Array.isArray(value)
    ? value.map((v) => (Array.isArray(v) ? v.join(' ') : String(v))).join(', ')
    : String(value);

/** A text field's value, or undefined when its length or pattern does not fit (the field shows why). */
function parseText(spec: Extract<ParamSpec, { kind: 'text' }>, text: string): string | undefined {
  const value = text.trim();
  if (value.length < spec.minLength || value.length > spec.maxLength) return undefined;
  if (spec.pattern !== undefined && !new RegExp(`^(?:${spec.pattern})$`).test(value)) return undefined;
  return value;
}

/** Parse the text of a list field; returns undefined when it does not parse (the field shows why). */
function parseList(spec: ParamSpec, text: string): AnyParamValue | undefined {
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (spec.kind === 'number-list') {
    const values = parts.map(Number);
    return values.every(Number.isFinite) ? values : undefined;
  }
  if (spec.kind === 'point-list') {
    const points = parts.map((p) => p.split(/\s+/).map(Number));
    return points.every((p) => p.length === 2 && p.every(Number.isFinite))
      ? (points as [number, number][])
      : undefined;
  }
  if (spec.kind === 'enum-list') return parts;
  // Column names, comma-separated as the other lists are (a name with a comma in it is edited in the file).
  if (spec.kind === 'text-list') {
    const fits = parts.every((p) => p.length >= spec.minItemLength && p.length <= spec.maxItemLength);
    return fits && parts.length >= spec.minLength && parts.length <= spec.maxLength ? parts : undefined;
  }
  if (spec.kind === 'boolean-list') return parts.map((p) => p === 'true' || p === 'shared');
  return undefined;
}

export function ParamField({ name, spec, value, onChange, error }: Props) {
  const id = useId();
  const [draft, setDraft] = useState(listText(value));
  const [draftError, setDraftError] = useState<string | null>(null);
  useEffect(() => setDraft(listText(value)), [value]);
  const message = draftError ?? error;

  let control;
  switch (spec.kind) {
    case 'number':
      control = (
        <input
          id={id}
          type="number"
          min={spec.min}
          max={spec.max}
          step={spec.integer ? 1 : spec.scale === 'log' ? 'any' : (spec.max - spec.min) / 100}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={() => {
            const n = Number(draft);
            if (draft.trim() === '' || !Number.isFinite(n))
              setDraftError(`expected a number from ${spec.min} to ${spec.max}`);
            else {
              setDraftError(null);
              onChange(n);
            }
          }}
          onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()}
        />
      );
      break;
    case 'enum':
      control = (
        <select id={id} value={String(value)} onChange={(e) => onChange(e.target.value)}>
          {spec.options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      );
      break;
    case 'boolean':
      control = (
        <input
          id={id}
          type="checkbox"
          checked={Boolean(value)}
          onChange={(e) => onChange(e.target.checked)}
        />
      );
      break;
    case 'text':
      control = (
        <input
          id={id}
          type="text"
          value={draft}
          spellCheck={false}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={() => {
            const parsed = parseText(spec, draft);
            if (parsed === undefined) setDraftError(`expected ${specAccepted(spec)}`);
            else {
              setDraftError(null);
              onChange(parsed);
            }
          }}
          onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()}
        />
      );
      break;
    default:
      control = (
        <input
          id={id}
          type="text"
          value={draft}
          placeholder={listPlaceholder(spec)}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={() => {
            const parsed = parseList(spec, draft);
            if (parsed === undefined)
              setDraftError(
                spec.kind === 'point-list'
                  ? 'expected points as "x y, x y"'
                  : spec.kind === 'text-list'
                    ? `expected names separated by commas: ${specAccepted(spec)}`
                    : 'expected numbers separated by commas',
              );
            else {
              setDraftError(null);
              onChange(parsed);
            }
          }}
          onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()}
        />
      );
  }
  return (
    <div className={`field${message ? ' field-invalid' : ''}`} data-param={name}>
      <label htmlFor={id}>{spec.label}</label>
      <InfoTip text={spec.help} />
      {control}
      {message ? (
        <p className="field-error" role="alert">
          {message}
        </p>
      ) : null}
    </div>
  );
}
