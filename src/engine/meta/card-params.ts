/**
 * The parameters every meta-learner shares (inner loop, meta-batch, shots) and the checks of a meta-learning
 * experiment: it needs a task family to sample from (the sine family) and the plain MLP it adapts (the
 * layer-sharing architecture with a linear head). Page-safe: specs and pure checks only.
 */
import type { ConfigIssue, AnyParams } from '../params/spec';
import { int, num } from '../params/spec';
import type { SectionContext } from '../config/section-card';

export function innerLoopSpecs(defaults: { innerSteps: number; innerLr: number }) {
  return {
    innerSteps: int({
      label: 'inner steps',
      help: 'Gradient steps on a task’s K shots inside each meta-training step.',
      default: defaults.innerSteps,
      min: 1,
      max: 20,
    }),
    innerLr: num({
      label: 'inner step size α',
      help: 'Step size of the inner gradient steps on the shots.',
      default: defaults.innerLr,
      min: 1e-5,
      max: 1,
      scale: 'log',
    }),
    metaBatch: int({
      label: 'meta-batch (tasks)',
      help: 'Fresh sines drawn for every meta-training step; their meta-gradients are averaged.',
      default: 25,
      min: 1,
      max: 100,
    }),
    shots: int({
      label: 'shots K',
      help: 'Points of each training sine the inner steps adapt on.',
      default: 10,
      min: 1,
      max: 100,
    }),
    queries: int({
      label: 'query points',
      help: 'Further points of each training sine on which the adapted model is judged (the meta-loss).',
      default: 10,
      min: 1,
      max: 100,
    }),
  };
}

/** The family and the network a meta-learner needs; paths '' name the section's id. */
export function checkMetaExperiment(_params: AnyParams, { config }: SectionContext): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  if (config.task.id !== 'sine-family')
    issues.push({
      path: '',
      message: `meta-learning samples its tasks from a task family; task '${config.task.id}' is not one`,
      accepted: "task.id 'sine-family', or meta.id 'none'",
    });
  const arch = config.architecture;
  if (arch.id !== 'layer-sharing')
    issues.push({
      path: '',
      message: `meta-learning adapts a plain MLP; architecture '${arch.id}' is not one`,
      accepted: "architecture.id 'layer-sharing' (with headLayers 0)",
    });
  else if (arch.params.headLayers !== 0)
    issues.push({
      path: '',
      message: `meta-learning adapts a plain MLP with a linear output; got headLayers ${String(arch.params.headLayers)}`,
      accepted: 'architecture.params.headLayers 0',
    });
  return issues;
}
