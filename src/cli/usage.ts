/** The CLI's help text: what `help`, `--help` and a bare call print. */
export const USAGE = `Usage: npm run -s cli -- <command> [options]

Commands:
  run CONFIG.json [--set path=value ...] [--backend cpu|wasm]
                                           train and print the resolved config, final metrics and history
  sweep STUDY.json [--set path=value ...] [--backend cpu|wasm] [--history] [--threads N|auto]
                                           train a study { base, grid, seeds, baselines }: every grid point
                                           over seeds, single-task baselines, mean ± 95% interval and Δm%
  aggregate --method ID [--params JSON] [--seed N] [--backend cpu|wasm] < INPUT.json
                                           apply a method to {"grads": [[...], ...], "losses": [...]}
  list                                     every task suite, architecture, method, setting and optional
                                           section (compressors, caches, meta-learners, merges), as JSON
  lesson list                              the lessons (public/lessons/index.json) as [{ id, title, paper }]
  lesson check ID|--all [--backend cpu|wasm]
                                           train a lesson's check over its seeds: exit 0 when its finding
                                           holds in most seeds, 1 (with the numbers) when it does not
  group CONFIG.json [--seeds N] [--budget G] [--set path=value ...] [--backend cpu|wasm] [--threads N|auto]
                                           measure the tasks' lookahead affinity, propose task groups
                                           (Fifty et al. 2021), compare with all together and all separate
  help                                     this text

Options:
  --set path=value     override a config field (sweep: of the study's base config)
  --history            sweep: include every run's full report history
  --threads N|auto     sweep, group: train on N threads (auto, the default: the cores, at most 4, for studies
                       of 20,000 run-steps or more; shorter ones end about as soon on one thread)
  --backend cpu|wasm   the tfjs backend: wasm (default, WebAssembly with SIMD, about four times as fast
                       on the default experiment) or cpu (plain JavaScript); the same losses to rounding

Examples:
  npm run -s cli -- run public/presets/toy.json --set method.id=pcgrad --set steps=500
  npm run -s cli -- run public/presets/sinusoids.json --set steps=200 --backend cpu
  npm run -s cli -- sweep public/studies/methods-playground-2d.json --set steps=200
  npm run -s cli -- lesson check cagrad-toy
  npm run -s cli -- group public/presets/task-grouping.json --seeds 3
  echo '{"grads": [[1, 0], [-0.5, 1]], "losses": [1, 1]}' | npm run -s cli -- aggregate --method pcgrad
`;
