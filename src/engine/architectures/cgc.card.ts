/**
 * Customized Gate Control (CGC): Tang, Liu, Zhao and Gong, "Progressive Layered Extraction (PLE): A Novel
 * Multi-Task Learning (MTL) Model for Personalized Recommendations", RecSys 2020 (its CGC section): shared
 * experts and experts of each task's own, mixed by one gate per task. Its parameters and diagram rows are
 * also PLE's (ple.card.ts); the network is cgc.ts.
 */
import { defineArchitectureCard } from './card';
import { headsRow, inputsRow, perTask, widthsText, type DiagramRow } from './diagram';
import { expertCount, expertWidths, headSpecs } from './specs';

/** Diagram rows of one level: the experts (shared and each task's own) and the gates. */
export function levelRows(
  p: { sharedExperts: number; taskExperts: number; expertWidths: readonly number[] },
  numTasks: number,
  sharedGate: boolean,
): DiagramRow[] {
  const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  const mlp = `MLP ${widthsText(p.expertWidths)}`;
  const experts: DiagramRow = [
    {
      label: plural(p.sharedExperts, 'shared expert'),
      kind: 'expert',
      span: Math.max(p.sharedExperts, 1),
      title: `Shared experts (${mlp}): every task's gate can use them`,
    },
    ...(p.taskExperts > 0
      ? perTask(numTasks, () => ({
          label: plural(p.taskExperts, 'own expert'),
          kind: 'task',
          span: p.taskExperts,
          title: `Experts of {task} alone (${mlp}): only its gate reads them`,
        }))
      : []),
  ];
  const gates = perTask(numTasks, () => ({
    label: 'gate',
    kind: 'gate',
    title: "{task}'s softmax gate over the shared experts and its own",
  }));
  const shared: DiagramRow = sharedGate
    ? [{ label: 'shared gate', kind: 'gate', title: 'Mixes every expert into the next level’s shared input' }]
    : [];
  return [experts, [...gates, ...shared]];
}

export const cgcParams = {
  sharedExperts: expertCount(
    'Shared experts',
    'Expert networks that every task’s gate can use (DeepCTR’s PLE default: 1).',
    1,
    1,
  ),
  taskExperts: expertCount(
    'Experts per task',
    'Expert networks of each task’s own, read only by its gate. 0 turns CGC into MMoE.',
    0,
    1,
  ),
  expertWidths,
  ...headSpecs,
};

export const cgcCard = defineArchitectureCard({
  id: 'cgc',
  label: 'Customized gate control (CGC)',
  group: 'expert',
  summary:
    'Shared experts plus experts owned by each task; each task’s gate mixes the shared ones with its own, so tasks keep private capacity and do not fight over the shared experts.',
  citation:
    'Tang et al., "Progressive Layered Extraction (PLE): A Novel Multi-Task Learning (MTL) Model for Personalized Recommendations", RecSys 2020',
  params: cgcParams,
  stackedCost: 'linear',
  diagram: (p, numTasks) => [inputsRow(), ...levelRows(p, numTasks, false), headsRow(numTasks, p.headLayers)],
});
