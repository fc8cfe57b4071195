// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { choose, fakeApi, hostAdmin, problem, renderPage } from '../../test-support.tsx';
import { NewPersonPage } from './NewPersonPage.tsx';

const hostId = hostAdmin.host.id;
const organisations = [
  { id: '00000000-0000-4000-8000-0000000000o1', name: 'Harbour Aid', archived: false, people: 0 },
];

function open(postAnswer: Parameters<typeof fakeApi>[0][string]) {
  const api = fakeApi({
    [`GET /api/hosts/${hostId}/organisations`]: { body: organisations },
    [`POST /api/hosts/${hostId}/people`]: postAnswer,
  });
  renderPage(<NewPersonPage />, { path: '/people/new', url: '/people/new' });
  return api;
}

async function fillAndSubmit() {
  fireEvent.input(await screen.findByLabelText('Full name'), { target: { value: 'Amara Okafor' } });
  fireEvent.input(screen.getByLabelText('Email address'), { target: { value: 'amara@example.org' } });
  fireEvent.click(screen.getByRole('button', { name: 'Add person' }));
}

describe('adding a person', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it("shows the server's field error next to the field and in a focused error summary", async () => {
    const message = 'Someone with the email address amara@example.org is already here.';
    open(problem(409, 'conflict', message, [{ field: 'body.email', message }]));
    await fillAndSubmit();

    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('There is a problem');
    expect(summary.textContent).toContain(message);
    await waitFor(() => expect(document.activeElement).toBe(summary));

    const email = screen.getByLabelText('Email address');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    const describedBy = email.getAttribute('aria-describedby') ?? '';
    const errorId = describedBy.split(' ').find((id) => id.endsWith('-error'));
    expect(document.getElementById(errorId ?? '')?.textContent).toBe(`Error: ${message}`);
    expect(screen.getByLabelText('Full name').getAttribute('aria-invalid')).toBeNull();
  });

  it('explains missing fields before sending anything', async () => {
    const api = open({ status: 201, body: {} });
    fireEvent.click(await screen.findByRole('button', { name: 'Add person' }));
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('Full name is needed');
    expect(summary.textContent).toContain('Email address is needed');
    expect(api.calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('sends the person with the organisation chosen', async () => {
    const api = open(({ body }) => ({ status: 201, body: { id: 'new', ...(body as object) } }));
    choose(await screen.findByLabelText(/^Organisation/), organisations[0]!.id);
    await fillAndSubmit();
    await waitFor(() => expect(api.calls.some((c) => c.method === 'POST')).toBe(true));
    const post = api.calls.find((c) => c.method === 'POST');
    expect(post?.body).toMatchObject({
      name: 'Amara Okafor',
      email: 'amara@example.org',
      organisationId: organisations[0]!.id,
    });
  });
});
