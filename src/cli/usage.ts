/** The CLI's help text: what `help`, `--help` and a bare call print. */
export const USAGE = `Usage: npm run -s cli -- <command> [options]

Commands:
  run CONFIG.json [--set path=value ...] [--backend cpu|wasm]
                                           train and print the resolved config, final metrics and history
  aggregate --method ID [--params JSON] [--seed N] [--backend cpu|wasm] < INPUT.json
                                           apply a method to {"grads": [[...], ...], "losses": [...]}
  list                                     every task suite, architecture, method and setting, as JSON
  help                                     this text

Options:
  --backend cpu|wasm   the tfjs backend: wasm (default, WebAssembly with SIMD, about four times as fast
                       on the default experiment) or cpu (plain JavaScript); the same losses to rounding

Examples:
  npm run -s cli -- run public/presets/toy.json --set method.id=pcgrad --set steps=500
  npm run -s cli -- run public/presets/sinusoids.json --set steps=200 --backend cpu
  echo '{"grads": [[1, 0], [-0.5, 1]], "losses": [1, 1]}' | npm run -s cli -- aggregate --method pcgrad
`;
