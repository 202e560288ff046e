/**
 * The tfjs side of a compressor: what a simulated worker does to the shared-parameter gradient it sends to
 * the parameter server, and how many bits that message costs. Cards (page-safe) are in <id>.card.ts.
 */
import type * as tf from '@tensorflow/tfjs-core';
import type { AnyParams } from '../params/spec';
import type { Rng } from '../random/rng';

export interface Compressor {
  /**
   * What the server decodes from each row's message: u [rows, P] (one row per worker) → C(u) [rows, P].
   * Called inside the caller's tf.tidy; draws its random numbers from the channel's stream.
   */
  compress(u: tf.Tensor2D): tf.Tensor2D;
  /** Bits of one worker's message for P shared parameters (the honest count, see docs/communication.md). */
  readonly bitsPerMessage: number;
}

export interface CompressorContext {
  /** Shared parameters per worker message. */
  numShared: number;
  /** The channel's own random stream (forked from the run's Rng: checkpointed with it). */
  rng: Rng;
}

export type CompressorFactory = (params: AnyParams, ctx: CompressorContext) => Compressor;
