/**
 * A frozen lookup table without a prototype: looking up a user's word ("constructor", "__proto__",
 * "toString") finds only what the table holds, never Object.prototype's members.
 */
export function lookupTable<T>(entries: Readonly<Record<string, T>>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}
