import type { LocalDate } from '../core/dates';
import { localToday } from '../core/dates';
import type { Settings } from '../core/schema';
import { storage } from 'wxt/utils/storage';

export const DAILY_ALARM = 'daily-reminder';

function minutesOf(time: string): number {
  const [hours = 9, minutes = 0] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

/** The next moment the daily reminder time comes round, local time. */
export function nextReminderAt(now: Date, reminderTime: string): number {
  const at = new Date(now);
  at.setHours(0, minutesOf(reminderTime), 0, 0);
  if (at.getTime() <= now.getTime()) at.setDate(at.getDate() + 1);
  return at.getTime();
}

/**
 * Whether to show today's one reminder now: past the reminder time, someone due, notifications
 * on, and not shown yet today (a worker restart or a late browser start never shows it twice).
 */
export function shouldRemind(input: {
  now: Date;
  settings: Pick<Settings, 'notificationsEnabled' | 'reminderTime'>;
  lastReminderDate: LocalDate | null;
  dueCount: number;
}): boolean {
  const { now, settings, lastReminderDate, dueCount } = input;
  if (!settings.notificationsEnabled || dueCount === 0) return false;
  if (lastReminderDate === localToday(now)) return false;
  return now.getHours() * 60 + now.getMinutes() >= minutesOf(settings.reminderTime);
}

/** "Kenji, Amara, Lucía" and "+2" past the first three names. */
export function namesPreview(names: string[], shown = 3): string {
  const listed = names.filter(Boolean).slice(0, shown).join(', ');
  return names.length > shown ? `${listed}… (+${names.length - shown})` : listed;
}

export function badgeText(dueCount: number): string {
  if (dueCount <= 0) return '';
  return dueCount > 999 ? '999+' : String(dueCount);
}

/** The local date of the last daily reminder shown, so a restart never shows it twice. */
export const lastReminderItem = storage.defineItem<LocalDate | null>('local:lastReminderDate', {
  fallback: null,
});
