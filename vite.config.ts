import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// Relative base: the build works from any sub-path of a static intranet server.
export default defineConfig({
  base: './',
  plugins: [svelte()],
  worker: { format: 'es' },
  // Bundler timing reports are noise on a 2-core CI machine shared with tests.
  build: { target: 'es2022', chunkSizeWarningLimit: 1500, rolldownOptions: { checks: { bundlerTimings: false } } },
  preview: { host: '127.0.0.1', port: 4173, strictPort: false },
  server: { host: '127.0.0.1' },
});
