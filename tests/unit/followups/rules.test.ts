import { afterEach, describe, expect, it, vi } from 'vitest';
import { addDaysToLocalDate, daysBetween, isLocalDate, localToday, timeAgo } from '@/utils/core/dates';
import { compareByFollowUp, daysOverdue, followUpAfterDone, isDue, nextFollowUpAfterContact, snoozedFollowUp } from '@/utils/followups/rules';

const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
  vi.useRealTimers();
});

describe('the follow-up clock', () => {
  it('restarts from the date of the contact made, by the cadence', () => {
    expect(nextFollowUpAfterContact({ cadenceDays: 30, nextFollowUp: '2026-11-22' }, '2026-11-22')).toBe('2026-12-22');
    expect(nextFollowUpAfterContact({ cadenceDays: 14, nextFollowUp: null }, '2026-02-20')).toBe('2026-03-06');
  });

  it('clears a one-off follow-up once it is done, and keeps a later one', () => {
    expect(nextFollowUpAfterContact({ cadenceDays: null, nextFollowUp: '2026-11-20' }, '2026-11-22')).toBeNull();
    expect(nextFollowUpAfterContact({ cadenceDays: null, nextFollowUp: '2026-11-22' }, '2026-11-22')).toBeNull();
    expect(nextFollowUpAfterContact({ cadenceDays: null, nextFollowUp: '2026-12-01' }, '2026-11-22')).toBe('2026-12-01');
  });

  it('snoozes by a day, a week, or to a chosen date', () => {
    expect(snoozedFollowUp({ days: 1 }, '2026-12-31')).toBe('2027-01-01');
    expect(snoozedFollowUp({ days: 7 }, '2026-11-22')).toBe('2026-11-29');
    expect(snoozedFollowUp({ until: '2027-01-15' }, '2026-11-22')).toBe('2027-01-15');
  });

  it('counts due on or before today, most overdue first', () => {
    const today = '2026-11-22';
    expect(isDue({ nextFollowUp: '2026-11-22' }, today)).toBe(true);
    expect(isDue({ nextFollowUp: '2026-11-01' }, today)).toBe(true);
    expect(isDue({ nextFollowUp: '2026-11-23' }, today)).toBe(false);
    expect(isDue({ nextFollowUp: null }, today)).toBe(false);
    expect(daysOverdue({ nextFollowUp: '2026-11-19' }, today)).toBe(3);
    expect(daysOverdue({ nextFollowUp: today }, today)).toBe(0);
    const list = [
      { name: 'Zoe', nextFollowUp: '2026-11-22' },
      { name: 'Amara', nextFollowUp: '2026-11-22' },
      { name: 'Kenji', nextFollowUp: '2026-11-02' },
    ].sort(compareByFollowUp);
    expect(list.map((c) => c.name)).toEqual(['Kenji', 'Amara', 'Zoe']);
  });
});

describe('local calendar dates', () => {
  it('takes today from the local calendar, not UTC', () => {
    process.env.TZ = 'Pacific/Auckland';
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-11-22T20:30:00Z'));
    expect(localToday()).toBe('2026-11-23');
    process.env.TZ = 'America/Los_Angeles';
    expect(localToday()).toBe('2026-11-22');
  });

  it('adds days across DST changes without losing or gaining a day', () => {
    for (const tz of ['Europe/Madrid', 'America/New_York', 'America/Santiago', 'Australia/Sydney']) {
      process.env.TZ = tz;
      expect(addDaysToLocalDate('2026-03-28', 1)).toBe('2026-03-29');
      expect(addDaysToLocalDate('2026-03-28', 2)).toBe('2026-03-30');
      expect(addDaysToLocalDate('2026-03-07', 2)).toBe('2026-03-09');
      expect(addDaysToLocalDate('2026-10-24', 7)).toBe('2026-10-31');
      expect(addDaysToLocalDate('2026-04-04', 1)).toBe('2026-04-05');
      expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
      expect(daysBetween('2026-10-31', '2026-11-02')).toBe(2);
    }
  });

  it('is due at local midnight, on the first minute of the day', () => {
    process.env.TZ = 'Europe/Madrid';
    vi.useFakeTimers();
    vi.setSystemTime(new Date(2026, 2, 29, 0, 1)); // the night clocks go forward
    expect(isDue({ nextFollowUp: '2026-03-29' }, localToday())).toBe(true);
    vi.setSystemTime(new Date(2026, 2, 28, 23, 59));
    expect(isDue({ nextFollowUp: '2026-03-29' }, localToday())).toBe(false);
  });

  it('accepts only real calendar dates', () => {
    expect(isLocalDate('2026-02-28')).toBe(true);
    expect(isLocalDate('2026-02-30')).toBe(false);
    expect(isLocalDate('2026-2-3')).toBe(false);
    expect(isLocalDate('tomorrow')).toBe(false);
    expect(isLocalDate(20261122)).toBe(false);
  });
});

describe('a follow-up marked done', () => {
  it('comes round again with a cadence, and is cleared without one', () => {
    expect(followUpAfterDone({ cadenceDays: 30 }, '2026-03-01')).toBe('2026-03-31');
    expect(followUpAfterDone({ cadenceDays: null }, '2026-03-01')).toBeNull();
  });
});

describe('how long ago the last contact was', () => {
  it('reads in the largest natural unit', () => {
    expect(timeAgo('2026-03-01', '2026-03-01')).toEqual({ value: 0, unit: 'day' });
    expect(timeAgo('2026-03-01', '2026-03-06')).toEqual({ value: 5, unit: 'day' });
    expect(timeAgo('2026-03-01', '2026-03-22')).toEqual({ value: 3, unit: 'week' });
    expect(timeAgo('2026-01-01', '2026-03-15')).toEqual({ value: 2, unit: 'month' });
    expect(timeAgo('2024-01-01', '2026-03-15')).toEqual({ value: 2, unit: 'year' });
  });
});
