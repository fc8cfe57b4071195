import { useTranslation } from 'react-i18next';
import { dayParts, days, slotLabel } from './slots.ts';

/** Usual availability as a days x parts-of-day grid of checkboxes, each with its own full label. */
export function AvailabilityGrid({
  value,
  onChange,
}: {
  value: Set<string>;
  onChange(next: Set<string>): void;
}) {
  const { t } = useTranslation();
  const toggle = (slot: string, on: boolean) => {
    const next = new Set(value);
    if (on) next.add(slot);
    else next.delete(slot);
    onChange(next);
  };
  return (
    <fieldset className="fieldset">
      <legend>{t('apply.form.availability')}</legend>
      <p className="field__hint">{t('apply.form.availabilityHint')}</p>
      <table className="slot-grid">
        <thead>
          <tr>
            <td />
            {dayParts.map((p) => (
              <th key={p} scope="col">
                {t(`apply.part.${p}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {days.map((d) => (
            <tr key={d}>
              <th scope="row">{t(`apply.day.${d}`)}</th>
              {dayParts.map((p) => {
                const slot = `${d}-${p}`;
                return (
                  <td key={p}>
                    <input
                      type="checkbox"
                      className="checkbox"
                      aria-label={slotLabel(t, slot)}
                      checked={value.has(slot)}
                      onChange={(e) => toggle(slot, e.target.checked)}
                    />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </fieldset>
  );
}
