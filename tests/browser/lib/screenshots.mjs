// Saves screenshots the tests take into docs/screenshots (AFTERCARE_SCREENSHOT_DIR), for the README.
// AFTERCARE_NO_SCREENSHOTS=1 turns them off (scripts/test-stress: repeated runs leave the tree alone).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// The folder screenshots go to, or null when none are wanted.
export function screenshotDir() {
  if (process.env.AFTERCARE_NO_SCREENSHOTS === '1') return null;
  return process.env.AFTERCARE_SCREENSHOT_DIR || null;
}

export function saveScreenshot(name, png) {
  const dir = screenshotDir();
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), png);
}
