/**
 * 10,000 hostile configs (hostile-configs.ts, seeded) thrown at parseConfig: it may only ever throw a
 * ConfigError, every issue must be one short line naming its field (or the whole config) and what is
 * accepted there, and mutations that keep a preset valid must still parse.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Rng } from '../random/rng';
import { HostileConfigs } from './hostile-configs';
import { parseConfig } from './parse';
import { ConfigError, MAX_LISTED_ISSUES } from './types';

const CASES = 10_000;
/** An issue's own words; a registry's list of accepted ids (29 methods: ~230 characters) comes on top. */
const LINE_LIMIT = 200;
// C0 and C1 controls, DEL, and the two Unicode line separators: any of them breaks the one-line rule.
// eslint-disable-next-line no-control-regex
const NOT_ONE_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

const presetDir = 'public/presets';
const presets = readdirSync(presetDir)
  .filter((f) => f.endsWith('.json') && f !== 'index.json')
  .map((f) => JSON.parse(readFileSync(`${presetDir}/${f}`, 'utf8')) as Record<string, unknown>);

/** What is wrong with how a ConfigError reports itself (empty when it is clear). */
function unclear(error: ConfigError): string[] {
  const out: string[] = [];
  if (NOT_ONE_LINE.test(error.message)) out.push('message is not one line');
  const listed = error.issues.slice(0, MAX_LISTED_ISSUES);
  const limit = listed.reduce((sum, i) => sum + i.path.length + i.message.length + 4, 0) + 60;
  if (error.message.length > limit) out.push(`message of ${error.message.length} characters`);
  if (error.issues.length === 0) out.push('no issues');
  for (const issue of error.issues) {
    const line = issue.path ? `${issue.path}: ${issue.message}` : issue.message;
    const own = line.length - (issue.accepted?.length ?? 0);
    if (own > LINE_LIMIT) out.push(`issue of ${line.length} characters: ${line.slice(0, 80)}`);
    if (NOT_ONE_LINE.test(line)) out.push(`issue not one line: ${JSON.stringify(line.slice(0, 80))}`);
    if (!issue.path && !issue.message.startsWith('the whole config'))
      out.push(`issue without a field: ${line.slice(0, 80)}`);
    if (!/expected|accepted|must be/.test(issue.message)) out.push(`issue without what is accepted: ${line}`);
  }
  return out;
}

describe('parseConfig under 10,000 hostile configs', () => {
  it('throws only ConfigError, with one clear line per issue, and accepts valid mutations', () => {
    const generator = new HostileConfigs(new Rng(9), presets);
    const failures: string[] = [];
    let valid = 0;
    let refused = 0;
    let longest = 0;
    for (let n = 0; n < CASES; n++) {
      const c = generator.next();
      try {
        parseConfig(c.config);
        continue;
      } catch (error) {
        if (!(error instanceof ConfigError)) {
          failures.push(`#${n} (${c.what}) crashed: ${String(error).slice(0, 120)}`);
          continue;
        }
        refused++;
        longest = Math.max(longest, error.message.length);
        if (c.valid) failures.push(`#${n} (${c.what}) was refused: ${error.message.slice(0, 160)}`);
        for (const problem of unclear(error)) failures.push(`#${n} (${c.what}): ${problem}`);
      } finally {
        if (c.valid) valid++;
      }
    }
    expect(failures.slice(0, 8), `${failures.length} failures`).toEqual([]);
    // The mix really exercises both sides, and nothing rambles.
    expect(valid).toBeGreaterThan(CASES * 0.15);
    expect(refused).toBeGreaterThan(CASES * 0.5);
    expect(longest).toBeLessThan(MAX_LISTED_ISSUES * 500);
  });
});
