// The repair wizard in real Chromium against the real server: from the home screen through every
// step to the service number, checked through the API (lookup with the service number and the
// phone's last four digits, then the ticket itself); FAQ deflection counted in /metrics; a
// validation error next to its field; a lost answer on submit that keeps the draft and, retried,
// makes exactly one ticket; the draft surviving a reload, and back/forward walking the steps; the
// draft (name, phone, address) kept in the tab's sessionStorage, never in localStorage.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { launchBrowser, openPage, waitForPortal } from './lib/browser.mjs';
import { encodePng } from './lib/png.mjs';
import { saveScreenshot } from './lib/screenshots.mjs';
import { startServer } from './lib/server.mjs';
import { tap, type, waitForSettled, waitForValue } from './lib/portal.mjs';

const DESKTOP = { name: 'desktop', width: 1280, height: 800 };
const PHONE = { name: 'phone', width: 390, height: 844, deviceScaleFactor: 2 };

// The words the tests look for, in the portal's two languages.
const WORDS = {
  zh: {
    repairCard: '报修', serial: '产品序列号', next: '下一步', inWarranty: '在保修期内', noPower: '无法开机',
    description: '问题描述', addPhotos: '添加照片', onSite: '上门维修', address: '上门地址', tomorrow: '明天',
    afternoon: '下午 13:00–18:00', serious: '严重', name: '姓名', phone: '手机号', submit: '提交报修',
    submitted: '报修已提交', uploadsDone: '照片已全部添加到工单。', copy: '复制编号',
    text: '按电源键没有任何反应，指示灯也不亮，插座是好的。',
  },
  en: {
    repairCard: 'Report a fault', serial: 'Serial number', next: 'Next', inWarranty: 'In warranty',
    noPower: "Won't turn on", description: 'Description', addPhotos: 'Add photos', onSite: 'On-site visit',
    address: 'Visit address', tomorrow: 'Tomorrow', afternoon: 'Afternoon 13:00–18:00', serious: 'Serious',
    name: 'Name', phone: 'Phone', submit: 'Submit request', submitted: 'Request submitted',
    uploadsDone: 'All photos are on your ticket.', copy: 'Copy number',
    text: 'Nothing happens when I press the power button; the light stays off.',
    // The FAQ answers this text brings up, a pause after typing (the Chinese text brings none).
    suggestions: 'These answers might help right away',
  },
};

const SERVICE_NUMBER = /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/;

// Waits until `check` holds (the portal answers asynchronously); fails with `what` otherwise.
async function until(check, what, page) {
  const deadline = Date.now() + 15000;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) assert.fail(`timed out waiting for: ${what} at ${await hash(page)}`);
    await page.waitForTimeout(50);
  }
}

async function hash(page) {
  return page.evaluate(() => location.hash);
}

