/**
 * Real nginx and Apache for the hosting tests: each started on a free
 * loopback port with its own config, pid and log files in a temp dir, with
 * the snippets of docs/hosting/ exactly as documented (only the disk path
 * replaced), serving a copy of dist/ (hard links) under /wijkveiligheidskompas/.
 * Broken variants are made by editing the documented text, never by a
 * second hand-written config.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const SUB_PATH = '/wijkveiligheidskompas/';
const DOCUMENTED_DIR = '/srv/www/wijkveiligheidskompas';
const DIST = resolve('dist');

export const documented = {
  nginx: () => readFileSync('docs/hosting/nginx.conf', 'utf8'),
  apache: () => readFileSync('docs/hosting/apache.conf', 'utf8'),
  htaccess: resolve('docs/hosting/apache.htaccess'),
  csp: () => readFileSync('docs/hosting/csp.txt', 'utf8').trim(),
};

/** Replaces text that must be present: a variant of a documented config that silently stopped matching would test nothing. */
export function edit(text: string, from: string | RegExp, to: string): string {
  const changed = text.replace(from, to);
  if (changed === text) throw new Error(`variant: "${String(from)}" staat niet (meer) in de gedocumenteerde configuratie`);
  return changed;
}

export interface SiteOptions {
  /** Paths under dist/ to leave out (a missing file). */
  omit?: string[];
  /** Paths under the site with replaced contents (a stale datasets.json, a config.json). */
  write?: Record<string, string>;
  /** Put docs/hosting/apache.htaccess in the site as .htaccess. */
  htaccess?: boolean;
}

const temps: string[] = [];

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  // Readable for the servers' worker user (www-data when started as root).
  chmodSync(dir, 0o755);
  temps.push(dir);
  return dir;
}

/**
 * A file of the checkout in the served directory. A hard link, not a symlink:
 * Apache's worker (www-data) must read it even when the checkout sits in a
 * directory only its owner may enter (a clone in `mktemp -d` is mode 0700).
 * Across file systems a link is impossible, so the file is copied.
 */
function placeFile(source: string, target: string): void {
  try {
    linkSync(source, target);
  } catch {
    copyFileSync(source, target);
  }
  chmodSync(target, 0o644);
}

/** A served directory mirroring dist/ through hard links, with the changes a variant needs. */
export function makeSite(options: SiteOptions = {}): string {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ ontbreekt: de globale setup bouwt de app eerst');
  const root = join(tempDir('wvk-site-'), 'site');
  const omit = new Set(options.omit ?? []);
  const mirror = (relative: string) => {
    const target = join(root, relative);
    mkdirSync(target, { recursive: true });
    chmodSync(target, 0o755);
    for (const name of readdirSync(join(DIST, relative))) {
      const path = relative ? `${relative}/${name}` : name;
      if (omit.has(path) || options.write?.[path] !== undefined) continue;
      if (statSync(join(DIST, path)).isDirectory()) mirror(path);
      else placeFile(join(DIST, path), join(root, path));
    }
  };
  mirror('');
  for (const [path, text] of Object.entries(options.write ?? {})) writeFileSync(join(root, path), text, { mode: 0o644 });
  if (options.htaccess) placeFile(documented.htaccess, join(root, '.htaccess'));
  return root;
}

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => done(port));
    });
  });
}

export interface RunningServer {
  /** http://127.0.0.1:port/wijkveiligheidskompas/ */
  url: string;
  origin: string;
  stop(): Promise<void>;
}

const running = new Set<RunningServer>();

async function waitUntilAnswering(origin: string, child: ChildProcess, log: () => string) {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`server stopte meteen (exit ${child.exitCode}):\n${log()}`);
    try {
      await fetch(origin);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`server antwoordt niet op ${origin}:\n${log()}`);
}

async function start(command: string, args: string[], port: number, errorLog: string): Promise<RunningServer> {
  const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const log = () => `${stderr}${existsSync(errorLog) ? readFileSync(errorLog, 'utf8') : ''}`;
  const origin = `http://127.0.0.1:${port}`;
  const server: RunningServer = {
    url: `${origin}${SUB_PATH}`,
    origin,
    stop: async () => {
      running.delete(server);
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
  running.add(server);
  try {
    await waitUntilAnswering(origin, child, log);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

/** The distribution's server binary; fails loudly (no skip) when it is not installed. */
function serverBinary(name: 'nginx' | 'apache2'): string {
  for (const dir of (process.env.PATH ?? '').split(':').concat(['/usr/sbin', '/usr/local/sbin'])) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  throw new Error(`${name} ontbreekt voor de hostingtests. Installeer het distributiepakket: apt-get install -y nginx apache2 (.ci/run doet dat).`);
}

/** Temp dir, free port, error log and the documented snippet with our disk path. */
async function prepare(prefix: string, site: string, snippet: string) {
  const dir = tempDir(prefix);
  const port = await freePort();
  writeFileSync(join(dir, 'site.conf'), snippet.replaceAll(DOCUMENTED_DIR, site));
  return { dir, port, errorLog: join(dir, 'error.log') };
}

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** nginx with Debian's defaults (mime.types, gzip on) and the given server-block snippet. */
export async function startNginx(site: string, snippet = documented.nginx(), serverExtra = ''): Promise<RunningServer> {
  const { dir, port, errorLog } = await prepare('wvk-nginx-', site, snippet);
  writeFileSync(
    join(dir, 'nginx.conf'),
    `${asRoot ? 'user root;\n' : ''}daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${errorLog} warn;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  sendfile on;
  gzip on;
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${port};
    server_name localhost;
    ${serverExtra}
    include ${dir}/site.conf;
  }
}
`,
  );
  return start(serverBinary('nginx'), ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', errorLog], port, errorLog);
}

const APACHE_MODULES = ['mpm_event', 'authz_core', 'authz_host', 'mime', 'dir', 'alias', 'headers', 'deflate', 'filter', 'setenvif', 'env'];

/** Apache with Debian's default modules (less `withoutModules`) and mime/deflate settings, and the given site snippet. */
export async function startApache(site: string, snippet = documented.apache(), extra = '', withoutModules: string[] = []): Promise<RunningServer> {
  const { dir, port, errorLog } = await prepare('wvk-apache-', site, snippet);
  writeFileSync(
    join(dir, 'httpd.conf'),
    `ServerRoot ${dir}
ServerName localhost
Listen 127.0.0.1:${port}
PidFile ${dir}/httpd.pid
ErrorLog ${errorLog}
LogLevel warn
Mutex file:${dir} default
DefaultRuntimeDir ${dir}
${asRoot ? 'User www-data\nGroup www-data\n' : ''}${APACHE_MODULES.filter((m) => !withoutModules.includes(m)).map((m) => `LoadModule ${m}_module /usr/lib/apache2/modules/mod_${m}.so`).join('\n')}
Include /etc/apache2/mods-available/mime.conf
Include /etc/apache2/mods-available/deflate.conf
StartServers 1
<Directory />
  Options FollowSymLinks
  AllowOverride None
  Require all denied
</Directory>
AccessFileName .htaccess
Include ${dir}/site.conf
${extra}
`,
  );
  return start(serverBinary('apache2'), ['-f', join(dir, 'httpd.conf'), '-DFOREGROUND'], port, errorLog);
}

/** Stops every server still running and removes the temp dirs (afterAll, also after a failure). */
export async function stopAll() {
  await Promise.all([...running].map((s) => s.stop()));
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
}
