/**
 * The study builder: the open experiment is the base; each "vary" row changes one field (picked from the
 * fields the controls are drawn from); seeds repeat every grid point; baselines add single-task models
 * for Δm%. Before Start it says how many runs and steps that is and about how long it will take.
 */
import { useMemo } from 'react';
import { useStore } from 'zustand';
import { findMethodCard } from '../../engine/methods/catalogue';
import { findTaskSuite } from '../../engine/tasks/registry';
import { findArchitectureCard } from '../../engine/architectures/catalogue';
import { draftToSpec, MAX_SEEDS, MIN_SEEDS, newRow, type StudyDraft } from '../../state/study/builder';
import { estimateSeconds, formatDuration, pickRate } from '../../state/study/estimate';
import { checkStudy } from '../../state/study/study-check';
import type { StudyController } from '../../state/study/study-controller';
import { isBusy } from '../../state/study/study-store';
import { findVaryField, unfitValues, varyFields, type VaryField } from '../../state/study/vary-fields';
import type { PlaygroundStore } from '../../state/store';
import { InfoTip } from '../components/InfoTip';
import { VaryRowEditor } from './VaryRowEditor';

const SEEDS_HELP =
  'Every grid point trains once per seed (1, 2, …). Seeds change the data sample, the initial weights and the batch order, so several seeds show how much of a difference is luck: the table gives a 95% interval over them. Seeds of one setting train side by side, so 5 seeds cost much less than 5 runs.';
const BASELINES_HELP =
  "A single-task baseline trains every task alone: the same data, widths and steps, but nothing shared (one independent network per task). Δm% is the average relative change of each task's test metric against its baseline, in percent, signed so that lower is better: −5% means multi-task training beat training alone by 5% on average, +5% that it hurt (Maninis et al., CVPR 2019).";
const STEPS_HELP =
  'Optimizer steps for every run of the study (the Training tab trains until paused; a study needs an end). Fewer steps finish sooner but may not converge.';

const NONE: ReadonlySet<string> = new Set();

const groupsOf = (fields: readonly VaryField[]) => [...new Set(fields.map((f) => f.group))];

