/**
 * Parameters every compressor card shares (page-safe). Error feedback (Karimireddy, Rebjock, Stich & Jaggi,
 * "Error Feedback Fixes SignSGD and other Gradient Compression Schemes", ICML 2019; Stich, Cordonnier &
 * Jaggi, "Sparsified SGD with Memory", NeurIPS 2018): each worker keeps what its compressor dropped and adds
 * it to its next gradient, so nothing is lost for good, only delayed.
 */
import type { BooleanParam, NumberParam } from '../params/spec';

export const ERROR_FEEDBACK_CITATION =
  'error feedback: Karimireddy, Rebjock, Stich & Jaggi, "Error Feedback Fixes SignSGD and other Gradient Compression Schemes", ICML 2019, arXiv:1901.09847; Stich, Cordonnier & Jaggi, "Sparsified SGD with Memory", NeurIPS 2018, arXiv:1809.07599';

export const errorFeedbackParam: BooleanParam = {
  kind: 'boolean',
  label: 'Error feedback',
  help: 'Each worker keeps the part of its gradient the compressor dropped (the residual e) and sends C(g + e) next step, keeping e ← g + e − C(g + e). Without it a biased compressor (sign, top-k) loses that part for good.',
  default: true,
};

/** k for the sparsifiers: a count of shared parameters per worker and step (checked against the model's count). */
export const kParam = (help: string): NumberParam => ({
  kind: 'number',
  label: 'k (entries sent)',
  help,
  default: 32,
  min: 1,
  max: 10_000_000,
  integer: true,
});
