/**
 * The card of sign.ts: 1-bit gradients with one scale per message (Seide et al. 2014; signSGD, Bernstein
 * et al. 2018; the scaled form with error feedback of Karimireddy et al. 2019).
 */
import { defineSectionCard } from '../config/section-card';
import { ERROR_FEEDBACK_CITATION, errorFeedbackParam } from './card-params';

export const signCard = defineSectionCard({
  id: 'sign',
  label: '1-bit sign (scaled)',
  summary:
    'Each worker sends only the sign of each shared-gradient entry and one scale, mean |g| (about 1/32 of fp32). Biased: without error feedback it can stall; with it, it tracks full precision. The method sees the decoded gradients; the cosine telemetry is of the true ones.',
  citation: `Seide, Fu, Droppo, Li & Yu, "1-Bit Stochastic Gradient Descent and its Application to Data-Parallel Distributed Training of Speech DNNs", Interspeech 2014; Bernstein, Wang, Azizzadenesheli & Anandkumar, "signSGD: Compressed Optimisation for Non-Convex Problems", ICML 2018, arXiv:1802.04434; scale ‖g‖₁/P as in ${ERROR_FEEDBACK_CITATION}`,
  params: { errorFeedback: errorFeedbackParam },
  views: () => [{ kind: 'communication', compressor: 'sign' }],
});
