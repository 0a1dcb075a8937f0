// Web benchmarks (issues 6 and 20): the portal against a plain ImGui program built with the same
// flags, and optionally against an earlier build of the portal (BENCH_BEFORE_WEB_ROOT: another
// checkout's build/web/dist), side by side in one run of headless Chromium. Prints a table with each
// portal figure as a ratio to the plain program and to the earlier build. Run through
// scripts/bench-web, which builds first.
//
// Figures: the bytes a first visit fetches in its first 10 s (every static file requested, counted
// at its brotli size, as a browser that accepts brotli receives it; API answers at their size on
// the wire), time to the first frame, to the first interactive frame and to the first frame whose
// text is complete (no font still to arrive, every glyph painted; medians of BENCH_STARTUP_RUNS
// first visits of each program, default 9, taken in turns), idle main-thread CPU over 10 s (CDP
// Performance.getMetrics TaskDuration), main-thread milliseconds per frame (p50/p95; the portal's
// WebGL calls run in a worker, reported in a row of their own) while
// scrolling a 1,000-row list (for the portal the staff queue, ~1,200 open tickets, signed in through
// the mirror), the main-thread time of the frame that first shows 200 characters never drawn
// before (a ticket whose description holds them), and the browser's cost per glyph (p50/p99 µs,
// web/glyphs.js).
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { launchBrowser, waitForPortal } from '../tests/browser/lib/browser.mjs';
import { tap, type } from '../tests/browser/lib/portal.mjs';
import { warmUpGpu } from './gpu.mjs';
import { startServer } from '../tests/browser/lib/server.mjs';

const root = new URL('..', import.meta.url).pathname;
const FIRST_VISIT_SECONDS = 10;
const STARTUP_RUNS = Number(process.env.BENCH_STARTUP_RUNS || 9);
const SETTLE_MS = 2000;  // after the first frame: time for the fonts and the first interactive frame
const IDLE_SECONDS = 10;
const WHEEL_STEPS = 60;
const NEW_CHARACTERS = 200;
// The staff queue is the portal's long list: it shows open tickets, and the loader leaves a tenth
// of its tickets open, so 12,000 loaded give a queue of ~1,200 rows, read by an admin.
const QUEUE_TICKETS = Number(process.env.BENCH_QUEUE_TICKETS || 12000);
const STAFF = { username: 'bench.admin', password: 'a passphrase for the web benchmark' };
const loader = process.env.AFTERCARE_BENCH_LOAD || join(root, 'build/native/serve/aftercare-bench-load');

const portal = (webRoot) => ({
  webRoot,
  // The list: the staff queue, behind the staff login (the customer's page moves the tab to
  // staff.html, the console's page; an earlier build shows the console in place).
  listHash: process.env.BENCH_PORTAL_LIST_HASH ?? '#/staff',
  staff: true,
});
const targets = { portal: portal(join(root, 'build/web/dist')) };
if (process.env.BENCH_BEFORE_WEB_ROOT) targets.before = portal(process.env.BENCH_BEFORE_WEB_ROOT);
targets.plain = { webRoot: join(root, 'build/web/bench/plain'), listHash: '' };
// A program not built would only show as a page that never starts, 60 s later.
for (const [name, { webRoot }] of Object.entries(targets)) {
  if (!existsSync(join(webRoot, 'index.html'))) {
    throw new Error(`${name}: ${webRoot} has no index.html; build it first (scripts/bench-web does)`);
  }
}

// 200 hanzi no screen has drawn yet: GB 2312's second level (less common characters), less any
// that the string tables, FAQ or demo data use.
function newCharacters() {
  const used = new Set();
  for (const dir of ['assets/i18n/zh-CN', 'assets/i18n/en', 'assets/faq', 'assets/demo']) {
    for (const file of readdirSync(join(root, dir))) {
      for (const c of readFileSync(join(root, dir, file), 'utf8')) used.add(c);
    }
  }
  const gb2312 = new TextDecoder('gb18030');
  const chosen = [];
  for (let row = 0xD8; row <= 0xF7 && chosen.length < NEW_CHARACTERS; row++) {
    for (let cell = 0xA1; cell <= 0xFE && chosen.length < NEW_CHARACTERS; cell += 3) {
      const c = gb2312.decode(new Uint8Array([row, cell]));
      if (c.length === 1 && !used.has(c)) chosen.push(c);
    }
  }
  return chosen.join('');
}

