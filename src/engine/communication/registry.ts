/**
 * The tfjs side of every compressor card (catalogue.ts), by id. Adding one: its implementation file plus one
 * line here.
 */
import { createFp16 } from './fp16';
import { createQsgd } from './qsgd';
import { createRandomK } from './random-k';
import { createSign } from './sign';
import { createTopK } from './top-k';
import type { CompressorFactory } from './types';

export const COMPRESSORS: Readonly<Record<string, CompressorFactory>> = {
  fp16: createFp16,
  sign: createSign,
  'top-k': createTopK,
  'random-k': createRandomK,
  qsgd: createQsgd,
};
