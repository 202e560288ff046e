/**
 * First-order MAML: Finn, Abbeel & Levine, ICML 2017, §5.2: MAML's meta-gradient with the second
 * derivatives dropped, i.e. the query-loss gradient at the adapted parameters. The implementation is fomaml.ts.
 */
import { defineSectionCard } from '../config/section-card';
import { checkMetaExperiment, innerLoopSpecs } from './card-params';

export const fomamlCard = defineSectionCard({
  id: 'fomaml',
  label: 'First-order MAML',
  summary:
    'MAML without the second derivatives: the gradient of the loss after adapting, applied to the start. Cheaper per step; the paper found it nearly as good.',
  citation:
    'Finn, Abbeel & Levine, "Model-Agnostic Meta-Learning for Fast Adaptation of Deep Networks", ICML 2017, §5.2 (first-order approximation)',
  params: innerLoopSpecs({ innerSteps: 1, innerLr: 0.01 }),
  check: checkMetaExperiment,
});
