/** Every sharing architecture, in menu order. Adding one: one file plus one line here. */
import { cgc } from './cgc';
import { crossStitch } from './cross-stitch';
import { dselectK } from './dselect-k';
import { layerSharing } from './layer-sharing';
import { lora } from './lora';
import { ltb } from './ltb';
import { mmoe } from './mmoe';
import { mtan } from './mtan';
import { ple } from './ple';
import { point } from './point';
import type { ArchitectureEntry } from './types';

export const ARCHITECTURES: readonly ArchitectureEntry[] = [
  layerSharing,
  crossStitch,
  mtan,
  ltb,
  lora,
  mmoe,
  cgc,
  ple,
  dselectK,
  point,
];

export function findArchitecture(id: string): ArchitectureEntry | undefined {
  return ARCHITECTURES.find((a) => a.id === id);
}
