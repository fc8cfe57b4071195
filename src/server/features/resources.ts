import { type Kysely, sql } from 'kysely';
import type {
  OwnedItemResource,
  PersonResource,
  ProgrammeResource,
  SetResource,
} from '../../domain/access.ts';
import { programmeClosed } from '../../domain/programme-lifecycle.ts';
import { notFound } from '../http/problem.ts';
import { precompiled } from '../store/precompiled.ts';
import type { Database, DB } from '../store/schema.ts';

/**
 * Where a loader reads: services pass `ctx.db` (camelCase names, perhaps the transaction of the use case
 * they are part of); features not yet moved to it pass `ctx.store.plain`. Either way the loader reads
 * the tables by their own names on that same connection: dropping the camelCase plugin is all it takes.
 */
type Executor = Kysely<DB> | Kysely<Database>;
// One plain view per instance, so the precompiled loaders below find their statements again.
const plainViews = new WeakMap<Executor, Kysely<Database>>();
const tables = (db: Executor): Kysely<Database> => {
  let view = plainViews.get(db);
  if (!view) {
    view = (db as Kysely<Database>).withoutPlugins();
    plainViews.set(db, view);
  }
  return view;
};

const programmeFacts = precompiled((db: Kysely<Database>, p: { programmeId: string }) =>
  db.selectFrom('programme').select(['id', 'host_id', 'status']).where('id', '=', p.programmeId),
);

const setFacts = precompiled((db: Kysely<Database>, p: { setId: string }) =>
  db
    .selectFrom('learning_set')
    .innerJoin('programme', 'programme.id', 'learning_set.programme_id')
    .select([
      'learning_set.id',
      'learning_set.programme_id',
      'learning_set.mode',
      'programme.host_id',
      'programme.status',
    ])
    .where('learning_set.id', '=', p.setId),
);

/** Loads the facts the access map needs about a resource; an unknown id is a 404 like an invisible one. */
export async function programmeResource(db: Executor, programmeId: string): Promise<ProgrammeResource> {
  const row = await programmeFacts.takeFirst(tables(db), { programmeId });
  if (!row) throw notFound('programme');
  return {
    type: 'programme',
    hostId: row.host_id,
    programmeId: row.id,
    programmeClosed: programmeClosed(row.status),
  };
}

export async function setResource(db: Executor, setId: string): Promise<SetResource> {
  const row = await setFacts.takeFirst(tables(db), { setId });
  if (!row) throw notFound('set');
  return {
    type: 'set',
    hostId: row.host_id,
    programmeId: row.programme_id,
    setId: row.id,
    selfFacilitated: row.mode === 'self_facilitated',
    programmeClosed: programmeClosed(row.status),
  };
}

export async function personResource(db: Executor, personId: string): Promise<PersonResource> {
  const row = await tables(db)
    .selectFrom('person')
    .select(['id', 'host_id'])
    .where('id', '=', personId)
    .executeTakeFirst();
  if (!row) throw notFound('person');
  const sets = await tables(db)
    .selectFrom('set_membership')
    .select('set_id')
    .where('person_id', '=', personId)
    .execute();
  return { type: 'person', hostId: row.host_id, personId: row.id, setIds: sets.map((s) => s.set_id) };
}

export function hostResource(hostId: string) {
  return { type: 'host', hostId } as const;
}

type OwnedItemType = 'problem' | 'action' | 'journal';

/** The facts of an owned item, one precompiled read per kind of item (the table and owner column differ). */
const ownedItemFacts = (type: OwnedItemType) => {
  const table = type === 'journal' ? 'journal_entry' : type;
  const ownerColumn = type === 'journal' ? 'author_id' : 'owner_id';
  return precompiled((db: Kysely<Database>, p: { itemId: string }) =>
    db
      .selectFrom(table as 'problem')
      .innerJoin('learning_set', 'learning_set.id', `${table}.set_id` as 'problem.set_id')
      .innerJoin('programme', 'programme.id', 'learning_set.programme_id')
      .select([
        `${table}.${ownerColumn} as owner_id` as 'problem.owner_id',
        'learning_set.id as set_id',
        'programme.id as programme_id',
        'programme.host_id',
        'programme.status',
        ...(type === 'journal' ? [sql<string>`journal_entry.visibility`.as('visibility')] : []),
      ])
      .where(`${table}.id` as 'problem.id', '=', p.itemId),
  );
};
const ownedItemReads = {
  problem: ownedItemFacts('problem'),
  action: ownedItemFacts('action'),
  journal: ownedItemFacts('journal'),
};

/** Loads an item a member owns inside a set (problem, action, journal entry) as the access map sees it. */
/** The access facts of an item its owner has just created in a set: what ownedItemResource would read. */
export function newItemResource(
  set: SetResource,
  type: OwnedItemType,
  ownerId: string,
  sharedWithSet = false,
): OwnedItemResource {
  return {
    type,
    hostId: set.hostId,
    programmeId: set.programmeId,
    setId: set.setId,
    ownerId,
    programmeClosed: set.programmeClosed,
    ...(type === 'journal' ? { sharedWithSet } : {}),
  };
}

export async function ownedItemResource(
  db: Executor,
  type: OwnedItemType,
  itemId: string,
): Promise<OwnedItemResource> {
  const row = await ownedItemReads[type].takeFirst(tables(db), { itemId });
  if (!row) throw notFound(type === 'journal' ? 'journal entry' : type);
  const visibility = (row as { visibility?: string }).visibility;
  return {
    type,
    hostId: row.host_id,
    programmeId: row.programme_id,
    setId: row.set_id,
    ownerId: row.owner_id,
    programmeClosed: programmeClosed(row.status),
    ...(type === 'journal' ? { sharedWithSet: visibility === 'set' } : {}),
  };
}
