// The admin console's vendor-data tab (#/staff/admin?tab=data) in real Chromium against the real
// server: an admin uploads an orders file as Excel on a Chinese Windows saves it (GB 18030, Chinese
// headers) with three bad rows, reads the report (line, column, value, reason; nothing written) in
// Chinese and in English, uploads the corrected file, and the orders are there. Then an API key is
// created (shown once) and revoked. Screenshots in zh-CN and en, desktop and phone width.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

import { launchBrowser, openPage, waitForPortal } from './lib/browser.mjs';
import { pickOption, tap, type, waitForSettled } from './lib/portal.mjs';
import { startServer } from './lib/server.mjs';
import { saveScreenshot } from './lib/screenshots.mjs';

const ADMIN = { username: 'admin', password: 'an admin passphrase for tests' };

// GB 18030 bytes, converted by glibc's iconv as a Chinese Excel would have written them.
function gb18030(text) {
  const converted = spawnSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: text });
  assert.equal(converted.status, 0, converted.stderr?.toString());
  return converted.stdout;
}

function ordersCsv({ mistakes }) {
  return [
    '订单号,手机号,型号,序列号,购买日期,签收时间,备注',
    'DD-WEB-0001,138 0013 8001,康复理疗仪 KF-200,KF200-WEB-0001,2025/12/1,2025-12-03 10:30,首单',
    `DD-WEB-0002,${mistakes ? '12345' : '13800138002'},磁疗仪 MT-5,,2025年12月2日,,`,
    'DD-WEB-0003,13800138003,磁疗仪 MT-5,,2025-12-03,,',
    `DD-WEB-0004,13800138004,磁疗仪 MT-5,,${mistakes ? '2025-02-30' : '2025-02-28'},,`,
    `DD-WEB-0005,13800138005,${mistakes ? '' : '磁疗仪 MT-5'},,2025-12-05,,`,
  ].join('\r\n') + '\r\n';
}

describe('admin: vendor data', () => {
  let server;
  let browser;

  before(async () => {
    server = await startServer({ admin: ADMIN });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signedIn(lang, width = 1280, height = 900) {
    const opened = await openPage(browser, `${server.url}staff.html#/staff/admin?tab=data`, { width, height, locale: lang });
    const { page } = opened;
    await waitForPortal(page);
    // As a person signs in: each step waits for the portal to take the last (portal.mjs).
    await type(page.getByRole('textbox', { name: '用户名' }), ADMIN.username);
    await type(page.getByRole('textbox', { name: '密码' }), ADMIN.password);
    await tap(page.getByRole('button', { name: '登录', exact: true }));
    await page.getByRole('heading', { name: '导入产品、订单和换件记录' }).waitFor();
    return opened;
  }

  async function upload(page, name, bytes) {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '选择文件并上传' }).click();
    await (await chooser).setFiles([{ name, mimeType: 'text/csv', buffer: bytes }]);
  }

  const shot = async (page, name) => {
    await waitForSettled(page);
    saveScreenshot(name, await page.locator('#canvas').screenshot());
  };

  test('a GB 18030 file with three bad rows: the report names each cell, nothing is written; the fix writes', async () => {
    const { context, page, problems } = await signedIn('zh-CN');
    try {
      await page.getByRole('button', { name: /数据类型/ }).click();
      await pickOption(page, '订单（订单号、手机号、型号、签收时间）');
      await page.getByRole('checkbox', { name: '只检查，不写入' }).click();  // write for real
      await upload(page, '订单导出.csv', gb18030(ordersCsv({ mistakes: true })));

      await page.getByRole('alert').filter({ hasText: '未写入任何数据' }).waitFor();
      await page.getByText('订单导出.csv：共 5 行，2 行有变化，0 行不变，3 行有误').waitFor();
      await page.getByText('第 3 行 · 手机号 · “12345”：', { exact: false }).waitFor();
      await page.getByText('第 5 行 · 购买日期 · “2025-02-30”：日期无法识别', { exact: false }).waitFor();
      await page.getByText('第 6 行 · 型号 · “”：缺少型号').waitFor();
      await page.getByText('已忽略的列：备注').waitFor();
      await shot(page, 'admin-import-report-zh.png');
      const lookup = await fetch(new URL('/api/v1/orders/lookup', server.url), {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ order_number: 'DD-WEB-0001', phone: '13800138001' }),
      });
      assert.equal(lookup.status, 404, 'a refused file writes nothing, not even its good rows');

      // The same report in English: the reasons come in both languages.
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByText('Line 3 · 手机号 · "12345": Enter', { exact: false }).waitFor();
      await page.getByRole('alert').filter({ hasText: 'Nothing was written' }).waitFor();
      await shot(page, 'admin-import-report-en.png');
      await page.getByRole('button', { name: '中文' }).click();

      await upload(page, '订单导出.csv', gb18030(ordersCsv({ mistakes: false })));
      await page.getByRole('status').filter({ hasText: '已写入' }).waitFor();
      await page.getByText('订单导出.csv：共 5 行，5 行有变化，0 行不变，0 行有误').waitFor();
      const found = await fetch(new URL('/api/v1/orders/lookup', server.url), {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ order_number: 'DD-WEB-0001', phone: '13800138001' }),
      });
      assert.equal(found.status, 200);
      assert.equal((await found.json()).items[0].serial, 'KF200-WEB-0001');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test('an API key is shown once and can be revoked; the tab at phone width', async () => {
    const { context, page, problems } = await signedIn('zh-CN', 390, 844);
    try {
      await page.getByRole('textbox', { name: /名称/ }).fill('ERP 订单同步');
      await page.getByRole('checkbox', { name: '订单' }).click();
      await page.getByRole('button', { name: '创建密钥' }).click();
      await page.getByRole('alert').filter({ hasText: '它只显示这一次' }).waitFor();
      const key = page.getByText(/^ak_[A-Za-z0-9_-]{43}$/);
      await key.waitFor();
      const secret = (await key.textContent()).trim();
      await shot(page, 'admin-api-key-phone.png');

      const use = () => fetch(new URL('/api/v1/integration/orders', server.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
        body: JSON.stringify({ order_number: 'DD-WEB-0100', phone: '13800138100', model: '磁疗仪 MT-5' }),
      });
      assert.equal((await use()).status, 200);
      await page.getByRole('button', { name: '吊销“ERP 订单同步”' }).click();
      await page.getByText('已吊销').waitFor();
      assert.equal((await use()).status, 401);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
});
