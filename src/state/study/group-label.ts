/**
 * A study group's name as a person reads it: "PCGrad", "Learning rate 0.003", "MMoE · Seeds 5"; not the
 * engine's key ("method.id=pcgrad"). Registry ids become their entries' labels and parameters their spec's
 * label, looked up in the same fields the builder offers (vary-fields.ts), so no id is named here.
 */
import { parseConfig } from '../../engine/config/parse';
import { isBaselineGroup } from '../../engine/study/plan-study';
import type { StudySpec } from '../../engine/study/types';
import { findVaryField, varyFields, type VaryField } from './vary-fields';

const shown = (value: unknown): string =>
  typeof value === 'string' ? value : Array.isArray(value) ? `[${value.join(', ')}]` : JSON.stringify(value);

function describeSetting(field: VaryField | undefined, path: string, value: unknown): string {
  if (!field) return `${path} = ${shown(value)}`;
  if (field.kind === 'registry') {
    if (typeof value === 'string') return field.choices.find((c) => c.id === value)?.label ?? value;
    // A whole sub-object (`"architecture": {"id": ...}`) is named by its entry.
    const id = (value as { id?: unknown } | null)?.id;
    return field.choices.find((c) => c.id === id)?.label ?? shown(value);
  }
  return `${field.spec.label} ${shown(value)}`;
}

/** A function naming each group of `spec` from its settings ("Baseline" for the single-task runs). */
export function groupLabeler(spec: StudySpec): (settings: Record<string, unknown>, group: string) => string {
  let fields: VaryField[] = [];
  try {
    fields = varyFields(parseConfig(spec.base));
  } catch {
    // A base the engine refuses has no study to label; the keys stay as they are.
  }
  const byPath = (path: string) =>
    findVaryField(fields, path) ?? findVaryField(fields, `${path}.id`) ?? undefined;
  return (settings, group) => {
    const parts = Object.entries(settings).map(([path, value]) => describeSetting(byPath(path), path, value));
    if (isBaselineGroup(group)) return parts.length ? `Single-task · ${parts.join(' · ')}` : 'Single-task';
    return parts.length ? parts.join(' · ') : 'The base experiment';
  };
}
