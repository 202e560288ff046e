/**
 * Merge methods: every entry's card, page-safe (no tfjs), in the order the app and `cli list` show them.
 * Adding one: its card file plus one line here (and its implementation's line in the section's registry).
 */
import { noneCard, type SectionCard } from '../config/section-card';
import { averageCard } from './average.card';
import { taskArithmeticCard } from './task-arithmetic.card';
import { tiesCard } from './ties.card';

export const MERGE_CARDS: readonly SectionCard[] = [
  noneCard('model merging'),
  averageCard,
  taskArithmeticCard,
  tiesCard,
];
