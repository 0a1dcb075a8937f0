// Page faults per load (minor faults: each new page of memory a Chromium process touches), for the
// portal's home page and the plain ImGui program, by process type (renderer, GPU process, …), in a
// browser whose GPU process has started. On a host where a fault is expensive (bench/host.py) these
// pages are a large share of every start-up figure, whatever the program does.
//
//   node bench/page-faults.mjs        LOADS (default 3) of each, in turns
//
// AFTERCARE_SERVER as for the browser tests; the programs are this checkout's build/web.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

import { chromium } from 'playwright-core';

import { startServer } from '../tests/browser/lib/server.mjs';
import { GPU_FLAGS, warmUpGpu } from './gpu.mjs';

const LOADS = Number(process.env.LOADS || 3);
const root = new URL('..', import.meta.url).pathname;
const programs = [['portal', join(root, 'build/web/dist')], ['plain ImGui', join(root, 'build/web/bench/plain')]];

// Minor faults so far of every Chromium process, by pid, with its --type (none: the browser).
function faultsByProcess() {
  const out = execFileSync('ps', ['-C', 'chromium', '-o', 'pid=,min_flt=,args=']).toString();
  const processes = new Map();
  for (const line of out.trim().split('\n')) {
    const [pid, faults, ...args] = line.trim().split(/\s+/);
    const type = args.join(' ').match(/--type=([a-z-]+)/)?.[1] ?? 'browser';
    processes.set(pid, { type, faults: Number(faults) });
  }
  return processes;
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true, args: ['--no-sandbox', ...GPU_FLAGS] });
const rows = [];
try {
  await warmUpGpu(browser);
  for (let load = 0; load < LOADS; load += 1) {
    for (const [name, webRoot] of programs) {
      process.env.AFTERCARE_WEB_ROOT = webRoot;
      const server = await startServer();
      const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75 });
      try {
        const page = await context.newPage();
        await page.goto('about:blank');
        const before = faultsByProcess();
        await page.goto(server.url);
        await page.waitForTimeout(4000);
        const byType = {};
        for (const [pid, { type, faults }] of faultsByProcess()) {
          byType[type] = (byType[type] || 0) + faults - (before.get(pid)?.faults ?? 0);
        }
        rows.push([name, byType.renderer ?? 0, byType['gpu-process'] ?? 0]);
      } finally {
        await context.close();
        await server.stop();
      }
    }
  }
} finally {
  await browser.close();
}
console.log('| program | renderer: pages faulted in | GPU process: pages faulted in |\n|---|---:|---:|');
for (const [name, renderer, gpu] of rows) console.log(`| ${name} | ${renderer} | ${gpu} |`);
