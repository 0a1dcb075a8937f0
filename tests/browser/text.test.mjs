// Every character a customer can type is drawn: rare hanzi beyond the BMP (𠮷 𡈽 𪚥, CJK Extension
// B), Extension A (䶮) and emoji, in a name, a subject and a typed message, on the customer's ticket
// page at DPR 1, 2 and 3, and in the staff queue and workspace.
//
// The portal's glyphs are drawn by the browser's own text engine (web/glyphs.js), which records
// every character it drew (window.aftercareGlyphs). A character ImGui drew as its '?' fallback never
// reaches that record, so the test reads it: each character must be there, with ink, and not be the
// browser's missing-glyph box (scripts/setup installs the fonts that have them).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { launchBrowser, openPage, waitForPortal } from './lib/browser.mjs';
import { api, saveScreenshot, tap, type, waitForSettled } from './lib/portal.mjs';
import { startServer } from './lib/server.mjs';

const ADMIN = { username: 'text.admin', password: 'an admin passphrase for the text tests' };
const NAME = '𠮷野 䶮';
const SUBJECT = '𠮷𡈽𪚥䶮😀 屏幕不亮';
const EMOJI = 0x1F600;

// The characters of `text` the portal did not draw as the browser draws them: never asked of the
// browser (ImGui's '?' instead), drawn without ink, or drawn as the browser's missing-glyph box.
async function undrawn(page, text) {
  const chars = [...new Set(text)].filter((c) => c.trim() !== '');
  return page.evaluate((list) => list.filter((c) => {
    const glyph = window.aftercareGlyphs?.get(c.codePointAt(0));
    return !glyph || glyph.ink === 0 || glyph.tofu;
  }), chars);
}

async function emojiInColour(page) {
  return page.evaluate((cp) => window.aftercareGlyphs?.get(cp)?.colored === true, EMOJI);
}

