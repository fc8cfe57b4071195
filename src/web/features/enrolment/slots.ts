import type { TFunction } from 'i18next';
import { dayParts, days } from '../../../domain/enrolment.ts';

export { dayParts, days };

/** "Monday morning" for "mon-am". */
export function slotLabel(t: TFunction, slot: string): string {
  const [day = '', part = ''] = slot.split('-');
  return t('apply.slot', { day: t(`apply.day.${day}`), part: t(`apply.part.${part}`) });
}
