import { defineConfig } from 'vite';

// The browser benchmark page (bench/browser), built apart from the app so the app's dist never ships it.
export default defineConfig({
  root: 'bench/browser',
  base: './',
  worker: { format: 'es' },
  build: { target: 'es2022', outDir: '../../dist-bench', emptyOutDir: true },
});
