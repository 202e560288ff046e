import { describe, expect, it } from 'vitest';
import { applyOverride } from './overrides';
import { ConfigError } from './types';

/** The one-line message an override is refused with (failing the test on anything else). */
function refusal(raw: Record<string, unknown>, text: string): string {
  try {
    applyOverride(raw, text);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error(`expected '${text}' to be refused`);
}

const preset = () => ({
  architecture: { id: 'layer-sharing', params: { widths: [64, 64] } },
  method: { id: 'ew' },
  steps: 100,
});

describe('applyOverride refuses paths that are not config fields', () => {
  it('refuses prototype names anywhere, leaving Object.prototype alone', () => {
    for (const text of [
      '__proto__.steps=3',
      '__proto__.toString=1',
      'constructor.prototype.polluted=1',
      'method.params.__proto__=1',
      'method.constructor=1',
    ]) {
      expect(refusal(preset(), text)).toMatch(/^--set .+: '(__proto__|constructor)' is not a config field/);
    }
    expect(Object.prototype).not.toHaveProperty('steps');
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(typeof Object.prototype.toString).toBe('function');
  });

  it('refuses a name where a list needs an index', () => {
    expect(refusal(preset(), 'architecture.params.widths.x=64')).toBe(
      '--set architecture.params.widths.x: architecture.params.widths is a list; expected an index from 0 to 1023 after it (e.g. architecture.params.widths[0]), got "x"',
    );
    expect(refusal(preset(), 'architecture.params.widths[5000]=64')).toMatch(
      /index from 0 to 1023.*got 5000$/,
    );
  });

  it('refuses a field inside a number', () => {
    expect(refusal(preset(), 'steps.x=1')).toBe(
      '--set steps.x: steps holds a number (100), which has no field x',
    );
  });

  it('refuses unknown top-level fields and empty segments, naming what is accepted', () => {
    expect(refusal(preset(), 'stepz=3')).toMatch(
      /^--set stepz: unknown field stepz; accepted: task, architecture/,
    );
    expect(refusal(preset(), 'method..id=ew')).toMatch(
      /^--set method\.\.id: expected field names joined by dots/,
    );
    expect(refusal(preset(), 'steps\n=3')).toMatch(/^--set steps\\n: unknown field "steps\\n"/);
  });

  it('copies only the path it changes: deep values elsewhere cost nothing, the input stays as it was', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const raw = { ...preset(), task: deep };
    const out = applyOverride(raw, 'architecture.params.widths[1]=32');
    expect(out.task).toBe(deep);
    expect(out.architecture).toEqual({ id: 'layer-sharing', params: { widths: [64, 32] } });
    expect(raw.architecture.params.widths).toEqual([64, 64]);
  });

  it("drops the sampling strategy's params when its id changes, as for the other choices", () => {
    const raw = { sampling: { id: 'temperature', params: { temperature: 2 } } };
    expect(applyOverride(raw, 'sampling.id=uniform')).toEqual({ sampling: { id: 'uniform' } });
  });
});
