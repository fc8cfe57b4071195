export interface UpcomingMeeting {
  id: string;
  setId: string;
  setName: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  localStart: string;
  viewerLocalStart: string;
  viewerLocalEnd: string;
  place: string;
  videoUrl: string;
  status: string;
  myStatus: string;
  myApologyNote: string;
}

export interface Upcoming {
  timeZone: string;
  meetings: UpcomingMeeting[];
  events: ProgrammeEvent[];
  polls: { id: string; title: string; setId: string | null; purpose: string; answered: boolean }[];
  actions: { id: string; text: string; dueOn: string | null; setId: string; setName: string }[];
}

export interface PollOption {
  id: string;
  startsAt: string;
  localStart: string;
  viewerLocalStart: string;
  viewerLocalEnd: string;
  yes: number;
  ifNeedBe: number;
  no: number;
  unanswered: number;
}

export interface Poll {
  id: string;
  title: string;
  purpose: 'slot' | 'date';
  setId: string | null;
  programmeId: string;
  timeZone: string;
  viewerTimeZone: string;
  status: string;
  confirmedOptionId: string | null;
  participantCount: number;
  respondentCount: number;
  suggestedOptionId: string | null;
  options: PollOption[];
  myAnswers: Record<string, 'yes' | 'ifneedbe' | 'no'>;
  abilities: { answer: boolean; confirm: boolean };
}

export interface ScheduleMeeting {
  id: string;
  startsAt: string;
  timeZone: string;
  localStart: string;
  viewerLocalStart: string;
  viewerLocalEnd: string;
  place: string;
  status: string;
  expectedCount: number;
  apologiesCount: number;
  goesAhead: boolean;
  attendance: { personId: string; name: string; role: string; status: string; apologyNote?: string }[];
}

export interface SetSchedule {
  setId: string;
  setName: string;
  viewerTimeZone: string;
  attendanceRule: { minPresent: number; note: string } | null;
  meetings: ScheduleMeeting[];
}

export interface Series {
  id: string;
  setId: string;
  timeZone: string;
  firstLocal: string;
  durationMinutes: number;
  rrule: string;
  untilDate: string;
  place: string;
  videoUrl: string;
  status: 'active' | 'cancelled';
  meetings: { meetingId: string; startsAt: string; localStart: string; status: string; sequence: number }[];
}

/** "2027-03-03" as a readable day, without any conversion (it is a calendar date). */
export function localDay(date: string, language: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(language, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)));
}

/** "2027-03-03T10:00" as a readable wall-clock time, without any conversion (it is already local). */
export function wallClock(local: string, language: string): string {
  const [date, time] = local.split('T');
  return `${localDay(date ?? '', language)}, ${time}`;
}

/** A date for a whole programme (kind 'gathering': e.g. decided by a programme-wide poll). */
export interface ProgrammeEvent {
  id: string;
  programmeId: string;
  programmeName: string;
  kind: string;
  title: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  localStart: string;
  localEnd: string;
  viewerLocalStart: string;
  viewerLocalEnd: string;
  place: string;
  videoUrl: string;
  status: 'scheduled' | 'cancelled';
  sequence: number;
  abilities: { manage: boolean };
}
