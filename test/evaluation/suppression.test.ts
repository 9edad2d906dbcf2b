import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AnswerSpace, type Profile, allUnits, answerIs, answerPatterns } from '../../src/modules/evaluation/answers.js';
import { placesOf } from '../../src/modules/evaluation/cubes.js';
import { THRESHOLD, protect } from '../../src/modules/evaluation/suppression.js';
import type { HeldEvent } from '../../src/modules/events/events.figures.js';
import { Span } from './derivable.js';

/** A generated cube: events at venues and months, topics, answers with their profiles, and counts per leaf. */
type World = {
  events: HeldEvent[];
  topics: number;
  space: AnswerSpace;
  profiles: Profile[];
  possible: boolean[][];
  counts: number[][][];
};

function cubeOf(world: World) {
  const places = placesOf(world.events);
  const tNodes = [...Array.from({ length: world.topics }, (_, i) => [i]), Array.from({ length: world.topics }, (_, i) => i)];
  const C = world.space.nodes.length;
  const leafValues = new Float64Array(world.events.length * world.topics * C);
  world.counts.forEach((byTopic, w) => byTopic.forEach((byProfile, t) => byProfile.forEach((n, p) => {
    world.space.nodes.forEach((node, c) => {
      leafValues[(w * world.topics + t) * C + c]! += node.weight(world.profiles[p]!) * n;
    });
  })));
  const cube = protect({
    wLeaves: world.events.length, wNodes: places.nodes, tLeaves: world.topics, tNodes, cNodes: C,
    cPatterns: answerPatterns(world.space), possible: world.possible, leafValues,
  });
  return { cube, places, tNodes, C };
}

/** The leaf vector of a cell over (event, topic, profile), only where the topic was offered (elsewhere all is known 0). */
function vectorOf(world: World, wNode: number[], tNode: number[], c: number) {
  const vector: bigint[] = [];
  for (let w = 0; w < world.events.length; w++) {
    for (let t = 0; t < world.topics; t++) {
      if (!world.possible[w]![t]) continue;
      for (const profile of world.profiles) {
        vector.push(wNode.includes(w) && tNode.includes(t) ? BigInt(world.space.nodes[c]!.weight(profile)) : 0n);
      }
    }
  }
  return vector;
}

/** Every cell's verdict: what is shown, and which hidden cells the shown ones would give away. */
function audit(world: World) {
  const { cube, places, tNodes, C } = cubeOf(world);
  const span = new Span(0);
  const hidden: Array<{ w: number; t: number; c: number; vector: bigint[] }> = [];
  const problems: string[] = [];
  places.nodes.forEach((wNode, w) => tNodes.forEach((tNode, t) => {
    for (let c = 0; c < C; c++) {
      const state = cube.state(w, t, c);
      const value = cube.value(w, t, c);
      const vector = vectorOf(world, wNode, tNode, c);
      if (state === 'shown') {
        if (value < THRESHOLD) problems.push(`small count ${value} shown at ${w}/${t}/${c}`);
        span.add(vector);
      } else if (state === 'none') {
        if (vector.some((x) => x !== 0n)) problems.push(`cell ${w}/${t}/${c} called not offered`);
      } else {
        if (state === 'small' !== value < THRESHOLD) problems.push(`wrong label at ${w}/${t}/${c}`);
        hidden.push({ w, t, c, vector });
      }
    }
  }));
  for (const cell of hidden) {
    if (span.contains(cell.vector)) problems.push(`hidden cell ${cell.w}/${cell.t}/${cell.c} (${cube.value(cell.w, cell.t, cell.c)}) can be worked out`);
  }
  return { problems, hidden: hidden.length };
}

const worlds = fc.record({
  events: fc.array(fc.record({ month: fc.integer({ min: 0, max: 2 }), venue: fc.integer({ min: 0, max: 2 }) }), { minLength: 1, maxLength: 5 }),
  topics: fc.integer({ min: 1, max: 3 }),
  measures: fc.array(fc.integer({ min: 2, max: 3 }), { minLength: 1, maxLength: 2 }),
  conjunction: fc.boolean(),
  seed: fc.array(fc.integer({ min: 0, max: 99 }), { minLength: 400, maxLength: 400 }),
}).map(({ events, topics, measures, conjunction, seed }): World => {
  let next = 0;
  const draw = () => seed[next++ % seed.length]!;
  const held: HeldEvent[] = events.map((e, i) => ({
    id: i + 1, venueId: e.venue + 1, localDate: `2025-0${e.month + 1}-${String(10 + i).padStart(2, '0')}`, topicIds: [],
  }));
  const specs = measures.map((k, m) => ({ key: `m${m}`, categories: Array.from({ length: k }, (_, i) => `c${i}`) }));
  const nodes = [allUnits('all'), ...specs.flatMap((m) => m.categories.map((c) => answerIs(`${m.key}:${c}`, m.key, [c])))];
  if (conjunction && specs.length > 1) nodes.push({ key: 'both', weight: (p) => (p.m0 === 'c0' && p.m1 === 'c0' ? 1 : 0) });
  let profiles: Profile[] = [{}];
  for (const m of specs) profiles = profiles.flatMap((p) => m.categories.map((c) => ({ ...p, [m.key]: c })));
  const space: AnswerSpace = { measures: specs, nodes, bases: profiles, valid: () => true };
  const possible = held.map(() => Array.from({ length: topics }, () => draw() < 85));
  // Mostly small counts, as at a family benefits day: zeros and single families, now and then a group.
  const counts = held.map((_, w) => Array.from({ length: topics }, (_, t) => profiles.map(() => {
    if (!possible[w]![t]) return 0;
    const r = draw();
    return r < 45 ? 0 : r < 75 ? 1 + (r % 3) : r < 92 ? 3 + (r % 5) : 8 + (r % 10);
  })));
  return { events: held, topics, space, profiles, possible, counts };
});

