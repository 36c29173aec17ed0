import { describe, expect, it } from 'vitest';
import type { Interaction } from '@/utils/core/schema';
import { balanceOf, firstDayOfWeeks, giveTake, networkGiveTake, weeklyGiveTake } from '@/utils/network/give-and-take';

type Entry = Pick<Interaction, 'kind' | 'date' | 'contactKey' | 'withKey'>;
const entry = (kind: Interaction['kind'], date: string, contactKey = 'kenji', withKey?: string): Entry => ({
  kind,
  date,
  contactKey,
  withKey,
});

describe('give and take with one person', () => {
  it('counts help given, introductions as giving, help received, and contacts made without notes', () => {
    const figures = giveTake([
      entry('help-given', '2025-01-02'),
      entry('introduction', '2025-01-03', 'kenji', 'amara'),
      entry('help-received', '2025-01-04'),
      entry('note', '2025-01-05'),
      entry('call', '2025-01-06'),
    ]);
    expect(figures).toEqual({ contacts: 4, given: 2, introductions: 1, received: 1, balance: 'giving' });
  });

  it('says whether you have been giving as well as asking', () => {
    expect(balanceOf(0, 0)).toBe('none');
    expect(balanceOf(2, 1)).toBe('giving');
    expect(balanceOf(1, 1)).toBe('even');
    expect(balanceOf(0, 3)).toBe('asking');
    expect(giveTake([entry('help-received', '2025-01-01')]).balance).toBe('asking');
  });
});

describe('give and take across the network', () => {
  it('counts an introduction once, though it is on both timelines', () => {
    const figures = networkGiveTake([
      entry('introduction', '2025-01-03', 'kenji', 'amara'),
      entry('introduction', '2025-01-03', 'amara', 'kenji'),
      entry('introduction', '2025-01-04', 'zhang'),
    ]);
    expect(figures.introductions).toBe(2);
    expect(figures.given).toBe(2);
  });

  it('buckets the last 12 weeks, oldest first, the last one ending today', () => {
    const today = '2025-03-31';
    const weeks = weeklyGiveTake(
      [
        entry('meeting', '2025-03-31'),
        entry('help-given', '2025-03-25'),
        entry('help-received', '2025-03-24'),
        entry('call', '2025-03-24'),
        entry('introduction', '2025-01-07', 'amara', 'kenji'),
        entry('introduction', '2025-01-07', 'kenji', 'amara'),
        entry('call', '2025-01-06'),
        entry('note', '2025-03-30'),
        entry('call', '2025-04-01'),
      ],
      today,
    );
    expect(weeks).toHaveLength(12);
    expect(weeks[0]).toEqual({ start: '2025-01-07', end: '2025-01-13', contacts: 1, given: 1, received: 0 });
    expect(weeks[11]).toEqual({ start: '2025-03-25', end: '2025-03-31', contacts: 2, given: 1, received: 0 });
    expect(weeks[10]).toMatchObject({ start: '2025-03-18', end: '2025-03-24', contacts: 2, received: 1 });
    expect(firstDayOfWeeks(today)).toBe('2025-01-07');
  });

  it('keeps calendar weeks whole across a daylight-saving change', () => {
    const weeks = weeklyGiveTake([], '2025-11-02', 12);
    for (let i = 1; i < weeks.length; i++) {
      expect(new Date(`${weeks[i]!.start}T12:00:00Z`).getTime() - new Date(`${weeks[i - 1]!.start}T12:00:00Z`).getTime()).toBe(
        7 * 86_400_000,
      );
    }
  });
});
