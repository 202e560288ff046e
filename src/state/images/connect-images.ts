/**
 * The app's prediction grid, wired to the training worker (main.tsx calls this once, after `connect`).
 * MultiMNIST's digits load on the page only when a run needs them, and their loader is a chunk of its
 * own (page-digits.ts), so the page's first bundle carries neither.
 */
import type { ExperimentConfig } from '../../engine/config/types';
import { connectImagePredictions, type ImageClient } from './image-predictions';

const prepareAppTaskData = async (config: ExperimentConfig): Promise<void> =>
  (await import('./page-digits')).preparePageTaskData(config);

export const connectAppImagePredictions = (client: ImageClient): (() => void) =>
  connectImagePredictions(client, { prepare: prepareAppTaskData });
