// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { resolve } from 'node:path';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { newContact } from '@/utils/core/schema';
import type { SidebarPush, SidebarRequest } from '@/utils/sidebar/protocol';
import type { PageProfile } from '@/utils/linkedin/page-reader';

/**
 * Firefox gives an extension page framed in a web page only the content-script APIs
 * (Firefox decides privilege by the parent frames). The sidebar runs here against a `browser` that has exactly those; touching
 * anything else (`tabs`, `windows`, `action`…) is recorded and fails the test.
 */
const FRAMED_APIS = new Set(['runtime', 'storage', 'i18n', 'extension']);
const forbidden: string[] = [];
const messages: Record<string, { message: string }> = {};

class FramePort {
  sent: SidebarRequest[] = [];
  name: string;
  private listeners: Array<(message: SidebarPush) => void> = [];
  constructor(name: string) {
    this.name = name;
  }
  postMessage(message: SidebarRequest) {
    this.sent.push(structuredClone(message));
  }
  disconnect() {}
  onMessage = { addListener: (listener: (message: SidebarPush) => void) => void this.listeners.push(listener) };
  onDisconnect = { addListener: () => undefined };
  push(message: SidebarPush) {
    act(() => this.listeners.forEach((listener) => listener(message)));
  }
}
const ports: FramePort[] = [];

const framedBrowser = new Proxy(fakeBrowser, {
  get(target, property, receiver) {
    if (typeof property === 'string' && !FRAMED_APIS.has(property)) {
      forbidden.push(property);
      throw new TypeError(`browser.${property} is undefined in a framed extension page (Firefox)`);
    }
    if (property === 'runtime') {
      return new Proxy(target.runtime, {
        get: (runtime, key) =>
          key === 'connect'
            ? ({ name }: { name: string }) => {
                const port = new FramePort(name);
                ports.push(port);
                return port;
              }
            : Reflect.get(runtime, key),
      });
    }
    if (property === 'i18n') {
      return {
        getUILanguage: () => 'en',
        getMessage: (key: string, subs?: string | string[]) => {
          const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
          return (messages[key]?.message ?? '').replace(/\$(\d)/g, (_, n: string) => list[Number(n) - 1] ?? '');
        },
      };
    }
    return Reflect.get(target, property, receiver);
  },
});

vi.mock('wxt/browser', () => ({ browser: framedBrowser }));

const kenji: PageProfile = {
  key: 'kenji-tanaka',
  name: 'Kenji Tanaka',
  headline: 'Data Engineer at Kaizen Analytics',
  location: 'Osaka, Japan',
  photoUrl: '',
  profileUrl: 'https://www.linkedin.com/in/kenji-tanaka/',
};

