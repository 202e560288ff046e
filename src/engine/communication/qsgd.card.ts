/** The card of qsgd.ts: QSGD stochastic quantisation (Alistarh, Grubic, Li, Tomioka & Vojnović, NeurIPS 2017). */
import { defineSectionCard } from '../config/section-card';
import { ERROR_FEEDBACK_CITATION, errorFeedbackParam } from './card-params';

export const qsgdCard = defineSectionCard({
  id: 'qsgd',
  label: 'QSGD (stochastic quantisation)',
  summary:
    "Each worker sends its gradient's norm and, per entry, a sign and one of s+1 levels of |g|/‖g‖, rounded up or down at random so that the mean is exact (unbiased). Fewer levels: fewer bits, more noise. The method sees the quantised gradients; the cosine telemetry is of the true ones.",
  citation: `Alistarh, Grubic, Li, Tomioka & Vojnović, "QSGD: Communication-Efficient SGD via Gradient Quantization and Encoding", NeurIPS 2017, arXiv:1610.02132; ${ERROR_FEEDBACK_CITATION}`,
  params: {
    levels: {
      kind: 'number',
      label: 'Levels s',
      help: 'Quantisation levels of |g_i| / ‖g‖₂ between 0 and 1 (s = 1: each entry is 0 or ±‖g‖). Each entry costs 1 sign bit + ⌈log₂(s+1)⌉ bits.',
      default: 4,
      min: 1,
      max: 65535,
      integer: true,
    },
    errorFeedback: { ...errorFeedbackParam, default: false },
  },
  views: () => [{ kind: 'communication', compressor: 'qsgd' }],
});
