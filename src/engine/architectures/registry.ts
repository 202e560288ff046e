/**
 * Every sharing architecture's implementation (card plus `build`), in the catalogue's order: what the
 * engine builds networks from. Adding an architecture: one line here and one in catalogue.ts.
 */
import { cgc } from './cgc';
import { crossStitch } from './cross-stitch';
import { dselectK } from './dselect-k';
import { film } from './film';
import { layerSharing } from './layer-sharing';
import { lenet } from './lenet';
import { lora } from './lora';
import { ltb } from './ltb';
import { mmoe } from './mmoe';
import { mtan } from './mtan';
import { ple } from './ple';
import { point } from './point';
import { taskGroups } from './task-groups';
import type { ArchitectureEntry } from './types';

export const ARCHITECTURES: readonly ArchitectureEntry[] = [
  layerSharing,
  taskGroups,
  crossStitch,
  mtan,
  ltb,
  lora,
  film,
  mmoe,
  cgc,
  ple,
  dselectK,
  lenet,
  point,
];

export function findArchitecture(id: string): ArchitectureEntry | undefined {
  return ARCHITECTURES.find((a) => a.id === id);
}
