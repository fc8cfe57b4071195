/**
 * `{ ...base, ...fields }`, built without a spread. On Node 20 (V8 11.3) an object cloned by a spread
 * that then gains a property its source did not have (`{ ...a, b }` where `a` has no `b`, a computed key,
 * a second spread) survives young-generation collections although nothing refers to it any more. Every
 * such object is copied, then moved to the old generation, and only a full collection frees it: on a
 * path taken for every request or live event that is a full collection every few seconds, and the
 * pause lands in everyone's p99 (measured in docs/performance.md, "Objects that outlived their
 * request"). Object.assign builds the same object up from an empty one, which dies young as it should.
 */
export function extend<Base extends object, Fields extends object>(
  base: Base,
  fields: Fields,
): Omit<Base, keyof Fields> & Fields {
  return Object.assign({}, base, fields);
}