function brotliSize(webRoot, file) {
  const path = join(webRoot, file);
  if (!existsSync(path)) return null;
  return existsSync(path + '.br') ? statSync(path + '.br').size : statSync(path).size;
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

// As a person and the browser tests do it: each step waits until the portal has taken it. Filling
// both fields and clicking at once could sign in before the name had reached the portal (one run of
// five once waited in vain for the queue).
async function signIn(page) {
  await type(page.getByRole('textbox', { name: '用户名' }), STAFF.username);
  await type(page.getByRole('textbox', { name: '密码' }), STAFF.password);
  await tap(page.getByRole('button', { name: '登录', exact: true }));
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

// A ticket whose description holds the new characters, through the customer API.
async function ticketWithNewCharacters(serverUrl, text) {
  const response = await fetch(new URL('/api/v1/tickets', serverUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify({
      kind: 'repair', priority: 'general',
      customer: { name: '基准测试', phone: '13900001111' },
      product: { model: '康复理疗仪 KF-200', serial: 'KF200-2401-0123' },
      subject: '新字测试', description: text,
    }),
  });
  const body = await response.json();
  if (response.status !== 201) throw new Error(`creating the ticket: ${response.status} ${JSON.stringify(body)}`);
  return `#/track/${body.service_number}?t=${body.access_token}`;
}

// Main-thread ms of the frame that first shows `text`: frames are timed from the hash change until
// the page is quiet; the new glyphs are all drawn in the frame the description first appears in,
// the longest of them.
async function newTextFrame(page, hash, text) {
  await page.evaluate(() => { window.aftercareFrameTimes = []; });
  await page.evaluate((h) => { window.location.hash = h; }, hash);
  await page.getByText(text.slice(0, 20)).first().waitFor({ timeout: 60000 });
  await page.waitForTimeout(1500);
  const times = await page.evaluate(() => window.aftercareFrameTimes);
  return Math.max(...times);
}

// Marks each drawn frame's time, and when the first interactive element appears.
async function instrument(page) {
  await page.addInitScript(() => {
    let frames = 0;
    window.benchFrameAt = [];
    Object.defineProperty(window, 'aftercareFrames', {
      get: () => frames,
      set: (value) => {
        // When the frame was drawn, and whether all its text was painted (web/platform.js sets both
        // first: the portal draws in a worker, whose report reaches the main thread when it is
        // free; the plain program draws on the main thread, with its text at once, and sets neither).
        const drawnAt = window.aftercareFrameDrawnAt ?? performance.now();
        if (value > frames) window.benchFrameAt.push([drawnAt, window.aftercareGlyphsPending === true]);
        frames = value;
      },
    });
    new MutationObserver(() => {
      if (!window.benchInteractiveAt && document.querySelector('[data-a11y-id]')) {
        window.benchInteractiveAt = performance.now();
      }
    }).observe(document, { childList: true, subtree: true });
  });
}

async function freshPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  return { context, page, cdp };
}

// One first visit (empty cache, fresh browser context): when its first frame, first interactive
// frame and first frame with complete text were drawn, in ms from navigation.
async function startUp(browser, server) {
  const { context, page } = await freshPage(browser);
  await instrument(page);
  await page.goto(server.url);
  await waitForPortal(page, 60000);
  await page.mouse.move(640, 420);
  await page.waitForTimeout(SETTLE_MS);
  const times = await page.evaluate(() => {
    const frames = window.benchFrameAt;  // both programs count their frames in window.aftercareFrames
    const fonts = performance.getEntriesByType('resource').filter((r) => r.name.includes('/fonts/'));
    const fontsDone = Math.max(0, ...fonts.map((r) => r.responseEnd));
    return {
      firstFrameMs: frames[0][0],
      interactiveMs: window.benchInteractiveAt || frames[0][0],
      textCompleteMs: frames.find(([t, glyphsPending]) => t >= fontsDone && !glyphsPending)?.[0] ?? NaN,
    };
  });
  await context.close();
  return times;
}

async function measure(browser, server, target, text) {
  const { context, page, cdp } = await freshPage(browser);
  await cdp.send('Performance.enable', { timeTopology: 'threadTicks' });
  // What the first visit fetches, with its size on the wire.
  const fetched = new Map();  // requestId -> { url, wire }
  cdp.on('Network.requestWillBeSent', (e) => fetched.set(e.requestId, { url: e.request.url, wire: 0 }));
  cdp.on('Network.loadingFinished', (e) => { if (fetched.has(e.requestId)) fetched.get(e.requestId).wire = e.encodedDataLength; });
  await page.goto(server.url);
  await waitForPortal(page, 60000);
  await page.waitForTimeout(FIRST_VISIT_SECONDS * 1000);
  let brotli = 0;
  for (const { url, wire } of fetched.values()) {
    const path = new URL(url).pathname.slice(1) || 'index.html';
    brotli += (path.startsWith('api/') ? null : brotliSize(target.webRoot, path)) ?? wire;
  }

  const idleStart = await taskSeconds(cdp);
  await page.waitForTimeout(IDLE_SECONDS * 1000);
  const idleCpu = ((await taskSeconds(cdp)) - idleStart) / IDLE_SECONDS;

  // The list to scroll: the same page for the plain program; for the portal the staff queue, after
  // a sign-in through the mirror, with its first page of rows on screen.
  if (target.listHash) await page.evaluate((hash) => { window.location.hash = hash; }, target.listHash);
  if (target.staff) await signIn(page);
  await page.mouse.move(640, 560);  // over the list's rows
  await page.waitForTimeout(2000);
  await page.evaluate(() => { window.aftercareFrameTimes = []; window.aftercareRenderTimes = []; });
  for (let i = 0; i < WHEEL_STEPS; i++) {
    await page.mouse.wheel(0, 120);
    await page.waitForTimeout(16);
  }
  await page.waitForTimeout(500);
  const frameTimes = await page.evaluate(() => window.aftercareFrameTimes);
  // The portal draws in a worker (shell/renderer.js): its WebGL time there, off the main thread.
  const renderTimes = await page.evaluate(() => window.aftercareRenderTimes);

  const result = {
    firstVisitKb: brotli / 1024,
    firstVisitFiles: fetched.size,
    idleCpuPercent: idleCpu * 100,
    scrollFrames: frameTimes.length,
    frameP50: percentile(frameTimes, 50),
    frameP95: percentile(frameTimes, 95),
    renderP50: renderTimes.length ? percentile(renderTimes, 50) : NaN,
    newTextFrameMs: NaN,
    glyphP50: NaN,
    glyphP99: NaN,
  };
  if (target.staff) {
    result.newTextFrameMs = await newTextFrame(page, await ticketWithNewCharacters(server.url, text), text);
    const micros = await page.evaluate(() => (window.aftercareGlyphs ? [...window.aftercareGlyphs.values()].map((g) => g.micros) : []));
    result.glyphP50 = percentile(micros, 50);
    result.glyphP99 = percentile(micros, 99);
    result.glyphsDrawn = micros.length;
  }
  await context.close();
  return result;
}

const text = newCharacters();
const browser = await launchBrowser();
await warmUpGpu(browser);
const servers = {};
const results = {};
try {
  for (const [name, target] of Object.entries(targets)) {
    process.env.AFTERCARE_WEB_ROOT = target.webRoot;
    servers[name] = await startServer(target.staff ? { prepare: loadTickets, admin: STAFF } : {});
  }
  // Start-up times move by half from one load to the next on this machine (the GPU process, here
  // SwiftShader on the same two cores, is busy or not when a page asks it for something), and the
  // first loads of a browser pay for warming it up. So each program is loaded STARTUP_RUNS times,
  // in turns, after one load that is not counted, and the medians are compared.
  const visits = Object.fromEntries(Object.keys(targets).map((name) => [name, []]));
  for (let round = 0; round <= STARTUP_RUNS; round++) {
    for (const name of Object.keys(targets)) {
      const times = await startUp(browser, servers[name]);
      if (round > 0) visits[name].push(times);
    }
  }
  for (const [name, target] of Object.entries(targets)) {
    const startUpTimes = Object.fromEntries(['firstFrameMs', 'interactiveMs', 'textCompleteMs']
      .map((key) => [key, percentile(visits[name].map((v) => v[key]).filter(Number.isFinite), 50)]));
    const firstFrames = visits[name].map((v) => v.firstFrameMs);
    const measured = await measure(browser, servers[name], target, text).catch((error) => {
      error.message = `measuring ${name}: ${error.message}`;  // which build's page failed
      throw error;
    });
    results[name] = { ...measured, ...startUpTimes,
      firstFrameRange: [Math.min(...firstFrames), Math.max(...firstFrames)] };
  }
} finally {
  for (const server of Object.values(servers)) await server.stop();
  await browser.close();
}

const rows = [
  [`first visit: fetched in ${FIRST_VISIT_SECONDS} s, brotli (KB)`, 'firstVisitKb', (v) => v.toFixed(1)],
  ['first visit: requests', 'firstVisitFiles', (v) => String(v)],
  ['time to first frame, median (ms)', 'firstFrameMs', (v) => v.toFixed(0)],
  ['time to first interactive frame, median (ms)', 'interactiveMs', (v) => v.toFixed(0)],
  ['time to first frame with complete text, median (ms)', 'textCompleteMs', (v) => v.toFixed(0)],
  [`idle main-thread CPU over ${IDLE_SECONDS} s (%)`, 'idleCpuPercent', (v) => v.toFixed(2)],
  ['frames drawn while scrolling', 'scrollFrames', (v) => String(v)],
  ['frame CPU while scrolling, p50 (ms)', 'frameP50', (v) => v.toFixed(2)],
  ['frame CPU while scrolling, p95 (ms)', 'frameP95', (v) => v.toFixed(2)],
  ['the renderer worker\'s WebGL time per frame while scrolling, p50 (ms)', 'renderP50', (v) => v.toFixed(2)],
  [`frame showing ${NEW_CHARACTERS} new characters, CPU (ms)`, 'newTextFrameMs', (v) => v.toFixed(1)],
  ['browser glyph, p50 (µs)', 'glyphP50', (v) => v.toFixed(0)],
  ['browser glyph, p99 (µs)', 'glyphP99', (v) => v.toFixed(0)],
];
const shown = (v, format) => (Number.isFinite(v) ? format(v) : 'n/a');
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? (a / b).toFixed(3) : 'n/a');
const before = results.before;
console.log(`| measure | portal |${before ? ' before |' : ''} plain ImGui | portal / plain |${before ? ' portal / before |' : ''}`);
console.log(`|---|---:|${before ? '---:|' : ''}---:|---:|${before ? '---:|' : ''}`);
for (const [label, key, format] of rows) {
  const p = results.portal[key];
  const b = before?.[key];
  const plain = results.plain[key];
  console.log(`| ${label} | ${shown(p, format)} |${before ? ` ${shown(b, format)} |` : ''} ${shown(plain, format)} | ` +
    `${ratio(p, plain)} |${before ? ` ${ratio(p, b)} |` : ''}`);
}
console.log(`\nStart-up: ${STARTUP_RUNS} first visits of each program, in turns, after one not counted; first frame ` +
  Object.entries(results).map(([name, r]) => `${name} ${r.firstFrameRange.map((v) => v.toFixed(0)).join('–')} ms`).join(', ') + '.');
if (results.portal.glyphsDrawn) console.log(`\n(${results.portal.glyphsDrawn} distinct characters drawn by the browser in the portal's run)`);
