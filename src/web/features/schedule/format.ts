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
