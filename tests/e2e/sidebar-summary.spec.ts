import { addDaysToLocalDate, localToday } from '../../utils/core/dates';
import { expect, openLinkedIn, sidebar, test } from './fixtures';

test.describe('on a first look', () => {
  test.use({ moreOpen: false });

  test('Kenji’s sidebar opens summary first; a message and a call are logged in one click each', async ({ ext }) => {
    const page = await openLinkedIn(ext, '/in/kenji-tanaka/');
    const notes = sidebar(page);
    await expect(notes.getByRole('heading', { level: 1, name: 'Kenji Tanaka' })).toBeVisible();
    await expect(notes.getByText('No contact logged yet', { exact: true })).toBeVisible();
    await expect(notes.getByLabel('How I can help')).toBeVisible();
    await expect(notes.getByRole('textbox', { name: 'What they offer' })).toBeVisible();
    await expect(notes.getByRole('textbox', { name: 'Looking for' })).toBeVisible();
    // The less-used fields wait behind "More".
    await expect(notes.getByRole('button', { name: 'More' })).toHaveAttribute('aria-expanded', 'false');
    await expect(notes.getByLabel('Notes', { exact: true })).toBeHidden();

    const quick = notes.getByRole('group', { name: 'Log a contact today' });
    await notes.getByLabel('A word about it (optional)').fill('Sent him the PyData slides');
    await quick.getByRole('button', { name: 'Message' }).click();
    await expect(notes.getByText(/^Last contact today/)).toBeVisible();
    await quick.getByRole('button', { name: 'Call' }).click();
    const timeline = notes.getByRole('list', { name: 'Timeline' });
    await expect(timeline.getByRole('listitem')).toHaveCount(2);
    await expect(timeline.getByRole('listitem').filter({ hasText: 'Sent him the PyData slides' })).toContainText('Message');
    await expect(notes.getByLabel('A word about it (optional)')).toHaveValue('');
  });

  test('“More” remembers whether it is open', async ({ ext }) => {
    const page = await openLinkedIn(ext, '/in/amara-okafor/');
    await sidebar(page).getByRole('button', { name: 'More' }).click();
    await expect(sidebar(page).getByLabel('Notes', { exact: true })).toBeVisible();
    await page.reload();
    await expect(sidebar(page).getByRole('button', { name: 'More' })).toHaveAttribute('aria-expanded', 'true');
    await expect(sidebar(page).getByLabel('Notes', { exact: true })).toBeVisible();

    await sidebar(page).getByRole('button', { name: 'More' }).click();
    const other = await openLinkedIn(ext, '/in/kenji-tanaka/');
    await expect(sidebar(other).getByRole('button', { name: 'More' })).toHaveAttribute('aria-expanded', 'false');
    await expect(sidebar(other).getByLabel('Notes', { exact: true })).toBeHidden();
  });
});

test('a follow-up is snoozed and then marked done from the sidebar', async ({ ext }) => {
  const today = localToday();
  const page = await openLinkedIn(ext, '/in/amara-okafor/');
  const notes = sidebar(page);
  await notes.getByLabel('Next follow-up').fill(today);
  await expect(notes.getByText(/follow-up due/)).toBeVisible();

  await notes.getByRole('button', { name: 'Snooze' }).click();
  await notes.getByRole('button', { name: '1 week' }).click();
  await expect(notes.getByLabel('Next follow-up')).toHaveValue(addDaysToLocalDate(today, 7));
  await expect(notes.getByText(/follow-up due/)).toHaveCount(0);

  await notes.getByRole('button', { name: 'Follow-up done' }).click();
  await expect(notes.getByLabel('Next follow-up')).toHaveValue('');
  await expect(notes.getByRole('button', { name: 'Follow-up done' })).toHaveCount(0);

  // With a cadence, Done brings the next one round instead of clearing it.
  await notes.getByLabel('Keep in touch every').selectOption({ label: 'Month' });
  await notes.getByLabel('Next follow-up').fill(today);
  await expect(notes.getByRole('button', { name: 'Follow-up done' })).toBeVisible();
  await expect(notes.getByRole('status')).toHaveText('Saved');
  await notes.getByRole('button', { name: 'Follow-up done' }).click();
  await expect(notes.getByLabel('Next follow-up')).toHaveValue(addDaysToLocalDate(today, 30));
  await expect(notes.getByText(/every 30 days/)).toBeVisible();
});
