import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort, onCleanup, spawnChild, waitForOk } from './proc.js';

/** One static file for nginx to serve: `/ref/<id>` answers `body` with `contentType`. */
export interface StaticFile {
  id: string;
  body: Uint8Array;
  contentType: string;
}

export interface RunningNginx {
  version: string;
  workers: string;
  urlFor: (id: string) => string;
  stop: () => Promise<void>;
}

/** Path of the nginx binary ($NGINX_BIN, /usr/sbin/nginx, or on PATH), or undefined. */
export function findNginx(): string | undefined {
  const candidates = [process.env.NGINX_BIN, '/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/local/nginx/sbin/nginx'];
  for (const c of candidates) if (c && existsSync(c)) return c;
  try {
    return execFileSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

function nginxVersion(bin: string): string {
  // `nginx -v` prints "nginx version: nginx/1.22.1" to stderr.
  const r = spawnSync(bin, ['-v'], { encoding: 'utf8' });
  return `${r.stderr ?? ''}${r.stdout ?? ''}`.trim().replace(/^nginx version: /, '') || 'unknown';
}

/** Run nginx in the foreground (daemon off) serving `files`, with everything it writes in a temp dir. */
export async function startNginx(bin: string, files: StaticFile[], workers = '1'): Promise<RunningNginx> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'onset-bench-nginx-'));
  onCleanup(() => rm(dir, { recursive: true, force: true }));
  const www = path.join(dir, 'www');
  await mkdir(www);
  for (const sub of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) await mkdir(path.join(dir, 'tmp', sub), { recursive: true });
  // Workers may run as another user when we are not root: keep everything world-readable.
  await chmod(dir, 0o755);
  await chmod(www, 0o755);
  const locations: string[] = [];
  for (const f of files) {
    if (!/^[\w-]+$/.test(f.id)) throw new Error(`bad static file id: ${f.id}`);
    const file = path.join(www, `${f.id}.html`);
    await writeFile(file, f.body);
    await chmod(file, 0o644);
    locations.push(`    location = /ref/${f.id} { alias ${file}; default_type "${f.contentType.replace(/"/g, '')}"; }`);
  }
  const port = await freePort();
  const t = (sub: string) => path.join(dir, 'tmp', sub);
  const conf = `
${process.getuid?.() === 0 ? 'user root;' : ''}
daemon off;
master_process on;
worker_processes ${workers};
pid ${path.join(dir, 'nginx.pid')};
error_log ${path.join(dir, 'error.log')} warn;
events { worker_connections 4096; }
http {
  types {}
  access_log off;
  sendfile on;
  tcp_nopush on;
  tcp_nodelay on;
  keepalive_requests 1000000;
  keepalive_timeout 65;
  client_body_temp_path ${t('body')};
  proxy_temp_path ${t('proxy')};
  fastcgi_temp_path ${t('fastcgi')};
  uwsgi_temp_path ${t('uwsgi')};
  scgi_temp_path ${t('scgi')};
  server {
    listen 127.0.0.1:${port};
    location = /healthz { return 200; }
${locations.join('\n')}
  }
}
`;
  const confPath = path.join(dir, 'nginx.conf');
  await writeFile(confPath, conf);
  const proc = spawnChild(bin, ['-p', dir, '-e', path.join(dir, 'error.log'), '-c', confPath], { cwd: dir });
  onCleanup(() => proc.stop());
  await waitForOk(`http://127.0.0.1:${port}/healthz`, proc, 10_000);
  return {
    version: nginxVersion(bin),
    workers,
    urlFor: (id) => `http://127.0.0.1:${port}/ref/${id}`,
    stop: () => proc.stop(),
  };
}
