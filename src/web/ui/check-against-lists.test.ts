import { describe, expect, it } from 'vitest';
import { inviteToApply, submitApplication } from '../../contract/enrolment.ts';
import { createWebI18n } from '../i18n.ts';
import { checkAgainst } from './check-against.ts';

const { t } = createWebI18n('en');

describe('a form checked with its route’s own schema', () => {
  it('asks for an e-mail address left empty, and explains one that is malformed', () => {
    const labels = { name: 'Their name', email: 'Their email address' };
    expect(checkAgainst(inviteToApply.body, { name: '', email: '  ' }, t, labels)).toEqual({
      name: 'Their name is needed',
      email: 'Their email address is needed',
    });
    expect(checkAgainst(inviteToApply.body, { name: 'Ana', email: 'ana@' }, t, labels)).toEqual({
      email: 'Enter an email address like name@example.org',
    });
  });

  it('names an entry of a list by the list’s label, and takes a field’s own wording when given', () => {
    const body = {
      organisation: 'Oxfam',
      role: '',
      themes: ['funding', 'x'.repeat(201)],
      languages: [],
      timeZone: 'Europe/London',
      consent: { version: '2026-1', groundRules: true, confidentiality: false, dataUse: true },
    };
    const errors = checkAgainst(
      submitApplication.body,
      body,
      t,
      { themes: 'Themes', languages: 'Languages' },
      { 'consent.confidentiality': 'Please agree to confidentiality to apply' },
    );
    expect(errors).toEqual({
      'themes.1': 'Themes must be at most 200 characters long',
      languages: 'Choose at least 1 for Languages',
      'consent.confidentiality': 'Please agree to confidentiality to apply',
    });
  });
});
