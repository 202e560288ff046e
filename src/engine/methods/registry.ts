/** Every gradient method, in menu order. Adding a method: one file plus one line here. */
import { cagrad } from './cagrad';
import { dwa } from './dwa';
import { ew } from './ew';
import { gradnorm } from './gradnorm';
import { mgda } from './mgda';
import { pcgrad } from './pcgrad';
import { staticWeights } from './static';
import type { MethodEntry } from './types';
import { uw } from './uw';

export const METHODS: readonly MethodEntry[] = [ew, staticWeights, uw, dwa, gradnorm, pcgrad, mgda, cagrad];

export function findMethod(id: string): MethodEntry | undefined {
  return METHODS.find((m) => m.id === id);
}
