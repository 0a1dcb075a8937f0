// The longest main-thread task of a page's start on a phone (issue 22), over many loads: Lighthouse
// reports one load per page and its longest task moves by tens of milliseconds between loads. This
// loads a page again and again with the CPU 4× slower (Chrome's throttling, as bench/startup-tasks.mjs
// uses), in a browser whose GPU process has started, and reads the browser's Long Tasks API: the
// longest task of each load and the blocking time over 50 ms. With BENCH_BEFORE_WEB_ROOT, an earlier
// build's pages load in turns with these, each from its own server.
//
//   node bench/long-tasks.mjs [home|track]      LOADS (default 8), CPU_SLOWDOWN (default 4),
//                                              WAIT_MS after the load (default 5000)
//
// AFTERCARE_SERVER as for the browser tests; the portal is this checkout's build/web/dist.
import { join } from 'node:path';

import { chromium } from 'playwright-core';

import { startServer } from '../tests/browser/lib/server.mjs';
import { GPU_FLAGS, warmUpGpu } from './gpu.mjs';
import { ticketLink } from './ticket-link.mjs';

const LOADS = Number(process.env.LOADS || 8);
const SLOWDOWN = Number(process.env.CPU_SLOWDOWN || 4);
const WAIT_MS = Number(process.env.WAIT_MS || 5000);
const FLAGS = ['--no-sandbox', ...GPU_FLAGS];
const page = process.argv[2] || 'home';
if (!['home', 'track'].includes(page)) throw new Error(`unknown page ${page}: home or track`);

// Each build gets its own server: the web root is the server's.
const root = new URL('..', import.meta.url).pathname;
const builds = [['portal', join(root, 'build/web/dist')]];
if (process.env.BENCH_BEFORE_WEB_ROOT) builds.push(['before', process.env.BENCH_BEFORE_WEB_ROOT]);
const targets = [];
for (const [name, webRoot] of builds) {
  process.env.AFTERCARE_WEB_ROOT = webRoot;
  const server = await startServer();
  const path = page === 'track' ? await ticketLink(server) : '';
  targets.push({ name, server, url: new URL(path, server.url).href, longest: [], blocking: [] });
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true, args: FLAGS });
try {
  await warmUpGpu(browser);
  for (let load = 0; load < LOADS; load++) {
    for (const target of targets) {
      // Lighthouse's phone: 412 × 823 CSS pixels at 1.75 device pixels each.
      const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75,
        locale: 'zh-CN' });
      const tab = await context.newPage();
      await tab.addInitScript(() => {
        window.benchLongTasks = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) window.benchLongTasks.push(entry.duration);
        }).observe({ type: 'longtask', buffered: true });
      });
      const cdp = await context.newCDPSession(tab);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOWDOWN });
      await tab.goto(target.url);
      await tab.waitForTimeout(WAIT_MS);
      const tasks = await tab.evaluate(() => window.benchLongTasks);
      target.longest.push(Math.max(0, ...tasks));
      target.blocking.push(tasks.reduce((sum, ms) => sum + ms - 50, 0));
      await context.close();
    }
  }
} finally {
  await browser.close();
  for (const target of targets) await target.server.stop();
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const ms = (values) => values.map((v) => Math.round(v)).sort((a, b) => a - b).join(', ');
console.log(`\n${page}, ${LOADS} loads per build, CPU ${SLOWDOWN}× slower\n`);
console.log('| build | longest task, median (ms) | longest task of each load (ms) | blocking over 50 ms, median (ms) |');
console.log('|---|---:|---|---:|');
for (const t of targets) {
  console.log(`| ${t.name} | ${Math.round(median(t.longest))} | ${ms(t.longest)} | ${Math.round(median(t.blocking))} |`);
}
if (targets.length === 2) {
  const [now, before] = targets;
  console.log(`\nportal / before: longest task ${(median(now.longest) / median(before.longest)).toFixed(3)}, ` +
    `blocking ${(median(now.blocking) / median(before.blocking)).toFixed(3)}`);
}
