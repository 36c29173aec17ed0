import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type LaunchOptions } from 'puppeteer-core';

export const GECKO_ID = 'relationship-notes@relationship-notes.org';
// Pinned, so that extension pages have a known address.
export const EXTENSION_UUID = '5f0c6d3e-8a4b-4c1e-9d2f-7a6b5c4d3e2f';

export interface ProfileSettings {
  locale: string;
  /** Where Firefox saves downloads, without asking. */
  downloadDir: string;
  /** The colour scheme the desktop is set to (the system's own otherwise), which pages follow. */
  colorScheme?: 'dark' | 'light';
}

/** How the tests start Debian's Firefox on a profile folder: headless, driven over WebDriver BiDi. */
export function firefoxLaunchOptions(executablePath: string, profileDir: string, settings: ProfileSettings): LaunchOptions {
  const { locale, downloadDir, colorScheme } = settings;
  return {
    browser: 'firefox',
    executablePath,
    headless: true,
    userDataDir: profileDir,
    defaultViewport: { width: 1280, height: 900 },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      'intl.locale.requested': locale,
      'intl.accept_languages': locale,
      'browser.dom.window.dump.enabled': true,
      'devtools.console.stdout.content': true,
      'devtools.console.stdout.chrome': true,
      // A temporary add-on is removed when Firefox quits; keep its data and address as an
      // installed one keeps them, so that a second launch on this profile is a browser restart.
      'extensions.webextensions.keepStorageOnUninstall': true,
      'extensions.webextensions.keepUuidOnUninstall': true,
      'browser.download.folderList': 2,
      'browser.download.dir': downloadDir,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.start_downloads_in_tmp_dir': false,
      // Without these, Firefox asks the network it cannot reach here.
      'app.update.enabled': false,
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      // permissions.request (sync's server) is answered yes, as the user answers its prompt:
      // headless Firefox cannot show the prompt.
      'extensions.webextOptionalPermissionPrompts': false,
      ...(colorScheme ? { 'ui.systemUsesDarkTheme': colorScheme === 'dark' ? 1 : 0 } : {}),
    },
    // Lets the test reach the browser's chrome (its accessibility tree and toolbar).
    env: { ...process.env, MOZ_REMOTE_ALLOW_SYSTEM_ACCESS: '1', LANG: `${locale.replace('-', '_')}.UTF-8` },
    dumpio: false,
  };
}

let template: Promise<string> | undefined;

// Left out of each copy: what holds the template's own session, its preferences (each launch
// writes its own; puppeteer would otherwise put the template's back when Firefox closes) and
// paths (NSS's module list names the folder it was made in); Firefox makes them again.
const NOT_COPIED = /(^|\/)(lock|\.parentlock|prefs\.js|user\.js|pkcs11\.txt|sessionstore\.jsonlz4|sessionstore-backups)$/;

/**
 * A new profile folder. Firefox spends about half its start on a new profile making the profile
 * (its databases and caches): each test worker does that once, in a template Firefox starts and
 * quits on without any add-on, and every profile is a copy of it, never used by a test before.
 */
export async function newProfile(executablePath: string): Promise<string> {
  template ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'relnotes-firefox-template-'));
    const downloadDir = mkdtempSync(join(tmpdir(), 'relnotes-firefox-downloads-'));
    const browser = await puppeteer.launch(firefoxLaunchOptions(executablePath, dir, { locale: 'en-US', downloadDir }));
    await browser.close();
    rmSync(downloadDir, { recursive: true, force: true });
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    return dir;
  })().catch((error: unknown) => {
    template = undefined;
    throw error;
  });
  const profileDir = mkdtempSync(join(tmpdir(), 'relnotes-firefox-'));
  cpSync(await template, profileDir, { recursive: true, filter: (path) => !NOT_COPIED.test(path) });
  return profileDir;
}
