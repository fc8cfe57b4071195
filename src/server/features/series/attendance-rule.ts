import type { PersonActor } from '../../../domain/access.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../http/authorize.ts';
import { setResource } from '../resources.ts';

import { setSchedule } from './views.ts';

export async function setAttendanceRule(
  ctx: AppContext,
  actor: PersonActor,
  setId: string,
  input: { minPresent: number; note: string } | null,
) {
  const set = await setResource(ctx.store.plain, setId);
  authorize(actor, 'meeting.schedule', set);
  await ctx.store.plain.transaction().execute(async (trx) => {
    await trx.deleteFrom('attendance_rule').where('set_id', '=', setId).execute();
    if (input)
      await trx
        .insertInto('attendance_rule')
        .values({
          set_id: setId,
          min_present: input.minPresent,
          note: input.note,
          updated_at: ctx.now().toISOString(),
        })
        .execute();
  });
  return setSchedule(ctx, actor, setId);
}
