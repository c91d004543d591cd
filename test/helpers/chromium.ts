// Which Chromium the browser tests drive: SKIMA_CHROMIUM if set, else a system Chromium on the PATH
// (Debian's `chromium`), else the headless Chromium shipped in the `@sparticuz/chromium` npm package,
// unpacked on first use. The test run's global setup resolves it once and exports SKIMA_CHROMIUM, so
// test files running side by side never unpack it at the same time.
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

const SYSTEM_NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const file = path.join(dir, name);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // Not in this folder.
    }
  }
  return undefined;
}

export async function resolveChromium(): Promise<{ path: string; source: string }> {
  const configured = process.env.SKIMA_CHROMIUM;
  if (configured) return { path: configured, source: 'SKIMA_CHROMIUM' };
  for (const name of SYSTEM_NAMES) {
    const found = onPath(name);
    if (found) return { path: found, source: 'the PATH' };
  }
  const { default: packaged } = await import('@sparticuz/chromium');
  return { path: await packaged.executablePath(), source: '@sparticuz/chromium' };
}

export async function chromiumExecutable(): Promise<string> {
  return (await resolveChromium()).path;
}
