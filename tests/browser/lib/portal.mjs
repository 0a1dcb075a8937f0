import { readdirSync, readFileSync } from 'node:fs';

import { saveScreenshot as savePng, screenshotDir } from './screenshots.mjs';

// Driving the portal like a person: wait until what is drawn is where the mirror says it is, then
// point at it. ImGui lays windows out from the previous frame and applies a DOM scroll a frame
// later, so a click sent the instant an element appears (or right after scrolling to it) could land
// on a stale layout; the portal publishes when its layout is settled (web/a11y.js, app.cpp).
// `page` may also be a Frame: the portal embedded in a vendor's page.
//
// "Settled" alone can be stale: right after an input the portal has not drawn the frame that
// handles it yet, and the mirror still says '1' about the frame before. So the wait is for the
// portal to be idle as well: several animation frames in a row without a portal frame (its loop
// runs on requestAnimationFrame, so a frame still owed would have been drawn), with the layout
// settled. Things that happen later on their own (a server's answer, a timer) are waited for by
// what they show, never by time.
const QUIET_ANIMATION_FRAMES = 3;

export async function waitForSettled(page) {
  // The predicate runs once per animation frame; `probe` (new for every wait) counts the quiet ones.
  const probe = `settled-${Math.random()}`;
  await page.waitForFunction(([key, quietFrames]) => {
    const drawn = window.aftercareFrames || 0;
    const seen = window[key] || (window[key] = { drawn, quiet: 0 });
    if (seen.drawn !== drawn) {
      seen.drawn = drawn;
      seen.quiet = 0;
    } else {
      seen.quiet += 1;
    }
    const scroller = document.getElementById('a11y-scroll');
    // Frames handed to the renderer (a worker: shell/renderer.js) and not on the screen yet count
    // as busy too.
    const done = seen.quiet >= quietFrames && !(window.aftercareFramesInFlight > 0) &&
      !!scroller && scroller.dataset.settled === '1' &&
      Math.abs(scroller.scrollTop - Number(scroller.dataset.scrollY)) < 1;
    if (done) delete window[key];
    return done;
  }, [probe, QUIET_ANIMATION_FRAMES]);
  await expectNoBareKeys(page);
}

// A string-table key shown as itself ("staff.sla.breached") is a key missing from the program's
// table (src/portal/i18n.h): the customer's program carries only the keys its own code names
// (scripts/i18n.py), so a key its code reaches some other way would show up like this. Never meant
// to be seen, so every settled screen of every suite is checked: the mirror's names and the title.
// Only real keys count: wire names that look alike ("ticket.created", a webhook event) are shown.
const I18N = new URL('../../../assets/i18n/zh-CN/', import.meta.url);
const KEYS = new Set(readdirSync(I18N).flatMap((file) => Object.keys(JSON.parse(readFileSync(new URL(file, I18N), 'utf8')))));

async function expectNoBareKeys(page) {
  const texts = await page.evaluate(() => [document.title.split(' · ')[0], ...[...document.querySelectorAll('[data-a11y-id]')]
    .map((element) => (element.getAttribute('aria-label') || element.textContent || '').trim())]);
  const shown = [...new Set(texts.filter((text) => KEYS.has(text)))];
  if (shown.length > 0) throw new Error(`string-table keys shown as themselves: ${shown.join(', ')}`);
}

// Brings the element into view and waits for the portal it belongs to (the page's own, or one in
// an iframe) to catch up.
async function reach(locator) {
  await locator.waitFor();
  await locator.scrollIntoViewIfNeeded();
  await waitForSettled(await portalOf(locator));
}

// The portal (page or frame) an element belongs to.
async function portalOf(locator) {
  const handle = await locator.elementHandle();
  const frame = await handle.ownerFrame();
  await handle.dispose();
  return frame;
}

// Scrolls the element into view, waits for the portal to catch up, clicks it (a tap on phones),
// and waits until the portal has handled the click: the next step never races it.
export async function tap(locator) {
  await reach(locator);
  const frame = await portalOf(locator);
  await locator.click();
  await waitForSettled(frame);
}

