import { describe, expect, it } from 'vitest';
import { type FreeSlot, buildItineraries } from '../../src/modules/booking/itinerary.rules.js';

const at = (hhmm: string) => new Date(`2027-03-10T${hhmm}:00+01:00`);
const slot = (slotId: number, deskId: number, topicIds: number[], start: string, end: string): FreeSlot => ({
  slotId, deskId, topicIds, startsAt: at(start), endsAt: at(end),
});
const KINDERGELD = 1;
const WOHNGELD = 2;
const options = { maxGapMinutes: 15 };

const free = [
  slot(1, 10, [KINDERGELD], '14:00', '14:30'),
  slot(2, 10, [KINDERGELD], '14:30', '15:00'),
  slot(3, 20, [WOHNGELD], '14:30', '15:00'),
  slot(4, 20, [WOHNGELD], '15:30', '16:00'),
];

const describeAll = (topicIds: number[], slots: FreeSlot[]) =>
  buildItineraries(topicIds, slots, options).map((i) => i.stops.map((s) => `${s.topicId}@${s.slotId}`).join(' → '));

describe('buildItineraries', () => {
  it('offers every free time for one topic', () => {
    expect(describeAll([KINDERGELD], free)).toEqual(['1@1', '1@2']);
  });

  it('chains several topics back to back across desks, in either order', () => {
    // 14:00 Kindergeld then 14:30 Wohngeld; 14:30 Wohngeld is too late to follow with Kindergeld (none after 15:00),
    // but 14:30 Kindergeld followed by 15:30 Wohngeld is 30 minutes apart: more than the allowed gap.
    expect(describeAll([KINDERGELD, WOHNGELD], free)).toEqual(['1@1 → 2@3']);
    expect(describeAll([WOHNGELD, KINDERGELD], free)).toEqual(['1@1 → 2@3']);
  });

  it('allows a short wait between two appointments', () => {
    const slots = [slot(1, 10, [KINDERGELD], '14:00', '14:30'), slot(2, 20, [WOHNGELD], '14:45', '15:15')];
    expect(describeAll([KINDERGELD, WOHNGELD], slots)).toEqual(['1@1 → 2@2']);
  });

  it('uses two slots of one desk that serves both topics, never the same slot twice', () => {
    const slots = [slot(1, 10, [KINDERGELD, WOHNGELD], '14:00', '14:30'), slot(2, 10, [KINDERGELD, WOHNGELD], '14:30', '15:00')];
    const result = buildItineraries([KINDERGELD, WOHNGELD], slots, options);
    expect(result).toHaveLength(1);
    expect(new Set(result[0]!.stops.map((s) => s.slotId)).size).toBe(2);
  });

  it('finds nothing when a topic has no free slot', () => {
    expect(describeAll([KINDERGELD, 99], free)).toEqual([]);
    expect(describeAll([], free)).toEqual([]);
  });

  it('keeps, per start time, the itinerary that ends soonest', () => {
    const slots = [
      slot(1, 10, [KINDERGELD], '14:00', '14:30'),
      slot(2, 20, [WOHNGELD], '14:30', '15:00'),
      slot(3, 30, [3], '14:30', '15:00'),
      slot(4, 30, [3], '15:00', '15:30'),
    ];
    const [first] = buildItineraries([KINDERGELD, WOHNGELD, 3], slots, options);
    expect(first!.startsAt).toEqual(at('14:00'));
    expect(first!.endsAt).toEqual(at('15:30'));
  });
});
