import { describe, expect, it } from 'vitest';
import { generateSlots, walkInPattern } from '../../src/modules/events/slots.rules.js';

const desk = { localDate: '2027-03-10', startsLocal: '14:00', endsLocal: '16:00', slotMinutes: 30, breaks: [], walkInPercent: 0 };
const iso = (slots: ReturnType<typeof generateSlots>) => slots.map((s) => s.startsAt.toISOString());

describe('generateSlots', () => {
  it('cuts a desk’s hours into slots at Berlin wall-clock times (CET = UTC+1 in March before the change)', () => {
    expect(iso(generateSlots(desk))).toEqual([
      '2027-03-10T13:00:00.000Z', '2027-03-10T13:30:00.000Z', '2027-03-10T14:00:00.000Z', '2027-03-10T14:30:00.000Z',
    ]);
  });

  it('uses summer time (UTC+2) for an afternoon desk on the spring change day 2027-03-28', () => {
    const slots = generateSlots({ ...desk, localDate: '2027-03-28' });
    expect(slots[0]!.startsAt.toISOString()).toBe('2027-03-28T12:00:00.000Z');
    expect(slots).toHaveLength(4);
  });

  it('skips the hour that does not exist on 2027-03-28: a 01:00–04:00 desk has two real hours', () => {
    const slots = generateSlots({ ...desk, localDate: '2027-03-28', startsLocal: '01:00', endsLocal: '04:00' });
    expect(iso(slots)).toEqual([
      '2027-03-28T00:00:00.000Z', '2027-03-28T00:30:00.000Z', '2027-03-28T01:00:00.000Z', '2027-03-28T01:30:00.000Z',
    ]);
  });

  it('keeps the repeated hour on the autumn change day 2027-10-31: a 01:00–04:00 desk has four real hours', () => {
    const slots = generateSlots({ ...desk, localDate: '2027-10-31', startsLocal: '01:00', endsLocal: '04:00' });
    expect(slots).toHaveLength(8);
    expect(slots[0]!.startsAt.toISOString()).toBe('2027-10-30T23:00:00.000Z');
    expect(slots.at(-1)!.endsAt.toISOString()).toBe('2027-10-31T03:00:00.000Z');
    const afternoon = generateSlots({ ...desk, localDate: '2027-10-31' });
    expect(afternoon[0]!.startsAt.toISOString()).toBe('2027-10-31T13:00:00.000Z');
  });

  it('leaves out slots that overlap a break and a last slot that would run past closing', () => {
    const slots = generateSlots({ ...desk, endsLocal: '16:10', breaks: [{ start: '15:00', end: '15:15' }] });
    expect(iso(slots)).toEqual(['2027-03-10T13:00:00.000Z', '2027-03-10T13:30:00.000Z', '2027-03-10T14:30:00.000Z']);
  });

  it('marks the walk-in share spread over the day', () => {
    const slots = generateSlots({ ...desk, endsLocal: '18:00', walkInPercent: 25 });
    expect(slots.map((s) => s.walkInOnly)).toEqual([false, false, false, true, false, false, false, true]);
  });
});

describe('walkInPattern', () => {
  it.each([
    [4, 0, 0], [4, 100, 4], [8, 25, 2], [10, 30, 3], [7, 50, 3],
  ])('%i slots at %i %% keep %i for walk-ins', (count, percent, expected) => {
    expect(walkInPattern(count, percent).filter(Boolean)).toHaveLength(expected);
  });
});
