import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { GroundRules, GroundRulesInput } from '../../../contract/ground-rules.ts';
import { abilitiesFor, type PersonActor } from '../../../domain/access.ts';
import { defaultGroundRules } from '../../../domain/ground-rules.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../http/authorize.ts';
import { conflict } from '../../http/problem.ts';
import type { DB } from '../../store/schema.ts';
import { transact } from '../../transact.ts';
import { queueNotice } from '../enrolment/mail.ts';
import { setResource } from '../resources.ts';

/** A set's first version of its ground rules: the defaults, which the set then edits. */
export async function adoptDefaultGroundRules(db: Kysely<DB>, setId: string, now: string) {
  await db
    .insertInto('groundRulesVersion')
    .values({
      id: randomUUID(),
      setId,
      version: 1,
      rulesJson: JSON.stringify(defaultGroundRules),
      createdBy: null,
      createdAt: now,
    })
    .execute();
}

async function versions(ctx: AppContext, setId: string) {
  return ctx.db
    .selectFrom('groundRulesVersion')
    .leftJoin('person', 'person.id', 'groundRulesVersion.createdBy')
    .select([
      'groundRulesVersion.id',
      'groundRulesVersion.version',
      'groundRulesVersion.rulesJson',
      'groundRulesVersion.createdAt',
      'person.id as authorId',
      'person.name as authorName',
    ])
    .where('groundRulesVersion.setId', '=', setId)
    .orderBy('groundRulesVersion.version', 'desc')
    .execute();
}

const rulesOf = (json: string) => JSON.parse(json) as string[];

/**
 * The set's current ground rules and who has accepted this version. Before the set adopts a version, the
 * defaults are shown as a proposal (version null) that nobody can accept yet.
 */
export async function getGroundRules(
  ctx: AppContext,
  actor: PersonActor,
  setId: string,
): Promise<GroundRules> {
  const resource = await setResource(ctx.db, setId);
  authorize(actor, 'groundRules.read', resource);
  const all = await versions(ctx, setId);
  const current = all[0];
  const roster = await ctx.db
    .selectFrom('setMembership')
    .innerJoin('person', 'person.id', 'setMembership.personId')
    .select(['person.id', 'person.name', 'setMembership.role'])
    .where('setMembership.setId', '=', setId)
    .orderBy('person.name')
    .execute();
  const acceptances = current
    ? await ctx.db
        .selectFrom('groundRulesAcceptance')
        .select(['personId', 'acceptedAt'])
        .where('versionId', '=', current.id)
        .execute()
    : [];
  const acceptedAt = new Map(acceptances.map((a) => [a.personId, a.acceptedAt]));
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
    rules: current ? rulesOf(current.rulesJson) : [...defaultGroundRules],
    adoptedAt: current?.createdAt ?? null,
    adoptedBy:
      current?.authorId && current.authorName !== null
        ? { personId: current.authorId, name: current.authorName }
        : null,
    members,
    acceptedCount: members.filter((m) => m.acceptedCurrent).length,
    needsMyAcceptance: Boolean(current && mine && !mine.acceptedCurrent),
    history: all.map((v) => ({ version: v.version, createdAt: v.createdAt, rules: rulesOf(v.rulesJson) })),
    abilities: abilitiesFor(actor, resource),
  };
}

/** Adopts a new version of the set's rules; every member is asked (by email) to accept it again. */
export async function updateGroundRules(
  ctx: AppContext,
  actor: PersonActor,
  setId: string,
  input: GroundRulesInput,
): Promise<GroundRules> {
  const resource = await setResource(ctx.db, setId);
  authorize(actor, 'groundRules.update', resource);
  const now = ctx.now().toISOString();
  await transact(ctx, async (tx) => {
    const current = await tx.db
      .selectFrom('groundRulesVersion')
      .select(['version'])
      .where('setId', '=', setId)
      .orderBy('version', 'desc')
      .executeTakeFirst();
    const currentVersion = current?.version ?? null;
    if (currentVersion !== input.basedOn) {
      throw conflict(
        'The ground rules changed meanwhile (now version {{version}}); reload them and edit the new version.',
        'body.basedOn',
        { version: currentVersion ?? '–' },
      );
    }
    const version = (currentVersion ?? 0) + 1;
    await tx.db
      .insertInto('groundRulesVersion')
      .values({
        id: randomUUID(),
        setId,
        version,
        rulesJson: JSON.stringify(input.rules),
        createdBy: actor.personId,
        createdAt: now,
      })
      .execute();
    const set = await tx.db
      .selectFrom('learningSet')
      .innerJoin('programme', 'programme.id', 'learningSet.programmeId')
      .innerJoin('host', 'host.id', 'programme.hostId')
      .select(['learningSet.name', 'host.name as hostName', 'host.id as hostId'])
      .where('learningSet.id', '=', setId)
      .executeTakeFirstOrThrow();
    const members = await tx.db
      .selectFrom('setMembership')
      .innerJoin('person', 'person.id', 'setMembership.personId')
      .select(['person.name', 'person.email', 'person.language'])
      .where('setMembership.setId', '=', setId)
      .where('person.archivedAt', 'is', null)
      .execute();
    for (const m of members)
      await queueNotice(tx, tx.db, {
        kind: 'groundRulesChanged',
        hostId: set.hostId,
        hostName: set.hostName,
        to: m,
        vars: { setName: set.name, version: String(version) },
        details: input.rules,
        actionUrl: `${ctx.config.publicUrl}/sets/${setId}`,
      });
    tx.afterCommit(() => ctx.mail.wake());
  });
  return getGroundRules(ctx, actor, setId);
}

/** Records the viewer's acceptance of the version they read; an older version cannot be accepted. */
export async function acceptGroundRules(
  ctx: AppContext,
  actor: PersonActor,
  setId: string,
  version: number,
): Promise<GroundRules> {
  authorize(actor, 'groundRules.accept', await setResource(ctx.db, setId));
  const current = await ctx.db
    .selectFrom('groundRulesVersion')
    .select(['id', 'version'])
    .where('setId', '=', setId)
    .orderBy('version', 'desc')
    .executeTakeFirst();
  if (!current) throw conflict('Your set has not adopted its ground rules yet.');
  if (current.version !== version) {
    throw conflict(
      'The ground rules are now at version {{version}}; please read that version and accept it.',
      'body.version',
      { version: current.version },
    );
  }
  const already = await ctx.db
    .selectFrom('groundRulesAcceptance')
    .select('personId')
    .where('versionId', '=', current.id)
    .where('personId', '=', actor.personId)
    .executeTakeFirst();
  if (!already)
    await ctx.db
      .insertInto('groundRulesAcceptance')
      .values({ versionId: current.id, personId: actor.personId, acceptedAt: ctx.now().toISOString() })
      .execute();
  return getGroundRules(ctx, actor, setId);
}
