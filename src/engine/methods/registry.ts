/** Every gradient method, in menu order. Adding a method: one file plus one line here. */
import type { MethodEntry } from './types';

export const METHODS: readonly MethodEntry[] = [];

export function findMethod(id: string): MethodEntry | undefined {
  return METHODS.find((m) => m.id === id);
}
