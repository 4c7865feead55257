/**
 * A set of short phrases (whole words, lower case), indexed by first and last word so that checking a
 * question against hundreds of cue phrases costs a few map lookups per word, not a scan of the list.
 */
export class PhraseSet {
  readonly #byFirst = new Map<string, string[][]>();
  readonly #byLast = new Map<string, string[][]>();

  constructor(phrases: Iterable<string>) {
    for (const phrase of phrases) {
      const parts = phrase.split(' ').filter(Boolean);
      const first = parts[0];
      const last = parts[parts.length - 1];
      if (first === undefined || last === undefined) continue;
      const a = this.#byFirst.get(first) ?? [];
      a.push(parts);
      this.#byFirst.set(first, a);
      const b = this.#byLast.get(last) ?? [];
      b.push(parts);
      this.#byLast.set(last, b);
    }
    for (const list of [...this.#byFirst.values(), ...this.#byLast.values()])
      list.sort((x, y) => y.length - x.length);
  }

  /** Length (in words) of the longest phrase starting at `i`, or 0. */
  lengthAt(words: readonly string[], i: number): number {
    for (const parts of this.#byFirst.get(words[i] ?? '') ?? []) {
      if (parts.every((p, j) => words[i + j] === p)) return parts.length;
    }
    return 0;
  }

  /** Length of the longest phrase ending just before `end` (exclusive), or 0. */
  lengthBefore(words: readonly string[], end: number): number {
    for (const parts of this.#byLast.get(words[end - 1] ?? '') ?? []) {
      const start = end - parts.length;
      if (start >= 0 && parts.every((p, j) => words[start + j] === p)) return parts.length;
    }
    return 0;
  }

  /** Start of the first occurrence at or after `from`, or -1. */
  find(words: readonly string[], from = 0): number {
    for (let i = from; i < words.length; i += 1) if (this.lengthAt(words, i) > 0) return i;
    return -1;
  }

  /** Every occurrence, as [start, end). */
  all(words: readonly string[]): [number, number][] {
    const out: [number, number][] = [];
    for (let i = 0; i < words.length; i += 1) {
      const n = this.lengthAt(words, i);
      if (n > 0) out.push([i, i + n]);
    }
    return out;
  }

  contains(words: readonly string[]): boolean {
    return this.find(words) >= 0;
  }
}
