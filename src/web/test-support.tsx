// Helpers for component tests (jsdom): render a page inside the real app frame with a fake API.
import { act, render } from '@testing-library/preact';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { vi } from 'vitest';
import type { Me } from './../contract/me.ts';
import { Root } from './app/Root.tsx';
import { SessionProvider } from './app/session.tsx';
import { createWebI18n } from './i18n.ts';

export interface FakeCall {
  method: string;
  path: string;
  body: unknown;
}

type Answer = { status?: number; body: unknown };
export type FakeRoutes = Record<string, Answer | ((call: FakeCall) => Answer)>;

/** Replaces fetch: routes are keyed "GET /api/..." and answer JSON (problem+json for errors). */
export function fakeApi(routes: FakeRoutes) {
  const calls: FakeCall[] = [];
  const fetchMock = vi.fn(async (input: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    const path = String(input);
    const call = { method, path, body: init.body ? JSON.parse(String(init.body)) : undefined };
    calls.push(call);
    const route = routes[`${method} ${path}`];
    if (!route) throw new Error(`No fake answer for ${method} ${path}`);
    const answer = typeof route === 'function' ? route(call) : route;
    const status = answer.status ?? 200;
    return new Response(JSON.stringify(answer.body), {
      status,
      headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls };
}

/** A problem+json body as the server sends it. */
export function problem(
  status: number,
  code: string,
  detail: string,
  errors?: { field: string; message: string }[],
) {
  return {
    status,
    body: {
      type: `urn:revans:problem:${code}`,
      title: code,
      status,
      code,
      detail,
      ...(errors ? { errors } : {}),
    },
  };
}

const allow = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, true])) as Record<K, boolean>;

export const hostAdmin: Me = {
  person: {
    id: '00000000-0000-4000-8000-000000000001',
    name: 'Ada Admin',
    organisation: null,
    jobRole: '',
    timeZone: 'Europe/London',
    language: 'en',
    archived: false,
    email: 'ada@example.org',
    status: 'active',
    hostAdmin: true,
    abilities: allow([
      'person.read',
      'person.readContact',
      'person.update',
      'person.invite',
    ] as const) as never,
  },
  host: {
    id: '00000000-0000-4000-8000-0000000000aa',
    name: 'Test Host',
    defaultTimeZone: 'Europe/London',
    defaultLanguage: 'en',
  },
  hostAdmin: true,
  abilities: allow([
    'host.read',
    'host.update',
    'host.readMailOutbox',
    'audit.read',
    'audit.export',
    'audit.configure',
    'host.configureRetention',
    'host.configureSso',
    'host.requireTwoFactor',
    'organisation.list',
    'organisation.create',
    'organisation.update',
    'organisation.archive',
    'person.list',
    'person.create',
    'person.inviteCoordinator',
    'programme.list',
    'programme.create',
    'feedback.configure',
  ] as const),
  sets: [],
  coordinates: [],
};

/** Renders the app frame at `url`, with `element` as the page for `path`. */
export function renderPage(element: ReactElement, options: { path: string; url: string; me?: Me | null }) {
  const router = createMemoryRouter([{ element: <Root />, children: [{ path: options.path, element }] }], {
    initialEntries: [options.url],
  });
  const me = options.me === undefined ? hostAdmin : options.me;
  return render(
    <I18nextProvider i18n={createWebI18n()}>
      <SessionProvider initial={{ ready: true, needsSetup: false, me }}>
        <RouterProvider router={router} />
      </SessionProvider>
    </I18nextProvider>,
  );
}

/**
 * Picks an option in a <select> as a browser does: the value changes, then "input" and "change" fire.
 * (fireEvent.change from @testing-library/preact sends "input" alone, which a select's onChange never hears.)
 */
export function choose(select: HTMLElement, value: string) {
  act(() => {
    (select as HTMLSelectElement).value = value;
    select.dispatchEvent(new Event('input', { bubbles: true }));
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}
