import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** IIS reads web.config next to index.html; ship the documented one (docs/hosting/web.config) as is, no copy that drifts. */
function hostingConfigs(): Plugin {
  return {
    name: 'wvk-hosting-configs',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'web.config', source: readFileSync(here('docs/hosting/web.config'), 'utf8') });
    },
  };
}

/**
 * src/main.ts imports the app (src/app-main.ts) only after it began the data
 * path; a modulepreload hint lets the browser download that chunk alongside
 * the small entry instead of after it.
 */
function preloadAppChunk(): Plugin {
  return {
    name: 'wvk-preload-app-chunk',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.bundle || !ctx.filename.endsWith('index.html')) return html;
        const chunk = Object.values(ctx.bundle).find((c) => c.type === 'chunk' && c.isDynamicEntry && c.facadeModuleId?.endsWith('/src/app-main.ts'));
        if (!chunk) return html;
        return [{ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${chunk.fileName}` }, injectTo: 'head' }];
      },
    },
  };
}

// Relative base: the build works from any sub-path of a static intranet server.
export default defineConfig({
  base: './',
  plugins: [svelte(), hostingConfigs(), preloadAppChunk()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // Two pages: the app, and the beheerder's self-check (which shares the app's hosting diagnoses).
      input: { index: here('index.html'), 'hosting-check': here('hosting-check.html') },
      // Bundler timing reports are noise on a 2-core CI machine shared with tests.
      checks: { bundlerTimings: false },
    },
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: false },
  server: { host: '127.0.0.1' },
});
