/**
 * A state with device variables next to its JS boxes: what gradient methods and the affinity average use
 * (running sums, learnable parameters). It plugs its variables into MethodState's tensor hooks, so
 * `snapshotMethod`/`restoreMethod` (state.ts) save and restore them with the boxes. This half needs tfjs;
 * sampling strategies, which the page imports, use the pure MethodState alone.
 */
import * as tf from '@tensorflow/tfjs-core';
import { variableFrom } from '../variables';
import { MethodState, type TensorSnapshot } from './state';

export class DeviceState extends MethodState {
  readonly tensors = new Map<string, tf.Variable>();

  /** A device variable of `shape` filled with `fill` (or `fill`'s values), registered under `name`. */
  variable(name: string, shape: number[], fill: number | Float32Array, trainable = false): tf.Variable {
    this.claim(name);
    const v = variableFrom(
      () => (typeof fill === 'number' ? tf.fill(shape, fill) : tf.tensor(fill, shape)),
      trainable,
    );
    this.tensors.set(name, v);
    return v;
  }

  /**
   * Register a variable someone else owns (a trainer's parameters), so it is saved and restored with the
   * rest; `dispose` frees it too, so only adopt into a state that is never disposed, or owns it.
   */
  adopt(name: string, variable: tf.Variable): tf.Variable {
    this.claim(name);
    this.tensors.set(name, variable);
    return variable;
  }

  override tensorNames(): string[] {
    return [...this.tensors.keys()];
  }

  override async readTensors(): Promise<Record<string, TensorSnapshot>> {
    const out: Record<string, TensorSnapshot> = {};
    for (const [name, v] of this.tensors) out[name] = { shape: [...v.shape], values: [...(await v.data())] };
    return out;
  }

  override tensorProblems(saved: Record<string, TensorSnapshot>): string[] {
    const problems: string[] = [];
    for (const [name, v] of this.tensors) {
      const s = saved[name];
      if (!s) problems.push(`tensor '${name}' is missing`);
      else if (s.shape.join() !== v.shape.join())
        problems.push(`tensor '${name}' has shape [${s.shape.join(', ')}], expected [${v.shape.join(', ')}]`);
      else if (s.values.length !== v.size) problems.push(`tensor '${name}' has ${s.values.length} values`);
    }
    return problems;
  }

  override writeTensors(saved: Record<string, TensorSnapshot>): void {
    for (const [name, v] of this.tensors) {
      const s = saved[name];
      if (s) tf.tidy(() => v.assign(tf.tensor(s.values, s.shape, v.dtype)));
    }
  }

  override dispose(): void {
    tf.dispose([...this.tensors.values()]);
    this.tensors.clear();
  }
}
