/**
 * What an exported meeting record says, section by section, in the words of a catalogue: the Markdown
 * and the PDF exports are both drawn from this outline, so they hold the same content.
 */
import type { MeetingRecord } from './record.ts';
import type { ActionOutcome } from './types.ts';

/** The keys of the record catalogue (src/i18n/record.en.json) the outline uses. */
export const recordLabels = [
  'title',
  'started',
  'startedEnded',
  'at',
  'confidential',
  'agenda',
  'agendaItem',
  'attendance',
  'present',
  'nobody',
  'absent',
  'groundRules',
  'checkIn',
  'reportBacks',
  'reportBack',
  'reportBackLearned',
  'outcome.done',
  'outcome.partly',
  'outcome.not-done',
  'outcome.dropped',
  'presenters',
  'presenter',
  'airtime',
  'questions',
  'actions',
  'minutes',
  'myProblem',
  'myTurn',
  'myAirtime',
  'asBrought',
  'reframed',
  'questionsReceived',
  'struckHome',
  'question',
  'myActions',
  'actionDue',
  'myFeedback',
  'processReview',
  'checkOut',
  'checkOutScored',
] as const;
export type RecordLabel = (typeof recordLabels)[number];

/** The export's language: its catalogue, and how it joins a list of names. */
export interface RecordWords {
  t(key: RecordLabel, values?: Record<string, string | number>): string;
  list(names: readonly string[]): string;
  /** An instant as the reader reads it: date and time in their own zone, and that zone's name. */
  moment(iso: string): { date: string; time: string; zone: string };
}

/** A line of text; `strong` is a label set in bold before it (the struck-home mark). */
export interface Line {
  strong?: string;
  text: string;
}

export type Block =
  | { kind: 'paragraph'; line: Line }
  | { kind: 'bullets' | 'numbered' | 'checklist'; items: Line[] }
  | { kind: 'table'; head: string[]; rows: string[][] };

export interface RecordOutline {
  title: string;
  intro: string[];
  sections: { title: string; blocks: Block[] }[];
}

const para = (text: string): Block => ({ kind: 'paragraph', line: { text } });
const list = (kind: 'bullets' | 'numbered' | 'checklist', texts: string[]): Block[] =>
  texts.length ? [{ kind, items: texts.map((text) => ({ text })) }] : [];

export function recordOutline(record: MeetingRecord, words: RecordWords): RecordOutline {
  const { t } = words;
  const at = (iso: string) => t('at', words.moment(iso));
  const minutes = (ms: number) => t('minutes', { n: Math.round(ms / 60_000) });
  const outcome = (o: ActionOutcome) => t(`outcome.${o}`);
  const intro: string[] = [];
  if (record.startedAt) {
    const start = at(record.startedAt);
    intro.push(
      record.endedAt ? t('startedEnded', { start, end: at(record.endedAt) }) : t('started', { start }),
    );
  }
  intro.push(t('confidential'));

  const sections: RecordOutline['sections'] = [];
  const section = (title: string, blocks: Block[]) => {
    if (blocks.length) sections.push({ title, blocks });
  };
  const { mine } = record;
  section(
    t('agenda'),
    list(
      'bullets',
      record.agendaRun.map((s) => t('agendaItem', { title: s.title, time: words.moment(s.at).time })),
    ),
  );
  section(t('attendance'), [
    para(t('present', { names: record.attended.length ? words.list(record.attended) : t('nobody') })),
    ...(record.absent.length ? [para(t('absent', { names: words.list(record.absent) }))] : []),
  ]);
  section(t('groundRules'), list('bullets', record.groundRules));
  section(t('checkIn'), mine.checkIn ? [para(mine.checkIn)] : []);
  section(
    t('reportBacks'),
    list(
      'bullets',
      mine.reportBacks.map((r) =>
        r.learned
          ? t('reportBackLearned', { text: r.text, outcome: outcome(r.outcome), learned: r.learned })
          : t('reportBack', { text: r.text, outcome: outcome(r.outcome) }),
      ),
    ),
  );
  section(
    t('presenters'),
    record.presenters.length
      ? [
          {
            kind: 'table',
            head: [t('presenter'), t('airtime'), t('questions'), t('actions')],
            rows: record.presenters.map((p) => [
              p.name,
              minutes(p.airtimeMs),
              String(p.questions),
              String(p.actions),
            ]),
          },
        ]
      : [],
  );
  const turn = mine.turn;
  if (turn) {
    const problem = turn.problem;
    section(problem ? t('myProblem', { title: problem.title }) : t('myTurn'), [
      para(t('myAirtime', { minutes: minutes(turn.airtimeMs) })),
      ...(problem ? [para(t('asBrought', { statement: problem.statementBrought }))] : []),
      ...(problem?.reframes.length ? [para(t('reframed')), ...list('numbered', problem.reframes)] : []),
    ]);
    section(
      t('questionsReceived'),
      turn.questions.length
        ? [
            {
              kind: 'bullets',
              items: turn.questions.map((q) => ({
                ...(q.struckHome ? { strong: t('struckHome') } : {}),
                text: t('question', { text: q.text, askedBy: q.askedBy }),
              })),
            },
          ]
        : [],
    );
    section(
      t('myActions'),
      list(
        'checklist',
        turn.actions.map((a) => (a.dueOn ? t('actionDue', { text: a.text, date: a.dueOn }) : a.text)),
      ),
    );
    section(t('myFeedback'), turn.feedback ? [para(turn.feedback)] : []);
  }
  section(t('processReview'), list('bullets', record.processReview));
  const out = mine.checkOut;
  section(
    t('checkOut'),
    out
      ? [para(out.usefulness ? t('checkOutScored', { text: out.text, score: out.usefulness }) : out.text)]
      : [],
  );
  return { title: t('title', { name: record.name }), intro, sections };
}