describe('rare characters and emoji are drawn everywhere a customer\'s text appears', () => {
  let server;
  let browser;
  let ticket;

  before(async () => {
    server = await startServer({ admin: ADMIN });
    const created = await api(server, 'POST', '/api/v1/tickets', {
      body: {
        kind: 'repair', priority: 'general',
        customer: { name: NAME, phone: '13912340077' },
        product: { model: '康复理疗仪 KF-200', serial: 'KF200-2401-0123' },
        subject: SUBJECT,
        description: '客户姓名含生僻字𠮷，用于检查每个字都能显示。',
      },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    ticket = { number: created.body.service_number, token: created.body.access_token };
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const [label, viewport] of [
    ['desktop, DPR 1', { width: 1280, height: 800, deviceScaleFactor: 1 }],
    ['phone, DPR 2', { width: 390, height: 844, deviceScaleFactor: 2, hasTouch: true, isMobile: true }],
    ['phone, DPR 3', { width: 390, height: 844, deviceScaleFactor: 3, hasTouch: true, isMobile: true }],
  ]) {
    test(`the ticket page draws the subject (${label})`, async () => {
      const { context, page, problems } = await openPage(browser, `${server.url}#/track/${ticket.number}?t=${ticket.token}`,
        { ...viewport, timezoneId: 'Asia/Shanghai' });
      try {
        await waitForPortal(page);
        await page.getByText(SUBJECT).first().waitFor();
        await waitForSettled(page);
        assert.deepEqual(await undrawn(page, SUBJECT), []);
        assert.ok(await emojiInColour(page), 'the emoji keeps its own colours');
        await saveScreenshot(page, `rare-characters-ticket-dpr${viewport.deviceScaleFactor}.png`);
        assert.deepEqual(problems.filter((p) => !p.includes('ERR_ABORTED')), []);
      } finally {
        await context.close();
      }
    });
  }

  // A kiosk whose OS has no CJK font loads the portal's own subsets (?fonts=bundled) before the
  // first character is drawn: they must be in the stack the glyphs are drawn with, and loaded.
  test('with ?fonts=bundled the portal\'s own font subsets draw the text', async () => {
    const { context, page, problems } = await openPage(browser, `${server.url}?fonts=bundled#/track/${ticket.number}?t=${ticket.token}`);
    try {
      await waitForPortal(page);
      await page.getByText(SUBJECT).first().waitFor();
      await waitForSettled(page);
      const faces = await page.evaluate(() => [...document.fonts].map((f) => `${f.family.replaceAll('"', '')} ${f.weight} ${f.status}`).sort());
      assert.deepEqual(faces.filter((f) => f.startsWith('Aftercare')),
        ['Aftercare Extra 400 loaded', 'Aftercare UI 400 loaded', 'Aftercare UI 600 loaded']);
      const drawnWithText = await page.evaluate(() => window.aftercareGlyphs.size);
      assert.ok(drawnWithText > 20, `glyphs drawn: ${drawnWithText}`);
      assert.deepEqual(await undrawn(page, '屏幕不亮'), []);
      assert.deepEqual(problems.filter((p) => !p.includes('ERR_ABORTED')), []);
    } finally {
      await context.close();
    }
  });

  // Han ideographs are not measured one by one (web/glyphs.js, ideographBox): each is given the
  // advance of a reference ideograph and a box around its em square. Every ideograph of the block,
  // in both weights, at a small, a phone's and a title's pixel size, in the system stack and in the
  // kiosk's bundled one, must have that advance and its ink inside that box.
  for (const [label, query] of [['system fonts', ''], ['?fonts=bundled', '?fonts=bundled']]) {
    test(`every Han ideograph's ink fits the box reserved for it, with its advance (${label})`, async () => {
      const { context, page } = await openPage(browser, `${server.url}${query}`);
      try {
        await waitForPortal(page);
        const report = await page.evaluate(() => {
          const boxes = window.aftercareGlyphBoxes;
          const misfits = [];
          let inked = 0;
          for (const weight of [400, 600]) {
            for (const size of [13, 28, 56]) {
              const font = boxes.font(weight, size);
              for (let cp = 0x4E00; cp <= 0x9FFF; cp++) {
                const measured = boxes.measured(cp, font);
                const reserved = boxes.reserved(cp, font);
                if (measured.x1 > measured.x0) inked++;
                const fits = measured.x0 >= reserved.x0 && measured.y0 >= reserved.y0 &&
                  measured.x1 <= reserved.x1 && measured.y1 <= reserved.y1 &&
                  Math.round(measured.advance) === Math.round(reserved.advance);
                if (!fits && misfits.length < 10) {
                  misfits.push(`U+${cp.toString(16)} ${weight} ${size}px: ink ${JSON.stringify(measured)}, box ${JSON.stringify(reserved)}`);
                }
              }
            }
          }
          return { misfits, inked };
        });
        assert.deepEqual(report.misfits, []);
        assert.equal(report.inked, 6 * (0x9FFF - 0x4E00 + 1));
      } finally {
        await context.close();
      }
    });
  }

  test('a message typed with rare characters (as an IME commits them) is sent intact and drawn', async () => {
    const { context, page, problems } = await openPage(browser, `${server.url}#/track/${ticket.number}?t=${ticket.token}`,
      { timezoneId: 'Asia/Shanghai' });
    try {
      await waitForPortal(page);
      const box = page.getByRole('textbox', { name: '留言内容' });
      await type(box, '联系人：');
      await box.focus();
      await page.keyboard.press('End');
      await page.keyboard.insertText('𪚥先生 👍');
      await waitForSettled(page);
      await tap(page.getByRole('button', { name: '发送留言' }));
      await page.getByText('留言已发送，客服会尽快回复。').waitFor();
      await page.getByText('联系人：𪚥先生 👍').waitFor();
      await waitForSettled(page);
      assert.deepEqual(await undrawn(page, '联系人：𪚥先生 👍'), []);
      const view = await api(server, 'GET', `/api/v1/tickets/${ticket.number}`, { token: ticket.token });
      assert.equal(view.status, 200);
      assert.ok(view.body.timeline.some((e) => e.type === 'message' && e.note === '联系人：𪚥先生 👍'),
        'the server has the message exactly as typed');
      assert.deepEqual(problems.filter((p) => !p.includes('ERR_ABORTED')), []);
    } finally {
      await context.close();
    }
  });

  // Signs in as the admin on a fresh page (so the page's record of drawn characters starts empty)
  // at `hash`.
  async function staffPage(hash) {
    const opened = await openPage(browser, `${server.url}staff.html${hash}`, { timezoneId: 'Asia/Shanghai' });
    await waitForPortal(opened.page);
    await type(opened.page.getByRole('textbox', { name: '用户名' }), ADMIN.username);
    await type(opened.page.getByRole('textbox', { name: '密码' }), ADMIN.password);
    await tap(opened.page.getByRole('button', { name: '登录', exact: true }));
    return opened;
  }

  test('the staff queue draws the customer\'s name and subject in the ticket\'s row', async () => {
    const { context, page, problems } = await staffPage('#/staff');
    try {
      await page.getByRole('row', { name: ticket.number }).waitFor();
      await waitForSettled(page);
      assert.deepEqual(await undrawn(page, NAME + SUBJECT), []);
      await saveScreenshot(page, 'rare-characters-staff-queue.png');
      assert.deepEqual(problems.filter((p) => !p.includes('ERR_ABORTED')), []);
    } finally {
      await context.close();
    }
  });

  test('the staff workspace draws the subject as its heading and the customer\'s name', async () => {
    const { context, page, problems } = await staffPage(`#/staff/ticket/${ticket.number}`);
    try {
      await page.getByRole('heading', { name: SUBJECT }).waitFor();
      await page.getByText(NAME).first().waitFor();
      await waitForSettled(page);
      assert.deepEqual(await undrawn(page, NAME + SUBJECT), []);
      await saveScreenshot(page, 'rare-characters-staff-workspace.png');
      assert.deepEqual(problems.filter((p) => !p.includes('ERR_ABORTED')), []);
    } finally {
      await context.close();
    }
  });
});
