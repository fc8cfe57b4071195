/**
 * Web delivery benchmark:
 *   npm run bench -- web [--no-build] [--runs N]
 *
 * Builds the web app (vite, as `npm run build:web`; --no-build takes dist/web as it is), starts one
 * `revans serve` on SQLite with a fresh host whose first person (the admin, a member like any other on
 * their home page) is set up through /api/setup, and measures two pages: the sign-in page signed out, and
 * the member's home signed in.
 * - First load: the JavaScript and CSS bytes as transferred (brotli: the browser asks with
 *   `Accept-Encoding: br`) from the page's start until it shows its heading and the network is quiet,
 *   counted by Debian's Chromium driven by playwright-core, in a fresh context (no cache).
 * - Lighthouse 12.2.3 in its default mobile mode (simulated slow 4G and a 4x slower CPU), performance and
 *   accessibility only, in the same Chromium (--headless=new), best of N runs (1) for performance;
 *   the home page gets the session cookie as an extra header.
 * Baseline in the same run: a minimal page (a heading, a form, a small stylesheet and script, brotli) served
 * by node:http, measured the same way, so the figures come with ratios to what the machine and the browser
 * give a page that does next to nothing. Ends with one `BENCH web {json}` line.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { commandLine } from './common/command-line.ts';
import { setUpFirstHost } from './common/first-host.ts';
import { freePort, root, startRevans } from './live/processes.ts';

const { flag, option } = commandLine();
const runs = Number(option('--runs') ?? 1);
const log = (line: string) => process.stderr.write(`${line}\n`);
const CHROMIUM = '/usr/bin/chromium';
/** The budget of issue 12: JS and CSS of a first load, compressed, together. */
const BUDGET_BYTES = 120 * 1024;

const webDir = path.join(root, 'dist/web');
if (!flag('--no-build')) {
  log('web: building the web app (vite build)…');
  execFileSync(
    process.execPath,
    [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
}

interface Page {
  url: string;
  heading: RegExp;
  cookie?: string;
}

interface Load {
  jsBytes: number;
  cssBytes: number;
  totalBytes: number;
  files: number;
  /** Any JS or CSS file that did not come brotli-compressed (should be none over 1 kB). */
  notBrotli: string[];
  /** Each file as sent, largest first: what to look at when the budget is missed. */
  sizes: string[];
}

/** What a first visit downloads: JS and CSS, as sent, until the heading shows and the network is quiet. */
async function firstLoad(page: Page): Promise<Load> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-sync',
    ],
  });
  try {
    const context = await browser.newContext({ extraHTTPHeaders: { 'accept-encoding': 'br, gzip' } });
    if (page.cookie) {
      const origin = new URL(page.url);
      await context.addCookies(
        page.cookie.split('; ').map((pair) => {
          const at = pair.indexOf('=');
          return { name: pair.slice(0, at), value: pair.slice(at + 1), domain: origin.hostname, path: '/' };
        }),
      );
    }
    const tab = await context.newPage();
    const seen: Promise<{ type: string; bytes: number; encoding: string | undefined; url: string }>[] = [];
    tab.on('requestfinished', (request) => {
      const type = request.resourceType();
      if (type !== 'script' && type !== 'stylesheet') return;
      seen.push(
        (async () => {
          const [sizes, response] = await Promise.all([request.sizes(), request.response()]);
          const headers = (await response?.allHeaders()) ?? {};
          return {
            type,
            bytes: sizes.responseBodySize,
            encoding: headers['content-encoding'],
            url: request.url(),
          };
        })(),
      );
    });
    await tab.goto(page.url);
    await tab.getByRole('heading', { level: 1, name: page.heading }).waitFor({ timeout: 30_000 });
    await tab.waitForLoadState('networkidle');
    const files = await Promise.all(seen);
    const sum = (type: string) => files.filter((f) => f.type === type).reduce((n, f) => n + f.bytes, 0);
    const jsBytes = sum('script');
    const cssBytes = sum('stylesheet');
    return {
      jsBytes,
      cssBytes,
      totalBytes: jsBytes + cssBytes,
      files: files.length,
      notBrotli: files.filter((f) => f.encoding !== 'br' && f.bytes > 1024).map((f) => f.url),
      sizes: files
        .sort((a, b) => b.bytes - a.bytes)
        .map((f) => `${new URL(f.url).pathname.replace('/assets/', '')} ${f.bytes}`),
    };
  } finally {
    await browser.close();
  }
}

interface Scores {
  performance: number;
  accessibility: number;
  lcpMs: number;
  tbtMs: number;
  fcpMs: number;
  /** Audits that cost points, for the record. */
  failing: string[];
  /** What moved, when the layout shifted (Lighthouse's layout-shifts audit: the node and its score). */
  shifts: string[];
}

