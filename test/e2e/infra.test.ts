// Proves the browser harness: Debian Chromium opens a real page over HTTP, the page object audits it.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser, newPage, screenshotOnFailure } from '../support/browser.ts';
import { BasePage } from './pages/base-page.ts';

const pages: Record<string, string> = {
  '/': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Revans harness</title></head>
<body><main><h1>Set meeting</h1><p>Round one: check-in.</p>
<div role="status">Timer started</div></main></body></html>`,
  '/broken': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Broken</title></head>
<body><main><h1>Broken</h1><img src="/x.png"><button></button></main></body></html>`,
};

describe('browser harness', () => {
  let server: Server;
  let baseUrl: string;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const html = pages[req.url ?? ''];
      res
        .writeHead(html ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' })
        .end(html ?? 'not found');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });
  beforeEach(async () => {
    page = await newPage(browser);
    screenshotOnFailure(page);
  });
  afterEach(() => page.context().close());

  it('opens an accessible page in Chromium and reads it', async () => {
    const home = await new BasePage(page, baseUrl).goto('/');
    expect(await home.headingText()).toBe('Set meeting');
    expect(await home.announcement()).toBe('Timer started');
    expect(await browser.version()).toMatch(/^\d+\./);
  });

  it('reports accessibility violations readably', async () => {
    await page.goto(`${baseUrl}/broken`);
    const error = await expectNoAxeViolations(page, 'the broken page').catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/violation\(s\) on the broken page/);
    expect((error as Error).message).toContain('image-alt');
    expect((error as Error).message).toContain('button-name');
  });
});
