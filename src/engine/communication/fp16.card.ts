/**
 * The card of fp16.ts: half-precision gradients (IEEE 754 binary16, round to nearest, ties to even), the
 * mixed-precision communication of Micikevicius et al., "Mixed Precision Training", ICLR 2018.
 */
import { defineSectionCard } from '../config/section-card';
import { ERROR_FEEDBACK_CITATION, errorFeedbackParam } from './card-params';

export const fp16Card = defineSectionCard({
  id: 'fp16',
  label: 'fp16 (half precision)',
  summary:
    'Each worker rounds its shared gradient to half precision (16 bits an entry, half of fp32). The aggregation method sees the rounded gradients, as a real parameter server would; the cosine telemetry is of the true ones.',
  citation: `Micikevicius et al., "Mixed Precision Training", ICLR 2018, arXiv:1710.03740 (IEEE 754 binary16); ${ERROR_FEEDBACK_CITATION}`,
  params: { errorFeedback: { ...errorFeedbackParam, default: false } },
  views: () => [{ kind: 'communication', compressor: 'fp16' }],
});