async function lighthouseScores(page: Page): Promise<Scores> {
  let best: Scores | undefined;
  for (let run = 0; run < runs; run++) {
    const chrome = await chromeLauncher.launch({
      chromePath: CHROMIUM,
      chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync'],
    });
    try {
      const result = await lighthouse(
        page.url,
        {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility'],
          ...(page.cookie ? { extraHeaders: { Cookie: page.cookie } } : {}),
        },
        undefined,
      );
      if (!result) throw new Error(`Lighthouse gave no result for ${page.url}`);
      const { categories, audits } = result.lhr;
      const score = (key: string) => Math.round((categories[key]?.score ?? 0) * 100);
      const ms = (key: string) => Math.round(audits[key]?.numericValue ?? Number.NaN);
      const failing = Object.values(categories)
        .flatMap((category) => category.auditRefs.filter((ref) => ref.weight > 0))
        .map((ref) => audits[ref.id]!)
        .filter((audit) => audit.score !== null && audit.score < 0.9)
        .map((audit) => `${audit.id} (${audit.displayValue ?? audit.score})`);
      const scores: Scores = {
        performance: score('performance'),
        accessibility: score('accessibility'),
        lcpMs: ms('largest-contentful-paint'),
        tbtMs: ms('total-blocking-time'),
        fcpMs: ms('first-contentful-paint'),
        failing,
        shifts: (
          (audits['layout-shifts']?.details as { items?: { node?: { selector?: string }; score?: number }[] })
            ?.items ?? []
        ).map((item) => `${item.node?.selector ?? '?'} (${(item.score ?? 0).toFixed(3)})`),
      };
      if (!best || scores.performance > best.performance) best = scores;
    } finally {
      chrome.kill();
    }
  }
  return best!;
}

/** The baseline: a page that does next to nothing, served brotli-compressed by node:http. */
function startBaselineServer(port: number): Promise<Server> {
  const css = 'body{font-family:system-ui,sans-serif;margin:2rem;color:#1a1a1a}label{display:block}';
  const js = "document.querySelector('form').addEventListener('submit',e=>e.preventDefault());";
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="description" content="Baseline page"><title>Sign in</title><link rel="stylesheet" href="/a.css"></head><body><main><h1>Sign in</h1><form><label for="e">Email</label><input id="e" type="email" autocomplete="username"><label for="p">Password</label><input id="p" type="password" autocomplete="current-password"><button>Sign in</button></form></main><script type="module" src="/a.js"></script></body></html>`;
  const files: Record<string, [string, string]> = {
    '/': ['text/html; charset=utf-8', html],
    '/a.css': ['text/css', css],
    '/a.js': ['text/javascript', js],
  };
  const server = createServer((request, response) => {
    const file = files[request.url ?? ''];
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    const br = /\bbr\b/.test(String(request.headers['accept-encoding'] ?? ''));
    const body = br ? brotliCompressSync(file[1]) : Buffer.from(file[1]);
    response.writeHead(200, {
      'content-type': file[0],
      ...(br ? { 'content-encoding': 'br' } : {}),
      'content-length': body.length,
    });
    response.end(body);
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'revans-bench-web-'));
const server = await startRevans({ env: { DATA_DIR: dataDir, WEB_DIR: webDir } });
const baselinePort = await freePort();
const baseline = await startBaselineServer(baselinePort);
try {
  const cookie = await setUpFirstHost(server.url, {
    hostName: 'Northern NGO Learning Network',
    adminName: 'Ada Admin',
    email: 'ada@example.org',
  });

  const pages: Record<'signIn' | 'home' | 'baseline', Page> = {
    signIn: { url: `${server.url}/sign-in`, heading: /^Sign in$/ },
    home: { url: `${server.url}/`, heading: /Welcome/, cookie },
    baseline: { url: `http://127.0.0.1:${baselinePort}/`, heading: /^Sign in$/ },
  };
  const loads: Record<string, Load> = {};
  const scores: Record<string, Scores> = {};
  for (const [name, page] of Object.entries(pages)) {
    loads[name] = await firstLoad(page);
    log(`web: ${name} first load ${loads[name].totalBytes} B JS+CSS in ${loads[name].files} files`);
    log(`  ${loads[name].sizes.join(', ')}`);
  }
  for (const [name, page] of Object.entries(pages)) {
    scores[name] = await lighthouseScores(page);
    const s = scores[name];
    log(
      `web: ${name} Lighthouse performance ${s.performance}, accessibility ${s.accessibility} ` +
        `(LCP ${s.lcpMs} ms, TBT ${s.tbtMs} ms)${s.failing.length ? `; losing points: ${s.failing.join(', ')}` : ''}` +
        `${s.shifts.length ? `; shifted: ${s.shifts.join(', ')}` : ''}`,
    );
  }
  const base = loads.baseline!;
  const ratio = (x: number, y: number) => Math.round((x / y) * 100) / 100;
  const figures = {
    budgetBytes: BUDGET_BYTES,
    lighthouse: '12.2.3 mobile',
    runs,
    load1: Math.round(loadavg()[0]! * 100) / 100,
    signIn: { ...loads.signIn, ...scores.signIn, withinBudget: loads.signIn!.totalBytes <= BUDGET_BYTES },
    home: { ...loads.home, ...scores.home, withinBudget: loads.home!.totalBytes <= BUDGET_BYTES },
    baseline: { ...base, ...scores.baseline },
    ratios: {
      signInBytesToBaseline: ratio(loads.signIn!.totalBytes, base.totalBytes),
      homeBytesToBaseline: ratio(loads.home!.totalBytes, base.totalBytes),
      signInLcpToBaseline: ratio(scores.signIn!.lcpMs, scores.baseline!.lcpMs),
      homeLcpToBaseline: ratio(scores.home!.lcpMs, scores.baseline!.lcpMs),
      signInPerformanceToBaseline: ratio(scores.signIn!.performance, scores.baseline!.performance),
      homePerformanceToBaseline: ratio(scores.home!.performance, scores.baseline!.performance),
    },
  };
  console.log(`BENCH web ${JSON.stringify(figures)}`);
} finally {
  baseline.close();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
