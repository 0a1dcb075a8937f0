// Where start-up time goes (issue 22): loads a page of the portal in Debian's Chromium with the CPU
// slowed as on a phone, records a Chrome trace with the JavaScript/wasm sampling profiler, and
// prints every main-thread task longer than a threshold with the browser's own events in it
// (layout, commit, wasm compilation…) and the functions it spent its time in, inclusive.
//
//   node bench/startup-tasks.mjs [path]     e.g. '' (home), 'kiosk.html', 'track' (a new ticket's
//                                           tracking link, as bench/lighthouse.mjs opens it)
//
// Names of wasm functions need a portal linked with --profiling-funcs: configure the web build with
// -DAFTERCARE_PROFILING_FUNCS=ON (relinks only). Environment: AFTERCARE_SERVER and AFTERCARE_WEB_ROOT
// as for the browser tests; CPU_SLOWDOWN (default 4, Lighthouse's mobile profile), LONG_TASK_MS
// (default 50), TOP (functions per task, default 12), WAIT_MS (how long to record, default 8000),
// WARM_GPU=1 (a browser whose GPU process has already started), PROFILE=0 (no sampling profiler: its
// code logging slows wasm compilation, so task lengths are nearer an unprofiled load's).
//
// Chromium compiles a wasm function the first time it is called, on the thread that calls it
// (V8's lazy compilation): each task also lists how many functions it compiled and the costliest.
import { readFileSync } from 'node:fs';

import { chromium } from 'playwright-core';

import { startServer } from '../tests/browser/lib/server.mjs';
import { GPU_FLAGS, warmUpGpu } from './gpu.mjs';
import { ticketLink } from './ticket-link.mjs';

const SLOWDOWN = Number(process.env.CPU_SLOWDOWN || 4);
const LONG_TASK_MS = Number(process.env.LONG_TASK_MS || 50);
const TOP = Number(process.env.TOP || 12);
const WAIT_MS = Number(process.env.WAIT_MS || 8000);
const FLAGS = ['--no-sandbox', ...GPU_FLAGS];
// Frames every sample has (the event loop and emscripten's main loop): they say nothing.
const PLUMBING = /^\((root|program|idle)\)$|^(js-to-wasm|wasm-to-js|callUserCallback|runIter|browserIterationFunc|Browser_mainLoop_runner|doRun|run|runCaller|removeRunDependency|receiveInstance|receiveInstantiationResult)$/;

// The wasm's function names by index, from its "name" section (present with --profiling-funcs).
function wasmFunctionNames(path) {
  const names = new Map();
  let bytes;
  try { bytes = readFileSync(path); } catch { return names; }
  let at = 8;  // magic and version
  const leb = () => { let value = 0, shift = 0, byte; do { byte = bytes[at++]; value += (byte & 0x7f) * 2 ** shift; shift += 7; } while (byte & 0x80); return value; };
  const text = (length) => bytes.toString('utf8', at, (at += length));
  while (at < bytes.length) {
    const id = bytes[at++];
    const end = leb() + at;
    if (id === 0 && text(leb()) === 'name') {
      while (at < end) {
        const subsection = bytes[at++];
        const subsectionEnd = leb() + at;
        if (subsection === 1) {  // function names
          for (let count = leb(); count > 0; count -= 1) { const index = leb(); names.set(index, text(leb())); }
        }
        at = subsectionEnd;
      }
    }
    at = end;
  }
  return names;
}

function functionName(node) {
  const name = node?.callFrame?.functionName || '(anonymous)';
  return name.replace(/std::__2::/g, '').replace(/nlohmann::json_abi_v3_11_2::/g, 'nlohmann::').slice(0, 110);
}

