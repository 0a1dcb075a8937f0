// The ARIA mirror checked by axe-core (npm), the engine browsers' own audits use: every customer
// screen, each step of the repair wizard, a ticket page and the staff sign-in, in zh-CN, against
// the WCAG 2.1 A and AA rules. The mirror is what screen readers, keyboards and voice control
// reach, so a role with an attribute it does not support, a field without a name or a duplicate id
// is a defect users meet.
//
// Colour contrast is left out: the mirror is transparent by design (the canvas shows the pixels),
// so axe cannot judge it; the palette's contrast is the theme's (src/portal/theme.h).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import { launchBrowser, openPage, waitForPortal } from './lib/browser.mjs';
import { api, tap, type, waitForSettled } from './lib/portal.mjs';
import { startServer } from './lib/server.mjs';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const RULES = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
                rules: { 'color-contrast': { enabled: false } } };

// axe's violations on the page as it is now, one line each: rule, impact, the offending element.
async function violations(page) {
  await waitForSettled(page);
  // Evaluated through DevTools: the portal's Content-Security-Policy rightly refuses an injected <script>.
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate((options) => window.axe.run(document, options), RULES);
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.html.slice(0, 160)}`));
}

describe('the ARIA mirror passes axe-core', () => {
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

  for (const hash of ['', '#/faq', '#/track', '#/returns', '#/complain', '#/rate', 'staff.html#/staff']) {
    test(`the screen ${hash || '#/ (home)'}`, async () => {
      const { context, page } = await openPage(browser, `${server.url}${hash}`);
      try {
        await waitForPortal(page);
        assert.deepEqual(await violations(page), []);
      } finally {
        await context.close();
      }
    });
  }

  test('every step of the repair wizard', async () => {
    const { context, page } = await openPage(browser, `${server.url}#/repair`);
    try {
      await waitForPortal(page);
      const found = [];
      const check = async (step) => found.push(...(await violations(page)).map((v) => `${step}: ${v}`));
      await check('product');
      await type(page.getByRole('textbox', { name: '产品序列号' }), 'kf200-2401-0123');
      await page.getByText('在保修期内').first().waitFor();
      await check('product with its warranty verdict');
      await tap(page.getByRole('button', { name: '下一步' }));
      await tap(page.getByRole('radio', { name: '无法开机' }));
      await check('fault');
      await type(page.getByRole('textbox', { name: '问题描述' }), '按电源键没有任何反应，指示灯不亮。');
      await tap(page.getByRole('button', { name: '下一步' }));
      await tap(page.getByRole('radio', { name: '上门维修' }));
      await check('service');
      await type(page.getByRole('textbox', { name: '上门地址' }), '北京市海淀区中关村大街 1 号 3 单元 502');
      await tap(page.getByRole('radio', { name: '明天' }));
      await tap(page.getByRole('radio', { name: '下午 13:00–18:00' }));
      await tap(page.getByRole('radio', { name: '严重' }));
      await tap(page.getByRole('button', { name: '下一步' }));
      await check('contact');
      await type(page.getByRole('textbox', { name: '姓名' }), '李雷');
      await type(page.getByRole('textbox', { name: '手机号' }), '138 0013 8000');
      await tap(page.getByRole('button', { name: '下一步' }));
      await page.getByRole('button', { name: '提交报修' }).waitFor();
      await check('review');
      assert.deepEqual(found, []);
    } finally {
      await context.close();
    }
  });

  test('a ticket page', async () => {
    const created = await api(server, 'POST', '/api/v1/tickets', {
      body: {
        kind: 'repair', priority: 'general',
        customer: { name: '无障碍', phone: '13912340099' },
        product: { model: '康复理疗仪 KF-200', serial: 'KF200-2401-0123' },
        subject: '屏幕不亮', description: '开机后屏幕不亮，指示灯正常。',
      },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const ticket = created.body;
    const { context, page } = await openPage(browser, `${server.url}#/track/${ticket.service_number}?t=${ticket.access_token}`);
    try {
      await waitForPortal(page);
      await page.getByText('屏幕不亮').first().waitFor();
      assert.deepEqual(await violations(page), []);
    } finally {
      await context.close();
    }
  });
});
