// Smoke test: the real server hosts the wasm portal and headless Chromium runs it.
// Fails when the wasm does not start, draws nothing, logs errors, or is served wrongly.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openPage, waitForPortal } from './lib/browser.mjs';
import { decodePng, pixelStats } from './lib/png.mjs';
import { saveScreenshot } from './lib/screenshots.mjs';
import { waitForSettled } from './lib/portal.mjs';
import { startServer } from './lib/server.mjs';

describe('portal smoke', () => {
  let server;
  let browser;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const viewport of [
    { name: 'desktop', width: 1280, height: 800 },
    { name: 'phone', width: 390, height: 844, deviceScaleFactor: 2 },
  ]) {
    test(`the wasm portal starts and draws the home screen (${viewport.name})`, async () => {
      const { context, page, problems } = await openPage(browser, server.url, viewport);
      try {
        await waitForPortal(page);
        assert.equal(await page.locator('#loading').count(), 0, 'the HTML loading state is gone');
        assert.match(await page.title(), /安心售后/, 'the wasm set the document title');
        assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');

        const canvas = await page.evaluate(() => {
          const c = document.getElementById('canvas');
          return { ...window.aftercareFramebuffer, cssWidth: c.clientWidth, ratio: window.devicePixelRatio };
        });
        assert.equal(canvas.width, Math.round(canvas.cssWidth * canvas.ratio), 'framebuffer follows devicePixelRatio');

        await waitForSettled(page);  // ImGui's settling frames have landed
        const png = await page.locator('#canvas').screenshot();
        const stats = pixelStats(decodePng(png));
        assert.ok(stats.distinctColours > 50, `canvas has drawn content (${stats.distinctColours} colours)`);
        assert.ok(stats.nonBackgroundShare > 0.02, `canvas is not blank (${stats.nonBackgroundShare})`);
        saveScreenshot(`home-zh-${viewport.name}.png`, png);

        assert.deepEqual(problems, [], 'no console errors or failed requests');
      } finally {
        await context.close();
      }
    });
  }

  test('static files: wasm MIME type, precompressed variants, validators', async () => {
    const wasm = await fetch(new URL('aftercare.wasm', server.url), { headers: { 'accept-encoding': 'br, gzip' } });
    assert.equal(wasm.status, 200);
    assert.equal(wasm.headers.get('content-type'), 'application/wasm');
    assert.equal(wasm.headers.get('content-encoding'), 'br');
    assert.match(wasm.headers.get('vary') || '', /accept-encoding/i);
    const etag = wasm.headers.get('etag');
    assert.ok(etag, 'an ETag is sent');
    await wasm.arrayBuffer();

    const gzip = await fetch(new URL('aftercare.wasm', server.url), { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(gzip.headers.get('content-encoding'), 'gzip');
    await gzip.arrayBuffer();

    const again = await fetch(new URL('aftercare.wasm', server.url), {
      headers: { 'accept-encoding': 'br, gzip', 'if-none-match': etag },
    });
    assert.equal(again.status, 304, 'a matching ETag revalidates without a body');

    const page = await fetch(server.url);
    assert.match(page.headers.get('content-type') || '', /^text\/html/);
    assert.match(page.headers.get('content-security-policy') || '', /frame-ancestors/);
    assert.equal(page.headers.get('x-content-type-options'), 'nosniff');

    const traversal = await fetch(new URL('/..%2f..%2fetc%2fpasswd', server.url));
    assert.equal(traversal.status, 404);
  });
});
