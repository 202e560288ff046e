/**
 * The layer rules (.dependency-cruiser.cjs, .dependency-cruiser-page.cjs) catch what they are for, on a small
 * tree of files written for the purpose: `npm run lint` passing on the real tree means something only if
 * the same rules fail on a tree that breaks them.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cruise, type IConfiguration, type ICruiseResult } from 'dependency-cruiser';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const layers = require(join(ROOT, '.dependency-cruiser.cjs')) as IConfiguration;
const page = require(join(ROOT, '.dependency-cruiser-page.cjs')) as IConfiguration;

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** The rule names each `from -> to` violation breaks, cruising `files` (path -> source) with `config`. */
async function violations(config: IConfiguration, files: Record<string, string>): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'layers-'));
  dirs.push(dir);
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  for (const [path, source] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), source);
  }
  const { tsConfig: _, ...options } = config.options ?? {};
  const { output } = await cruise(['src'], {
    ...options,
    baseDir: dir,
    validate: true,
    ruleSet: { forbidden: config.forbidden ?? [] },
  });
  const result = output as ICruiseResult;
  return result.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`).sort();
}

describe('layer rules', () => {
  it('flag arrows back up, and let type-only imports cross where the rule allows it', async () => {
    const found = await violations(layers, {
      'src/engine/train/trainer.ts': 'export const trainer = 1;\n',
      'src/engine/train/report.ts': 'export interface Report { step: number }\n',
      'src/engine/config/parse.ts':
        "import { trainer } from '../train/trainer';\nimport type { Report } from '../train/report';\nexport const x: Report | number = trainer;\n",
      'src/engine/optim/a.ts': "import type { B } from './b';\nexport interface A { b?: B }\n",
      'src/engine/optim/b.ts': "import type { A } from './a';\nexport interface B { a?: A }\n",
      'src/engine/index.ts': "import { post } from '../worker/protocol';\nexport const y = post;\n",
      'src/worker/protocol.ts': 'export const post = 1;\n',
      'src/backend/node.ts': 'export const init = 1;\n',
      'src/backend/names.ts': 'export const names = 1;\n',
      'src/state/store.ts': "import { init } from '../backend/node';\nexport const z = init;\n",
      'src/state/actions.ts': "import { names } from '../backend/names';\nexport const n = names;\n",
      'src/worker/client.ts': "import { names } from '../backend/names';\nexport const c = names;\n",
    });
    expect(found).toEqual([
      'backend-descriptions-from-worker: src/state/actions.ts -> src/backend/names.ts',
      'backend-from-entry-points: src/state/store.ts -> src/backend/node.ts',
      'catalogue-not-tfjs-side: src/engine/config/parse.ts -> src/engine/train/trainer.ts',
      'engine-is-the-bottom: src/engine/index.ts -> src/worker/protocol.ts',
      'no-circular: src/engine/optim/a.ts -> src/engine/optim/b.ts',
    ]);
  });

  it('flag a page that reaches tfjs statically, not through a dynamic import or a type', async () => {
    const files = (importLine: string) => ({
      'src/ui/main.tsx': "import { parse } from '../engine/config/parse';\nexport const p = parse;\n",
      'src/engine/config/parse.ts': `${importLine}\nexport const parse = 1;\n`,
      'src/engine/train/trainer.ts': "import * as tf from '@tensorflow/tfjs-core';\nexport const t = tf;\n",
    });
    expect(
      await violations(page, files("import type { Tensor } from '@tensorflow/tfjs-core';")),
      'type',
    ).toEqual([]);
    expect(
      await violations(page, files("export const lazy = () => import('../train/trainer');")),
      'dynamic',
    ).toEqual([]);
    const found = await violations(page, files("import '../train/trainer';"));
    expect(found.map((v) => v.replace(/ -> .*/, ''))).toEqual([
      'catalogue-without-tfjs: src/engine/config/parse.ts',
      'page-without-tfjs: src/ui/main.tsx',
    ]);
  });
});
