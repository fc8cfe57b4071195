/**
 * Home: what is next for the signed-in person, in one read. Each item names what it links to (a meeting,
 * its room, a poll, a set's page) by id; the web app builds the address. Set content never leaves its set:
 * every item comes from the viewer's own sets, own actions or the programmes they run.
 */
import { z } from 'zod';
import { attendanceStatuses, meetingStatuses } from './enums.ts';
import { out } from './fields.ts';
import { route } from './route.ts';

const setRef = { setId: out.id, setName: out.text };

export const homeMeeting = z.object({
  id: out.id,
  ...setRef,
  startsAt: out.instant,
  endsAt: out.instant,
  place: out.text,
  videoUrl: out.text,
  status: z.enum(meetingStatuses),
  /** Live now: the room is open and "Join now" takes the person there. */
  live: z.boolean(),
  myStatus: z.enum(attendanceStatuses),
});
export type HomeMeeting = z.infer<typeof homeMeeting>;

/** A step a facilitator's set is waiting for. */
export const facilitatorSteps = ['scheduleMeeting', 'adoptGroundRules', 'groundRulesAcceptances'] as const;

export const home = z.object({
  /** The person's own zone, for showing times. */
  timeZone: out.timeZone,
  nextMeetings: z.array(homeMeeting),
  actions: z.array(
    z.object({ id: out.id, ...setRef, text: out.text, dueOn: out.date.nullable(), overdue: z.boolean() }),
  ),
  /** Sets whose current ground rules the person has not yet accepted. */
  groundRules: z.array(z.object({ ...setRef, version: z.number().int() })),
  pollsToAnswer: z.array(z.object({ id: out.id, title: out.text, setName: out.text.nullable() })),
  /** A meeting of theirs ended lately and they have written no journal entry since. */
  journalPrompt: z.object({ meetingId: out.id, ...setRef, endedAt: out.instant }).nullable(),
  /** For facilitators (and members of self-facilitated sets): what each set waits for. */
  setSteps: z.array(z.object({ ...setRef, step: z.enum(facilitatorSteps), count: z.number().int() })),
  /** For those who run programmes (coordinators, host admins). */
  pollsToConfirm: z.array(
    z.object({ id: out.id, title: out.text, answers: z.number().int(), setName: out.text.nullable() }),
  ),
  applicationsWaiting: z.array(
    z.object({ programmeId: out.id, programmeName: out.text, count: z.number().int() }),
  ),
  setsToForm: z.array(z.object({ programmeId: out.id, programmeName: out.text })),
  /** Host admins: mails that could not be delivered. */
  failingMails: z.number().int().nullable(),
});
export type Home = z.infer<typeof home>;

export const getHome = route({
  method: 'GET',
  path: '/api/home',
  tags: ['me'],
  summary:
    "What's next for you: your next meetings (live or not), open actions, ground rules and polls waiting for you, and what needs you in the sets and programmes you run",
  response: home,
});
