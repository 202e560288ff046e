/**
 * The Studies tab's content (issue 12): compare settings over seeds against single-task baselines. An example menu
 * (one click runs it), the builder over the open experiment, progress while a study trains in its own
 * worker (the Training tab stays usable), the results, and the studies kept in this browser.
 */
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { studyController } from '../../state/study/study-app';
import type { PlaygroundStore } from '../../state/store';
import { ExampleStudies } from './ExampleStudies';
import { PastStudies } from './PastStudies';
import { StudyBuilder } from './StudyBuilder';
import { StudyProgress } from './StudyProgress';
import { StudyResults } from './StudyResults';
import './study.css';

export function StudyWorkspace({ store }: { store: PlaygroundStore }) {
  const controller = studyController(store);
  // The study worker and its helpers start while the person reads the tab, not when they press Start.
  useEffect(() => controller.prepare(), [controller]);
  const error = useStore(controller.store, (s) => s.error);
  const storageError = useStore(controller.store, (s) => s.storageError);
  return (
    <div className="study-panel">
      <p className="lede">
        A study trains the open experiment many times: every combination of the values you choose, each over
        several seeds, optionally beside single-task baselines. The table then says which setting is better,
        and whether the difference is bigger than seed noise.
      </p>
      <ExampleStudies controller={controller} />
      {error ? (
        <div className="banner banner-error" role="alert">
          <span>
            {error.message}
            {error.issues.length ? (
              <ul>
                {error.issues.map((issue) => (
                  <li key={issue}>{issue}</li>
                ))}
              </ul>
            ) : null}
          </span>
        </div>
      ) : null}
      {storageError ? (
        <div className="banner" role="alert">
          <span>{storageError}</span>
        </div>
      ) : null}
      <StudyProgress controller={controller} />
      <StudyResults controller={controller} />
      <StudyBuilder store={store} controller={controller} />
      <PastStudies controller={controller} />
    </div>
  );
}
