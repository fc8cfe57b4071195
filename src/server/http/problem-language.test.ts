// A problem's sentence is its English message id: placeholders filled, lists written as the reader's
// language writes them, the noun of "There is no {{what}} here" translated on its own.
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { problemTranslator } from './error-handler.ts';
import { conflict, notFound } from './problem.ts';

const objection = '{{names}} object to sharing this concern, so it cannot be shared.';

async function french() {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng: 'en',
    fallbackLng: 'en',
    resources: {
      fr: {
        problems: {
          [objection]:
            '{{names}} s’opposent au partage de cette préoccupation : elle ne peut pas être partagée.',
          'There is no {{what}} here, or you cannot see it.':
            "Il n'y a pas de {{what}} ici, ou vous ne pouvez pas le voir.",
          set: 'groupe',
        },
      },
    },
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return i18n;
}

describe('problem sentences', () => {
  it('in English: placeholders filled, a list of names written out', () => {
    const problem = conflict(objection, 'body.approve', { names: ['Amara', 'Ben', 'Chloe'] });
    expect(problem.message).toBe(
      'Amara, Ben, and Chloe object to sharing this concern, so it cannot be shared.',
    );
    expect(problem.toBody().errors).toEqual([{ field: 'body.approve', message: problem.message }]);
  });

  it('in French: the sentence, its list and its field error in French; English where none is translated', async () => {
    const tr = problemTranslator(await french(), 'fr');
    const body = conflict(objection, 'body.approve', { names: ['Amara', 'Ben'] }).toBody(tr);
    expect(body.detail).toBe(
      'Amara et Ben s’opposent au partage de cette préoccupation : elle ne peut pas être partagée.',
    );
    expect(body.errors).toEqual([{ field: 'body.approve', message: body.detail }]);
    expect(notFound('set').toBody(tr).detail).toBe(
      "Il n'y a pas de groupe ici, ou vous ne pouvez pas le voir.",
    );
    expect(notFound('person').toBody(tr).detail).toBe(
      "Il n'y a pas de person ici, ou vous ne pouvez pas le voir.",
    );
    expect(
      conflict('Nothing translated here, {{name}}.', undefined, { name: 'Amara' }).toBody(tr).detail,
    ).toBe('Nothing translated here, Amara.');
  });
});
