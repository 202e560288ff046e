/**
 * Browser-test harness: serves the built app (dist/) from localhost and drives Debian's Chromium through
 * playwright-core. WebGPU in headless Chromium here is SwiftShader (a CPU emulation: slow but real), enabled
 * by --enable-unsafe-webgpu on a localhost origin.
 */
import { createReadStream, existsSync, mkdirSync, mkdtempSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
};

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A static server for dist/ on a free localhost port. */
export async function serveDist(root = 'dist'): Promise<{ url: string; close: () => Promise<void> }> {
  if (!existsSync(join(root, 'index.html')))
    throw new Error(`${root}/index.html is missing: run \`npm run build\` first`);
  const server: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/')).replace(
      /^(\.\.[/\\])+/,
      '',
    );
    let file = join(root, path);
    const missing = !existsSync(file) || statSync(file).isDirectory();
    // A missing file (a favicon, a chunk) is a 404 as on any static server, so the tests see the console
    // error a user would; only extensionless paths fall back to the page.
    if (missing && extname(path)) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    if (missing) file = join(root, 'index.html');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://localhost:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A fresh Chromium profile each time (playwright needs the persistent-context API for --user-data-dir). */
export async function launch(opts: { webgpu: boolean }): Promise<BrowserContext> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'mtl-chromium-'));
  const args = [
    '--no-sandbox',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    ...(opts.webgpu ? ['--enable-unsafe-webgpu', '--enable-features=Vulkan'] : ['--disable-gpu']),
  ];
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args,
    viewport: { width: 1280, height: 800 },
  });
}

/**
 * The app's status line (step, steps/s, backend and why). By class, not by role: a chart's tooltip is a
 * role="status" region too.
 */
export const statusLine = (page: Page) => page.locator('p.status-line');

/** The step counter the status line shows, or NaN before it shows one. */
export const stepOf = async (page: Page): Promise<number> =>
  Number(
    ((await statusLine(page).textContent()) ?? '').match(/Step ([\d,]+)/)?.[1]?.replace(/,/g, '') ?? NaN,
  );

/** The page's console errors and uncaught exceptions, collected from now on (tests expect none). */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

/**
 * For a whole test file: the built app served from localhost and one browser profile (IndexedDB persists
 * across its pages and reloads, as for a user), opened before the first test and closed after the last.
 * Screenshots go to test/artifacts/.
 */
export function browserForFile(opts: { webgpu: boolean }): {
  readonly server: Awaited<ReturnType<typeof serveDist>>;
  readonly context: BrowserContext;
} {
  let server: Awaited<ReturnType<typeof serveDist>> | undefined;
  let context: BrowserContext | undefined;
  beforeAll(async () => {
    server = await serveDist();
    mkdirSync('test/artifacts', { recursive: true });
    context = await launch(opts);
  });
  afterAll(async () => {
    await context?.close();
    await server?.close();
  });
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`browserForFile: the ${what} is used before beforeAll ran`);
    return value;
  };
  return {
    get server() {
      return ready(server, 'server');
    },
    get context() {
      return ready(context, 'browser context');
    },
  };
}
