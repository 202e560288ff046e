/**
 * The diagram of the convolutional trunk (lenet.card.ts), with each layer's parameter count in its hover
 * text: a shared-mask trunk (a box per shared layer, one per task otherwise, each click flips the mask)
 * or cross-stitch columns with an α row after every layer (cross-stitch.card.ts draws its MLP alike).
 * The dense layer's count depends on the image size, which the card does not know: it is given for
 * MultiMNIST's 28 x 28 digits, the one image task. Page-safe: no tfjs.
 */
import { convParams } from './lenet-conv-count';
import { headsRow, inputsRow, perTask, type DiagramRow } from './diagram';

export interface LenetDiagramParams {
  channels: readonly number[];
  kernel: number;
  denseWidth: number;
  shared: readonly boolean[];
  mixing: string;
  headLayers: number;
}

/** Side after each 'valid' k x k convolution and 2 x 2 pooling, from a 28 x 28 digit. */
function denseInputsOn28(p: LenetDiagramParams): number {
  const side = p.channels.reduce((s) => Math.max(0, Math.floor((s - p.kernel + 1) / 2)), 28);
  return side * side * (p.channels[p.channels.length - 1] ?? 1);
}

/** Each layer's text and parameter count, bottom first: the convolutions, then the dense layer. */
function layers(p: LenetDiagramParams): { text: string; short: string; count: string }[] {
  const convs = p.channels.map((c, l) => ({
    text: `conv ${p.kernel}x${p.kernel}, ${c} channels`,
    short: `${c}`,
    count: `${convParams(p.kernel, l === 0 ? 1 : (p.channels[l - 1] ?? 1), c).toLocaleString('en-US')} parameters`,
  }));
  const inputs = denseInputsOn28(p);
  return [
    ...convs,
    {
      text: `dense ${p.denseWidth}`,
      short: `${p.denseWidth}`,
      count: `${((inputs + 1) * p.denseWidth).toLocaleString('en-US')} parameters on 28 x 28 digits`,
    },
  ];
}

export function lenetDiagram(p: LenetDiagramParams, numTasks: number): DiagramRow[] {
  if (p.mixing === 'cross-stitch')
    return [
      inputsRow(),
      ...layers(p).flatMap((layer): DiagramRow[] => [
        // A number alone marks a cross-stitch column for the UI's colouring (ui/network/layer-map.ts).
        perTask(numTasks, () => ({
          label: layer.short,
          kind: 'task',
          title: `{task}'s column: ${layer.text} (${layer.count}). Every task reads it through α, so it is in θ.`,
        })),
        [
          {
            label: 'cross-stitch α',
            kind: 'gate',
            title: `Learned ${numTasks} x ${numTasks} mixing of the columns' outputs (${numTasks * numTasks} parameters)`,
          },
        ],
      ]),
      headsRow(numTasks, p.headLayers),
    ];
  return [
    inputsRow(),
    ...layers(p).map((layer, l): DiagramRow =>
      p.shared[l] === true
        ? [
            {
              label: `${layer.text}, shared`,
              kind: 'shared',
              toggleShared: l,
              title: `Shared by every task (${layer.count}). Click to give each task its own copy.`,
            },
          ]
        : perTask(numTasks, () => ({
            label: layer.text,
            kind: 'task',
            toggleShared: l,
            title: `{task}'s own ${layer.text} (${layer.count}). Click to share it.`,
          })),
    ),
    headsRow(numTasks, p.headLayers),
  ];
}
