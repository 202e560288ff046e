/**
 * Every sharing architecture's card, in menu order: what the page (forms, diagrams, URL repair, `cli list`)
 * and config validation read. No tfjs here or below (catalogue.test.ts checks). Adding an architecture: one
 * line here and the same line in registry.ts (the test names a missing one).
 */
import type { ArchitectureCardEntry } from './card';
import { cgcCard } from './cgc.card';
import { crossStitchCard } from './cross-stitch.card';
import { dselectKCard } from './dselect-k.card';
import { filmCard } from './film.card';
import { layerSharingCard } from './layer-sharing.card';
import { lenetCard } from './lenet.card';
import { loraCard } from './lora.card';
import { ltbCard } from './ltb.card';
import { mmoeCard } from './mmoe.card';
import { mtanCard } from './mtan.card';
import { pleCard } from './ple.card';
import { pointCard } from './point.card';
import { taskGroupsCard } from './task-groups.card';

export const ARCHITECTURE_CARDS: readonly ArchitectureCardEntry[] = [
  layerSharingCard,
  taskGroupsCard,
  crossStitchCard,
  mtanCard,
  ltbCard,
  loraCard,
  filmCard,
  mmoeCard,
  cgcCard,
  pleCard,
  dselectKCard,
  lenetCard,
  pointCard,
];

export function findArchitectureCard(id: string): ArchitectureCardEntry | undefined {
  return ARCHITECTURE_CARDS.find((a) => a.id === id);
}