// A photo worth looking at in the screenshots: a soft diagonal gradient.
function photoPng() {
  return encodePng(96, 72, (x, y) => [40 + x * 2, 90 + y, 200 - x, 255]);
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

async function api(server, path, { method = 'GET', body, token } = {}) {
  const headers = { accept: 'application/json' };
  if (body) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(new URL(path, server.url), { method, headers, body: body && JSON.stringify(body) });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

// The customer's view of a ticket, reached the way a customer reaches it: number + last 4 digits.
async function ticketByLookup(server, serviceNumber, last4) {
  const lookup = await api(server, '/api/v1/lookup', {
    method: 'POST', body: { service_number: serviceNumber, phone_last4: last4 },
  });
  assert.equal(lookup.status, 200, `lookup ${serviceNumber}: ${JSON.stringify(lookup.body)}`);
  const ticket = await api(server, `/api/v1/tickets/${serviceNumber}`, { token: lookup.body.access_token });
  assert.equal(ticket.status, 200);
  return ticket.body;
}

async function metric(server, line) {
  const text = await server.metrics();
  const match = text.match(new RegExp(`^${line.replace(/[{}"]/g, '\\$&')} ([0-9.e+]+)$`, 'm'));
  return match ? Number(match[1]) : 0;
}

async function switchToEnglish(page) {
  await tap(page.getByRole('button', { name: 'English' }));
  await until(async () => (await page.evaluate(() => document.documentElement.lang)) === 'en', 'English UI', page);
}

// Steps 1-2 up to the description: a product out of warranty, its screen broken.
async function toFaultStepOutOfWarranty(page, w) {
  await tap(page.getByRole('button', { name: w.repairCard }));
  await type(page.getByRole('textbox', { name: w.serial }), 'KF100-2006-0456');
  await page.getByRole('heading', { name: '已过保修期' }).waitFor();
  await tap(page.getByRole('button', { name: w.next }));
  await tap(page.getByRole('radio', { name: '外观破损' }));
}

// Steps 1-4 with the given words; `shoot(step)` is called on each step once it is filled in.
async function fillWizard(page, w, shoot, { photos = true } = {}) {
  await tap(page.getByRole('button', { name: w.repairCard }));
  await until(async () => (await hash(page)) === '#/repair/product', 'the product step', page);
  await type(page.getByRole('textbox', { name: w.serial }), 'kf200-2401-0123');
  await page.getByRole('heading', { name: w.inWarranty }).waitFor();
  await shoot('1-product');
  await tap(page.getByRole('button', { name: w.next }));

  await until(async () => (await hash(page)) === '#/repair/fault', 'the fault step', page);
  await tap(page.getByRole('radio', { name: w.noPower }));
  await type(page.getByRole('textbox', { name: w.description }), w.text);
  // They arrive while the description has the keyboard and push the buttons below them down: wait
  // for them, so that the pictures show the step as a customer sees it.
  if (w.suggestions) await page.getByRole('heading', { name: w.suggestions }).waitFor();
  if (photos) {
    const chooser = page.waitForEvent('filechooser');
    await tap(page.getByRole('button', { name: w.addPhotos }));
    await (await chooser).setFiles([
      { name: 'front.png', mimeType: 'image/png', buffer: photoPng() },
      { name: 'receipt.pdf', mimeType: 'application/pdf', buffer: PDF },
    ]);
    await page.getByRole('img', { name: 'receipt.pdf' }).waitFor();
  }
  await shoot('2-fault');
  await tap(page.getByRole('button', { name: w.next }));

  await until(async () => (await hash(page)) === '#/repair/service', 'the service step', page);
  await tap(page.getByRole('radio', { name: w.onSite }));
  await type(page.getByRole('textbox', { name: w.address }), '北京市海淀区中关村大街 1 号 3 单元 502');
  await tap(page.getByRole('radio', { name: w.tomorrow }));
  await tap(page.getByRole('radio', { name: w.afternoon }));
  await tap(page.getByRole('radio', { name: w.serious }));
  await shoot('3-service');
  await tap(page.getByRole('button', { name: w.next }));

  await until(async () => (await hash(page)) === '#/repair/contact', 'the contact step', page);
  await type(page.getByRole('textbox', { name: w.name }), '李雷');
  await type(page.getByRole('textbox', { name: w.phone }), '138 0013 8000');
  await shoot('4-contact');
  await tap(page.getByRole('button', { name: w.next }));
  await until(async () => (await hash(page)) === '#/repair/review', 'the review step', page);
}

async function readServiceNumber(page) {
  const heading = page.getByRole('heading', { level: 2 }).filter({ hasText: SERVICE_NUMBER });
  await heading.waitFor();
  return (await heading.textContent()).trim();
}

describe('repair wizard', () => {
  let server;
  let browser;

  before(async () => {
    // The wizard checks the warranty as the serial is typed, and these tests walk it many times a
    // minute from one address: the per-client budgets (tested with the server) would refuse them.
    server = await startServer({ extraArgs: ['--rate-lookup', '0', '--rate-create', '0'] });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const [lang, viewport] of [['zh', DESKTOP], ['zh', PHONE], ['en', DESKTOP]]) {
    test(`from home through every step to the service number (${lang}, ${viewport.name})`, async () => {
      const w = WORDS[lang];
      const { context, page, problems } = await openPage(browser, server.url, viewport);
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
      try {
        await waitForPortal(page);
        if (lang === 'en') await switchToEnglish(page);
        const shoot = async (step) => {
          await waitForSettled(page);
          saveScreenshot(`repair-${step}-${lang}-${viewport.name}.png`, await page.screenshot());
        };
        await fillWizard(page, w, shoot);
        await page.getByText('KF200-2401-0123').first().waitFor();  // the review shows the normalised serial
        await shoot('5-review');

        await tap(page.getByRole('button', { name: w.submit }));
        await page.getByRole('heading', { name: w.submitted }).waitFor();
        assert.equal(await hash(page), '#/repair/done');
        const number = await readServiceNumber(page);
        await page.getByRole('status').filter({ hasText: w.uploadsDone }).waitFor();
        await shoot('6-submitted');

        // The ticket as the customer can reach it: what was chosen, and both files.
        const ticket = await ticketByLookup(server, number, '8000');
        assert.equal(ticket.kind, 'repair');
        assert.equal(ticket.priority, 'serious');
        assert.equal(ticket.product.serial, 'KF200-2401-0123');
        assert.equal(ticket.product.model, '康复理疗仪 KF-200', 'the model comes from the vendor register');
        assert.equal(ticket.description, w.text);
        assert.equal(ticket.repair.mode, 'on_site');
        assert.equal(ticket.repair.visit.slot, 'afternoon');
        assert.equal(ticket.repair.fault_category, 'no_power');
        assert.equal(ticket.address, '北京市海淀区中关村大街 1 号 3 单元 502');
        assert.deepEqual(ticket.attachments.map((a) => a.file_name).sort(), ['front.png', 'receipt.pdf']);
        assert.deepEqual(ticket.attachments.map((a) => a.content_type).sort(), ['application/pdf', 'image/png']);

        // The copy button puts the number on the clipboard; the draft is gone from the device.
        await tap(page.getByRole('button', { name: w.copy }));
        await until(async () => (await page.evaluate(() => navigator.clipboard.readText())) === number,
          'the service number on the clipboard', page);
        assert.equal(await page.evaluate(() => sessionStorage.getItem('aftercare.repair/draft')), null);

        // A reload of the end screen still shows the number.
        await page.reload();
        await waitForPortal(page);
        assert.equal(await readServiceNumber(page), number);
        assert.deepEqual(problems, [], 'no console errors or failed requests');
      } finally {
        await context.close();
      }
    });
  }

  test('the draft survives a reload, and back/forward walk the steps', async () => {
    const w = WORDS.zh;
    const { context, page, problems } = await openPage(browser, server.url, DESKTOP);
    try {
      await waitForPortal(page);
      await tap(page.getByRole('button', { name: w.repairCard }));
      await type(page.getByRole('textbox', { name: w.serial }), 'KF100-2006-0456');
      await page.getByRole('heading', { name: '已过保修期' }).waitFor();  // KF100-2006-0456 is out of warranty
      await tap(page.getByRole('button', { name: w.next }));
      await until(async () => (await hash(page)) === '#/repair/fault', 'the fault step', page);
      await tap(page.getByRole('radio', { name: w.noPower }));
      await type(page.getByRole('textbox', { name: w.description }), '外壳发烫，运行时有异味。');

      await page.reload();
      await waitForPortal(page);
      assert.equal(await hash(page), '#/repair/fault');
      await waitForValue(page.getByRole('textbox', { name: w.description }), '外壳发烫，运行时有异味。');
      assert.equal(await page.getByRole('radio', { name: w.noPower }).getAttribute('aria-checked'), 'true');

      await page.goBack();
      await until(async () => (await hash(page)) === '#/repair/product', 'back to the product step', page);
      await waitForValue(page.getByRole('textbox', { name: w.serial }), 'KF100-2006-0456');
      await page.goForward();
      await until(async () => (await hash(page)) === '#/repair/fault', 'forward to the fault step', page);

      // A link straight to a later step goes to the first step that still needs an answer.
      await page.goto(new URL('#/repair/review', server.url).href);
      await until(async () => (await hash(page)) === '#/repair/service', 'redirected to the service step', page);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test('a draft with name, phone and address stays in this tab: none of it in localStorage, a reload keeps it', async () => {
    const w = WORDS.zh;
    const { context, page, problems } = await openPage(browser, server.url, DESKTOP);
    // What the customer types below, in any spelling a stored value could hold.
    const personal = ['李雷', '138 0013 8000', '13800138000', '中关村大街', '韩梅梅', '13912345678'];
    const localValues = () => page.evaluate(() => JSON.stringify({ ...localStorage }));
    try {
      // An older version kept drafts in localStorage: on the next start it moves into the tab.
      await waitForPortal(page);
      await page.waitForLoadState('networkidle');  // a reload must not cut off a font still loading
      await page.evaluate(() => localStorage.setItem('aftercare.draft.complaint',
        JSON.stringify({ name: '韩梅梅', phone: '13912345678', subject: '旧版本的草稿' })));
      await page.reload();
      await waitForPortal(page);
      await until(async () => (await page.evaluate(() => localStorage.getItem('aftercare.draft.complaint'))) === null,
        'the old draft gone from localStorage', page);
      assert.match(await page.evaluate(() => sessionStorage.getItem('aftercare.draft.complaint')), /旧版本的草稿/,
        'and kept in this tab');

      await fillWizard(page, w, async () => {}, { photos: false });
      await until(async () => /138 0013 8000/.test(await page.evaluate(() => sessionStorage.getItem('aftercare.repair/draft'))),
        'the draft with the phone in sessionStorage', page);
      const stored = await localValues();
      for (const text of personal) assert.ok(!stored.includes(text), `localStorage holds no "${text}": ${stored}`);

      // A reload in the same tab loses nothing that was typed.
      await page.reload();
      await waitForPortal(page);
      await until(async () => (await hash(page)) === '#/repair/review', 'back on the review step', page);
      await tap(page.getByRole('button', { name: '修改联系方式' }));
      await until(async () => (await hash(page)) === '#/repair/contact', 'the contact step', page);
      await waitForValue(page.getByRole('textbox', { name: w.name }), '李雷');
      await waitForValue(page.getByRole('textbox', { name: w.phone }), '138 0013 8000');
      const afterReload = await localValues();
      for (const text of personal) assert.ok(!afterReload.includes(text), `still no "${text}" in localStorage`);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test('"this solved it" on a suggested FAQ answer ends the wizard and is counted', async () => {
    const w = WORDS.zh;
    const counter = 'aftercare_faq_deflections_total';
    const before = await metric(server, counter);
    const { context, page, problems } = await openPage(browser, server.url, DESKTOP);
    try {
      await waitForPortal(page);
      await toFaultStepOutOfWarranty(page, w);
      await type(page.getByRole('textbox', { name: w.description }), '屏幕摔裂了，已经过了保修期，维修怎么收费？');
      const solved = page.getByRole('button', { name: '这解决了我的问题' }).first();
      await solved.waitFor();
      await page.getByRole('heading', { name: '保修期外维修怎么收费？' }).waitFor();
      await waitForSettled(page);
      saveScreenshot('repair-2-fault-suggestions-zh-desktop.png', await page.screenshot());
      await tap(solved);

      await page.getByRole('heading', { name: '太好了，问题解决了！' }).waitFor();
      assert.equal(await hash(page), '#/repair/solved');
      await waitForSettled(page);
      saveScreenshot('repair-solved-zh-desktop.png', await page.screenshot());
      assert.equal(await metric(server, counter), before + 1, 'the deflection is counted once');
      assert.equal(await page.evaluate(() => sessionStorage.getItem('aftercare.repair/draft')), null,
        'nothing is left to submit');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test('answers that arrive after the customer left the description wait for them there: nothing moves under a finger', async () => {
    const w = WORDS.zh;
    const { context, page, problems } = await openPage(browser, server.url, DESKTOP);
    try {
      await waitForPortal(page);
      await toFaultStepOutOfWarranty(page, w);
      const next = page.getByRole('button', { name: w.next });
      const before = await next.boundingBox();
      // The description is typed and left at once, as on the way to "Next": the search is made
      // after the typing pause, and its answer comes while the customer is elsewhere.
      const answered = page.waitForResponse((r) => r.url().includes('/api/v1/faq?'));
      const description = page.getByRole('textbox', { name: w.description });
      await type(description, '屏幕摔裂了，已经过了保修期，维修怎么收费？');
      await description.blur();
      assert.equal((await answered).status(), 200);
      await waitForSettled(page);
      assert.equal(await page.getByRole('heading', { name: '这些解答也许能直接帮到您' }).count(), 0, 'held back');
      assert.deepEqual(await next.boundingBox(), before, '"Next" did not move');
      // Back in the description, the answers are offered.
      await description.focus();
      await page.getByRole('heading', { name: '保修期外维修怎么收费？' }).waitFor();
      assert.ok((await next.boundingBox()).y > before.y, 'now they are there, above "Next"');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test('a phone number core refuses is shown next to the phone field, and nothing moves on', async () => {
    const w = WORDS.zh;
    const { context, page, problems } = await openPage(browser, server.url, PHONE);
    try {
      await waitForPortal(page);
      await fillWizard(page, w, async () => {}, { photos: false });
      await tap(page.getByRole('button', { name: '修改联系方式' }));
      await until(async () => (await hash(page)) === '#/repair/contact', 'the contact step', page);
      const phone = page.getByRole('textbox', { name: w.phone });
      await type(phone, '12345');
      await tap(page.getByRole('button', { name: w.next }));

      await until(async () => (await phone.getAttribute('aria-invalid')) === 'true', 'the phone field marked invalid', page);
      const message = '请输入有效的手机号码（中国大陆 11 位手机号，或以 + 开头的国际号码）';
      assert.equal(await phone.getAttribute('aria-description'), message);
      const alert = page.getByRole('alert').filter({ hasText: message });
      const field = await phone.boundingBox();
      const under = await alert.boundingBox();
      assert.ok(under.y >= field.y + field.height && under.y - (field.y + field.height) < 24,
        `the message sits right under the field (${JSON.stringify(field)} / ${JSON.stringify(under)})`);
      assert.ok(Math.abs(under.x - field.x) < 2, 'and lines up with it');
      assert.equal(await hash(page), '#/repair/contact', 'the wizard stays on the step');
      saveScreenshot('repair-4-contact-error-zh-phone.png', await page.screenshot());

      // Fixing it clears the message; the name typed before is still there.
      await type(phone, '+44 7700 900123');
      await until(async () => (await phone.getAttribute('aria-invalid')) === null, 'the error cleared', page);
      assert.equal(await page.getByRole('textbox', { name: w.name }).inputValue(), '李雷');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test('an answer lost on submit keeps everything; the retry makes exactly one ticket', async () => {
    const w = WORDS.zh;
    const submittedBefore = await metric(server, 'aftercare_tickets{state="submitted"}');
    const { context, page } = await openPage(browser, server.url, DESKTOP);
    try {
      await waitForPortal(page);
      await fillWizard(page, w, async () => {}, { photos: false });

      // The request reaches the server (which creates the ticket), and the answer is lost.
      const keys = [];
      const lose = async (route) => {
        if (route.request().method() !== 'POST') return route.continue();
        keys.push(route.request().headers()['idempotency-key']);
        await route.fetch();
        await route.abort('connectionreset');
      };
      await page.route('**/api/v1/tickets', lose);
      await tap(page.getByRole('button', { name: w.submit }));
      await page.getByRole('alert').filter({ hasText: '网络连接不可用' }).waitFor();
      assert.equal(await hash(page), '#/repair/review', 'still on the review step');
      assert.equal(await metric(server, 'aftercare_tickets{state="submitted"}'), submittedBefore + 1,
        'the server did create the ticket');
      const draft = JSON.parse(await page.evaluate(() => sessionStorage.getItem('aftercare.repair/draft')));
      assert.equal(draft.phone, '138 0013 8000', 'the draft is still in the tab');
      assert.equal(draft.attempt_key, keys[0], 'with the attempt it sent');
      saveScreenshot('repair-5-review-offline-zh-desktop.png', await page.screenshot());

      await page.unroute('**/api/v1/tickets', lose);
      const replayed = page.waitForResponse((r) => r.url().endsWith('/api/v1/tickets') && r.request().method() === 'POST');
      await tap(page.getByRole('button', { name: '重试' }));
      const answer = await replayed;
      assert.equal(answer.request().headers()['idempotency-key'], keys[0], 'the retry reuses the key');
      assert.equal(answer.headers()['idempotent-replayed'], 'true', 'the server answers with the ticket it made');
      await page.getByRole('heading', { name: w.submitted }).waitFor();
      const number = await readServiceNumber(page);

      assert.equal(await metric(server, 'aftercare_tickets{state="submitted"}'), submittedBefore + 1,
        'exactly one ticket');
      const ticket = await ticketByLookup(server, number, '8000');
      assert.equal(ticket.customer_name, '李雷');
    } finally {
      await context.close();
    }
  });
});
