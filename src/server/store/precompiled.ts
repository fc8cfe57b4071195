/**
 * Hot reads whose shape never changes, built and compiled once per database. Kysely builds an immutable
 * tree, runs every plugin over it (the camelCase one rewrites each name) and compiles it to SQL on every
 * call: for a signed-in read that runs a few small statements this costs more than SQLite running them.
 * Here the query is built once with named placeholders; each call only fills in the values.
 */
import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import type { DB } from './schema.ts';

const marker = '\u0000revans-placeholder:';

type Slot = { name: string } | { value: unknown };

interface Compiled {
  query: CompiledQuery;
  slots: Slot[];
}

export interface Precompiled<P, R, D> {
  execute(db: Kysely<D>, values: P): Promise<R[]>;
  takeFirst(db: Kysely<D>, values: P): Promise<R | undefined>;
}

/**
 * `build(db, placeholders)` writes the query as usual, using `placeholders.name` wherever a value goes.
 * Only single values may be named (a list changes the SQL's shape): a list passed in is refused, and a
 * placeholder that did not end up as a bound value is refused when the query is first compiled.
 */
export function precompiled<P extends Record<string, string | number | boolean | null>, R, D = DB>(
  build: (db: Kysely<D>, placeholders: P) => Compilable<R>,
): Precompiled<P, R, D> {
  // Per instance: the SQL depends on its dialect and on its plugins (names, once camelCased, differ).
  const byDatabase = new WeakMap<Kysely<D>, Compiled>();

  const compile = (db: Kysely<D>): Compiled => {
    const named = new Set<string>();
    const placeholders = new Proxy({} as P, {
      get: (_target, name) => {
        named.add(String(name));
        return `${marker}${String(name)}`;
      },
    });
    const query = build(db, placeholders).compile();
    const slots: Slot[] = query.parameters.map((value) =>
      typeof value === 'string' && value.startsWith(marker)
        ? { name: value.slice(marker.length) }
        : { value },
    );
    for (const name of named) {
      if (!slots.some((slot) => 'name' in slot && slot.name === name))
        throw new Error(
          `The placeholder "${name}" is not a bound value of the query: it cannot be precompiled.`,
        );
    }
    return { query, slots };
  };

  const execute = async (db: Kysely<D>, values: P): Promise<R[]> => {
    let compiled = byDatabase.get(db);
    if (!compiled) {
      compiled = compile(db);
      byDatabase.set(db, compiled);
    }
    const parameters = compiled.slots.map((slot) => {
      if ('value' in slot) return slot.value;
      const value = values[slot.name];
      if (value === undefined || Array.isArray(value))
        throw new Error(`The placeholder "${slot.name}" needs a single value.`);
      return value;
    });
    const result = await db.executeQuery<R>({ ...compiled.query, parameters } as CompiledQuery<R>);
    return result.rows;
  };

  return {
    execute,
    takeFirst: async (db, values) => (await execute(db, values))[0],
  };
}
