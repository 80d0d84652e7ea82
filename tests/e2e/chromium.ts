import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Usual install paths of a system Chromium (Debian, Ubuntu, Fedora, macOS). */
const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/lib/chromium/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/**
 * The system Chromium that drives the browser tests. Never downloads one:
 * without it the tests fail loudly with instructions, they do not skip.
 */
export function findChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH wijst naar ${fromEnv}, maar dat bestand bestaat niet.`);
    return fromEnv;
  }
  const found = CANDIDATES.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      'Geen Chromium gevonden voor de browsertests / no Chromium found for the browser tests.\n' +
        'Installeer het systeempakket, bijvoorbeeld: sudo apt-get install -y chromium\n' +
        'of zet CHROMIUM_PATH=/pad/naar/chromium. (Gebruik geen "npx playwright install".)',
    );
  }
  return found;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      // No --use-angle flag: headless Chromium picks its own SwiftShader WebGL
      // path, which renders this map about four times faster than
      // --use-angle=swiftshader on this machine.
    ],
  });
}
