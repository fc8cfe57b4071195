import type { z } from 'zod';
import type * as contract from '../../../contract/meetings.ts';
import type { PersonActor } from '../../../domain/access.ts';
import { type AgendaStage, defaultAgenda, validateAgenda } from '../../../domain/meeting/agenda.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../http/authorize.ts';
import { Problem } from '../../http/problem.ts';
import { programmeResource, setResource } from '../resources.ts';

type AgendaAnswer = z.output<typeof contract.agendaAnswer>;
type AgendaBody = z.output<typeof contract.setProgrammeAgenda.body>;

/** The agenda as stored (null for "follow the default"), once the method's rules accept it. */
function checked(agenda: AgendaBody['agenda']): string | null {
  if (!agenda) return null;
  const errors = validateAgenda(agenda);
  if (errors.length)
    throw new Problem(
      'validation-failed',
      errors.join(' '),
      errors.map((message) => ({ field: 'body.agenda', message })),
    );
  return JSON.stringify(agenda);
}

const parsed = (json: string) => JSON.parse(json) as AgendaStage[];

/** The agenda a new meeting starts from: the set's own, else its programme's, else METHOD.md's default. */
export async function agendaFor(ctx: AppContext, setId: string): Promise<string> {
  const row = await ctx.db
    .selectFrom('learningSet')
    .innerJoin('programme', 'programme.id', 'learningSet.programmeId')
    .select(['learningSet.agendaJson as setAgenda', 'programme.agendaJson as programmeAgenda'])
    .where('learningSet.id', '=', setId)
    .executeTakeFirstOrThrow();
  return row.setAgenda ?? row.programmeAgenda ?? JSON.stringify(defaultAgenda());
}

export async function programmeAgenda(
  ctx: AppContext,
  actor: PersonActor,
  programmeId: string,
): Promise<AgendaAnswer> {
  authorize(actor, 'programme.read', await programmeResource(ctx.db, programmeId));
  const row = await ctx.db
    .selectFrom('programme')
    .select('agendaJson')
    .where('id', '=', programmeId)
    .executeTakeFirstOrThrow();
  return {
    agenda: row.agendaJson ? parsed(row.agendaJson) : defaultAgenda(),
    custom: row.agendaJson !== null,
  };
}

export async function setProgrammeAgenda(
  ctx: AppContext,
  actor: PersonActor,
  programmeId: string,
  agenda: AgendaBody['agenda'],
): Promise<AgendaAnswer> {
  authorize(actor, 'programme.update', await programmeResource(ctx.db, programmeId));
  const json = checked(agenda);
  await ctx.db.updateTable('programme').set({ agendaJson: json }).where('id', '=', programmeId).execute();
  return { agenda: json ? parsed(json) : defaultAgenda(), custom: json !== null };
}

export async function setSetAgenda(
  ctx: AppContext,
  actor: PersonActor,
  setId: string,
  agenda: AgendaBody['agenda'],
): Promise<z.output<typeof contract.setAgendaAnswer>> {
  authorize(actor, 'meeting.schedule', await setResource(ctx.db, setId));
  const json = checked(agenda);
  await ctx.db.updateTable('learningSet').set({ agendaJson: json }).where('id', '=', setId).execute();
  return { agenda: json ? parsed(json) : null, custom: json !== null };
}
