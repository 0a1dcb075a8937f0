// A browser that has just started also starts its GPU process (here SwiftShader) when the first
// page asks for WebGL: 200 ms or more at full CPU speed, paid by whichever page is measured first.
// A phone's browser did this long before a link was tapped; a page with a WebGL2 context warms it
// up, so that every program is measured against the same, warm, browser.
// This machine has no GPU: Chromium is told to use SwiftShader through ANGLE as one, as a phone has.
export const GPU_FLAGS = ['--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist'];

export async function warmUpGpu(browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const ok = await page.evaluate(() => {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return false;
    gl.clear(gl.COLOR_BUFFER_BIT);
    return gl.getError() === gl.NO_ERROR;
  });
  await context.close();
  if (!ok) throw new Error('this browser has no WebGL2');
}
