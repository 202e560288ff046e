/** Each meta-learner card's implementation (tfjs side), by id: one line per entry of catalogue.ts. */
import { fomaml } from './fomaml';
import type { MetaLearner } from './learner';
import { maml } from './maml';
import { reptile } from './reptile';

export const META_LEARNERS: Readonly<Record<string, MetaLearner>> = { maml, fomaml, reptile };
