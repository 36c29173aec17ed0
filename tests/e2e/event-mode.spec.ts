import { addDaysToLocalDate, localToday } from '../../utils/core/dates';
import { expect, openExtensionPage, openLinkedIn, sidebar, test } from './fixtures';

const EVENT = 'PyData Osaka 2026';

test('at PyData Osaka, three people are saved with the event; afterwards the two who mattered keep their follow-up', async ({ ext }) => {
  const inTwoDays = addDaysToLocalDate(localToday(), 2);
  const popup = await openExtensionPage(ext, 'popup.html');
  await popup.getByRole('textbox', { name: 'I’m at' }).fill(EVENT);
  await popup.getByRole('button', { name: 'Start' }).click();
  await expect(popup.getByText(`At ${EVENT}: each person you save now`, { exact: false })).toBeVisible();
  await popup.close();

  const kenji = await openLinkedIn(ext, '/in/kenji-tanaka/');
  await expect(sidebar(kenji).getByText(`At ${EVENT}: saved as “Where we met”`, { exact: false })).toBeVisible();
  await sidebar(kenji).getByLabel('How I can help').fill('Introduce him to a data lead candidate');
  await expect(sidebar(kenji).getByLabel('Where we met')).toHaveValue(EVENT);
  await expect(sidebar(kenji).getByLabel('Next follow-up')).toHaveValue(inTwoDays);

  const amara = await openLinkedIn(ext, '/in/amara-okafor/');
  await sidebar(amara).getByRole('group', { name: 'Log a contact today' }).getByRole('button', { name: 'Meeting' }).click();
  await expect(sidebar(amara).getByLabel('Where we met')).toHaveValue(EVENT);
  await expect(sidebar(amara).getByLabel('Next follow-up')).toHaveValue(inTwoDays);

  const zhang = await openLinkedIn(ext, '/in/zhang-wei/');
  await sidebar(zhang).getByLabel('How I can help').fill('A sourcing agent in Shenzhen');
  await expect(sidebar(zhang).getByLabel('Where we met')).toHaveValue(EVENT);

  const after = await openExtensionPage(ext, 'popup.html');
  await expect(after.getByText('3 people met so far.')).toBeVisible();
  await after.getByRole('button', { name: 'The event is over' }).click();
  const review = after.getByRole('region', { name: `Who mattered at ${EVENT}?` });
  await expect(review.getByRole('listitem')).toHaveCount(3);
  await review.getByRole('button', { name: 'Star Kenji Tanaka' }).click();
  await review.getByRole('button', { name: 'Star Amara Okafor' }).click();
  await expect(review.getByRole('button', { name: 'Star Kenji Tanaka' })).toHaveAttribute('aria-pressed', 'true');
  await review.getByRole('button', { name: 'Keep follow-ups for the starred' }).click();

  await expect(after.getByRole('textbox', { name: 'I’m at' })).toBeVisible();
  const comingUp = after.getByRole('region', { name: 'Coming up' });
  await expect(comingUp.getByRole('link')).toHaveText(['Amara Okafor', 'Kenji Tanaka']);
  await expect(sidebar(zhang).getByLabel('Next follow-up')).toHaveValue('');
  await expect(sidebar(zhang).getByLabel('Where we met')).toHaveValue(EVENT);
  await expect(sidebar(kenji).getByLabel('Next follow-up')).toHaveValue(inTwoDays);
});
