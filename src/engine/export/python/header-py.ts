/**
 * The script's opening docstring: what run it reproduces, the paper behind each part, and every known
 * difference from our implementation, so that a reader at scale knows what to expect from each number.
 */
import type { ExperimentConfig } from '../../config/types';
import { PY_WEIGHTINGS } from './support';

const SUITE_NOTES: Record<string, string> = {
  toy: 'the two-objective toy of Liu et al., "Conflict-Averse Gradient Descent for Multi-task Learning", NeurIPS 2021 (Cranial-XIX/CAGrad toy.py), one replica per start point trained side by side; the report line averages the replicas, the JSON adds each point.',
  'playground-2d':
    'TensorFlow Playground patterns (Smilkov, Carter et al. 2016, github.com/tensorflow/playground).',
  sinusoids: 'sine-wave regression after Finn et al., "Model-Agnostic Meta-Learning", ICML 2017.',
  'mmoe-synthetic':
    'Ma et al., "Modeling Task Relationships in Multi-task Learning with Multi-gate Mixture-of-Experts", KDD 2018, section 3.2 (Google\'s generator: c = 1, m = 10, alpha_i = i, beta_i = (i-1)^2).',
  'linear-tasks':
    'linear tasks with one shared cosine, after Wu, Zhang & Re, "Understanding and Improving Information Transfer in Multi-Task Learning", ICLR 2020.',
};

const ARCH_NOTES: Record<string, string> = {
  'layer-sharing':
    'hard sharing with a per-layer mask: Caruana, "Multitask Learning", Machine Learning 28, 1997; Zhang et al., "Rethinking Hard-Parameter Sharing in Multi-Task Learning", arXiv 2107.11359.',
  point: "the toy's point theta itself, starting at the suite's start points.",
  mmoe: 'Ma et al., KDD 2018 (MMoE): shared experts, one softmax gate and one tower per task.',
};

const METHOD_NOTES: Record<string, string> = {
  ew: "equal weights, the SUM of the task losses (Caruana 1997; LibMTL's EW sums too; torchjd's Mean would average, a step T times smaller).",
  static: "a fixed weighted sum of the task losses with the run's weights.",
  pcgrad:
    'PCGrad, Yu et al., "Gradient Surgery for Multi-Task Learning", NeurIPS 2020: the SUM of the projected gradients, each task projected against the OTHER tasks in a random order drawn from our seeded stream (LibMTL and the authors also test the task against itself, and shuffle with numpy).',
  mgda: 'MGDA, Sener & Koltun, "Multi-Task Learning as Multi-Objective Optimization", NeurIPS 2018: the min-norm point solved to a tight Frank-Wolfe gap (LibMTL\'s MinNormSolver stops at a 1e-5 step).',
  cagrad:
    'CAGrad, Liu et al., "Conflict-Averse Gradient Descent for Multi-task Learning", NeurIPS 2021: the dual solved exactly for two tasks and by FISTA beyond (LibMTL: scipy SLSQP with 1e-8 guards), rescaled as LibMTL.',
  upgrad:
    'UPGrad, Quinton & Rey, "Jacobian Descent for Multi-Objective Optimization", arXiv 2406.16232 (torchjd): the dual-cone QP solved exactly by active sets (torchjd calls quadprog), with torchjd\'s trace normalisation and reg_eps.',
  imtl: "IMTL, Liu et al., \"Towards Impartial Multi-task Learning\", ICLR 2021 (LibMTL's IMTL): IMTL-G on the shared parameters' gradients (LibMTL can use the representation's), and each head scaled by its task's weight (LibMTL: e^s).",
  'nash-mtl':
    'Nash-MTL, Navon et al., "Multi-Task Learning as a Bargaining Game", ICML 2022: G\'G alpha = 1/alpha solved by Newton (the authors run up to optim_niter CVXPY problems and stop at 1e-3), the update clipped to max_norm.',
};

const OPTIMIZER_NOTES: Record<string, string> = {
  adam: 'Adam (Kingma & Ba, ICLR 2015) as torch.optim.Adam: the same formula and beta1, beta2, eps as ours.',
  sgd: 'SGD with heavy-ball momentum as torch.optim.SGD (no dampening): the same formula as ours.',
};

/** The docstring lines (without the quotes). */
export function headerLines(config: ExperimentConfig): string[] {
  const heads = PY_WEIGHTINGS.includes(config.method.id)
    ? "each task head gets its own task's gradient times the task's weight"
    : "each task head gets its own task's gradient, unweighted";
  return [
    'MTL Playground run exported as a PyTorch script: `python run.py [--steps N] [--seed S] [--device cuda]`.',
    'Needs Python 3.8+, PyTorch and NumPy. Prints per-task train/test loss and metric every --report-every',
    'steps, then one JSON line {"final": {"step", "tasks": [{name, trainLoss, testLoss, trainMetric, testMetric}]}, ...}',
    'as our CLI (`npm run -s cli -- run`) does; trainLoss is the mean batch loss since the previous report.',
    '',
    `Task suite '${config.task.id}': ${SUITE_NOTES[config.task.id] ?? ''}`,
    `Architecture '${config.architecture.id}': ${ARCH_NOTES[config.architecture.id] ?? ''}`,
    `Method '${config.method.id}': ${METHOD_NOTES[config.method.id] ?? ''}`,
    `Optimizer '${config.optimizer.id}': ${OPTIMIZER_NOTES[config.optimizer.id] ?? ''}`,
    `Learning rate ${config.learningRate}, batch size ${config.batchSize}, ${config.steps} steps, seed ${config.seed};`,
    "sampling 'mixed' (every task a full batch each step from its own shuffled epochs).",
    '',
    "What is the same: the data ARE the same numbers as the app's. The script ports our seeded generator",
    '(sfc32 with named streams), so the samples, the initial weights (He/Glorot uniform, zero biases), the',
    'order of the batches and the random orders of stochastic methods are drawn exactly as ours. Only the',
    "platform's sin/cos/log may differ from V8's in the last bit of a float64, which after rounding to",
    'float32 almost never changes a sample. The shared parameters step along d = sum_t w_t g_t, and',
    `${heads}, as our trainer does.`,
    '',
    "What differs: float32 arithmetic in another order (PyTorch kernels against tfjs's), so the runs drift",
    'apart by rounding and, over many steps, by chaos; the Gram matrix is summed in float32 on the device,',
    "then solved in float64, as ours. Our CLI's step-0 report draws one batch for its gradient statistics,",
    'so training starts at the second batch of the stream here too. Not exported: gradient cosines and',
    "norms, health warnings, affinity monitoring, checkpoints. --aggregator torchjd uses torchjd's own",
    "aggregator where it has the method (then the numbers are torchjd's, not ours).",
  ];
}
