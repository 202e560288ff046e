/**
 * Gradient compressors between simulated workers: every entry's card, page-safe (no tfjs), in the order the app and `cli list` show them.
 * Adding one: its card file plus one line here (and its implementation's line in the section's registry).
 */
import { noneCard, type SectionCard } from '../config/section-card';
import { fp16Card } from './fp16.card';
import { qsgdCard } from './qsgd.card';
import { randomKCard } from './random-k.card';
import { signCard } from './sign.card';
import { topKCard } from './top-k.card';

export const COMPRESSOR_CARDS: readonly SectionCard[] = [
  noneCard('gradient compression'),
  fp16Card,
  signCard,
  topKCard,
  randomKCard,
  qsgdCard,
];
