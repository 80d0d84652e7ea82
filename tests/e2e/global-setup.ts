import { build, preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { findChromium } from './chromium.ts';

let server: PreviewServer | undefined;

/**
 * Builds the app once and serves `dist/` the way a static intranet host
 * would (vite preview answers Range requests, which PMTiles needs). The URL
 * reaches the tests through `inject('baseUrl')`.
 */
export default async function setup(project: TestProject) {
  findChromium(); // fail before building when there is no browser
  await build({ logLevel: 'warn', configFile: 'vite.config.ts' });
  server = await preview({ configFile: 'vite.config.ts', preview: { port: 0, host: '127.0.0.1', open: false }, logLevel: 'warn' });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('preview server gaf geen adres');
  project.provide('baseUrl', url);
  return async () => {
    await new Promise<void>((resolve) => server?.httpServer.close(() => resolve()));
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