export function StudyBuilder({ store, controller }: { store: PlaygroundStore; controller: StudyController }) {
  const config = useStore(store, (s) => s.config);
  const study = controller.store;
  const draft = useStore(study, (s) => s.draft);
  const issues = useStore(study, (s) => s.draftIssues);
  const phase = useStore(study, (s) => s.phase);
  const studyRate = useStore(study, (s) => s.studyStepsPerSecond);
  const liveRate = useStore(study, (s) => s.liveStepsPerSecond);
  const fields = useMemo(() => varyFields(config), [config]);
  const plan = useMemo(() => {
    const result = draftToSpec(draft, config, fields);
    return result.spec ? checkStudy(result.spec) : null;
  }, [draft, config, fields]);
  const unfit = useMemo(() => {
    const out = new Map<string, Set<string>>();
    for (const row of draft.rows) {
      const field = findVaryField(fields, row.path);
      if (field?.kind === 'registry') out.set(row.path, unfitValues(config, field));
    }
    return out;
  }, [draft.rows, fields, config]);
  const edit = (update: (d: StudyDraft) => StudyDraft) => controller.setDraft(update);
  const issueFor = (field: string) => issues.find((i) => i.field === field)?.message;
  const used = new Set(draft.rows.map((r) => r.path));
  const rate = pickRate(studyRate, liveRate);
  const busy = isBusy(phase);

  return (
    <section className="study-builder" aria-label="Study builder">
      <h2>Build a study</h2>
      <p className="field-note">
        Base: the experiment open in the Training tab ({findTaskSuite(config.task.id)?.label},{' '}
        {findArchitectureCard(config.architecture.id)?.label}, {findMethodCard(config.method.id)?.label}).
        Every run starts from it; each row below changes one field.
      </p>
      {draft.rows.map((row, i) => (
        <VaryRowEditor
          key={row.path}
          row={row}
          field={findVaryField(fields, row.path)}
          error={issueFor(row.path)}
          unfit={unfit.get(row.path) ?? NONE}
          onChange={(next) => edit((d) => ({ ...d, rows: d.rows.map((r, j) => (j === i ? next : r)) }))}
          onRemove={() => edit((d) => ({ ...d, rows: d.rows.filter((_, j) => j !== i) }))}
        />
      ))}
      <div className="field">
        <label htmlFor="study-add-field">Add a field to vary</label>
        <InfoTip text="Any setting of the experiment: a registry choice (task suite, architecture, method, …), a parameter of the chosen entries, or a training or isolation setting. The study trains every combination of the values you give." />
        <select
          id="study-add-field"
          value=""
          onChange={(e) => {
            const field = findVaryField(fields, e.target.value);
            if (field) edit((d) => ({ ...d, rows: [...d.rows, newRow(field, config)] }));
          }}
        >
          <option value="">Choose a field…</option>
          {groupsOf(fields).map((group) => (
            <optgroup key={group} label={group}>
              {fields
                .filter((f) => f.group === group)
                .map((f) => (
                  <option key={f.path} value={f.path} disabled={used.has(f.path)}>
                    {f.label}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </div>
      {issueFor('rows') ? (
        <p className="field-error" role="alert">
          {issueFor('rows')}
        </p>
      ) : null}
      <div className="study-settings">
        <NumberField
          label="Seeds per setting"
          help={SEEDS_HELP}
          value={draft.seeds}
          min={MIN_SEEDS}
          max={MAX_SEEDS}
          error={issueFor('seeds')}
          onChange={(seeds) => edit((d) => ({ ...d, seeds }))}
        />
        <NumberField
          label="Steps per run"
          help={STEPS_HELP}
          value={draft.steps}
          min={1}
          max={1_000_000}
          error={issueFor('steps')}
          onChange={(steps) => edit((d) => ({ ...d, steps }))}
        />
        <div className="field">
          <label htmlFor="study-baselines">Single-task baselines and Δm%</label>
          <InfoTip text={BASELINES_HELP} />
          <input
            id="study-baselines"
            type="checkbox"
            checked={draft.baselines}
            onChange={(e) => edit((d) => ({ ...d, baselines: e.target.checked }))}
          />
        </div>
      </div>
      <p className="study-estimate" data-testid="study-estimate">
        {draft.rows.length === 0 ? (
          'Add a field to vary (for example Method) to plan a study: it compares the values you pick.'
        ) : plan === null ? (
          'Fix the fields marked above to see the plan.'
        ) : 'issues' in plan ? (
          <span className="field-error">{plan.issues.slice(0, 3).join('; ')}</span>
        ) : (
          <>
            {plan.groups} setting{plan.groups === 1 ? '' : 's'} × {draft.seeds} seed
            {draft.seeds === 1 ? '' : 's'}
            {draft.baselines ? ' + baselines' : ''} = <strong>{plan.runs} runs</strong>,{' '}
            {plan.steps.toLocaleString('en-US')} steps.{' '}
            {rate
              ? `At most about ${formatDuration(estimateSeconds(plan.steps, rate) ?? NaN)} at ${Math.round(rate.stepsPerSecond)} steps/s (measured by ${rate.from}); seeds train side by side, so usually less.`
              : 'No speed measured yet: train in the Training tab for a few seconds for an estimate, or start and watch the progress bar.'}
          </>
        )}
      </p>
      <button type="button" className="primary" disabled={busy} onClick={() => controller.start()}>
        Start study
      </button>
    </section>
  );
}

interface NumberFieldProps {
  label: string;
  help: string;
  value: number;
  min: number;
  max: number;
  error: string | undefined;
  onChange: (value: number) => void;
}

function NumberField({ label, help, value, min, max, error, onChange }: NumberFieldProps) {
  const id = `study-${label.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <InfoTip text={help} />
      <input
        id={id}
        type="number"
        min={min}
        max={max}
        step={1}
        value={Number.isFinite(value) ? value : ''}
        onChange={(e) => onChange(e.target.value === '' ? NaN : Number(e.target.value))}
      />
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
