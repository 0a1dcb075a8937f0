// Saves screenshots the tests take into docs/screenshots (AFTERCARE_SCREENSHOT_DIR), for the README.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function saveScreenshot(name, png) {
  const dir = process.env.AFTERCARE_SCREENSHOT_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), png);
}
