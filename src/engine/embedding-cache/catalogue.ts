/**
 * Embedding caches of the shared bottom: every entry's card, page-safe (no tfjs), in the order the app and `cli list` show them.
 * Adding one: its card file plus one line here (and its implementation's line in the section's registry).
 */
import { noneCard, type SectionCard } from '../config/section-card';
import { bottomCacheCard } from './cache.card';

export const CACHE_CARDS: readonly SectionCard[] = [noneCard('embedding cache'), bottomCacheCard];
