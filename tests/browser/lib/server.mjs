// Starts the real aftercare-server on a free loopback port with a fresh data directory, and stops
// it again. Paths come from CTest's environment (see tests/browser/CMakeLists.txt).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The server reads assets/policy.json, assets/demo and assets/faq relative to its working
// directory: run it from the repository root, wherever the tests were started from.
const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

// `admin: { username, password }` first creates a staff account with the admin role in the fresh
// data directory (`aftercare-server create-admin`, password on stdin), for tests that act as staff.
// `prepare(dataDir, repoRoot)` runs before the server starts, to fill the data directory (the web
// benchmark loads its tickets there with aftercare-bench-load).
export async function startServer({ extraArgs = [], env = {}, admin = null, prepare = null } = {}) {
  const binary = process.env.AFTERCARE_SERVER;
  const webRoot = process.env.AFTERCARE_WEB_ROOT;
  if (!binary || !webRoot) throw new Error('AFTERCARE_SERVER and AFTERCARE_WEB_ROOT must be set (run through ctest)');
  const dataDir = mkdtempSync(join(tmpdir(), 'aftercare-browser-'));
  if (prepare) await prepare(dataDir, REPO_ROOT);
  if (admin) await createAdmin(binary, dataDir, admin, env);
  // Every browser test walks through the demo data (and the demo vendor page); extraArgs may say otherwise.
  // /metrics needs a token; tests read it through server.metrics().
  const metricsToken = 'browser-test-metrics-token-5d1c';
  const child = spawn(binary, ['--port', '0', '--bind', '127.0.0.1', '--data-dir', dataDir, '--web-root', webRoot,
    '--seed-demo', 'true', ...extraArgs], {
    cwd: REPO_ROOT,
    env: { ...process.env, AFTERCARE_METRICS_TOKEN: metricsToken, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  // Started once stdout names the address and the log says "listening", its last start-up line:
  // the two streams arrive separately, and tests read the start-up log (demo tickets) right away.
  let address = null;
  let listening = false;
  const url = await new Promise((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`server did not start in 20 s:\n${stderr}`)), 20000);
    const started = () => {
      if (address && listening) { clearTimeout(timer); resolve(address); }
    };
    child.stderr.on('data', (chunk) => {
      stderr = (stderr + chunk).slice(-20000);
      listening ||= stderr.includes('"msg":"listening"');
      started();
    });
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      address ||= stdout.match(/Aftercare portal: (http:\/\/\S+)/)?.[1] ?? null;
      started();
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited with ${code}:\n${stderr}`)); });
    child.on('error', (error) => { clearTimeout(timer); reject(error); });
  });

  return {
    url,
    dataDir,
    logs: () => stderr,
    // The Prometheus text of /metrics.
    async metrics() {
      const response = await fetch(new URL('/metrics', url), { headers: { Authorization: `Bearer ${metricsToken}` } });
      return response.text();
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function createAdmin(binary, dataDir, { username, password }, env) {
  const child = spawn(binary, ['create-admin', '--data-dir', dataDir, '--username', username], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => { output += chunk; });
  child.stderr.on('data', (chunk) => { output += chunk; });
  child.stdin.end(`${password}\n`);
  const code = await new Promise((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`create-admin exited with ${code}:\n${output}`);
}
