import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { abilitiesFor, type PersonActor } from '../../../domain/access.ts';
import { defaultGroundRules } from '../../../domain/ground-rules.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../http/authorize.ts';
import { conflict } from '../../http/problem.ts';
import type { Database } from '../../store/schema.ts';
import { queueNotice } from '../enrolment/mail.ts';
import { setResource } from '../resources.ts';

/** A set's first version of its ground rules: the defaults, which the set then edits. */
export async function adoptDefaultGroundRules(trx: Transaction<Database>, setId: string, now: string) {
  await trx
    .insertInto('ground_rules_version')
    .values({
      id: randomUUID(),
      set_id: setId,
      version: 1,
      rules_json: JSON.stringify(defaultGroundRules),
      created_by: null,
      created_at: now,
    })
    .execute();
}

async function versions(db: AppContext['store']['plain'], setId: string) {
  return db
    .selectFrom('ground_rules_version')
    .leftJoin('person', 'person.id', 'ground_rules_version.created_by')
    .select([
      'ground_rules_version.id',
      'ground_rules_version.version',
      'ground_rules_version.rules_json',
      'ground_rules_version.created_at',
      'person.id as author_id',
      'person.name as author_name',
    ])
    .where('ground_rules_version.set_id', '=', setId)
    .orderBy('ground_rules_version.version', 'desc')
    .execute();
}

/**
 * The set's current ground rules and who has accepted this version. Before the set adopts a version, the
 * defaults are shown as a proposal (version null) that nobody can accept yet.
 */
export async function getGroundRules(ctx: AppContext, actor: PersonActor, setId: string) {
  const resource = await setResource(ctx.store.plain, setId);
  authorize(actor, 'groundRules.read', resource);
  const all = await versions(ctx.store.plain, setId);
  const current = all[0];
  const roster = await ctx.store.plain
    .selectFrom('set_membership')
    .innerJoin('person', 'person.id', 'set_membership.person_id')
    .select(['person.id', 'person.name', 'set_membership.role'])
    .where('set_membership.set_id', '=', setId)
    .orderBy('person.name')
    .execute();
  const acceptances = current
    ? await ctx.store.plain
        .selectFrom('ground_rules_acceptance')
        .select(['person_id', 'accepted_at'])
        .where('version_id', '=', current.id)
        .execute()
    : [];
  const acceptedAt = new Map(acceptances.map((a) => [a.person_id, a.accepted_at]));
  const members = roster.map((m) => ({
    personId: m.id,
    name: m.name,
    role: m.role,
    acceptedCurrent: acceptedAt.has(m.id),
    acceptedAt: acceptedAt.get(m.id) ?? null,
  }));
  const mine = members.find((m) => m.personId === actor.personId);
  return {
    setId,
    version: current?.version ?? null,
    rules: current ? (JSON.parse(current.rules_json) as string[]) : [...defaultGroundRules],
    adoptedAt: current?.created_at ?? null,
    adoptedBy: current?.author_id ? { personId: current.author_id, name: current.author_name } : null,
    members,
    acceptedCount: members.filter((m) => m.acceptedCurrent).length,
    /** True when the viewer is in the set and has not accepted the current version. */
    needsMyAcceptance: Boolean(current && mine && !mine.acceptedCurrent),
    history: all.map((v) => ({
      version: v.version,
      createdAt: v.created_at,
      rules: JSON.parse(v.rules_json),
    })),
    abilities: abilitiesFor(actor, resource),
  };
}

/** Adopts a new version of the set's rules; every member is asked (by email) to accept it again. */
export async function updateGroundRules(
  ctx: AppContext,
  actor: PersonActor,
  setId: string,
  input: { rules: string[]; basedOn: number | null },
) {
  const resource = await setResource(ctx.store.plain, setId);
  authorize(actor, 'groundRules.update', resource);
  const now = ctx.now().toISOString();
  await ctx.store.plain.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('ground_rules_version')
      .select(['version'])
      .where('set_id', '=', setId)
      .orderBy('version', 'desc')
      .executeTakeFirst();
    const currentVersion = current?.version ?? null;
    if (currentVersion !== input.basedOn) {
      throw conflict(
        `The ground rules changed meanwhile (now version ${currentVersion ?? 'none'}); reload them and edit the new version.`,
        'body.basedOn',
      );
    }
    const version = (currentVersion ?? 0) + 1;
    await trx
      .insertInto('ground_rules_version')
      .values({
        id: randomUUID(),
        set_id: setId,
        version,
        rules_json: JSON.stringify(input.rules),
        created_by: actor.personId,
        created_at: now,
      })
      .execute();
    const set = await trx
      .selectFrom('learning_set')
      .innerJoin('programme', 'programme.id', 'learning_set.programme_id')
      .innerJoin('host', 'host.id', 'programme.host_id')
      .select(['learning_set.name', 'host.name as host_name', 'host.id as host_id'])
      .where('learning_set.id', '=', setId)
      .executeTakeFirstOrThrow();
    const members = await trx
      .selectFrom('set_membership')
      .innerJoin('person', 'person.id', 'set_membership.person_id')
      .select(['person.name', 'person.email', 'person.language'])
      .where('set_membership.set_id', '=', setId)
      .where('person.archived_at', 'is', null)
      .execute();
    for (const m of members)
      await queueNotice(ctx, trx, {
        kind: 'groundRulesChanged',
        hostId: set.host_id,
        hostName: set.host_name,
        to: m,
        vars: { setName: set.name, version: String(version) },
        details: input.rules,
        actionUrl: `${ctx.config.publicUrl}/sets/${setId}`,
      });
  });
  ctx.mail.wake();
  return getGroundRules(ctx, actor, setId);
}

/** Records the viewer's acceptance of the version they read; an older version cannot be accepted. */
export async function acceptGroundRules(ctx: AppContext, actor: PersonActor, setId: string, version: number) {
  authorize(actor, 'groundRules.accept', await setResource(ctx.store.plain, setId));
  const current = await ctx.store.plain
    .selectFrom('ground_rules_version')
    .select(['id', 'version'])
    .where('set_id', '=', setId)
    .orderBy('version', 'desc')
    .executeTakeFirst();
  if (!current) throw conflict('Your set has not adopted its ground rules yet.');
  if (current.version !== version) {
    throw conflict(
      `The ground rules are now at version ${current.version}; please read that version and accept it.`,
      'body.version',
    );
  }
  const already = await ctx.store.plain
    .selectFrom('ground_rules_acceptance')
    .select('person_id')
    .where('version_id', '=', current.id)
    .where('person_id', '=', actor.personId)
    .executeTakeFirst();
  if (!already)
    await ctx.store.plain
      .insertInto('ground_rules_acceptance')
      .values({ version_id: current.id, person_id: actor.personId, accepted_at: ctx.now().toISOString() })
      .execute();
  return getGroundRules(ctx, actor, setId);
}
