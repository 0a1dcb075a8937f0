import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

// Driving the portal like a person: wait until what is drawn is where the mirror says it is, then
// point at it. ImGui lays windows out from the previous frame and applies a DOM scroll a frame
// later, so a click sent the instant an element appears (or right after scrolling to it) could land
// on a stale layout; the portal publishes when its layout is settled (web/a11y.js, app.cpp).
// `page` may also be a Frame: the portal embedded in a vendor's page.
export async function waitForSettled(page) {
  await page.waitForFunction(() => {
    const scroller = document.getElementById('a11y-scroll');
    return !!scroller && scroller.dataset.settled === '1' &&
      Math.abs(scroller.scrollTop - Number(scroller.dataset.scrollY)) < 1;
  });
}

// Brings the element into view and waits for the portal it belongs to (the page's own, or one in
// an iframe) to catch up.
async function reach(locator) {
  await locator.waitFor();
  await locator.scrollIntoViewIfNeeded();
  const handle = await locator.elementHandle();
  const frame = await handle.ownerFrame();
  await handle.dispose();
  await waitForSettled(frame);
}

// Scrolls the element into view, waits for the portal to catch up, then clicks it (a tap on phones).
export async function tap(locator) {
  await reach(locator);
  await locator.click();
}

// Types into a mirrored field (the DOM field does the editing, as for a person).
export async function type(locator, text) {
  await reach(locator);
  await locator.fill(text);
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
  const dir = process.env.AFTERCARE_SCREENSHOT_DIR;
  if (!dir) return;
  await waitForSettled(page);
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, name) });
}

export async function api(server, method, path, { body, token } = {}) {
  const headers = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(new URL(path, server.url), { method, headers, body: body ? JSON.stringify(body) : undefined });
  return { status: response.status, body: await response.json() };
}
