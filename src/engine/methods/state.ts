/**
 * A method's state across steps, all of it in one object (DESIGN.md §2: the contract passes "the method's
 * own state"), so that a run can be paused, saved, resumed and replayed: device variables (learnable
 * parameters included) and plain JS values (counters, last solutions). A method keeps nothing else between
 * calls; its random stream is ctx.rng, saved beside the state.
 *
 * `snapshotMethod` reads everything back into a JSON-serialisable object; `restoreMethod` writes it into a
 * fresh instance of the same method, checking names and shapes, after which the instance continues exactly
 * as the original would have (a registry-wide test checks this for every method).
 */
import * as tf from '@tensorflow/tfjs';
import type { RngState, Rng } from '../random/rng';
import { variableFrom } from '../variables';

/** A JS value that lives across steps; methods read and write `.value`. */
export interface Box<V> {
  value: V;
}

export type StateValue = number | number[] | number[][];

export class MethodState {
  readonly tensors = new Map<string, tf.Variable>();
  readonly values = new Map<string, Box<StateValue>>();

  /** A device variable of `shape` filled with `fill` (or `init`'s values), registered under `name`. */
  variable(name: string, shape: number[], fill: number | Float32Array, trainable = false): tf.Variable {
    this.claim(name);
    const v = variableFrom(
      () => (typeof fill === 'number' ? tf.fill(shape, fill) : tf.tensor(fill, shape)),
      trainable,
    );
    this.tensors.set(name, v);
    return v;
  }

  /** A JS value registered under `name`. */
  box<V extends StateValue>(name: string, initial: V): Box<V extends number ? number : V> {
    this.claim(name);
    const box = { value: initial } as Box<V extends number ? number : V>;
    this.values.set(name, box as Box<StateValue>);
    return box;
  }

  dispose(): void {
    tf.dispose([...this.tensors.values()]);
    this.tensors.clear();
  }

  private claim(name: string): void {
    if (this.tensors.has(name) || this.values.has(name))
      throw new Error(`method state: '${name}' is registered twice`);
  }
}

/** A deep copy, so a snapshot never aliases the live state. */
function copyValue(v: StateValue): StateValue {
  return typeof v === 'number' ? v : (v.map((x) => (typeof x === 'number' ? x : [...x])) as StateValue);
}

/** Everything a method carries across steps, as plain data. */
export interface MethodSnapshot {
  method: string;
  tensors: Record<string, { shape: number[]; values: number[] }>;
  values: Record<string, StateValue>;
  rng: RngState;
}

export async function snapshotMethod(method: string, state: MethodState, rng: Rng): Promise<MethodSnapshot> {
  const tensors: MethodSnapshot['tensors'] = {};
  for (const [name, v] of state.tensors)
    tensors[name] = { shape: [...v.shape], values: [...(await v.data())] };
  const values: MethodSnapshot['values'] = {};
  for (const [name, box] of state.values) values[name] = copyValue(box.value);
  return { method, tensors, values, rng: rng.getState() };
}

/** Write a snapshot into a fresh instance's state; throws, changing nothing, when it does not fit. */
export function restoreMethod(method: string, state: MethodState, rng: Rng, snap: MethodSnapshot): void {
  const problems: string[] = [];
  if (snap.method !== method) problems.push(`it was taken from '${snap.method}', not '${method}'`);
  for (const [name, v] of state.tensors) {
    const saved = snap.tensors[name];
    if (!saved) problems.push(`tensor '${name}' is missing`);
    else if (saved.shape.join() !== v.shape.join())
      problems.push(
        `tensor '${name}' has shape [${saved.shape.join(', ')}], expected [${v.shape.join(', ')}]`,
      );
    else if (saved.values.length !== v.size)
      problems.push(`tensor '${name}' has ${saved.values.length} values`);
  }
  for (const name of state.values.keys())
    if (!(name in snap.values)) problems.push(`value '${name}' is missing`);
  const known = new Set([...state.tensors.keys(), ...state.values.keys()]);
  for (const name of [...Object.keys(snap.tensors), ...Object.keys(snap.values)])
    if (!known.has(name)) problems.push(`'${name}' is not part of this method's state`);
  if (problems.length) throw new Error(`method state snapshot does not fit: ${problems.join('; ')}`);
  for (const [name, v] of state.tensors) {
    const saved = snap.tensors[name] as { shape: number[]; values: number[] };
    tf.tidy(() => v.assign(tf.tensor(saved.values, saved.shape, v.dtype)));
  }
  for (const [name, box] of state.values) box.value = copyValue(snap.values[name] as StateValue);
  rng.setState(snap.rng);
}
