/**
 * Parameter specifications: the one description of a registry entry's parameters (and of the training
 * settings) from which the config validator, `cli list`, the UI forms and the URL codec are all derived.
 * No per-method `if` anywhere else (docs/architecture.md).
 */

interface BaseParam<T> {
  /** Short label for forms and tables. */
  label: string;
  /** One or two sentences: what it does and why one would change it (the UI's info tip). */
  help: string;
  default: T;
}

export interface NumberParam extends BaseParam<number> {
  kind: 'number';
  min: number;
  max: number;
  integer?: boolean;
  /** How a slider should move: log for learning rates and strengths spanning decades. */
  scale?: 'linear' | 'log';
}

export interface EnumParam<O extends string = string> extends BaseParam<O> {
  kind: 'enum';
  options: readonly O[];
}

export interface BooleanParam extends BaseParam<boolean> {
  kind: 'boolean';
}

export interface NumberListParam extends BaseParam<number[]> {
  kind: 'number-list';
  min: number;
  max: number;
  integer?: boolean;
  minLength: number;
  maxLength: number;
}

export interface BooleanListParam extends BaseParam<boolean[]> {
  kind: 'boolean-list';
  minLength: number;
  maxLength: number;
}

export interface EnumListParam<O extends string = string> extends BaseParam<O[]> {
  kind: 'enum-list';
  options: readonly O[];
  minLength: number;
  maxLength: number;
}

/**
 * A free text, e.g. a data file's name or a content hash. `pattern` (a regular expression's source, matched
 * against the whole text) comes with `patternHelp`, the words a message shows for what it accepts.
 */
export interface TextParam extends BaseParam<string> {
  kind: 'text';
  minLength: number;
  maxLength: number;
  pattern?: string;
  patternHelp?: string;
}

/** A list of texts, e.g. the column names of a CSV file chosen as inputs. */
export interface TextListParam extends BaseParam<string[]> {
  kind: 'text-list';
  /** Characters per item. */
  minItemLength: number;
  maxItemLength: number;
  minLength: number;
  maxLength: number;
}

/** A list of 2-D points, e.g. the toy's start points. */
export interface PointListParam extends BaseParam<[number, number][]> {
  kind: 'point-list';
  min: number;
  max: number;
  minLength: number;
  maxLength: number;
}

export type ParamSpec =
  | NumberParam
  | EnumParam
  | BooleanParam
  | NumberListParam
  | BooleanListParam
  | EnumListParam
  | PointListParam
  | TextParam
  | TextListParam;

export type ParamSpecs = Readonly<Record<string, ParamSpec>>;

export type ParamValue<S> = S extends NumberParam
  ? number
  : S extends EnumParam<infer O>
    ? O
    : S extends BooleanParam
      ? boolean
      : S extends NumberListParam
        ? number[]
        : S extends BooleanListParam
          ? boolean[]
          : S extends EnumListParam<infer O>
            ? O[]
            : S extends PointListParam
              ? [number, number][]
              : S extends TextParam
                ? string
                : S extends TextListParam
                  ? string[]
                  : never;

export type ParamValues<S extends ParamSpecs> = { -readonly [K in keyof S]: ParamValue<S[K]> };

/** Any validated parameter value, as stored in a config. */
export type AnyParamValue = number | string | boolean | number[] | boolean[] | string[] | [number, number][];
export type AnyParams = Record<string, AnyParamValue>;

// Builders: they only add the `kind` tag, and keep literal option types for enums.
export const num = (spec: Omit<NumberParam, 'kind'>): NumberParam => ({ kind: 'number', ...spec });
export const int = (spec: Omit<NumberParam, 'kind' | 'integer'>): NumberParam => ({
  kind: 'number',
  integer: true,
  ...spec,
});
export const bool = (spec: Omit<BooleanParam, 'kind'>): BooleanParam => ({ kind: 'boolean', ...spec });
export function choice<const O extends string>(spec: Omit<EnumParam<O>, 'kind'>): EnumParam<O> {
  return { kind: 'enum', ...spec };
}
export const numList = (spec: Omit<NumberListParam, 'kind'>): NumberListParam => ({
  kind: 'number-list',
  ...spec,
});
export const boolList = (spec: Omit<BooleanListParam, 'kind'>): BooleanListParam => ({
  kind: 'boolean-list',
  ...spec,
});
export function choiceList<const O extends string>(spec: Omit<EnumListParam<O>, 'kind'>): EnumListParam<O> {
  return { kind: 'enum-list', ...spec };
}
export const pointList = (spec: Omit<PointListParam, 'kind'>): PointListParam => ({
  kind: 'point-list',
  ...spec,
});

export const text = (spec: Omit<TextParam, 'kind'>): TextParam => ({ kind: 'text', ...spec });
export const textList = (spec: Omit<TextListParam, 'kind'>): TextListParam => ({
  kind: 'text-list',
  ...spec,
});

/** Deep copy of a JSON-like parameter value (structuredClone is not in the engine's ES-only lib). */
export const cloneValue = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** The default value of every parameter (deep-copied, so callers may mutate it). */
export function defaultParams<S extends ParamSpecs>(specs: S): ParamValues<S> {
  const out: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(specs)) out[key] = cloneValue(spec.default);
  return out as ParamValues<S>;
}

/**
 * A problem found in a config: the dotted path of the field (empty: the whole config), a one-line message
 * saying what is wrong and what is accepted, and (where known) what is accepted, on its own for programs.
 */
export interface ConfigIssue {
  path: string;
  message: string;
  accepted?: string;
}

/** Helper for cross-field checks: a list that needs one entry per task. */
export function checkPerTaskLength(
  list: readonly unknown[],
  key: string,
  numTasks: number,
  allowEmpty: boolean,
): ConfigIssue[] {
  if (list.length === numTasks || (allowEmpty && list.length === 0)) return [];
  const accepted = allowEmpty ? `${numTasks} values (one per task) or an empty list` : `${numTasks} values`;
  return [{ path: key, message: `expected ${accepted}, got ${list.length}`, accepted }];
}
