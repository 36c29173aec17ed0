// Opens Chromium with the built extension and LinkedIn fixture pages at their real URLs, so the
// extension can be tried without a LinkedIn account. Close the browser window to stop.
import { launchWithExtension } from '../tests/support/launch';

const headless = process.argv.includes('--headless');
const ext = await launchWithExtension({ headless });
for (const path of ['/feed/', '/in/kenji-tanaka/', '/in/amara-okafor/']) {
  const page = await ext.context.newPage();
  await page.goto(`https://www.linkedin.com${path}`);
}
await (await ext.context.newPage()).goto(`chrome-extension://${ext.extensionId}/options.html`);
console.log(`Extension ${ext.extensionId} loaded. Profiles: /in/kenji-tanaka/, /in/amara-okafor/, /in/zhang-wei/.`);
if (headless) await ext.close();
else ext.context.on('close', () => process.exit(0));
