import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  canonicalTimeZone,
  timeZoneAliases,
  timeZoneCity,
  timeZoneOffset,
} from '../../../domain/time-zones.ts';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { timeZones } from '../../ui/format.ts';

/** "Kolkata (GMT+5:30), Asia/Kolkata": the city people know, the offset today, and the IANA name. */
export function timeZoneLabel(zone: string, at: Date = new Date()): string {
  return `${timeZoneCity(zone)} (${timeZoneOffset(zone, at)}), ${zone}`;
}

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[_/]/g, ' ')
    .toLowerCase();

/**
 * A searchable time-zone picker: type a city, a region, an old name (Calcutta, Kiev, Saigon) or an
 * offset (GMT+5:30) to narrow the list; the choice is always a current IANA name.
 */
export function TimeZonePicker({
  id,
  value,
  onChange,
  label,
}: {
  id: string;
  value: string;
  onChange(zone: string): void;
  label: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const searchId = useId();
  const now = useMemo(() => new Date(), []);
  const all = useMemo(() => {
    const aliases = timeZoneAliases();
    return timeZones(value).map((zone) => {
      const label = timeZoneLabel(zone, now);
      const oldNames = aliases.filter((a) => a.zone === zone).map((a) => a.alias);
      return { value: zone, label, haystack: fold([label, ...oldNames].join(' ')) };
    });
  }, [value, now]);
  const matching = (text: string) => {
    const wanted = fold(text.trim());
    const typed = canonicalTimeZone(text.trim());
    return wanted ? all.filter((z) => z.haystack.includes(wanted) || z.value === typed) : all;
  };
  const found = matching(search);
  // The list always holds the chosen zone, so the select never shows a value it does not offer.
  const matches = found.some((z) => z.value === value)
    ? found
    : [...all.filter((z) => z.value === value), ...found];
  const narrow = (text: string) => {
    setSearch(text);
    const typed = canonicalTimeZone(text.trim());
    const hits = matching(text);
    // Typing a zone's name (or old name) chooses it; otherwise the first match, if the chosen one is not among them.
    if (typed) onChange(typed);
    else if (hits.length && hits.length < all.length && !hits.some((z) => z.value === value))
      onChange(hits[0]!.value);
  };
  return (
    <fieldset className="fieldset timezone-picker">
      <legend>{label}</legend>
      <TextField
        id={`${searchId}-search`}
        type="search"
        label={t('settings.zone.search')}
        hint={t('settings.zone.searchHint')}
        value={search}
        autoComplete="off"
        onChange={(e) => narrow(e.target.value)}
      />
      <SelectField
        id={id}
        label={t('settings.zone.choose', { count: found.length })}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        options={matches.map(({ value: v, label: l }) => ({ value: v, label: l }))}
      />
    </fieldset>
  );
}
