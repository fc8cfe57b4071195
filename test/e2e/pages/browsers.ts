// A person's own browser: a context of its own, signed in with a session the API gave, and screenshots.
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { newContext, saveScreenshot, screenshotOnFailure } from '../../support/browser.ts';

/** A page in a browser context of its own, carrying the session cookie (a Cookie header) if given. */
export async function browserWithSession(
  browser: Browser,
  baseUrl: string,
  cookie: string | undefined,
  options: BrowserContextOptions = {},
): Promise<Page> {
  const context = await newContext(browser, { baseURL: baseUrl, ...options });
  const page = await context.newPage();
  screenshotOnFailure(page);
  if (cookie)
    await context.addCookies(
      cookie
        .split('; ')
        .map((c) => c.split('='))
        .map(([name, ...value]) => ({ name: name!, value: value.join('='), url: baseUrl })),
    );
  return page;
}

/** A screenshot from the top of the page. */
export async function shootFromTop(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await saveScreenshot(page, name);
}
