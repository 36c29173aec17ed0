import { expect, openLinkedIn, sidebar, SIDEBAR_TITLE, test } from './fixtures';

test.use({ moreOpen: false });

test('Tab walks Kenji’s sidebar in the order it reads, and Escape folds it to a tab that Enter opens', async ({ ext }) => {
  const page = await openLinkedIn(ext, '/in/kenji-tanaka/');
  const notes = sidebar(page);
  const collapse = notes.getByRole('button', { name: 'Collapse sidebar' });
  await expect(notes.getByLabel('How I can help')).toBeVisible();
  await collapse.focus();
  const visualOrder = [
    notes.getByLabel('A word about it (optional)'),
    notes.getByRole('button', { name: 'Message' }),
    notes.getByRole('button', { name: 'Call' }),
    notes.getByRole('button', { name: 'Meeting' }),
    notes.getByLabel('How I can help'),
    notes.getByRole('textbox', { name: 'What they offer' }),
    notes.getByRole('textbox', { name: 'Looking for' }),
    notes.getByRole('button', { name: 'More' }),
  ];
  let previousTop = -Infinity;
  for (const control of visualOrder) {
    await page.keyboard.press('Tab');
    await expect(control).toBeFocused();
    // Each stop sits no higher on screen than the one before.
    const top = (await control.boundingBox())!.y;
    expect(top).toBeGreaterThanOrEqual(previousTop - 1);
    previousTop = top;
  }

  await page.keyboard.press('Escape');
  const open = notes.getByRole('button', { name: 'Open notes' });
  await expect(open).toBeFocused();
  await expect.poll(async () => (await page.locator(`iframe[title="${SIDEBAR_TITLE}"]`).boundingBox())?.width).toBeLessThan(60);
  await page.keyboard.press('Enter');
  await expect(notes.getByLabel('How I can help')).toBeVisible();
});

test.describe('in dark mode', () => {
  test.use({ colorScheme: 'dark' });
  test('the sidebar and its fields follow the browser’s dark scheme', async ({ ext }) => {
    const page = await openLinkedIn(ext, '/in/kenji-tanaka/');
    await expect(sidebar(page).getByLabel('How I can help')).toBeVisible();
    // The sidebar frame runs in the extension's own process; Playwright's emulation reaches a frame
    // attached while the page loads only sometimes, so the browser's scheme is set again once it is there.
    await page.emulateMedia({ colorScheme: 'dark' });
    const frame = page.frames().find((f) => f.url().endsWith('/sidebar.html'))!;
    const colours = () =>
      frame.evaluate(() => ({
        body: getComputedStyle(document.body).backgroundColor,
        text: getComputedStyle(document.querySelector('h1')!).color,
      }));
    await expect.poll(colours).toEqual({ body: 'rgb(28, 32, 36)', text: 'rgb(230, 233, 236)' });
  });
});
