import type { AttendanceRuleInput, SetSchedule } from '../../../contract/series.ts';
import type { PersonActor } from '../../../domain/access.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../http/authorize.ts';
import { transact } from '../../transact.ts';
import { setResource } from '../resources.ts';
import { setSchedule } from './views.ts';

/** The set's rule on attendance (e.g. the minimum for a meeting to go ahead), replacing any earlier one. */
export async function setAttendanceRule(
  ctx: AppContext,
  actor: PersonActor,
  setId: string,
  input: AttendanceRuleInput | null,
): Promise<SetSchedule> {
  const set = await setResource(ctx.db, setId);
  authorize(actor, 'meeting.schedule', set);
  await transact(ctx, async (tx) => {
    await tx.db.deleteFrom('attendanceRule').where('setId', '=', setId).execute();
    if (input)
      await tx.db
        .insertInto('attendanceRule')
        .values({ setId, ...input, updatedAt: tx.now().toISOString() })
        .execute();
  });
  return setSchedule(ctx, actor, setId);
}
