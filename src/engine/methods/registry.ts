/**
 * Every gradient method's implementation, for the engine (the worker, the CLI, tests), in the order of
 * catalogue.ts. Adding a method: one line here and one in catalogue.ts.
 */
import { alignedMtl } from './aligned-mtl';
import { cagrad } from './cagrad';
import { config } from './config';
import { dbMtl } from './db-mtl';
import { dtp } from './dtp';
import { dualproj } from './dualproj';
import { dwa } from './dwa';
import { ew } from './ew';
import { excessMtl } from './excess-mtl';
import { fairgrad } from './fairgrad';
import { famo } from './famo';
import { gls } from './gls';
import { graddrop } from './graddrop';
import { gradnorm } from './gradnorm';
import { gradvac } from './gradvac';
import { imtl } from './imtl';
import { krum } from './krum';
import { mgda } from './mgda';
import { moco } from './moco';
import { modo } from './modo';
import { nashMtl } from './nash-mtl';
import { pcgrad } from './pcgrad';
import { rlw } from './rlw';
import { sdmgrad } from './sdmgrad';
import { si } from './si';
import { staticWeights } from './static';
import { stch } from './stch';
import { trimmedMean } from './trimmed-mean';
import type { MethodEntry } from './types';
import { upgrad } from './upgrad';
import { uw } from './uw';

export const METHODS: readonly MethodEntry[] = [
  ew,
  staticWeights,
  uw,
  dwa,
  gradnorm,
  rlw,
  gls,
  si,
  imtl,
  famo,
  dbMtl,
  stch,
  excessMtl,
  dtp,
  pcgrad,
  gradvac,
  graddrop,
  alignedMtl,
  config,
  mgda,
  cagrad,
  nashMtl,
  upgrad,
  dualproj,
  fairgrad,
  moco,
  sdmgrad,
  modo,
  krum,
  trimmedMean,
];

export function findMethod(id: string): MethodEntry | undefined {
  return METHODS.find((m) => m.id === id);
}
