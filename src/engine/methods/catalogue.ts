/**
 * Every gradient method's card, in menu order: what the page, the config parser and `cli list` read
 * (no tfjs). Adding a method: its card file and one line here, its implementation and one line in
 * registry.ts (catalogue.test.ts checks that the two lists agree).
 */
import { alignedMtlCard } from './aligned-mtl.card';
import { cagradCard } from './cagrad.card';
import type { MethodCardEntry } from './card';
import { configCard } from './config.card';
import { dbMtlCard } from './db-mtl.card';
import { dtpCard } from './dtp.card';
import { dualprojCard } from './dualproj.card';
import { dwaCard } from './dwa.card';
import { ewCard } from './ew.card';
import { excessMtlCard } from './excess-mtl.card';
import { fairgradCard } from './fairgrad.card';
import { famoCard } from './famo.card';
import { glsCard } from './gls.card';
import { graddropCard } from './graddrop.card';
import { gradnormCard } from './gradnorm.card';
import { gradvacCard } from './gradvac.card';
import { imtlCard } from './imtl.card';
import { krumCard } from './krum.card';
import { mgdaCard } from './mgda.card';
import { mocoCard } from './moco.card';
import { modoCard } from './modo.card';
import { nashMtlCard } from './nash-mtl.card';
import { pcgradCard } from './pcgrad.card';
import { rlwCard } from './rlw.card';
import { sdmgradCard } from './sdmgrad.card';
import { siCard } from './si.card';
import { staticWeightsCard } from './static.card';
import { stchCard } from './stch.card';
import { trimmedMeanCard } from './trimmed-mean.card';
import { upgradCard } from './upgrad.card';
import { uwCard } from './uw.card';

export const METHOD_CARDS: readonly MethodCardEntry[] = [
  ewCard,
  staticWeightsCard,
  uwCard,
  dwaCard,
  gradnormCard,
  rlwCard,
  glsCard,
  siCard,
  imtlCard,
  famoCard,
  dbMtlCard,
  stchCard,
  excessMtlCard,
  dtpCard,
  pcgradCard,
  gradvacCard,
  graddropCard,
  alignedMtlCard,
  configCard,
  mgdaCard,
  cagradCard,
  nashMtlCard,
  upgradCard,
  dualprojCard,
  fairgradCard,
  mocoCard,
  sdmgradCard,
  modoCard,
  krumCard,
  trimmedMeanCard,
];

export function findMethodCard(id: string): MethodCardEntry | undefined {
  return METHOD_CARDS.find((m) => m.id === id);
}
