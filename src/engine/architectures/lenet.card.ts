/**
 * A small convolutional trunk for images: the LeNet-like shared encoder Sener & Koltun use on MultiMNIST
 * ("Multi-Task Learning as Multi-Objective Optimization", NeurIPS 2018; multi_task/models/multi_lenet.py of
 * isl-org/MultiObjectiveOptimization): 5 x 5 convolutions of 10 then 20 channels, each followed by 2 x 2 max
 * pooling and a ReLU, then a dense layer of 50 units, under per-task heads (theirs: 50 units, then the
 * classes). Each of its layers may be shared by all tasks or owned by each, as in layer-sharing (Caruana
 * 1997; Zhang et al. 2021), so the same mask gives the paper's shared encoder, independent networks, or a
 * separate bottom under a shared top; or, with cross-stitch mixing (Misra et al., CVPR 2016), one copy of
 * every layer per task mixed by learned units (lenet-cross-stitch.ts). The paper's dropout is left out (the
 * engine has none). lenet.ts builds it; lenet-diagram.ts draws it.
 */
import { defineArchitectureCard } from './card';
import { lenetDiagram } from './lenet-diagram';
import { headSpecs } from './specs';
import { boolList, choice, int, num, numList } from '../params/spec';

export const lenetCard = defineArchitectureCard({
  id: 'lenet',
  label: 'Convolutional trunk (LeNet)',
  group: 'hard',
  summary:
    'For image tasks: two convolution + pooling layers and a dense layer, each shared by every task or owned by each, under per-task heads (the encoder of Sener & Koltun on MultiMNIST).',
  citation:
    'Sener & Koltun, "Multi-Task Learning as Multi-Objective Optimization", NeurIPS 2018; LeCun et al., "Gradient-based learning applied to document recognition", Proc. IEEE 1998; Misra et al., "Cross-stitch Networks for Multi-task Learning", CVPR 2016 (cross-stitch mixing)',
  params: {
    channels: numList({
      label: 'Convolution channels',
      help: 'Output channels of each convolution layer, bottom first; each layer is a k x k convolution, 2 x 2 max pooling and a ReLU.',
      default: [10, 20],
      min: 1,
      max: 64,
      integer: true,
      minLength: 1,
      maxLength: 3,
    }),
    kernel: int({
      label: 'Kernel size',
      help: 'Side k of every convolution kernel, in pixels (5 in the paper). Convolutions have no padding, so each shrinks the image by k − 1 before pooling halves it.',
      default: 5,
      min: 2,
      max: 7,
    }),
    denseWidth: int({
      label: 'Dense width',
      help: 'Units of the dense layer on top of the convolutions (50 in the paper): the shared representation when every layer is shared.',
      default: 50,
      min: 1,
      max: 256,
    }),
    shared: boolList({
      label: 'Shared layers',
      help: 'One flag per convolution layer and one for the dense layer: shared by all tasks, or one copy per task. All on: the paper’s shared encoder. Not used with cross-stitch mixing, where every task has its own copy of every layer.',
      minLength: 1,
      maxLength: 4,
      default: [true, true, true],
    }),
    mixing: choice({
      label: 'Mixing between tasks',
      help: 'none: each layer is shared or owned as the flags above say. cross-stitch: every task has its own copy of every layer, and after each one a learned T x T matrix α mixes the copies’ outputs (Misra et al. 2016), so the network learns how much to share.',
      options: ['none', 'cross-stitch'],
      default: 'none',
    }),
    alphaDiagonal: num({
      label: 'Initial self weight',
      help: "Cross-stitch only: initial α on the diagonal (the paper's 0.9); the rest of each row is spread over the other tasks' copies. 1 starts as independent networks.",
      min: 0,
      max: 1,
      default: 0.9,
    }),
    ...headSpecs,
  },
  stackedCost: 'linear',
  check(p) {
    if (p.shared.length === p.channels.length + 1) return [];
    return [
      {
        path: 'shared',
        message: `expected ${p.channels.length + 1} values (one per convolution layer, then the dense layer), got ${p.shared.length}`,
      },
    ];
  },
  diagram: (p, numTasks) => lenetDiagram(p, numTasks),
});
