/** Every sharing architecture, in menu order. Adding one: one file plus one line here. */
import type { ArchitectureEntry } from './types';

export const ARCHITECTURES: readonly ArchitectureEntry[] = [];

export function findArchitecture(id: string): ArchitectureEntry | undefined {
  return ARCHITECTURES.find((a) => a.id === id);
}
