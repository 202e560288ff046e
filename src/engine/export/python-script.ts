/**
 * `pythonScript(config)`: a self-contained `run.py` that reproduces a run with PyTorch and NumPy, for
 * training it at scale (more steps, a GPU) outside the browser. Page-safe: plain strings, no tfjs.
 *
 * The script is our engine ported part by part (python/*.ts: the seeded generator, the data suite, the
 * architecture, the method and its solver, the loop), with the resolved config embedded as JSON. A config
 * it cannot reproduce is refused with a PythonExportError naming the field and the supported values
 * (python/support.ts), which the app shows as it is.
 */
import type { ExperimentConfig } from '../config/types';
import { BATCHES_PY } from './python/batches-py';
import { dataPy } from './python/data-py';
import { headerLines } from './python/header-py';
import { LOOP_PY } from './python/loop-py';
import { ALL_METHODS_PY } from './python/methods-py';
import { MODEL_PY } from './python/model-py';
import { RNG_PY } from './python/rng-py';
import { SETUP_PY } from './python/setup-py';
import { checkExportable } from './python/support';

export { PythonExportError, checkExportable } from './python/support';

/**
 * The config as a Python expression: readable JSON in a raw triple-quoted string where that is safe, else
 * a fully escaped one-line literal (JSON's string escapes are all valid Python escapes).
 */
function configLiteral(config: ExperimentConfig): string {
  const pretty = JSON.stringify(config, null, 2);
  const rawSafe = !pretty.includes("'''") && !pretty.includes('\\') && !pretty.endsWith("'");
  return rawSafe ? `r'''\n${pretty}\n'''` : JSON.stringify(JSON.stringify(config));
}

/** Throws PythonExportError when the config uses something the script does not port. */
export function pythonScript(config: ExperimentConfig): string {
  checkExportable(config);
  const docstring = headerLines(config)
    .map((line) => line.replace(/\\/g, '/').replace(/"""/g, "'''"))
    .join('\n');
  return [
    '#!/usr/bin/env python3',
    `"""${docstring}\n"""`,
    'import argparse',
    'import json',
    'import math',
    'import sys',
    'import time',
    '',
    'import numpy as np',
    'import torch',
    '',
    `CONFIG = json.loads(${configLiteral(config)})`,
    RNG_PY,
    dataPy(config.task.id),
    MODEL_PY,
    ALL_METHODS_PY,
    BATCHES_PY,
    SETUP_PY,
    LOOP_PY,
  ].join('\n');
}

/** A file name for the script, e.g. `mtl-playground-sinusoids-pcgrad-seed1.py`. */
export const pythonScriptName = (config: ExperimentConfig): string =>
  `mtl-playground-${config.task.id}-${config.method.id}-seed${config.seed}.py`.replace(
    /[^A-Za-z0-9._-]/g,
    '-',
  );