const server = await startServer();
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true, args: FLAGS });
try {
  // Cold by default, as Lighthouse's fresh browser is; WARM_GPU=1 measures a browser that has
  // already drawn WebGL (bench/gpu.mjs), as a phone's has.
  if (process.env.WARM_GPU === '1') await warmUpGpu(browser);
  // Lighthouse's phone: 412 × 823 CSS pixels at 1.75 device pixels each.
  const page = await browser.newPage({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75 });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOWDOWN });
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline',
    'v8.execute', 'v8.wasm', ...(process.env.PROFILE === '0' ? [] : ['disabled-by-default-v8.cpu_profiler']),
    'loading', 'blink.user_timing'] });
  const path = process.argv[2] === 'track' ? await ticketLink(server) : process.argv[2] ?? '';
  await page.goto(new URL(path, server.url).href);
  await page.waitForTimeout(WAIT_MS);
  const { traceEvents } = JSON.parse((await browser.stopTracing()).toString());

  const main = traceEvents.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const onMain = (e) => e.pid === main.pid && e.tid === main.tid;
  const navigationStart = traceEvents.find((e) => e.name === 'navigationStart' && e.pid === main.pid)?.ts ??
    Math.min(...traceEvents.filter(onMain).map((e) => e.ts).filter((ts) => ts > 0));

  // The profiler's samples, on the trace's clock.
  const nodes = new Map();
  const samples = [];
  // Only the main thread's profile: the renderer's worker (shell/renderer.js) has one of its own.
  const profile = traceEvents.find((e) => e.name === 'Profile' && onMain(e));
  let clock = profile?.args?.data?.startTime ?? 0;
  for (const chunk of traceEvents.filter((e) => e.name === 'ProfileChunk' && e.pid === main.pid && e.id === profile?.id)) {
    const profile = chunk.args.data.cpuProfile || {};
    for (const node of profile.nodes || []) nodes.set(node.id, node);
    const deltas = chunk.args.data.timeDeltas || [];
    (profile.samples || []).forEach((id, i) => { clock += deltas[i] || 0; samples.push([clock, id]); });
  }

  const wasmNames = wasmFunctionNames(`${process.env.AFTERCARE_WEB_ROOT}/aftercare.wasm`);
  const compiles = traceEvents.filter((e) => onMain(e) && e.name === 'wasm.CompileLazy' && e.dur);
  const tasks = traceEvents.filter((e) => onMain(e) && e.name === 'RunTask' && e.dur > LONG_TASK_MS * 1000);
  let total = 0;
  for (const task of tasks) {
    const end = task.ts + task.dur;
    total += task.dur / 1000 - 50;
    const browserEvents = new Map();
    for (const e of traceEvents) {
      if (!onMain(e) || e.ph !== 'X' || e === task || !e.dur || e.ts < task.ts || e.ts + e.dur > end) continue;
      browserEvents.set(e.name, (browserEvents.get(e.name) || 0) + e.dur);
    }
    const inclusive = new Map();
    let count = 0;
    for (const [ts, id] of samples) {
      if (ts < task.ts || ts > end) continue;
      count += 1;
      const seen = new Set();
      for (let at = id; at; at = nodes.get(at)?.parent) {
        const name = functionName(nodes.get(at));
        if (seen.has(name) || PLUMBING.test(name)) continue;
        seen.add(name);
        inclusive.set(name, (inclusive.get(name) || 0) + 1);
      }
    }
    console.log(`\ntask at ${Math.round((task.ts - navigationStart) / 1000)} ms: ${Math.round(task.dur / 1000)} ms`);
    const events = [...browserEvents].sort((a, b) => b[1] - a[1]).slice(0, 6);
    console.log(`  browser: ${events.map(([name, us]) => `${name} ${Math.round(us / 1000)} ms`).join(', ') || '—'}`);
    for (const [name, n] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, TOP)) {
      console.log(`  ${String(Math.round((100 * n) / count)).padStart(3)}%  ${name}`);
    }
    const compiled = compiles.filter((e) => e.ts >= task.ts && e.ts + e.dur <= end).sort((a, b) => b.dur - a.dur);
    if (compiled.length > 0) {
      const ms = compiled.reduce((sum, e) => sum + e.dur, 0) / 1000;
      console.log(`  compiled ${compiled.length} wasm functions, ${Math.round(ms)} ms; the costliest: ` +
        compiled.slice(0, TOP).map((e) => `${functionName({ callFrame: { functionName: wasmNames.get(e.args?.func_index) ?? `#${e.args?.func_index}` } })} ` +
          `${(e.dur / 1000).toFixed(1)}`).join(', '));
    }
  }
  console.log(`\n${tasks.length} tasks over ${LONG_TASK_MS} ms; blocking time over 50 ms: ${Math.round(total)} ms ` +
    `(CPU ${SLOWDOWN}× slower)`);
} finally {
  await browser.close();
  await server.stop();
}
