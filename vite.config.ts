import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
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
 * path. The page names that chunk, the chunks it imports (modulepreload) and
 * its stylesheet, so the browser downloads them alongside the small entry
 * instead of after it: the import waits for all of them. The stylesheet is a
 * preload, not a stylesheet link: a stylesheet in the head would hold back
 * the entry (and with it the data path) until it arrived.
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
        if (!chunk || chunk.type !== 'chunk') return html;
        const scripts = [chunk.fileName, ...chunk.imports].filter((file) => !html.includes(`/${file}"`));
        const styles = [...(chunk.viteMetadata?.importedCss ?? [])];
        return [
          ...scripts.map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` }, injectTo: 'head' as const })),
          ...styles.map((file) => ({ tag: 'link', attrs: { rel: 'preload', as: 'style', crossorigin: true, href: `./${file}` }, injectTo: 'head' as const })),
        ];
      },
    },
  };
}

/**
 * pmtiles imports fflate for its default decompression, which the app never
 * uses (src/data/tiles-decompress.ts): without this, fflate would load and
 * initialise on the main thread at every start. The bench's floor page
 * (scripts/bench/pages/floor.ts) is built with it too, so the floor does not
 * pay for what the app no longer does.
 */
export function pmtilesWithoutFflate(): Plugin {
  const unused = here('src/data/pmtiles-fflate-unused.ts');
  return {
    name: 'wvk-pmtiles-without-fflate',
    enforce: 'pre',
    resolveId(source, importer) {
      return source === 'fflate' && importer?.includes('/node_modules/pmtiles/') ? unused : null;
    },
  };
}

/**
 * A gzip -9 copy next to every script and stylesheet in assets/, for nginx's
 * gzip_static (docs/hosting/nginx.conf): sent as is, without compressing per
 * request, and 16 % smaller than nginx's own gzip at its default level 1
 * (the app chunk 394 → 330 KB). Servers without it ignore the copies. The
 * bench's comparison pages get them too (scripts/bench/browser.ts).
 */
export function precompressedAssets(): Plugin {
  return {
    name: 'wvk-precompressed-assets',
    apply: 'build',
    // From the written files: Vite still rewrites chunks (preload lists) after every plugin's generateBundle.
    writeBundle(options, bundle) {
      if (!options.dir) throw new Error('precompressedAssets: de build schrijft niet naar een map (output.dir)');
      for (const name of Object.keys(bundle)) {
        if (!/^assets\/.+\.(m?js|css)$/.test(name)) continue;
        const path = join(options.dir, name);
        writeFileSync(`${path}.gz`, gzipSync(readFileSync(path), { level: 9 }));
      }
    },
  };
}

// Relative base: the build works from any sub-path of a static intranet server.
export default defineConfig({
  base: './',
  plugins: [svelte(), hostingConfigs(), preloadAppChunk(), pmtilesWithoutFflate(), precompressedAssets()],
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
