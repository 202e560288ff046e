import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// base './' so that `npm run build` gives a static site that works from any folder of any web server.
export default defineConfig({
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
});
