/** Every batching and sampling strategy, in menu order. Adding one: one file plus one line here. */
import { bandit } from './bandit';
import { curriculum } from './curriculum';
import { importance } from './importance';
import { mixed } from './mixed';
import { proportional } from './proportional';
import { roundRobin } from './round-robin';
import { temperature } from './temperature';
import type { SamplerEntry } from './types';
import { uniform } from './uniform';

export const SAMPLERS: readonly SamplerEntry[] = [
  mixed,
  roundRobin,
  proportional,
  temperature,
  uniform,
  importance,
  curriculum,
  bandit,
];

export function findSampler(id: string): SamplerEntry | undefined {
  return SAMPLERS.find((s) => s.id === id);
}