describe('small-count suppression', () => {
  it('hides every count below 5 and, in a simple table, one more so the total does not give it away', () => {
    const world: World = {
      events: [{ id: 1, venueId: 1, localDate: '2025-06-11', topicIds: [] }],
      topics: 1,
      space: {
        measures: [{ key: 'heard', categories: ['flyer', 'press', 'qr'] }],
        nodes: [allUnits('all'), answerIs('flyer', 'heard', ['flyer']), answerIs('press', 'heard', ['press']), answerIs('qr', 'heard', ['qr'])],
        bases: [{ heard: 'flyer' }], valid: () => true,
      },
      profiles: [{ heard: 'flyer' }, { heard: 'press' }, { heard: 'qr' }],
      possible: [[true]],
      counts: [[[12, 2, 7]]],
    };
    const { cube } = cubeOf(world);
    // Cells: event × (topic, all) × (all, flyer, press, qr).
    expect([0, 1, 2, 3].map((c) => cube.state(0, 0, c))).toEqual(['shown', 'shown', 'small', 'hidden']);
    expect([0, 1, 2, 3].map((c) => cube.value(0, 0, c))).toEqual([21, 12, 2, 7]);
    // The smaller of the two shown answers is the one hidden with it: 21 − 12 = 9 is all one learns.
    expect(audit(world).problems).toEqual([]);
  });

  it('keeps a second small count as the complement when there is one, hiding nothing more', () => {
    const world: World = {
      events: [{ id: 1, venueId: 1, localDate: '2025-06-11', topicIds: [] }], topics: 1,
      space: {
        measures: [{ key: 'h', categories: ['a', 'b', 'c'] }],
        nodes: [allUnits('all'), answerIs('a', 'h', ['a']), answerIs('b', 'h', ['b']), answerIs('c', 'h', ['c'])],
        bases: [{ h: 'a' }], valid: () => true,
      },
      profiles: [{ h: 'a' }, { h: 'b' }, { h: 'c' }], possible: [[true]], counts: [[[9, 3, 0]]],
    };
    const { cube } = cubeOf(world);
    expect([0, 1, 2, 3].map((c) => cube.state(0, 0, c))).toEqual(['shown', 'shown', 'small', 'small']);
  });

  it('protects a small month of a venue against the venue\'s year and the other months (no differencing across filters)', () => {
    // Venue 1 hosts in January and March; the year, the venue, each month and the venue's months are all filters.
    const world: World = {
      events: [
        { id: 1, venueId: 1, localDate: '2025-01-08', topicIds: [] }, { id: 2, venueId: 2, localDate: '2025-02-12', topicIds: [] },
        { id: 3, venueId: 1, localDate: '2025-03-12', topicIds: [] },
      ],
      topics: 2,
      space: {
        measures: [{ key: 'k', categories: ['booked', 'walk_in'] }],
        nodes: [allUnits('all'), answerIs('booked', 'k', ['booked']), answerIs('walk_in', 'k', ['walk_in'])],
        bases: [{ k: 'booked' }], valid: () => true,
      },
      profiles: [{ k: 'booked' }, { k: 'walk_in' }],
      possible: [[true, true], [true, true], [true, false]],
      counts: [[[9, 8], [7, 6]], [[12, 10], [9, 11]], [[8, 2], [0, 0]]],
    };
    const result = audit(world);
    expect(result.hidden).toBeGreaterThan(1);
    expect(result.problems).toEqual([]);
  });

  it('the check itself catches a small count that the totals give away', () => {
    // Only the small cell hidden, everything else shown: total − flyer − qr tells press.
    const span = new Span(0);
    span.add([1n, 1n, 1n]);
    span.add([1n, 0n, 0n]);
    span.add([0n, 0n, 1n]);
    expect(span.contains([0n, 1n, 0n])).toBe(true);
    // With the complement hidden too, press is free again.
    const protectedSpan = new Span(0);
    protectedSpan.add([1n, 1n, 1n]);
    protectedSpan.add([1n, 0n, 0n]);
    expect(protectedSpan.contains([0n, 1n, 0n])).toBe(false);
  });

  it('never shows a count below 5 and never lets one be worked out, in any generated cube and across all its filters', () => {
    fc.assert(fc.property(worlds, (world) => {
      const { problems } = audit(world);
      expect(problems).toEqual([]);
    }), { numRuns: 300 });
  });
});
