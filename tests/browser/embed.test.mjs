// Embedding (issue 8): a vendor page on another origin embeds the portal with one script tag.
// The portal loads in the iframe, takes the vendor's colour and name, grows the iframe to its
// content, obeys commands from its parent, and ignores messages from anyone else; an origin
// that is not on the server's allowlist cannot frame it at all, and the embedding URL opened on
// its own is the plain portal (issue #14, finding 12).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';

import { launchBrowser } from './lib/browser.mjs';
import { tap, type, waitForSettled, waitForValue } from './lib/portal.mjs';
import { saveScreenshot } from './lib/screenshots.mjs';
import { startServer } from './lib/server.mjs';

// A vendor's web server: the demo page from shell/, with embed.js loaded from the portal.
// It listens before the portal starts (its origin goes on the portal's allowlist), so the
// portal's address is given later through setPortal().
async function startVendorSite(host) {
  const dist = process.env.AFTERCARE_WEB_ROOT;
  const read = (name) => readFileSync(join(dist, name), 'utf8');
  let portalUrl = '';
  const server = createServer((request, response) => {
    const path = new URL(request.url, 'http://x').pathname;
    const files = {
      '/vendor-demo.html': ['text/html; charset=utf-8', () => read('vendor-demo.html').replace('src="embed.js"', `src="${portalUrl}embed.js"`)],
      '/vendor-demo.css': ['text/css', () => read('vendor-demo.css')],
      '/vendor-demo.js': ['text/javascript', () => read('vendor-demo.js')],
    };
    if (!files[path]) { response.writeHead(404).end(); return; }
    response.writeHead(200, { 'content-type': files[path][0] }).end(files[path][1]());
  });
  await new Promise((resolve) => server.listen(0, host, resolve));
  const origin = `http://${host}:${server.address().port}`;
  return {
    origin,
    url: `${origin}/vendor-demo.html`,
    setPortal: (url) => { portalUrl = url; },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

describe('embedding in a vendor site', () => {
  let portal, vendor, stranger, browser;

  before(async () => {
    vendor = await startVendorSite('127.0.0.2');
    stranger = await startVendorSite('127.0.0.3');  // not on the allowlist
    portal = await startServer({ extraArgs: ['--embed-origins', vendor.origin] });
    vendor.setPortal(portal.url);
    stranger.setPortal(portal.url);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await vendor?.close();
    await stranger?.close();
    await portal?.stop();
  });

  async function openVendorPage(url) {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(url);
    return { context, page };
  }

  test('the portal loads in the iframe, in the vendor colours, and grows to its content', async () => {
    const { context, page } = await openVendorPage(vendor.url);
    try {
      const frame = page.frameLocator('iframe');
      await frame.locator('html.aftercare-ready').waitFor({ timeout: 30000 });
      assert.match(await frame.locator('html').evaluate(() => document.title), /示例电器售后/);
      await page.waitForFunction(() => parseInt(document.querySelector('iframe').style.height, 10) > 900);
      const height = await page.evaluate(() => parseInt(document.querySelector('iframe').style.height, 10));
      const inner = await frame.locator('#a11y-scroll').evaluate((s) => [s.scrollHeight, s.clientHeight]);
      assert.ok(inner[0] <= inner[1] + 1, `no scrolling inside the iframe (${inner}) at height ${height}`);
      await frame.getByRole('button', { name: '报修' }).waitFor();
      saveScreenshot('embed-vendor-page.png', await page.screenshot({ fullPage: true }));
    } finally {
      await context.close();
    }
  });

  test('commands from the vendor page are obeyed; messages from anyone else are not', async () => {
    const { context, page } = await openVendorPage(vendor.url);
    try {
      const frame = page.frames().find((f) => f !== page.mainFrame()) || (await (await page.waitForSelector('iframe')).contentFrame());
      await frame.waitForSelector('html.aftercare-ready', { timeout: 30000 });
      const portalFrame = page.frames().find((f) => f.url().startsWith(portal.url));

      // The portal posting to itself has its own origin, not its parent's: ignored. A marker posted
      // after it is handled after it (one window, one queue); then the portal is left to settle: had
      // the command been obeyed, the portal would be showing the FAQ by now.
      await portalFrame.evaluate(() => new Promise((resolve) => {
        window.addEventListener('message', function marker(event) {
          if (event.data !== 'test:after-open') return;
          window.removeEventListener('message', marker);
          resolve();
        });
        window.postMessage({ type: 'aftercare:open', screen: 'faq' }, '*');
        window.postMessage('test:after-open', '*');
      }));
      await waitForSettled(portalFrame);
      assert.doesNotMatch(portalFrame.url(), /#\/faq/);

      // The vendor page (through embed.js) opens a screen: obeyed, and reported back.
      const navigated = page.evaluate(() => new Promise((resolve) => {
        window.AftercareEmbed.on('aftercare:navigated', (detail) => resolve(detail.route));
      }));
      await page.evaluate(() => window.AftercareEmbed.open('faq', { q: '保修' }));
      assert.equal(await navigated, '#/faq?q=%E4%BF%9D%E4%BF%AE');

      // A resize message from the vendor's own window (not the portal) is ignored by embed.js:
      // obeyed, it would shrink the iframe to embed.js's 200 px minimum.
      await page.evaluate(() => window.postMessage({ type: 'aftercare:resize', height: 5 }, '*'));
      // A marker posted after it arrives after it (one window, one queue): by then embed.js has
      // seen the resize message.
      await page.evaluate(() => new Promise((resolve) => {
        window.addEventListener('message', function marker(event) {
          if (event.data !== 'test:after-resize') return;
          window.removeEventListener('message', marker);
          resolve();
        });
        window.postMessage('test:after-resize', '*');
      }));
      assert.notEqual(await page.evaluate(() => document.querySelector('iframe').style.height), '200px');
    } finally {
      await context.close();
    }
  });

  test('a ticket created in the portal is reported to the vendor page with its service number', async () => {
    const { context, page } = await openVendorPage(vendor.url);
    try {
      const frame = await (await page.waitForSelector('iframe')).contentFrame();
      await frame.waitForSelector('html.aftercare-ready', { timeout: 30000 });
      const created = page.evaluate(() => new Promise((resolve) => {
        window.AftercareEmbed.on('aftercare:ticket-created', resolve);
      }));
      await page.evaluate(() => window.AftercareEmbed.open('complain'));

      await tap(frame.getByRole('radio', { name: '响应或上门不及时' }));
      await type(frame.getByRole('textbox', { name: '具体经过' }), '约定上午十点上门，工程师十二点才到。');
      await type(frame.getByRole('textbox', { name: '您的称呼' }), '周杰');
      await type(frame.getByRole('textbox', { name: '手机号' }), '13700137000');
      await tap(frame.getByRole('button', { name: '提交投诉' }));

      const detail = await created;
      assert.match(detail.serviceNumber, /^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
      assert.equal(detail.kind, 'complaint');
      // The number the vendor heard is the one the customer is shown.
      await frame.getByRole('status').filter({ hasText: detail.serviceNumber }).waitFor();
    } finally {
      await context.close();
    }
  });

  test('the product the vendor page names goes into the repair form, its warranty checked', async () => {
    const { context, page } = await openVendorPage(vendor.url);
    try {
      const frame = await (await page.waitForSelector('iframe')).contentFrame();
      await frame.waitForSelector('html.aftercare-ready', { timeout: 30000 });
      await tap(frame.getByRole('button', { name: '报修', exact: true }));
      // vendor-demo.html embeds with data-serial="KF200-2401-0123" (in the register, in warranty).
      await waitForValue(frame.getByRole('textbox', { name: '产品序列号' }), 'KF200-2401-0123');
      await frame.getByRole('heading', { name: '在保修期内' }).waitFor();
    } finally {
      await context.close();
    }
  });

  test('the embedding URL opened on its own is the plain portal, not dressed as a vendor', async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'zh-CN' });
    try {
      const page = await context.newPage();
      // What a phishing mail could link to: the portal's own address with a vendor's name and colour.
      await page.goto(`${portal.url}?embed=1&vendor=${encodeURIComponent('冒名电器售后')}&brand=%23E60012&lang=zh-CN`);
      await page.waitForSelector('html.aftercare-ready', { timeout: 30000 });
      await waitForSettled(page);
      const title = await page.title();
      assert.doesNotMatch(title, /冒名电器售后/);
      assert.match(title, /安心售后/, `the portal's own name (${title})`);
      assert.equal(await page.evaluate(() => document.documentElement.classList.contains('aftercare-embedded')), false);
      assert.equal(await page.getByText('冒名电器售后').count(), 0);
      // The same URL inside the allowed vendor's frame is branded (the tests above), so the URL alone
      // decides nothing.
    } finally {
      await context.close();
    }
  });

  test('an origin that is not on the allowlist cannot frame the portal', async () => {
    const { context, page } = await openVendorPage(stranger.url);
    try {
      await page.waitForSelector('iframe');
      // The page's load event waits for its iframe to load or be refused: after it, the frame holds
      // whatever the browser decided to show.
      await page.waitForLoadState('load');
      const portalFrame = page.frames().find((f) => f.url().startsWith(portal.url));
      const loaded = portalFrame ? await portalFrame.evaluate(() => !!document.querySelector('#canvas')).catch(() => false) : false;
      assert.equal(loaded, false, 'the browser refused to render the portal in the frame');
    } finally {
      await context.close();
    }
  });
});
