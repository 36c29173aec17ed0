import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import type { LanguageSetting } from './schema';

type Messages = Record<string, { message: string }>;
type Translate = typeof i18n.t;

let chosen: { language: 'en' | 'es'; messages: Messages } | null = null;

/** Picks the plural form the same way `@wxt-dev/i18n` does: `one | other` or `zero | one | other`. */
function pluralForm(message: string, count: number): string {
  const forms = message.split(' | ');
  if (forms.length === 2) return (count === 1 ? forms[0] : forms[1]) ?? message;
  if (forms.length === 3) return forms[count === 0 || count === 1 ? count : 2] ?? message;
  return message;
}

/** Formats a message from a chosen language's `messages.json`, as `browser.i18n` would. */
export function formatMessage(messages: Messages, key: string, args: unknown[]): string {
  let count: number | undefined;
  let subs: string[] | undefined;
  for (const arg of args) {
    if (typeof arg === 'number') count = arg;
    else if (Array.isArray(arg)) subs = arg.map(String);
  }
  if (count != null && subs == null) subs = [String(count)];
  let message = messages[key.replaceAll('.', '_')]?.message ?? '';
  if (count != null) message = pluralForm(message, count);
  return message.replace(/\$(\$|[1-9])/g, (_, which: string) => (which === '$' ? '$' : (subs?.[Number(which) - 1] ?? '')));
}

/**
 * Loads the language chosen in settings. `auto` follows the browser, through `browser.i18n`;
 * a chosen language reads the extension's own `_locales/<lang>/messages.json`.
 */
export async function loadLanguage(language: LanguageSetting): Promise<void> {
  if (language === 'auto') {
    chosen = null;
    return;
  }
  try {
    const response = await fetch(browser.runtime.getURL(`/_locales/${language}/messages.json` as '/sidebar.html'));
    chosen = { language, messages: (await response.json()) as Messages };
  } catch {
    chosen = null;
  }
}

/** The UI language in use, for dates and numbers. */
export function uiLanguage(): 'en' | 'es' {
  if (chosen) return chosen.language;
  return browser.i18n.getUILanguage().toLowerCase().startsWith('es') ? 'es' : 'en';
}

export const t: Translate = ((key: string, ...args: unknown[]) =>
  chosen ? formatMessage(chosen.messages, key, args) : (i18n.t as (k: string, ...a: unknown[]) => string)(key, ...args)) as Translate;
