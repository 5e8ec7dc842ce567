// nginx on loopback in front of HTTP replicas, configured from deploy/nginx.conf: for the replicas test and
// the HTTP bench. Only the addresses, the process's files and the worker count are changed.
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root, from bench/ in the source tree or dist/bench/ once compiled. */
function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return dir;
}

const DEPLOY_CONF = join(projectRoot(), 'deploy', 'nginx.conf');

/** The nginx binary of Debian's package (or another install), or undefined when there is none. */
export const NGINX_BIN = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx'].find(
  (path) => spawnSync(path, ['-v']).status === 0,
);

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** deploy/nginx.conf with the replicas' ports, a loopback port of its own, and its files in `dir`. */
export function nginxConfig(text: string, dir: string, listen: number, upstreams: number[]): string {
  const servers = upstreams
    .map((port) => `        server 127.0.0.1:${port} max_fails=1 fail_timeout=5s;`)
    .join('\n');
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((kind) => `    ${kind}_temp_path ${dir}/${kind};`)
    .join('\n');
  const replaced = text
    .replace(/(\n\s*server 127\.0\.0\.1:\d+[^\n]*)+/, `\n${servers}`)
    .replace(/\n\s*listen 8080;/, `\n        listen 127.0.0.1:${listen};`)
    .replace(/\npid [^\n]*;/, `\npid ${dir}/nginx.pid;\ndaemon off;`)
    .replace(/worker_processes [^\n]*;/, 'worker_processes 1;')
    .replace(/\n(\s*)error_log [^\n]*;/, `\n$1error_log ${dir}/error.log warn;\n${temp}`);
  const expected = [...upstreams.map((port) => `:${port} `), `listen 127.0.0.1:${listen};`, 'daemon off;'];
  for (const piece of expected)
    if (!replaced.includes(piece))
      throw new Error(`deploy/nginx.conf changed shape: no "${piece}" after rewriting`);
  return replaced;
}

export interface Nginx {
  /** `http://127.0.0.1:PORT` */
  readonly base: string;
  errorLog(): string;
  stop(): Promise<void>;
}

/** Starts nginx in the foreground as a child of this process; resolves once it proxies to the replicas. */
export async function startNginx(upstreams: number[], root = DEPLOY_CONF): Promise<Nginx> {
  if (!NGINX_BIN) throw new Error('no nginx binary');
  const dir = mkdtempSync(join(tmpdir(), 'skate-nginx-'));
  // As root nginx's workers run as nobody, who must be able to write its temp files here.
  chmodSync(dir, 0o777);
  const listen = await freePort();
  const conf = join(dir, 'nginx.conf');
  writeFileSync(conf, nginxConfig(readFileSync(root, 'utf8'), dir, listen, upstreams));
  const child: ChildProcess = spawn(NGINX_BIN, ['-c', conf, '-p', dir, '-e', join(dir, 'error.log')], {
    stdio: 'ignore',
  });
  const errorLog = () => {
    try {
      return readFileSync(join(dir, 'error.log'), 'utf8');
    } catch {
      return '(no error log)';
    }
  };
  const base = `http://127.0.0.1:${listen}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGQUIT');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  // Up once it proxies: a GET of /interactions reaches a replica, which allows only POST.
  const started = performance.now();
  for (;;) {
    const status = await fetch(`${base}/interactions`).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 405) break;
    if (child.exitCode !== null || performance.now() - started > 10_000) {
      const log = errorLog();
      await stop();
      throw new Error(`nginx did not come up (last status ${status}):\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { base, errorLog, stop };
}
