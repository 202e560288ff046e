/**
 * State carried from one training step to the next, all of it in one object (docs/architecture.md: the method
 * contract passes "the method's own state"), so that a run can be paused, saved, resumed and replayed.
 * Gradient methods, sampling strategies and the affinity average keep nothing else between calls; their
 * random streams are ctx.rng, saved beside the state.
 *
 * This module is pure (no tfjs): plain JS values in boxes, and the snapshot/restore of a whole state. The
 * page can import it with the sampling strategies. Device variables are added by `DeviceState`
 * (device-state.ts), which overrides the three tensor hooks below; the snapshot and restore here work for
 * both, so a sampler's state and a method's state are saved the same way.
 */
import type { Rng, RngState } from '../random/rng';

/** A JS value that lives across steps; its owner reads and writes `.value`. */
export interface Box<V> {
  value: V;
}

export type StateValue = number | number[] | number[][];

/** One device tensor of a snapshot, as plain numbers. */
export interface TensorSnapshot {
  shape: number[];
  values: number[];
}

/** Everything a method (or sampler) carries across steps, as plain data. */
export interface MethodSnapshot {
  method: string;
  tensors: Record<string, TensorSnapshot>;
  values: Record<string, StateValue>;
  rng: RngState;
}

export class MethodState {
  readonly values = new Map<string, Box<StateValue>>();

  /** A JS value registered under `name`. */
  box<V extends StateValue>(name: string, initial: V): Box<V extends number ? number : V> {
    this.claim(name);
    const box = { value: initial } as Box<V extends number ? number : V>;
    this.values.set(name, box);
    return box;
  }

  /** Names of the device tensors (none here: see DeviceState). */
  tensorNames(): string[] {
    return [];
  }

  /** The device tensors read back (none here). */
  readTensors(): Promise<Record<string, TensorSnapshot>> {
    return Promise.resolve({});
  }

  /** What keeps `saved` from being written into the device tensors (nothing here). */
  tensorProblems(_saved: Record<string, TensorSnapshot>): string[] {
    return [];
  }

  /** Write checked tensor snapshots into the device tensors (nothing here). */
  writeTensors(_saved: Record<string, TensorSnapshot>): void {}

  /** Frees the device tensors (nothing to free here). */
  dispose(): void {}

  protected claim(name: string): void {
    if (this.values.has(name) || this.tensorNames().includes(name))
      throw new Error(`method state: '${name}' is registered twice`);
  }
}

/** A deep copy, so a snapshot never aliases the live state. */
function copyValue(v: StateValue): StateValue {
  return typeof v === 'number' ? v : (v.map((x) => (typeof x === 'number' ? x : [...x])) as StateValue);
}

/** A state's contents as plain data (device tensors read back): one part of a method or trainer snapshot. */
export interface StateSnapshot {
  tensors: Record<string, TensorSnapshot>;
  values: Record<string, StateValue>;
}

/** Read the whole state (device tensors included) into a JSON-serialisable snapshot. */
export async function snapshotState(state: MethodState): Promise<StateSnapshot> {
  const tensors = await state.readTensors();
  const values: StateSnapshot['values'] = {};
  for (const [name, box] of state.values) values[name] = copyValue(box.value);
  return { tensors, values };
}

/** What keeps `snap` from being written into `state` (missing, foreign or misshapen entries); empty if it fits. */
export function stateProblems(state: MethodState, snap: StateSnapshot): string[] {
  const problems = [...state.tensorProblems(snap.tensors)];
  for (const name of state.values.keys())
    if (!(name in snap.values)) problems.push(`value '${name}' is missing`);
  const known = new Set([...state.tensorNames(), ...state.values.keys()]);
  for (const name of [...Object.keys(snap.tensors), ...Object.keys(snap.values)])
    if (!known.has(name)) problems.push(`'${name}' is not part of this state`);
  return problems;
}

/** Write a snapshot that `stateProblems` found fitting. */
export function writeState(state: MethodState, snap: StateSnapshot): void {
  state.writeTensors(snap.tensors);
  for (const [name, box] of state.values) box.value = copyValue(snap.values[name] as StateValue);
}

/** Read a method's whole state (device tensors included) and its random stream into a snapshot. */
export async function snapshotMethod(method: string, state: MethodState, rng: Rng): Promise<MethodSnapshot> {
  return { method, ...(await snapshotState(state)), rng: rng.getState() };
}

/** Write a snapshot into a fresh instance's state; throws, changing nothing, when it does not fit. */
export function restoreMethod(method: string, state: MethodState, rng: Rng, snap: MethodSnapshot): void {
  const problems: string[] = [];
  if (snap.method !== method) problems.push(`it was taken from '${snap.method}', not '${method}'`);
  problems.push(...stateProblems(state, snap));
  if (problems.length) throw new Error(`method state snapshot does not fit: ${problems.join('; ')}`);
  writeState(state, snap);
  rng.setState(snap.rng);
}
