// Lighthouse's mobile profile (issue 22): the home page, a ticket page opened from a tracking link
// (as from an SMS) and the kiosk, beside the plain ImGui program, each loaded BENCH_LIGHTHOUSE_RUNS
// times (default 3) in Debian's Chromium; prints the median run of each page by performance score.
// BENCH_BEFORE_WEB_ROOT (another checkout's build/web/dist) adds the same pages of an earlier build.
// Run through scripts/bench-web, which builds first and installs Lighthouse (bench/package.json).
//
// The profile is Lighthouse's default: a mid-range Android phone, simulated slow 4G and a 4× slower
// CPU. This machine has no GPU; Chromium is told to use SwiftShader through ANGLE as one, so that
// compositing works as on a phone (where the GPU does it) instead of Chromium's GPU-less fallback,
// which copies every WebGL frame back to the main thread — a cost no phone has. BENCH_LIGHTHOUSE_GPU=none
// measures with that fallback (Chromium's default on a machine without a GPU) instead.
//
// An empty page (a title and one sentence, no script) is measured too: its longest task is the
// browser's own work of committing a navigation, slowed 4× like the rest. On the 2-core hosts of
// docs/benchmarks.md that task alone is ~100–150 ms, so the table also gives the longest task run
// by the page's own scripts (the wasm counts as aftercare.js), the part a page can shorten.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

import { startServer } from '../tests/browser/lib/server.mjs';
import { GPU_FLAGS as SWIFTSHADER } from './gpu.mjs';
import { ticketLink } from './ticket-link.mjs';

const root = new URL('..', import.meta.url).pathname;
const RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS || 3);
const GPU_FLAGS = process.env.BENCH_LIGHTHOUSE_GPU === 'none' ? [] : SWIFTSHADER;
const CHROMIUM_FLAGS = ['--headless=new', '--no-sandbox', '--disable-background-networking',
  '--disable-component-update', ...GPU_FLAGS];

// One Lighthouse run: the figures of the table, simulated for the phone.
async function measure(chrome, url) {
  const { lhr } = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error' });
  const audit = (id) => lhr.audits[id];
  const tasks = audit('long-tasks')?.details?.items ?? [];
  const scripted = tasks.filter((t) => /\.m?js$/.test(new URL(t.url, url).pathname));
  return {
    performance: Math.round((lhr.categories.performance.score ?? 0) * 100),
    accessibility: Math.round((lhr.categories.accessibility.score ?? 0) * 100),
    tbt: audit('total-blocking-time').numericValue,
    tti: audit('interactive').numericValue,
    fcp: audit('first-contentful-paint').numericValue,
    lcp: audit('largest-contentful-paint').numericValue,
    longest: Math.max(0, ...tasks.map((t) => t.duration)),
    longestScripted: Math.max(0, ...scripted.map((t) => t.duration)),
    mainThread: audit('mainthread-work-breakdown').numericValue,
    bytes: audit('total-byte-weight').numericValue,
    benchmarkIndex: lhr.environment.benchmarkIndex,
    error: lhr.runtimeError?.message ?? (lhr.categories.performance.score === null ? 'no score' : null),
  };
}

async function median(chrome, url) {
  const runs = [];
  for (let i = 0; i < RUNS; i += 1) runs.push(await measure(chrome, url));
  runs.sort((a, b) => a.performance - b.performance);
  return { ...runs[Math.floor(runs.length / 2)], scores: runs.map((r) => r.performance) };
}

const ms = (v) => (Number.isFinite(v) ? `${Math.round(v)} ms` : 'n/a');
const kb = (v) => (Number.isFinite(v) ? `${Math.round(v / 1024)} KB` : 'n/a');

const results = [];
const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  chromeFlags: CHROMIUM_FLAGS });
try {
  const builds = [['', join(root, 'build/web/dist')]];
  if (process.env.BENCH_BEFORE_WEB_ROOT) builds.push(['before: ', process.env.BENCH_BEFORE_WEB_ROOT]);
  for (const [label, webRoot] of builds) {
    process.env.AFTERCARE_WEB_ROOT = webRoot;
    const portal = await startServer();
    try {
      const pages = [['home', ''], ['tracking link', await ticketLink(portal)], ['kiosk', 'kiosk.html']];
      for (const [name, path] of pages) {
        results.push([label + name, await median(chrome, new URL(path, portal.url).href)]);
      }
    } finally {
      await portal.stop();
    }
  }
  const emptyRoot = mkdtempSync(join(tmpdir(), 'aftercare-empty-page-'));
  writeFileSync(join(emptyRoot, 'index.html'), '<!doctype html><html lang="en"><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width"><title>Empty page</title>' +
    '<p>An empty page.</p></html>');
  process.env.AFTERCARE_WEB_ROOT = emptyRoot;
  const empty = await startServer();
  try {
    results.push(['empty page', await median(chrome, empty.url)]);
  } finally {
    await empty.stop();
    rmSync(emptyRoot, { recursive: true, force: true });
  }
  // The plain program draws every frame, so the page never goes quiet: Lighthouse measures what it
  // can (main-thread work) and reports no score, TBT or TTI.
  process.env.AFTERCARE_WEB_ROOT = join(root, 'build/web/bench/plain');
  const plain = await startServer();
  try {
    results.push(['plain ImGui', await median(chrome, plain.url)]);
  } finally {
    await plain.stop();
  }
} finally {
  await chrome.kill();
}

const header = ['page', 'performance', `scores of ${RUNS} runs`, 'TBT', 'TTI', 'longest task',
  'longest in its scripts', 'FCP', 'LCP',
  'main thread', 'bytes', 'accessibility', 'host benchmarkIndex'];
const rows = results.map(([name, r]) => [name, r.error && !r.performance ? `— (${r.error.slice(0, 40)})` : r.performance,
  r.scores.join(' / '), ms(r.tbt), ms(r.tti), ms(r.longest), ms(r.longestScripted), ms(r.fcp), ms(r.lcp),
  ms(r.mainThread), kb(r.bytes),
  r.accessibility, Math.round(r.benchmarkIndex)]);
const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`,
  ...rows.map((row) => `| ${row.join(' | ')} |`)];
console.log(lines.join('\n'));
if (process.env.BENCH_LIGHTHOUSE_JSON) writeFileSync(process.env.BENCH_LIGHTHOUSE_JSON, JSON.stringify(results, null, 2));
