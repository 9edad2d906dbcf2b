import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { bookingAvailability } from '../../src/modules/events/events.rules.js';
import { nthWeekdayOfMonth, upcomingDates } from '../../src/modules/events/rotation.rules.js';

const window = {
  status: 'published' as const,
  bookingOpensAt: new Date('2027-01-01T00:00:00Z'),
  bookingClosesAt: new Date('2027-03-10T11:00:00Z'),
};

describe('bookingAvailability', () => {
  it('is open between opening and closing of a published event', () => {
    expect(bookingAvailability(window, new Date('2027-02-01T00:00:00Z'))).toBe('open');
  });
  it('is not yet open before, and closed from the closing instant on', () => {
    expect(bookingAvailability(window, new Date('2026-12-31T23:59:59Z'))).toBe('not-yet-open');
    expect(bookingAvailability(window, new Date('2027-03-10T11:00:00Z'))).toBe('closed');
  });
  it('never lets anyone book a draft or a cancelled event', () => {
    const now = new Date('2027-02-01T00:00:00Z');
    expect(bookingAvailability({ ...window, status: 'draft' }, now)).toBe('not-published');
    expect(bookingAvailability({ ...window, status: 'cancelled' }, now)).toBe('cancelled');
  });
});

describe('rotation dates', () => {
  it('finds the 2nd Wednesday of a month', () => {
    expect(nthWeekdayOfMonth(2027, 3, 2, 3)).toBe('2027-03-10');
    expect(nthWeekdayOfMonth(2026, 12, 2, 3)).toBe('2026-12-09');
  });
  it('has no 5th Monday in February 2027', () => {
    expect(nthWeekdayOfMonth(2027, 2, 5, 1)).toBeUndefined();
  });
  it('starts with this month when its date is still ahead, else the next', () => {
    const rule = { week: 2, weekday: 3 };
    expect(upcomingDates(rule, DateTime.fromISO('2027-03-01T12:00', { zone: 'Europe/Berlin' }), 2)).toEqual(['2027-03-10', '2027-04-14']);
    expect(upcomingDates(rule, DateTime.fromISO('2027-03-11T12:00', { zone: 'Europe/Berlin' }), 1)).toEqual(['2027-04-14']);
  });
});
