import { DateTime } from 'luxon';

/** IANA time-zone names as the runtime knows them (Intl is data, not I/O). */
export function isValidTimeZone(zone: string): boolean {
  if (!zone || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export interface LocalDateTime {
  /** Wall-clock time as written by a person, e.g. "2027-03-28T10:00". */
  local: string;
  timeZone: string;
}

const localPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

export function isValidLocalDateTime(local: string): boolean {
  return localPattern.test(local) && DateTime.fromISO(local, { zone: 'UTC' }).isValid;
}

/**
 * The instant a wall-clock time in a zone names (a time skipped by a daylight-saving change moves
 * forward by the gap; an hour that happens twice takes its first occurrence, as RFC 5545 says).
 */
export function localToUtc({ local, timeZone }: LocalDateTime): Date {
  if (!isValidLocalDateTime(local))
    throw new RangeError(`"${local}" is not a date and time written as YYYY-MM-DDTHH:mm.`);
  const instant = DateTime.fromISO(local, { zone: timeZone });
  // Luxon resolves a repeated hour to its second occurrence; calendars (RFC 5545) use the first.
  const earlier = instant.minus({ hours: 1 });
  const sameWallClock = earlier.toFormat("yyyy-MM-dd'T'HH:mm") === local;
  return (sameWallClock ? earlier : instant).toJSDate();
}

/** The wall-clock time of an instant in a zone, as YYYY-MM-DDTHH:mm. */
export function utcToLocal(instant: Date, timeZone: string): string {
  return DateTime.fromJSDate(instant, { zone: timeZone }).toFormat("yyyy-MM-dd'T'HH:mm");
}

/**
 * Names the IANA database has renamed that this runtime's ICU still reports as canonical (CLDR keeps the
 * old spelling): people and browsers use the new one, so Revans stores and shows the new one.
 */
export const renamedTimeZones: Readonly<Record<string, string>> = {
  'Africa/Asmera': 'Africa/Asmara',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Coral_Harbour': 'America/Atikokan',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Godthab': 'America/Nuuk',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Louisville': 'America/Kentucky/Louisville',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Europe/Kiev': 'Europe/Kyiv',
  'Europe/Uzhgorod': 'Europe/Kyiv',
  'Europe/Zaporozhye': 'Europe/Kyiv',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
};

/**
 * The current IANA name of any zone name or alias the runtime accepts, in any letter case
 * (Asia/Calcutta and asia/kolkata give Asia/Kolkata, US/Eastern gives America/New_York); null if none.
 */
export function canonicalTimeZone(zone: string): string | null {
  if (!isValidTimeZone(zone)) return null;
  const resolved = new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  return renamedTimeZones[resolved] ?? resolved;
}

/** Every zone a person may pick, by its current IANA name, sorted, with UTC. */
export function timeZoneNames(): string[] {
  const names = new Set<string>(['UTC']);
  for (const zone of Intl.supportedValuesOf('timeZone')) names.add(renamedTimeZones[zone] ?? zone);
  return [...names].sort();
}

/** The old names people may still type, each with the current one it stands for (for searching). */
export function timeZoneAliases(): Array<{ alias: string; zone: string }> {
  return Object.entries(renamedTimeZones).map(([alias, zone]) => ({ alias, zone }));
}

/** The city a zone is named after, as people write it: America/Argentina/Buenos_Aires gives "Buenos Aires". */
export function timeZoneCity(zone: string): string {
  return (zone.split('/').at(-1) ?? zone).replaceAll('_', ' ');
}

/** The zone's offset from UTC at an instant, e.g. "GMT+5:30" ("GMT" when none). */
export function timeZoneOffset(zone: string, at: Date): string {
  const part = new Intl.DateTimeFormat('en-GB', { timeZone: zone, timeZoneName: 'shortOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? 'GMT';
}
