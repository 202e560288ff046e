/**
 * Task FiLM: one shared MLP whose hidden units every task scales and shifts with its own parameters,
 * h_t,l = act(γ_t,l ⊙ (h_t,l-1 W_l + b_l) + β_t,l). Feature-wise linear modulation is Perez, Strub, de
 * Vries, Dumoulin and Courville, "FiLM: Visual Reasoning with a General Conditioning Layer", AAAI 2018.
 * With the task as the conditioning input (the multi-task reading of Dumoulin et al., "Feature-wise
 * transformations", Distill 2018) it is task-conditioned sharing in the spirit of CA-MTL (Pilault,
 * Elhattami and Pal, "Conditionally Adaptive Multi-Task Learning: Improving Transfer Learning in NLP Using
 * Fewer Parameters & Less Data", ICLR 2021). The network is film.ts.
 */
import { defineArchitectureCard } from './card';
import { trunkWithTaskModules } from './diagram';
import { headSpecs, hiddenWidths } from './specs';

export const filmCard = defineArchitectureCard({
  id: 'film',
  label: 'Task FiLM (scale and shift)',
  group: 'soft',
  summary:
    'One shared network; each task scales and shifts every hidden unit with its own γ and β per layer, a few parameters per task that steer all the shared features.',
  citation:
    'Perez et al., "FiLM: Visual Reasoning with a General Conditioning Layer", AAAI 2018; Pilault, Elhattami and Pal, "Conditionally Adaptive Multi-Task Learning", ICLR 2021',
  params: {
    widths: hiddenWidths(
      'Hidden widths',
      'Units in each shared hidden layer, bottom first; every task scales and shifts each unit of every layer (2 parameters per unit and task).',
    ),
    ...headSpecs,
  },
  // Task t reads copy t of every shared layer and nothing of the other tasks.
  stackedCost: 'linear',
  diagram: (p, numTasks) =>
    trunkWithTaskModules(
      p.widths,
      numTasks,
      p.headLayers,
      { title: 'Shared weights W and bias b, used by every task' },
      (l, width) => ({
        label: 'γ ⊙ · + β',
        kind: 'task',
        title: `{task}'s FiLM of layer ${l + 1}: scales each of its ${width} units by γ and shifts it by β, before the ${p.activation}`,
      }),
    ),
});
