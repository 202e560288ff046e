/** Every sharing architecture, in menu order. Adding one: one file plus one line here. */
import { crossStitch } from './cross-stitch';
import { layerSharing } from './layer-sharing';
import { mmoe } from './mmoe';
import { point } from './point';
import type { ArchitectureEntry } from './types';

export const ARCHITECTURES: readonly ArchitectureEntry[] = [layerSharing, crossStitch, mmoe, point];

export function findArchitecture(id: string): ArchitectureEntry | undefined {
  return ARCHITECTURES.find((a) => a.id === id);
}
