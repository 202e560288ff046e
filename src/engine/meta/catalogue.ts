/**
 * Meta-learners: every entry's card, page-safe (no tfjs), in the order the app and `cli list` show them.
 * Adding one: its card file plus one line here (and its implementation's line in the section's registry).
 */
import { noneCard, type SectionCard } from '../config/section-card';
import { fomamlCard } from './fomaml.card';
import { mamlCard } from './maml.card';
import { reptileCard } from './reptile.card';

export const META_CARDS: readonly SectionCard[] = [
  noneCard('meta-learning'),
  mamlCard,
  fomamlCard,
  reptileCard,
];
