import { afterEach, describe, expect, it } from 'vitest';
import { badgeText, namesPreview, nextReminderAt, shouldRemind } from '@/utils/followups/reminders';

const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

const settings = { notificationsEnabled: true, reminderTime: '09:00' };

describe('the daily reminder', () => {
  it('comes once a day, after the reminder time, when someone is due', () => {
    const morning = new Date(2026, 10, 22, 9, 0);
    expect(shouldRemind({ now: morning, settings, lastReminderDate: '2026-11-21', dueCount: 3 })).toBe(true);
    expect(shouldRemind({ now: morning, settings, lastReminderDate: '2026-11-22', dueCount: 3 })).toBe(false);
    expect(shouldRemind({ now: new Date(2026, 10, 22, 8, 59), settings, lastReminderDate: null, dueCount: 3 })).toBe(false);
    expect(shouldRemind({ now: morning, settings, lastReminderDate: null, dueCount: 0 })).toBe(false);
    expect(
      shouldRemind({ now: morning, settings: { ...settings, notificationsEnabled: false }, lastReminderDate: null, dueCount: 3 }),
    ).toBe(false);
  });

  it('still comes later that day when the browser was closed at the reminder time', () => {
    const evening = new Date(2026, 10, 22, 18, 30);
    expect(shouldRemind({ now: evening, settings, lastReminderDate: '2026-11-20', dueCount: 1 })).toBe(true);
  });

  it('is scheduled for the next local reminder time, across a DST change', () => {
    process.env.TZ = 'Europe/Madrid';
    const beforeSpringForward = new Date(2026, 2, 28, 10, 0);
    const next = new Date(nextReminderAt(beforeSpringForward, '09:00'));
    expect([next.getDate(), next.getHours(), next.getMinutes()]).toEqual([29, 9, 0]);
    const early = new Date(2026, 2, 28, 8, 0);
    expect(new Date(nextReminderAt(early, '09:00')).getDate()).toBe(28);
  });

  it('names the first people and counts the rest', () => {
    expect(namesPreview(['Kenji', 'Amara'])).toBe('Kenji, Amara');
    expect(namesPreview(['Kenji', 'Amara', 'Lucía', 'Wei', 'Sam'])).toBe('Kenji, Amara, Lucía… (+2)');
  });

  it('shows the due count on the badge, empty when none', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(1)).toBe('1');
    expect(badgeText(1200)).toBe('999+');
  });
});
