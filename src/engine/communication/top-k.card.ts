/**
 * The card of top-k.ts: top-k sparsification (Aji & Heafield 2017; Stich et al. 2018 with memory, i.e.
 * error feedback).
 */
import { defineSectionCard } from '../config/section-card';
import { ERROR_FEEDBACK_CITATION, errorFeedbackParam, kParam } from './card-params';

export const topKCard = defineSectionCard({
  id: 'top-k',
  label: 'Top-k sparsification',
  summary:
    'Each worker sends only the k entries of its shared gradient with the largest |g|, each as a 32-bit value and a 32-bit index. The method sees those sparse gradients; the cosine telemetry is of the true ones. Needs error feedback to keep the dropped entries from being lost.',
  citation: `Aji & Heafield, "Sparse Communication for Distributed Gradient Descent", EMNLP 2017, arXiv:1704.05021; Stich, Cordonnier & Jaggi, "Sparsified SGD with Memory", NeurIPS 2018; ${ERROR_FEEDBACK_CITATION}`,
  params: {
    k: kParam(
      'How many entries of its shared gradient each worker sends per step (a count, at most the number of shared parameters).',
    ),
    errorFeedback: errorFeedbackParam,
  },
  views: () => [{ kind: 'communication', compressor: 'top-k' }],
});
