// Launches Debian's Chromium headless through playwright-core, with the flags this machine needs:
// WebGL through SwiftShader, and no background network traffic (the sandbox has no internet).
import { chromium } from 'playwright-core';

const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--use-gl=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_FLAGS,
  });
}

// Opens a page that records console errors and uncaught exceptions, for tests to assert on.
// `timezoneId` (e.g. 'Asia/Shanghai') sets the page's time zone; the default is the machine's.
export async function openPage(browser, url, { width = 1280, height = 800, deviceScaleFactor = 1, locale = 'zh-CN',
                                              hasTouch = false, isMobile = false, timezoneId } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor, locale, hasTouch, isMobile,
                                             timezoneId });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`));
  await page.goto(url);
  return { context, page, problems };
}

// Resolves once the wasm has drawn its first frame (the shell dispatches 'aftercare-ready').
export async function waitForPortal(page, timeout = 30000) {
  await page.waitForFunction(() => document.documentElement.classList.contains('aftercare-ready'), null, { timeout });
}
