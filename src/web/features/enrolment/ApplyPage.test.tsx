// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApplyInfo } from '../../../contract/enrolment.ts';
import { fakeApi, problem, renderPage } from '../../test-support.tsx';
import { ApplyPage } from './ApplyPage.tsx';

const wording = (version: string, dataUse: string): ApplyInfo['consent'] => ({
  version,
  groundRules: 'I will keep my set’s ground rules.',
  confidentiality: 'What is said in my set stays in my set.',
  dataUse,
});

const info = (consent: ApplyInfo['consent']): ApplyInfo => ({
  programme: {
    name: 'Leading Learning 2027',
    hostName: 'Test Host',
    purpose: '',
    theme: '',
    startsOn: null,
    endsOn: null,
    meetingCadence: 'Every 6 weeks',
    participation: '',
    setSize: { min: 6, max: 8 },
  },
  invited: null,
  consent,
  availabilitySlots: [],
});

async function fill() {
  fireEvent.input(await screen.findByLabelText('Your name'), { target: { value: 'Amara Okafor' } });
  fireEvent.input(screen.getByLabelText('Your email address'), { target: { value: 'amara@example.org' } });
  fireEvent.input(screen.getByLabelText('Organisation'), { target: { value: 'WaterAid' } });
  fireEvent.input(screen.getByLabelText('Your role'), { target: { value: 'Learning lead' } });
  fireEvent.input(screen.getByLabelText(/^Themes you care about/), {
    target: { value: 'funding; volunteers' },
  });
  // Languages by name, not codes: English is ticked already; French is added.
  expect((screen.getByRole('checkbox', { name: 'English' }) as HTMLInputElement).checked).toBe(true);
  fireEvent.click(screen.getByRole('checkbox', { name: 'French' }));
  fireEvent.click(screen.getByRole('checkbox', { name: 'Tuesday morning' }));
}

const consentBoxes = () => [
  screen.getByLabelText('I agree to the ground rules') as HTMLInputElement,
  screen.getByLabelText('I agree to keep what is said in my set confidential') as HTMLInputElement,
  screen.getByLabelText('I agree to my information being used in this way') as HTMLInputElement,
];

// A form with a time-zone list of some 400 zones: slower to render in jsdom than most pages.
describe('applying through a link', { timeout: 15_000 }, () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('sends nothing until every consent is given', async () => {
    const api = fakeApi({
      'GET /api/apply/tok': { body: info(wording('v1', 'Only coordinators read it.')) },
    });
    renderPage(<ApplyPage />, { path: '/apply/:token', url: '/apply/tok', me: null });
    await fill();
    fireEvent.click(consentBoxes()[0]!);
    fireEvent.click(screen.getByRole('button', { name: 'Send my application' }));
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('Please agree to confidentiality to apply');
    expect(summary.textContent).toContain('Please agree to how your information is used to apply');
    expect(api.calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('sends the answers as lists with the consent version read, and thanks the applicant', async () => {
    const api = fakeApi({
      'GET /api/apply/tok': { body: info(wording('v1', 'Only coordinators read it.')) },
      'POST /api/apply/tok': { status: 201, body: { applicationId: 'a', status: 'submitted' } },
    });
    renderPage(<ApplyPage />, { path: '/apply/:token', url: '/apply/tok', me: null });
    await fill();
    for (const box of consentBoxes()) fireEvent.click(box);
    fireEvent.click(screen.getByRole('button', { name: 'Send my application' }));
    await screen.findByRole('heading', { level: 1, name: 'Thank you for applying' });
    const sent = api.calls.find((c) => c.method === 'POST')!.body as Record<string, unknown>;
    expect(sent).toMatchObject({
      name: 'Amara Okafor',
      email: 'amara@example.org',
      themes: ['funding', 'volunteers'],
      languages: ['en', 'fr'],
      availability: ['tue-am'],
      consent: { version: 'v1', groundRules: true, confidentiality: true, dataUse: true },
    });
  });

  it('shows the new wording, unticked, when the consent changed while the form was open', async () => {
    let version = 'v1';
    fakeApi({
      'GET /api/apply/tok': () => ({
        body: info(
          wording(
            version,
            version === 'v1' ? 'Only coordinators read it.' : 'Coordinators and evaluators read it.',
          ),
        ),
      }),
      'POST /api/apply/tok': () => {
        version = 'v2';
        return problem(409, 'conflict', 'The consent wording has changed since you opened the form.', [
          {
            field: 'body.consent.version',
            message: 'The consent wording has changed since you opened the form.',
          },
        ]);
      },
    });
    renderPage(<ApplyPage />, { path: '/apply/:token', url: '/apply/tok', me: null });
    await fill();
    for (const box of consentBoxes()) fireEvent.click(box);
    fireEvent.click(screen.getByRole('button', { name: 'Send my application' }));
    await screen.findByText('Coordinators and evaluators read it.');
    expect((await screen.findByRole('alert')).textContent).toContain('The consent wording has changed');
    await waitFor(() => expect(consentBoxes().map((b) => b.checked)).toEqual([false, false, false]));
    expect((screen.getByLabelText('Organisation') as HTMLInputElement).value).toBe('WaterAid');
  });
});