// Picks a dropdown's option. It sits in a popup over the page: it is clicked where it is (scrolling
// it into view would move the page under the popup), then the portal is waited for.
export async function pickOption(page, name) {
  const option = page.getByRole('radio', { name });
  await option.waitFor();
  await waitForSettled(page);
  await option.click();
  await waitForSettled(page);
}

// Types into a mirrored field (the DOM field does the editing, as for a person), then waits until
// the portal has taken the text.
export async function type(locator, text) {
  await reach(locator);
  const frame = await portalOf(locator);
  await locator.fill(text);
  await waitForSettled(frame);
}

// Waits until a mirrored field shows `expected` (a field the portal fills, e.g. from a hand-off).
export async function waitForValue(locator, expected, { timeout = 15000 } = {}) {
  await eventually(() => locator.inputValue(), (value) => value === expected,
    `the field ${locator} holds ${JSON.stringify(expected)}`, { timeout });
}

// Reads `read` (every 100 ms) until `check` accepts the value. `timeout` only keeps a broken build
// from hanging; it measures nothing, so it is generous.
export async function eventually(read, check, what, { timeout = 15000 } = {}) {
  const until = Date.now() + timeout;
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    if (Date.now() > until) throw new Error(`${what}: last value ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// The service numbers of the demo tickets by state, from the server's start-up log
// ("demo ticket R7KX-4M9Q-P2HC (resolved), phone last 4 8000").
export function demoTickets(server) {
  const tickets = {};
  for (const match of server.logs().matchAll(/demo ticket ([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}) \((\w+)\), phone last 4 (\d{4})/g)) {
    tickets[match[2]] = { number: match[1], last4: match[3] };
  }
  return tickets;
}

// A customer token the portal keeps on this device for a service number (screens/ticket_tokens.h).
export async function storedToken(page, serviceNumber) {
  const compact = serviceNumber.replaceAll('-', '').toUpperCase();
  const record = await page.evaluate((key) => window.localStorage.getItem(key), `aftercare.tracking.token.${compact}`);
  return record ? JSON.parse(record).token : null;
}

// The language switch in the top bar names the other language.
export async function switchLanguage(page) {
  const toEnglish = page.getByRole('button', { name: 'English', exact: true });
  await tap((await toEnglish.count()) > 0 ? toEnglish : page.getByRole('button', { name: '中文', exact: true }));
  await waitForSettled(page);
}

// A viewport screenshot once the layout is settled, into AFTERCARE_SCREENSHOT_DIR when it is set.
export async function saveScreenshot(page, name) {
  if (!screenshotDir()) return;
  await waitForSettled(page);
  savePng(name, await page.screenshot());
}

export async function api(server, method, path, { body, token } = {}) {
  const headers = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(new URL(path, server.url), { method, headers, body: body ? JSON.stringify(body) : undefined });
  return { status: response.status, body: await response.json() };
}

// A staff member's access token, signed in through the API (the login screen has tests of its own).
export async function staffToken(server, { username, password }) {
  const login = await api(server, 'POST', '/api/v1/staff/login', { body: { username, password } });
  if (login.status !== 200) throw new Error(`staff login as ${username}: ${login.status} ${JSON.stringify(login.body)}`);
  return login.body.access_token;
}

// What a portal shows, as its mirror says it: one line per element (role, name, value, state).
// Printed when a test fails, so a CI log tells what was on screen at the step that failed.
export async function describeScreen(page) {
  return page.evaluate(() => [...document.querySelectorAll('[role], textarea, input')].map((el) => {
    const role = el.getAttribute('role') || el.tagName.toLowerCase();
    const name = el.getAttribute('aria-label') || el.textContent.trim();
    const value = 'value' in el && el.value ? ` = ${JSON.stringify(el.value)}` : '';
    const invalid = el.getAttribute('aria-invalid') === 'true' ? ' (invalid)' : '';
    const disabled = el.getAttribute('aria-disabled') === 'true' || el.disabled ? ' (disabled)' : '';
    return `${role}: ${name.slice(0, 120)}${value}${invalid}${disabled}`;
  }).join('\n'));
}
