/**
 * The answer dimension of a cube. A unit (a checklist, a consultation, a booking) has one category per measure:
 * its profile. A shown answer node counts profiles with a weight (an answer, a union of answers, or a sum over
 * several measures). A pattern is one or two profiles with signs; it changes the nodes whose weighted sum moves.
 */
export type Profile = Record<string, string>;
export type Measure = { key: string; categories: readonly string[] };
export type AnswerNode = { key: string; weight: (profile: Profile) => number };

export type AnswerSpace = {
  measures: Measure[];
  nodes: AnswerNode[];
  /** Profiles that patterns start from; every swap of one measure's category is tried on each. */
  bases: Profile[];
  valid: (profile: Profile) => boolean;
};

/** The distinct sets of nodes that one- or two-profile patterns change. */
export function answerPatterns(space: AnswerSpace): number[][] {
  const seen = new Map<string, number[]>();
  const add = (terms: Array<[Profile, number]>) => {
    if (!terms.every(([p]) => space.valid(p))) return;
    const changed = space.nodes.flatMap((node, i) => (terms.reduce((sum, [p, sign]) => sum + sign * node.weight(p), 0) !== 0 ? [i] : []));
    if (changed.length) seen.set(changed.join(','), changed);
  };
  for (const base of space.bases) {
    add([[base, 1]]);
    for (const measure of space.measures) {
      for (const x of measure.categories) {
        for (const y of measure.categories) {
          if (x < y) add([[{ ...base, [measure.key]: x }, 1], [{ ...base, [measure.key]: y }, -1]]);
        }
      }
    }
  }
  for (const [i, a] of space.bases.entries()) {
    for (const b of space.bases.slice(i + 1)) add([[a, 1], [b, -1]]);
  }
  return [...seen.values()];
}

/** A node counting the units whose answer to `measure` is one of `categories`. */
export const answerIs = (key: string, measure: string, categories: readonly string[]): AnswerNode => ({
  key, weight: (p) => (categories.includes(p[measure]!) ? 1 : 0),
});

export const allUnits = (key: string): AnswerNode => ({ key, weight: () => 1 });