describe('the sidebar with only what Firefox gives a framed page', () => {
  let root: Root;
  let container: HTMLElement;

  beforeAll(async () => {
    const parsed = await parseMessagesFile(resolve(import.meta.dirname, '../../../locales/en.yml'));
    Object.assign(messages, generateChromeMessages(parsed));
    // Whatever reads the global `browser` or `chrome` (the storage and i18n helpers) sees the same.
    vi.stubGlobal('browser', framedBrowser);
    vi.stubGlobal('chrome', framedBrowser);
  });

  beforeEach(async () => {
    forbidden.length = 0;
    ports.length = 0;
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
    container = document.createElement('div');
    document.body.append(container);
    const { App } = await import('@/entrypoints/sidebar/App');
    root = createRoot(container);
    await act(async () => root.render(<App />));
  });

  afterEach(async () => {
    await act(async () => root.unmount());
    container.remove();
  });

  const port = () => {
    expect(ports).toHaveLength(1);
    return ports[0]!;
  };

  it('shows the person the background names, then their notes, and sends edits over its port', async () => {
    port().push({ type: 'profile', profile: kenji });
    expect(port().sent).toContainEqual({ type: 'subscribe', profile: kenji });
    port().push({
      type: 'state',
      key: kenji.key,
      contact: { ...newContact(kenji.key), name: kenji.name, notes: 'Met at PyData Osaka' },
      interactions: [],
    });
    expect(container.querySelector('h1')?.textContent).toBe('Kenji Tanaka');
    const notes = [...container.querySelectorAll('label')].find((label) => label.textContent === 'Notes');
    const field = container.querySelector<HTMLTextAreaElement>(`#${notes?.htmlFor}`);
    expect(field?.value).toBe('Met at PyData Osaka');

    await act(async () => {
      const setValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
      setValue.call(field, 'Met at PyData Osaka; loves ramen');
      field!.dispatchEvent(new Event('input', { bubbles: true }));
    });
    // The keystroke is in storage at once, as a draft the background can fold in.
    const drafts = Object.values(await fakeBrowser.storage.local.get(null)) as Array<{ fields?: { notes?: string } }>;
    expect(drafts.some((draft) => draft.fields?.notes === 'Met at PyData Osaka; loves ramen')).toBe(true);
    await act(async () => window.dispatchEvent(new Event('pagehide')));
    expect(port().sent).toContainEqual(
      expect.objectContaining({ type: 'save', key: kenji.key, fields: { notes: 'Met at PyData Osaka; loves ramen' } }),
    );
    expect(forbidden).toEqual([]);
  });

  it('follows the profile changes the background relays, and says so when there is none', async () => {
    port().push({ type: 'profile', profile: kenji });
    port().push({ type: 'profile', profile: { ...kenji, key: 'amara-okafor', name: 'Amara Okafor' } });
    expect(port().sent.filter((m) => m.type === 'subscribe').map((m) => m.type === 'subscribe' && m.profile.key)).toEqual([
      'kenji-tanaka',
      'amara-okafor',
    ]);
    expect(container.querySelector('h1')?.textContent).toBe('Amara Okafor');
    port().push({ type: 'profile', profile: null });
    expect(container.textContent).toContain(messages.sidebar_waiting!.message);
    expect(forbidden).toEqual([]);
  });

  it('asks the background to open another person’s profile', async () => {
    port().push({ type: 'profile', profile: kenji });
    port().push({ type: 'state', key: kenji.key, contact: null, interactions: [] });
    const amara = { key: 'amara-okafor', name: 'Amara Okafor', profileUrl: 'https://www.linkedin.com/in/amara-okafor/' };
    port().push({
      type: 'introductions',
      key: kenji.key,
      introductions: [
        {
          seeker: { ...amara, needs: [] },
          helper: { key: kenji.key, name: kenji.name, profileUrl: kenji.profileUrl, offers: [] },
          reasons: [{ via: 'offer', what: 'data engineering', need: 'data engineering' }],
          score: 1,
          introducedOn: null,
        } as never,
      ],
    });
    const link = [...container.querySelectorAll('a')].find((a) => a.textContent === 'Amara Okafor');
    await act(async () => link?.click());
    expect(port().sent).toContainEqual({ type: 'open-profile', key: 'amara-okafor' });
    expect(forbidden).toEqual([]);
  });

  it('keeps a phrase typed into a list field as a draft, and logs a quick call over its port', async () => {
    port().push({ type: 'profile', profile: kenji });
    port().push({ type: 'state', key: kenji.key, contact: { ...newContact(kenji.key), interests: ['python'] }, interactions: [] });
    const label = [...container.querySelectorAll('label')].find((l) => l.textContent === 'Interests');
    const input = container.querySelector<HTMLInputElement>(`#${label?.htmlFor}`)!;
    await act(async () => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, 'ramen');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const drafts = Object.values(await fakeBrowser.storage.local.get(null)) as Array<{ fields?: { interests?: string[] } }>;
    expect(drafts.some((draft) => draft.fields?.interests?.join() === 'python,ramen')).toBe(true);
    // Still a phrase in the box, not a chip.
    expect(input.value).toBe('ramen');
    expect([...container.querySelectorAll('.chip span')].map((chip) => chip.textContent)).toEqual(['python']);

    const call = [...container.querySelectorAll('button')].find((b) => b.textContent === 'Call');
    await act(async () => call?.click());
    expect(port().sent).toContainEqual(
      expect.objectContaining({ type: 'log', key: kenji.key, interaction: expect.objectContaining({ kind: 'call', text: '' }) }),
    );
    expect(forbidden).toEqual([]);
  });

  const button = (name: string) => [...container.querySelectorAll('button')].find((b) => b.textContent === name);

  it('offers the merge a page suggests, and merges only on a confirmation that answers after a pause', async () => {
    port().push({ type: 'profile', profile: kenji });
    port().push({ type: 'state', key: kenji.key, contact: { ...newContact(kenji.key), name: kenji.name }, interactions: [] });
    const member = 'ACoAAB7yT0sBcQ9vKs2mP4nLrW8eZ1uHdJfXg';
    port().push({ type: 'merge-offer', key: kenji.key, from: { key: member, name: 'Kenji T.' } });
    expect(container.textContent).toContain('This looks like the same person as Kenji T.. Merge notes?');
    vi.useFakeTimers();
    try {
      await act(async () => button('Merge notes…')?.click());
      // Keep first, focused; the confirming button is off for a moment, so a quick second click lands nowhere.
      expect(document.activeElement?.textContent).toBe('Keep apart');
      await act(async () => button('Merge notes')?.click());
      expect(port().sent.filter((m) => m.type === 'merge')).toEqual([]);
      expect(button('Merge notes')?.disabled).toBe(true);
      await act(async () => vi.advanceTimersByTime(700));
      expect(button('Merge notes')?.disabled).toBe(false);
      await act(async () => button('Merge notes')?.click());
    } finally {
      vi.useRealTimers();
    }
    expect(port().sent).toContainEqual(expect.objectContaining({ type: 'merge', from: member, into: kenji.key }));
    expect(container.textContent).not.toContain('Merge notes?');
    expect(forbidden).toEqual([]);
  });

  it('asks before taking another person’s name the page shows, and the answer is the user’s name from then on', async () => {
    port().push({ type: 'profile', profile: kenji });
    port().push({ type: 'state', key: kenji.key, contact: { ...newContact(kenji.key), name: kenji.name }, interactions: [] });
    port().push({ type: 'name-change', key: kenji.key, name: 'Amara Okafor' });
    expect(container.textContent).toContain('LinkedIn now shows “Amara Okafor” on this profile, where your notes say “Kenji Tanaka”.');
    await act(async () => button('Keep “Kenji Tanaka”')?.click());
    expect(port().sent).toContainEqual(expect.objectContaining({ type: 'save', key: kenji.key, fields: { name: 'Kenji Tanaka' } }));
    expect(container.textContent).not.toContain('LinkedIn now shows');
    expect(forbidden).toEqual([]);
  });
});
