/**
 * Small-count suppression with complementary cells, for one published cube: where-and-when × topic × answer.
 *
 * A dimension has leaves (events; topics; answer profiles) and nodes, the sets of leaves that are ever shown
 * (an event, a month, a venue, the year; a topic, all topics; an answer, a total). Every number a coordinator
 * can see, through any filter or CSV, is a cell (w, t, c) of this one cube, the sum of its leaves.
 *
 * Every cell below THRESHOLD is hidden. Then each hidden cell gets a certificate: a "box" of hidden cells,
 * the product of one small pattern per dimension (+a, or +a −b), such that adding the pattern to the data
 * changes every cell of the box and no shown cell. So two data sets differing in the hidden cell show the same
 * numbers everywhere: it cannot be worked out by adding and subtracting what is shown (see README).
 * Where no box is hidden yet, the cheapest one is hidden, and its cells are certified by it too.
 */
export const THRESHOLD = 5;

export type CubeInput = {
  /** Nodes of the where/when dimension as lists of leaf indices; leaves are 0..wLeaves-1. */
  wLeaves: number;
  wNodes: number[][];
  tLeaves: number;
  tNodes: number[][];
  cNodes: number;
  /** For each answer pattern, the answer nodes whose sum it changes (computed from the answer profiles). */
  cPatterns: number[][];
  /** possible[w][t]: whether topic t was offered at event w at all; where not, every count is known to be 0. */
  possible: boolean[][];
  /** Count per (w leaf, t leaf, answer node), index (w * tLeaves + t) * cNodes + c. */
  leafValues: ArrayLike<number>;
};

export type CellState = 'shown' | 'small' | 'hidden' | 'none';

export type ProtectedCube = {
  value(w: number, t: number, c: number): number;
  /** shown; small (below THRESHOLD, reads "<5"); hidden (complementary, reads "×"); none (topic not offered). */
  state(w: number, t: number, c: number): CellState;
  certificate(w: number, t: number, c: number): Box | undefined;
};

type Pattern = { support: number[]; nodes: number[] };
type Box = { w: Pattern; t: Pattern; c: number[] };

/** Patterns +a and +a −b of a dimension, each with the nodes whose sum it changes. */
function patternsOf(leaves: number, nodes: number[][]): Pattern[] {
  const member = nodes.map((node) => {
    const set = new Uint8Array(leaves);
    for (const leaf of node) set[leaf] = 1;
    return set;
  });
  const patterns: Pattern[] = [];
  for (let a = 0; a < leaves; a++) {
    patterns.push({ support: [a], nodes: member.flatMap((m, i) => (m[a] ? [i] : [])) });
  }
  for (let a = 0; a < leaves; a++) {
    for (let b = a + 1; b < leaves; b++) {
      const changed = member.flatMap((m, i) => (m[a] !== m[b] ? [i] : []));
      if (changed.length) patterns.push({ support: [a, b], nodes: changed });
    }
  }
  // Smaller boxes first: they hide fewer cells, and a cheap one ends the search early.
  return patterns.sort((x, y) => x.nodes.length - y.nodes.length || x.support.length - y.support.length);
}

function byNode(patterns: Pattern[], count: number): Pattern[][] {
  const index: Pattern[][] = Array.from({ length: count }, () => []);
  for (const pattern of patterns) for (const node of pattern.nodes) index[node]!.push(pattern);
  return index;
}

export function protect(input: CubeInput): ProtectedCube {
  const W = input.wNodes.length;
  const T = input.tNodes.length;
  const C = input.cNodes;
  const at = (w: number, t: number, c: number) => (w * T + t) * C + c;
  const values = new Float64Array(W * T * C);
  const structural = new Uint8Array(W * T);
  for (let w = 0; w < W; w++) {
    for (let t = 0; t < T; t++) {
      let anyPossible = false;
      for (const a of input.wNodes[w]!) {
        for (const b of input.tNodes[t]!) {
          if (!input.possible[a]![b]) continue;
          anyPossible = true;
          for (let c = 0; c < C; c++) values[at(w, t, c)]! += input.leafValues[(a * input.tLeaves + b) * C + c]!;
        }
      }
      if (!anyPossible) structural[w * T + t] = 1;
    }
  }
  const hidden = new Uint8Array(W * T * C);
  const certified = new Map<number, Box>();
  const targets: number[] = [];
  for (let w = 0; w < W; w++) {
    for (let t = 0; t < T; t++) {
      if (structural[w * T + t]) continue;
      for (let c = 0; c < C; c++) {
        if (values[at(w, t, c)]! < THRESHOLD) {
          hidden[at(w, t, c)] = 1;
          targets.push(at(w, t, c));
        }
      }
    }
  }
  const wPatterns = byNode(patternsOf(input.wLeaves, input.wNodes), W);
  const tPatterns = byNode(patternsOf(input.tLeaves, input.tNodes), T);
  const cPatterns: number[][][] = Array.from({ length: C }, () => []);
  for (const pattern of input.cPatterns) for (const node of pattern) cPatterns[node]!.push(pattern);

  const supported = (w: Pattern, t: Pattern) => w.support.every((a) => t.support.every((b) => input.possible[a]![b]));
  /** What hiding a box costs: the shown counts it would hide (big ones cost most), or Infinity past `limit`. */
  const perAnswer = new Float64Array(C);
  function costs(w: Pattern, t: Pattern) {
    perAnswer.fill(0);
    for (const wi of w.nodes) {
      for (const ti of t.nodes) {
        if (structural[wi * T + ti]) continue;
        const base = (wi * T + ti) * C;
        for (let c = 0; c < C; c++) if (!hidden[base + c]) perAnswer[c]! += values[base + c]! + 1;
      }
    }
  }

  for (const target of targets) {
    if (certified.has(target)) continue;
    const c0 = target % C;
    const t0 = Math.floor(target / C) % T;
    const w0 = Math.floor(target / (C * T));
    let best: Box | undefined;
    let bestCost = Infinity;
    search: for (const w of wPatterns[w0]!) {
      for (const t of tPatterns[t0]!) {
        if (!supported(w, t)) continue;
        costs(w, t);
        for (const c of cPatterns[c0]!) {
          let cost = 0;
          for (const ci of c) cost += perAnswer[ci]!;
          if (cost < bestCost) {
            bestCost = cost;
            best = { w, t, c };
            if (cost === 0) break search;
          }
        }
      }
    }
    if (!best) throw new Error('no pattern reaches this cell; the cube lacks a pattern for one of its answers');
    for (const wi of best.w.nodes) {
      for (const ti of best.t.nodes) {
        if (structural[wi * T + ti]) continue;
        for (const ci of best.c) {
          const cell = at(wi, ti, ci);
          hidden[cell] = 1;
          if (!certified.has(cell)) certified.set(cell, best);
        }
      }
    }
  }

  return {
    value: (w, t, c) => values[at(w, t, c)]!,
    state(w, t, c) {
      if (structural[w * T + t]) return 'none';
      const cell = at(w, t, c);
      if (!hidden[cell]) return 'shown';
      return values[cell]! < THRESHOLD ? 'small' : 'hidden';
    },
    certificate: (w, t, c) => certified.get(at(w, t, c)),
  };
}
