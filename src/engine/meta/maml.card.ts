/**
 * MAML: Finn, Abbeel & Levine, "Model-Agnostic Meta-Learning for Fast Adaptation of Deep Networks", ICML
 * 2017. Learns the initialisation θ from which a few gradient steps on a new task's K shots fit it well,
 * differentiating through those steps (second derivatives). The implementation is maml.ts.
 */
import { defineSectionCard } from '../config/section-card';
import type { AnyParams, ConfigIssue } from '../params/spec';
import type { SectionContext } from '../config/section-card';
import { checkMetaExperiment, innerLoopSpecs } from './card-params';

export const mamlCard = defineSectionCard({
  id: 'maml',
  label: 'MAML',
  summary:
    'Learns a starting point from which one gradient step on a new sine’s 10 points fits it, by differentiating through that step (second derivatives): the most exact, the most expensive.',
  citation:
    'Finn, Abbeel & Levine, "Model-Agnostic Meta-Learning for Fast Adaptation of Deep Networks", ICML 2017',
  params: innerLoopSpecs({ innerSteps: 1, innerLr: 0.01 }),
  check: (params: AnyParams, ctx: SectionContext): ConfigIssue[] => [
    ...checkMetaExperiment(params, ctx),
    ...checkTwiceDifferentiable(ctx),
  ],
});

/** Activations whose tfjs gradients are themselves differentiable (net.ts says why the others are not). */
const TWICE_DIFFERENTIABLE = ['relu', 'linear'];

function checkTwiceDifferentiable({ config }: SectionContext): ConfigIssue[] {
  const activation = config.architecture.params.activation;
  if (typeof activation !== 'string' || TWICE_DIFFERENTIABLE.includes(activation)) return [];
  return [
    {
      path: '',
      message: `MAML differentiates through the inner steps, and tfjs's '${activation}' gradient is not differentiable again`,
      accepted: "architecture.params.activation 'relu' or 'linear', or meta.id 'fomaml' or 'reptile'",
    },
  ];
}
