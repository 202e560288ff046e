/**
 * The engine's catalogue, read from the same registries as `cli list`: every task suite, sharing
 * architecture and gradient method with its parameters and citation.
 */
import { ARCHITECTURES } from '../engine/architectures/registry';
import { METHODS } from '../engine/methods/registry';
import type { ParamSpecs } from '../engine/params/spec';
import { TASK_SUITES } from '../engine/tasks/registry';

interface Entry {
  id: string;
  label: string;
  summary: string;
  citation: string;
  params: ParamSpecs;
  group?: string;
}

function Section({ title, entries }: { title: string; entries: readonly Entry[] }) {
  return (
    <section>
      <h2>{title}</h2>
      <ul className="entries">
        {entries.map((e) => (
          <li key={e.id}>
            <h3>
              {e.label} <code>{e.id}</code>
              {e.group ? <span className="group">{e.group}</span> : null}
            </h3>
            <p>{e.summary}</p>
            <p className="citation">{e.citation}</p>
            {Object.keys(e.params).length ? (
              <dl>
                {Object.entries(e.params).map(([key, spec]) => (
                  <div key={key}>
                    <dt>
                      {spec.label} <code>{key}</code> = <code>{JSON.stringify(spec.default)}</code>
                    </dt>
                    <dd>{spec.help}</dd>
                  </div>
                ))}
              </dl>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function Catalogue() {
  return (
    <main>
      <header>
        <h1>MTL Playground</h1>
        <p>
          Multi-task learning in your browser: how much tasks share, how their gradients are combined, and
          where they conflict. The live training view is being built; the engine below already trains every
          combination from the command line (<code>npm run -s cli -- run public/presets/toy.json</code>).
        </p>
      </header>
      <Section title="Task suites" entries={TASK_SUITES} />
      <Section title="Sharing architectures" entries={ARCHITECTURES} />
      <Section title="Gradient methods" entries={METHODS} />
    </main>
  );
}
