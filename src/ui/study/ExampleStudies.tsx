/**
 * Example studies (public/studies/index.json, the same files `npm run cli -- sweep` takes): one click
 * loads one and starts it, e.g. EW against PCGrad over 5 seeds with single-task baselines.
 */
import { useEffect } from 'react';
import { useStore } from 'zustand';
import type { StudyController } from '../../state/study/study-controller';
import { isBusy } from '../../state/study/study-store';

export function ExampleStudies({ controller }: { controller: StudyController }) {
  const examples = useStore(controller.store, (s) => s.examples);
  const error = useStore(controller.store, (s) => s.examplesError);
  const phase = useStore(controller.store, (s) => s.phase);
  useEffect(() => void controller.loadExamples(), [controller]);
  return (
    <section className="study-examples" aria-label="Example studies">
      <label className="presets">
        <span>Example studies</span>
        <select
          value=""
          disabled={isBusy(phase) || examples.length === 0}
          onChange={(e) => e.target.value && void controller.runExample(e.target.value)}
          aria-label="Run an example study"
        >
          <option value="">Run an example study…</option>
          {examples.map((x) => (
            <option key={x.file} value={x.file} title={x.description}>
              {x.title}
            </option>
          ))}
        </select>
      </label>
      {error ? <p className="field-error">{error}</p> : null}
    </section>
  );
}
