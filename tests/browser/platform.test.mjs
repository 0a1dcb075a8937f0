// Browser-native behaviour of the canvas portal (issue 6): on-demand drawing, Chinese IME,
// clipboard paste, high-DPI, hash routing with back/forward, keyboard order, touch scrolling
// without accidental presses, surviving a lost WebGL context, and drawing without a worker.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { launchBrowser, openPage, waitForPortal } from './lib/browser.mjs';
import { decodePng, pixelStats } from './lib/png.mjs';
import { tap, type, waitForSettled } from './lib/portal.mjs';
import { startServer } from './lib/server.mjs';
import { saveScreenshot } from './lib/screenshots.mjs';

const frames = (page) => page.evaluate(() => window.aftercareFrames || 0);
// How long an idle page is watched for frames it should not draw: an observation window, not a
// wait for something to happen (nothing should).
const IDLE_WATCH_MS = 1000;

describe('browser-native behaviour', () => {
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

  async function portal(options = {}) {
    const opened = await openPage(browser, server.url + (options.hash || ''), options);
    await waitForPortal(opened.page);
    await waitForSettled(opened.page);
    return opened;
  }

  test('an idle page draws no frames; input draws a few', async () => {
    const { context, page } = await portal();
    try {
      // Idle means nothing is still on its way either: an answer arriving draws, and rightly so.
      await page.waitForLoadState('networkidle');
      await waitForSettled(page);
      const before = await frames(page);
      await page.waitForTimeout(IDLE_WATCH_MS);
      assert.equal(await frames(page), before, 'no frame is drawn while nothing happens');
      await page.mouse.move(300, 300);
      await waitForSettled(page);
      const afterMove = await frames(page);
      assert.ok(afterMove > before, 'a pointer move draws');
      await page.waitForTimeout(IDLE_WATCH_MS);
      assert.equal(await frames(page), afterMove, 'and drawing stops again');
    } finally {
      await context.close();
    }
  });

  test('pinyin IME composition types Chinese into a field', async () => {
    const { context, page, problems } = await portal();
    try {
      const field = page.getByRole('textbox', { name: '搜索常见问题' });
      await tap(field);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Input.imeSetComposition', { text: 'bao', selectionStart: 3, selectionEnd: 3 });
      await waitForSettled(page);
      await cdp.send('Input.insertText', { text: '保修' });
      await waitForSettled(page);
      assert.equal(await field.inputValue(), '保修');
      await page.keyboard.press('Enter');
      // The route is built from ImGui's copy of the text: it proves the text reached the app.
      await page.waitForURL(/#\/faq\?q=%E4%BF%9D%E4%BF%AE$/);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test('paste from the clipboard into a field', async () => {
    const { context, page } = await portal();
    try {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
      await page.evaluate(() => navigator.clipboard.writeText('无法开机'));
      const field = page.getByRole('textbox', { name: '搜索常见问题' });
      await tap(field);
      await page.keyboard.press('Control+V');
      await waitForSettled(page);
      assert.equal(await field.inputValue(), '无法开机');
      await tap(page.getByRole('button', { name: '搜索' }));
      await page.waitForURL(/#\/faq\?q=%E6%97%A0%E6%B3%95%E5%BC%80%E6%9C%BA$/);
    } finally {
      await context.close();
    }
  });

  for (const deviceScaleFactor of [1, 2, 3]) {
    test(`crisp at devicePixelRatio ${deviceScaleFactor}`, async () => {
      const { context, page } = await portal({ width: 390, height: 700, deviceScaleFactor });
      try {
        // The size the renderer last drew at (its canvas may belong to a worker: shell/renderer.js).
        const size = await page.evaluate(() => {
          const c = document.getElementById('canvas');
          return { ...window.aftercareFramebuffer, cssWidth: c.clientWidth, cssHeight: c.clientHeight };
        });
        assert.equal(size.width, Math.round(size.cssWidth * deviceScaleFactor));
        assert.equal(size.height, Math.round(size.cssHeight * deviceScaleFactor));
        const png = await page.locator('#canvas').screenshot({ scale: 'device' });
        const image = decodePng(png);
        assert.equal(image.width, size.width, 'the screenshot has one pixel per framebuffer pixel');
        assert.ok(pixelStats(image).distinctColours > 50);
        saveScreenshot(`dpr-${deviceScaleFactor}.png`, png);
      } finally {
        await context.close();
      }
    });
  }

  test('hash routes: deep link, title, back and forward', async () => {
    const { context, page } = await portal({ hash: '#/faq?q=%E4%BF%9D%E4%BF%AE' });
    try {
      assert.match(await page.title(), /^常见问题/);
      assert.equal(await page.getByRole('textbox', { name: '搜索问题' }).inputValue(), '保修');
      await tap(page.getByRole('button', { name: '返回' }));
      await page.waitForURL(/#\/$/);
      assert.match(await page.title(), /^首页/);
      // The address changes first; the screen and its title follow in the portal's next frame.
      const titled = (prefix) => page.waitForFunction((p) => document.title.startsWith(p), prefix);
      await page.goBack();
      await page.waitForURL(/#\/faq/);
      await titled('常见问题');
      await page.getByRole('textbox', { name: '搜索问题' }).waitFor();
      await page.goForward();
      await page.waitForURL(/#\/$/);
      await titled('首页');
    } finally {
      await context.close();
    }
  });

  test('keyboard: Tab follows the visual order, Enter activates', async () => {
    const { context, page } = await portal();
    try {
      const order = [];
      for (let i = 0; i < 4; i++) {
        await page.keyboard.press('Tab');
        order.push(await page.evaluate(() => document.activeElement.getAttribute('aria-label') || document.activeElement.textContent));
      }
      assert.deepEqual(order, ['English', '报修', '查询进度', '退换货']);
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Shift+Tab');
      assert.equal(await page.evaluate(() => document.activeElement.textContent), 'English');
      await page.keyboard.press('Enter');
      await waitForSettled(page);
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en', 'Enter switched the language');
      assert.match(await page.title(), /Aftercare/);
    } finally {
      await context.close();
    }
  });

  test('a touch drag scrolls natively and presses nothing', async () => {
    const { context, page } = await portal({ width: 390, height: 600, deviceScaleFactor: 2, hasTouch: true, isMobile: true });
    try {
      const cdp = await context.newCDPSession(page);
      const scrollTop = () => page.evaluate(() => document.getElementById('a11y-scroll').scrollTop);
      // Start the drag on the FAQ search button, which navigates when pressed: a scroll must not
      // become a press on it. Bring it near the bottom of the screen, with room to scroll further.
      const search = page.getByRole('button', { name: '搜索' });
      await page.evaluate((top) => { document.getElementById('a11y-scroll').scrollTop = top; },
                          (await search.boundingBox()).y - 500);
      await waitForSettled(page);
      const start = await scrollTop();
      const box = await search.boundingBox();
      const x = box.x + box.width / 2;
      let y = box.y + box.height / 2;
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
      for (let i = 0; i < 10; i++) {
        y -= 25;
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y }] });
      }
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      await waitForSettled(page);
      assert.ok(await scrollTop() > start + 100, 'the page scrolled');
      assert.match(page.url(), /\/(#\/)?$/, 'the button under the finger was not pressed');
      // A tap on the same button does press it.
      const tap = await search.boundingBox();
      await page.touchscreen.tap(tap.x + tap.width / 2, tap.y + tap.height / 2);
      await page.waitForURL(/#\/faq/);
    } finally {
      await context.close();
    }
  });

  // The frames are drawn in a worker (shell/renderer.js); a browser whose worker cannot make a WebGL
  // context reloads once and draws in the page instead, remembered for the tab's session.
  test('drawn in the page where a worker cannot draw', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 700 }, locale: 'zh-CN' });
    try {
      const page = await context.newPage();
      await page.addInitScript(() => sessionStorage.setItem('aftercare-render-in-page', '1'));
      await page.goto(server.url);
      await waitForPortal(page);
      await waitForSettled(page);
      const canvas = await page.evaluate(() => {
        const c = document.getElementById('canvas');
        // Only a canvas not handed to a worker gives the page a context.
        return { inPage: !!c.getContext('webgl2'), width: c.width, framebuffer: window.aftercareFramebuffer.width };
      });
      assert.deepEqual(canvas, { inPage: true, width: 390, framebuffer: 390 });
      const stats = pixelStats(decodePng(await page.locator('#canvas').screenshot()));
      assert.ok(stats.distinctColours > 50, `drawn (${stats.distinctColours} colours)`);
      await tap(page.getByRole('button', { name: '查询进度' }));
      await page.waitForURL(/#\/track/);
    } finally {
      await context.close();
    }
  });

  test('a lost WebGL context is survived without losing what was typed', async () => {
    const { context, page, problems } = await portal();
    try {
      const field = page.getByRole('textbox', { name: '搜索常见问题' });
      await type(field, '屏幕不亮');
      // What a GPU reset does (WEBGL_lose_context), in the renderer's context (shell/renderer.js).
      await page.evaluate(() => window.Module.aftercareRenderer.loseContext());
      await waitForSettled(page);
      // The browser gives the context back later, on its own: then every texture is sent again and
      // the portal draws again by itself.
      const lostAt = await frames(page);
      await page.evaluate(() => window.Module.aftercareRenderer.restoreContext());
      await page.waitForFunction((n) => window.aftercareFrames > n, lostAt);
      await waitForSettled(page);
      const before = await frames(page);
      await page.mouse.move(200, 200);
      await waitForSettled(page);
      assert.ok(await frames(page) > before, 'input draws again');
      const stats = pixelStats(decodePng(await page.locator('#canvas').screenshot()));
      assert.ok(stats.distinctColours > 50, 'the portal is drawn again, with its fonts');
      assert.equal(await field.inputValue(), '屏幕不亮');
      await tap(page.getByRole('button', { name: '搜索' }));
      await page.waitForURL(/#\/faq\?q=%E5%B1%8F%E5%B9%95%E4%B8%8D%E4%BA%AE$/);
      assert.deepEqual(problems.filter((p) => !/WebGL/.test(p)), []);
    } finally {
      await context.close();
    }
  });
});
