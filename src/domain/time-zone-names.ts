/**
 * Time-zone names: which names exist, their current spelling, their city and offset. Pure Intl, no date
 * library, so the web app's first page can use it without carrying one (src/domain/time-zones.ts has the
 * wall-clock arithmetic).
 */

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
