/**
 * The contenders of the side-by-side bench, on whatever tfjs backend is current: the naive tfjs step
 * (bench/naive) and our trainer with EW, PCGrad, MGDA and CAGrad on the same default experiment. Each runs
 * `steps` steps ending in exactly one device readback, so both pay one round trip per timed block: the
 * naive step reads its last loss, ours runs its divergence check on the last step.
 */
import { createNaiveTrainer } from '../naive/naive-step';
import { createTrainer, parseConfig } from '../../src/engine';

export interface Contender {
  id: string;
  label: string;
  /** `steps` steps, then one readback that waits for the device to finish them. */
  run(steps: number): Promise<void>;
  /** `steps` steps with no readback of ours or the bench's (a method's own T×T readback stays). */
  runUnfenced(steps: number): Promise<void>;
  dispose(): void;
}

export const NAIVE_ID = 'naive';

/** Our methods in the comparison: plain sum, projection, and the two Gram-matrix solvers. */
export const OUR_METHODS = ['ew', 'pcgrad', 'mgda', 'cagrad'] as const;

export function naiveContender(): Contender {
  const naive = createNaiveTrainer();
  return {
    id: NAIVE_ID,
    label: 'naive: adam.minimize(L1 + L2)',
    run: async (steps) => void (await naive.step(steps)),
    runUnfenced(steps) {
      naive.stepUnfenced(steps);
      return Promise.resolve();
    },
    dispose: () => naive.dispose(),
  };
}

export function ourContender(method: string, extra: Record<string, unknown> = {}): Contender {
  // The default experiment with only the method chosen: the engine's defaults are the naive model's.
  const trainer = createTrainer(parseConfig({ ...extra, method: { id: method } }));
  return {
    id: method,
    label: `ours: ${method} (${trainer.info.gradientStrategy})`,
    async run(steps) {
      if (steps > 1) await trainer.step(steps - 1, { check: false });
      await trainer.step(1);
    },
    runUnfenced: (steps) => trainer.step(steps, { check: false }),
    dispose: () => trainer.dispose(),
  };
}

/**
 * Makes the naive step and ours for each method and runs each `warmupSteps` steps (compiles, buffer
 * pools). A contender that cannot be made or fails its warm-up on this backend is left out with its error,
 * so the others still compare; the caller disposes the contenders.
 */
export async function startContenders(
  warmupSteps: number,
  methods: readonly string[] = OUR_METHODS,
): Promise<{ contenders: Contender[]; failures: string[] }> {
  const makers: [string, () => Contender][] = [
    [NAIVE_ID, naiveContender],
    ...methods.map((m): [string, () => Contender] => [m, () => ourContender(m)]),
  ];
  const contenders: Contender[] = [];
  const failures: string[] = [];
  for (const [id, make] of makers) {
    let contender: Contender | null = null;
    try {
      contender = make();
      await contender.run(warmupSteps);
      contenders.push(contender);
    } catch (error) {
      contender?.dispose();
      failures.push(`${id}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { contenders, failures };
}
