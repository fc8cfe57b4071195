/** Calendars: a person's private feed, and .ics files of a meeting or a series. */
import { z } from 'zod';
import { idParams } from './fields.ts';
import { route } from './route.ts';

export const feedStatus = z.object({
  active: z.boolean(),
  createdAt: z.string().nullable(),
  /** The feed's address: only in the answer that creates it (only its hash is kept). */
  url: z.string().optional(),
});
export type FeedStatus = z.infer<typeof feedStatus>;

export const getCalendarFeed = route({
  method: 'GET',
  path: '/api/me/calendar-feed',
  tags: ['calendar'],
  summary: 'Whether you have a private calendar feed (its address is only shown when created)',
  response: feedStatus,
});

export const createCalendarFeed = route({
  method: 'POST',
  path: '/api/me/calendar-feed',
  tags: ['calendar'],
  summary: 'Create your private calendar feed address, or replace it (the old address stops working)',
  status: 201,
  response: feedStatus,
});

export const revokeCalendarFeed = route({
  method: 'DELETE',
  path: '/api/me/calendar-feed',
  tags: ['calendar'],
  summary: 'Turn your private calendar feed off',
  response: feedStatus,
});

export const calendarFeed = route({
  method: 'GET',
  path: '/api/calendar/feeds/:file',
  tags: ['calendar'],
  summary:
    'A private iCalendar feed of all your meetings (the address is the credential; it shows times and places, no set content)',
  public: true,
  params: z.strictObject({
    file: z.string().regex(/^[A-Za-z0-9_-]{20,100}\.ics$/, 'must be a feed address ending in .ics'),
  }),
  produces: 'text/calendar',
});

export const meetingIcs = route({
  method: 'GET',
  path: '/api/meetings/:id/calendar.ics',
  tags: ['calendar'],
  summary: 'One meeting as an .ics file',
  params: idParams,
  produces: 'text/calendar',
});

export const seriesIcs = route({
  method: 'GET',
  path: '/api/series/:id/calendar.ics',
  tags: ['calendar'],
  summary: 'Every meeting of a series as an .ics file',
  params: idParams,
  produces: 'text/calendar',
});
