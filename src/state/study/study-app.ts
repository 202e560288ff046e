/**
 * The app's one study controller, made on first use (the Studies tab): the study worker's client (its
 * Worker starts only with the first study), the IndexedDB store of runs and studies, and the Training
 * tab's store for the base config and backend preference. The run list reloads as a study's runs land,
 * so they show there beside the runs trained by hand.
 */
import { createStudyClient } from '../../worker/study/study-client';
import { RunDb } from '../runs/run-db';
import { runsStore } from '../runs/runs-store';
import type { PlaygroundStore } from '../store';
import { createStudyController, type StudyController } from './study-controller';

let controller: StudyController | null = null;

export function studyController(playground: PlaygroundStore): StudyController {
  controller ??= createStudyController({
    client: createStudyClient(),
    db: new RunDb(),
    playground,
    onRunsSaved: () => void runsStore.getState().load(),
  });
  return controller;
}
