/**
 * Parameter specs that several architecture cards share (hidden widths, task heads, experts). Pure data, so
 * the cards (and through them the page) can import them without the tfjs code that builds the layers.
 */
import { choice, int, numList } from '../params/spec';

export const ACTIVATIONS = ['relu', 'tanh', 'sigmoid', 'elu', 'linear'] as const;
export type Activation = (typeof ACTIVATIONS)[number];

/** The hidden-layer widths of an MLP-shaped architecture (bottom first), with the same ranges everywhere. */
export function hiddenWidths(label: string, help: string) {
  return numList({
    label,
    help,
    min: 1,
    max: 256,
    integer: true,
    minLength: 1,
    maxLength: 6,
    default: [32, 32],
  });
}

/** Parameters of the task heads (towers), common to every network architecture. */
export const headSpecs = {
  activation: choice({
    label: 'Activation',
    help: 'Nonlinearity after every hidden layer. relu and elu use He init, the others Glorot.',
    options: ACTIVATIONS,
    default: 'relu',
  }),
  headLayers: int({
    label: 'Head layers',
    help: 'Hidden layers in each task-specific head before its linear output layer (0: a linear head).',
    min: 0,
    max: 3,
    default: 0,
  }),
  headWidth: int({
    label: 'Head width',
    help: 'Units in each hidden head layer (unused when head layers is 0).',
    min: 1,
    max: 256,
    default: 16,
  }),
};

/** The widths of every expert MLP of the mixture-of-experts architectures. */
export const expertWidths = numList({
  label: 'Expert widths',
  help: 'Units in each hidden layer of every expert, bottom first; the last width is the size of an expert output.',
  min: 1,
  max: 256,
  integer: true,
  minLength: 1,
  maxLength: 4,
  default: [32],
});

/** The number of experts of one kind (`min` 0 lets a kind be switched off). */
export const expertCount = (label: string, help: string, min: number, fallback: number) =>
  int({ label, help, min, max: 16, default: fallback });
