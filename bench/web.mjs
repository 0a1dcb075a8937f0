// Web benchmarks (issue 6): the portal against a plain ImGui program built with the same flags,
// side by side in one run of headless Chromium. Prints a table with each portal figure as a
// ratio to the plain program. Run through scripts/bench-web, which builds both first.
//
// Figures: first-load bytes (raw and brotli, from the served files), time to first frame and to
// first interactive frame, idle main-thread CPU over 10 s (CDP Performance.getMetrics
// TaskDuration), and main-thread milliseconds per frame (p50/p95) while scrolling a 1,000-row list:
// for the portal the staff queue (#/staff, ~1,200 open tickets loaded, signed in through the mirror).
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { launchBrowser } from '../tests/browser/lib/browser.mjs';
import { startServer } from '../tests/browser/lib/server.mjs';

const root = new URL('..', import.meta.url).pathname;
const IDLE_SECONDS = 10;
const WHEEL_STEPS = 60;
// The staff queue is the portal's long list: it shows open tickets, and the loader leaves a tenth
// of its tickets open, so 12,000 loaded give a queue of ~1,200 rows, read by an admin.
const QUEUE_TICKETS = Number(process.env.BENCH_QUEUE_TICKETS || 12000);
const STAFF = { username: 'bench.admin', password: 'a passphrase for the web benchmark' };
const loader = process.env.AFTERCARE_BENCH_LOAD || join(root, 'build/native/serve/aftercare-bench-load');

const targets = {
  portal: {
    webRoot: join(root, 'build/web/dist'),
    firstLoad: ['index.html', 'portal.css', 'portal.js', 'favicon.svg', 'aftercare.js', 'aftercare.wasm',
                'fonts/ui-regular.otf', 'fonts/ui-bold.otf', 'fonts/icons.ttf'],
    // The list: the staff queue, behind the staff login.
    listHash: process.env.BENCH_PORTAL_LIST_HASH ?? '#/staff',
    staff: true,
  },
  plain: {
    webRoot: join(root, 'build/web/bench/plain'),
    firstLoad: ['index.html', 'module.js', 'plain.js', 'plain.wasm'],
    listHash: '',
  },
};

function bytes(webRoot, files) {
  let raw = 0, brotli = 0;
  for (const file of files) {
    const path = join(webRoot, file);
    raw += statSync(path).size;
    brotli += existsSync(path + '.br') ? statSync(path + '.br').size : statSync(path).size;
  }
  return { raw, brotli };
}

function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function taskSeconds(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'TaskDuration').value;
}

async function signIn(page) {
  await page.getByRole('textbox', { name: '用户名' }).fill(STAFF.username);
  await page.getByRole('textbox', { name: '密码' }).fill(STAFF.password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.getByRole('row').first().waitFor({ timeout: 60000 });
  const total = await page.getByRole('status').filter({ hasText: /^共 [\d,]+ 张工单$/ }).textContent();
  const rows = Number(total.match(/[\d,]+/)[0].replaceAll(',', ''));
  if (rows < 1000) throw new Error(`the staff queue has ${rows} rows, not the 1,000 the benchmark scrolls`);
  return rows;
}

// Fills the portal's data directory with QUEUE_TICKETS tickets through core and the real store.
function loadTickets(dataDir, repoRoot) {
  const loaded = spawnSync(loader, ['--data-dir', dataDir, '--tickets', String(QUEUE_TICKETS),
    '--tokens-out', join(dataDir, 'bench-tokens.txt'), '--token-count', '10'], { cwd: repoRoot, encoding: 'utf8' });
  if (loaded.status !== 0) throw new Error(`aftercare-bench-load failed:\n${loaded.stderr}`);
}

async function measure(browser, url, target) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Performance.enable', { timeTopology: 'threadTicks' });
  // Marks when the first frame is drawn and when the first interactive element appears.
  await page.addInitScript(() => {
    let frames = 0;
    Object.defineProperty(window, 'aftercareFrames', {
      get: () => frames,
      set: (value) => {
        if (frames === 0 && value > 0) window.benchFirstFrameAt = performance.now();
        frames = value;
      },
    });
    new MutationObserver(() => {
      if (!window.benchInteractiveAt && document.querySelector('[data-a11y-id]')) {
        window.benchInteractiveAt = performance.now();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.classList.contains('aftercare-ready'), null, { timeout: 60000 });
  const firstFrame = await page.evaluate(() => window.benchFirstFrameAt);
  // The plain program has no mirror: its first frame is already interactive.
  const interactive = await page.evaluate(() => window.benchInteractiveAt || window.benchFirstFrameAt);

  await page.mouse.move(640, 420);
  await page.waitForTimeout(2000);
  const idleStart = await taskSeconds(cdp);
  await page.waitForTimeout(IDLE_SECONDS * 1000);
  const idleCpu = ((await taskSeconds(cdp)) - idleStart) / IDLE_SECONDS;

  // The list to scroll: the same page for the plain program; for the portal the staff queue, after
  // a sign-in through the mirror, with its first page of rows on screen.
  if (target.listHash) await page.evaluate((hash) => { window.location.hash = hash; }, target.listHash);
  if (target.staff) await signIn(page);
  await page.mouse.move(640, 560);  // over the list's rows
  await page.waitForTimeout(2000);
  await page.evaluate(() => { window.aftercareFrameTimes = []; });
  for (let i = 0; i < WHEEL_STEPS; i++) {
    await page.mouse.wheel(0, 120);
    await page.waitForTimeout(16);
  }
  await page.waitForTimeout(500);
  const frameTimes = await page.evaluate(() => window.aftercareFrameTimes);
  await context.close();
  return {
    firstFrameMs: firstFrame,
    interactiveMs: interactive,
    idleCpuPercent: idleCpu * 100,
    scrollFrames: frameTimes.length,
    frameP50: percentile(frameTimes, 50),
    frameP95: percentile(frameTimes, 95),
  };
}

const browser = await launchBrowser();
const results = {};
for (const [name, target] of Object.entries(targets)) {
  process.env.AFTERCARE_WEB_ROOT = target.webRoot;
  const server = await startServer(target.staff ? { prepare: loadTickets, admin: STAFF } : {});
  try {
    results[name] = { ...bytes(target.webRoot, target.firstLoad), ...(await measure(browser, server.url, target)) };
  } finally {
    await server.stop();
  }
}
await browser.close();

const rows = [
  ['first load, raw (KB)', 'raw', (v) => (v / 1024).toFixed(1)],
  ['first load, brotli (KB)', 'brotli', (v) => (v / 1024).toFixed(1)],
  ['time to first frame (ms)', 'firstFrameMs', (v) => v.toFixed(0)],
  ['time to first interactive frame (ms)', 'interactiveMs', (v) => v.toFixed(0)],
  [`idle main-thread CPU over ${IDLE_SECONDS} s (%)`, 'idleCpuPercent', (v) => v.toFixed(2)],
  ['frames drawn while scrolling', 'scrollFrames', (v) => String(v)],
  ['frame CPU while scrolling, p50 (ms)', 'frameP50', (v) => v.toFixed(2)],
  ['frame CPU while scrolling, p95 (ms)', 'frameP95', (v) => v.toFixed(2)],
];
console.log('| measure | portal | plain ImGui | portal / plain |');
console.log('|---|---:|---:|---:|');
for (const [label, key, format] of rows) {
  const portal = results.portal[key];
  const plain = results.plain[key];
  const ratio = plain > 0 ? (portal / plain).toFixed(3) : 'n/a';
  console.log(`| ${label} | ${format(portal)} | ${format(plain)} | ${ratio} |`);
}
