// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/preact';
import { I18nextProvider } from 'react-i18next';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { ProblemError } from '../api/client.ts';
import { createWebI18n } from '../i18n.ts';
import { Failure, LoadError } from './Failure.tsx';

function show(element: React.ReactElement) {
  const router = createMemoryRouter([{ path: '*', element }]);
  render(
    <I18nextProvider i18n={createWebI18n()}>
      <RouterProvider router={router} />
    </I18nextProvider>,
  );
}

const refusal = new ProblemError({
  status: 403,
  code: 'forbidden',
  detail:
    'What is said in a set stays in the set: only its members and facilitator can read it. Ask your programme coordinator or host admin if you think you should be able to.',
  action: 'set.readContent',
});

describe('a refused page (issue 13)', () => {
  afterEach(cleanup);

  it('says why in words, never the internal action, and offers no pointless retry', () => {
    show(<Failure error={refusal} retry={() => {}} />);
    const alert = screen.getByRole('alert').textContent ?? '';
    expect(alert).toContain('What is said in a set stays in the set');
    expect(alert).not.toContain('set.readContent');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('You cannot do this here');
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });

  it('offers no retry for a conflict or a gone link either, in a section', () => {
    for (const status of [409, 410]) {
      show(<LoadError error={new ProblemError({ status, code: 'x', detail: 'No.' })} retry={() => {}} />);
      expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
      cleanup();
    }
  });

  it('offers a retry when the network or the server failed', () => {
    show(
      <LoadError error={new ProblemError({ status: 0, code: 'network', detail: 'x' })} retry={() => {}} />,
    );
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
    cleanup();
    show(
      <Failure
        error={new ProblemError({ status: 503, code: 'unavailable', detail: 'Not ready.' })}
        retry={() => {}}
      />,
    );
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
