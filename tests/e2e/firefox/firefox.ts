import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { LINKEDIN_REQUEST, linkedInResponse } from '../../support/launch';
import { EXTENSION_UUID, firefoxLaunchOptions, GECKO_ID, newProfile } from './profile';
import { findNode, inAccessibilityTree, visibleText, type A11yNode, type NodeBounds, type NodeQuery, type TextColours, type TreeRoot } from './a11y';

export const FIREFOX_EXTENSION_PATH = resolve(
  import.meta.dirname,
  '../../..',
  process.env.EXTENSION_OUT_DIR ?? '.output',
  'firefox-mv3',
);
const FIREFOX_CANDIDATES = ['/usr/lib/firefox-esr/firefox-esr', '/usr/lib/firefox/firefox', '/usr/bin/firefox-esr'];
// The add-on's UUID is pinned (./profile.ts), so that extension pages have a known address.
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;
// Firefox names a browser action's toolbar button after the add-on id.
const ACTION_WIDGET = `${GECKO_ID.toLowerCase().replace(/[^a-z0-9_-]/g, '_')}-browser-action`;
// …and its sidebar (`sidebar_action`) in the window's SidebarController, the same way.
const SIDEBAR_ACTION = `${GECKO_ID.toLowerCase().replace(/[^a-z0-9_-]/g, '_')}-sidebar-action`;

/** Debian's Firefox ESR, or FIREFOX_PATH. */
export function firefoxPath(): string {
  const found = [process.env.FIREFOX_PATH, ...FIREFOX_CANDIDATES].find((p) => p && existsSync(p));
  if (!found) {
    throw new Error(
      'Firefox was not found. Install it with `sudo apt-get update && sudo apt-get install -y firefox-esr`, ' +
        'or point FIREFOX_PATH at a Firefox binary.',
    );
  }
  return found;
}

export interface FirefoxOptions {
  /** A profile folder to reuse: a second launch on it is a browser restart. */
  profileDir?: string;
  locale?: string;
  /** The colour scheme the desktop is set to (the system's own otherwise), which pages follow. */
  colorScheme?: 'dark' | 'light';
}

/**
 * Real Firefox with the built extension installed as a temporary add-on, driven over WebDriver BiDi.
 * BiDi does not show extension frames, so what the extension shows is read the way assistive
 * technology reads it: Firefox's own accessibility tree, walked from the browser's chrome.
 */
export class FirefoxWithExtension {
  /** Lines Firefox printed: console output of pages and the add-on, and script errors. */
  readonly output: string[] = [];
  private constructor(
    readonly browser: Browser,
    readonly profileDir: string,
    /** Where Firefox saves downloads, without asking. */
    readonly downloadDir: string,
  ) {}

  static async launch(options: FirefoxOptions = {}): Promise<FirefoxWithExtension> {
    if (!existsSync(join(FIREFOX_EXTENSION_PATH, 'manifest.json'))) {
      throw new Error(`No built extension at ${FIREFOX_EXTENSION_PATH}: run \`npm run build\` first.`);
    }
    const profileDir = options.profileDir ?? (await newProfile(firefoxPath()));
    const locale = options.locale ?? 'en-US';
    const downloadDir = mkdtempSync(join(tmpdir(), 'relnotes-firefox-downloads-'));
    const browser = await puppeteer.launch(
      firefoxLaunchOptions(firefoxPath(), profileDir, { locale, downloadDir, colorScheme: options.colorScheme }),
    );
    const firefox = new FirefoxWithExtension(browser, profileDir, downloadDir);
    const child = browser.process();
    for (const stream of [child?.stdout, child?.stderr]) {
      stream?.setEncoding('utf8');
      stream?.on('data', (chunk: string) => firefox.output.push(...chunk.split('\n').filter(Boolean)));
    }
    // Before the add-on starts: it may show its daily reminder at once.
    await firefox.inChrome(recordNotifications);
    await browser.installExtension(FIREFOX_EXTENSION_PATH);
    // Start accessibility now, so that every page after this has its tree from the start.
    await firefox.inChrome(() => {
      const { Cc, Ci } = globalThis as unknown as { Cc: Record<string, { getService(i: unknown): unknown }>; Ci: Record<string, unknown> };
      Cc['@mozilla.org/accessibilityService;1']!.getService(Ci.nsIAccessibilityService);
    });
    return firefox;
  }

  /** Errors from the extension's own files, as Firefox reported them. */
  extensionErrors(): string[] {
    return this.output.filter(
      (line) => line.includes(EXTENSION_UUID) && /JavaScript error|console\.error|Uncaught|TypeError|ReferenceError/.test(line),
    );
  }

  /**
   * A new tab whose requests to LinkedIn are answered from `tests/fixtures`; `answer`, when given,
   * may answer a page navigated to with HTML of the test's own (asked at each navigation).
   */
  async newLinkedInTab(answer?: (url: string) => string | null): Promise<Page> {
    const page = await this.browser.newPage();
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const own = request.isNavigationRequest() ? answer?.(request.url()) : null;
      if (own != null) return void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: own });
      if (!LINKEDIN_REQUEST.test(request.url())) return void request.continue();
      void request.respond(linkedInResponse(request.url(), request.isNavigationRequest()));
    });
    return page;
  }

  async openLinkedIn(path: string): Promise<Page> {
    const page = await this.newLinkedInTab();
    await page.goto(new URL(path, 'https://www.linkedin.com').toString());
    return page;
  }

  /** Opens an extension page in a new tab, as the toolbar or the add-ons manager would. */
  async openExtensionPage(path: 'popup.html' | 'options.html'): Promise<void> {
    await this.inChrome(
      (url: string) => {
        const g = globalThis as unknown as ChromeWindow;
        g.gBrowser.selectedTab = g.gBrowser.addTrustedTab(url);
      },
      `${EXTENSION_ORIGIN}/${path}`,
    );
  }

  /** Runs a function in the browser's own window (privileged), and returns what it returns. */
  async inChrome<A extends unknown[], R>(fn: (...args: A) => R | Promise<R>, ...args: A): Promise<Awaited<R>> {
    // The BiDi connection puppeteer keeps (not in its public types): chrome scope is Firefox's own.
    const { connection } = this.browser as unknown as { connection: { send(method: string, params: object): Promise<unknown> } };
    const tree = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' })) as {
      result: { contexts: Array<{ context: string; url: string }> };
    };
    const window = tree.result.contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
    if (!window) throw new Error('Firefox has no browser window');
    const { result } = (await connection.send('script.callFunction', {
      functionDeclaration: `async (...args) => JSON.stringify(await (${fn.toString()})(...args.map((a) => JSON.parse(a))) ?? null)`,
      arguments: args.map((arg) => ({ type: 'string', value: JSON.stringify(arg) })),
      target: { context: window.context },
      awaitPromise: true,
    })) as { result: { type: string; result?: { value: string }; exceptionDetails?: { text: string } } };
    if (result.type === 'exception') throw new Error(`In Firefox's chrome: ${result.exceptionDetails?.text}`);
    return JSON.parse(result.result?.value ?? 'null') as Awaited<R>;
  }

  /**
   * What the selected tab shows, as its accessibility tree: the whole tab, or only the frame
   * with this title (the sidebar).
   */
  async tree(frameTitle?: string): Promise<A11yNode[]> {
    return (await this.inChrome(inAccessibilityTree, frameTitle ?? null, { describe: true })) as A11yNode[];
  }

  /** Puts keyboard focus on a node, the way a screen reader user moves to it. */
  async focus(query: NodeQuery, frameTitle?: string): Promise<void> {
    await this.act(query, 'focus', frameTitle);
  }

  /**
   * Activates a node (presses a button, follows a link) through the accessibility API, as a screen
   * reader does: for extension tabs, which WebDriver BiDi cannot send keys to.
   */
  async press(query: NodeQuery, frameTitle?: string): Promise<void> {
    await this.act(query, 'press', frameTitle);
  }

  /**
   * Enters text into a field through the accessibility API, as a screen reader does: for extension
   * tabs, which WebDriver BiDi cannot send keys to. The field's editor gets it, so the page hears input.
   */
  async type(query: NodeQuery, text: string, frameTitle?: string): Promise<void> {
    await this.act(query, 'type', frameTitle, text);
  }

  /**
   * The colours a node's text is drawn in and on, as the accessibility tree reports them to a
   * screen reader (its text attributes): what the page's styles made of them.
   */
  async textColours(query: NodeQuery, frameTitle?: string): Promise<TextColours> {
    return (await this.act(query, 'colours', frameTitle)) as TextColours;
  }

  /**
   * Presses a key (a `KeyboardEvent.key` value such as "ArrowDown") in whatever has the focus, as
   * a person does: also in extension tabs, which WebDriver BiDi cannot send keys to.
   */
  async pressKey(key: string, times = 1): Promise<void> {
    await this.inChrome(pressKeys, Array.from({ length: times }, () => key));
  }

  /** Waits for the node as Playwright's actions do (the tree follows the page a moment later). */
  private async act(query: NodeQuery, action: 'focus' | 'press' | 'type' | 'colours', frameTitle?: string, text = ''): Promise<unknown> {
    const deadline = Date.now() + 7_000;
    const command = action === 'type' ? { query, action, text } : { query, action };
    for (;;) {
      const done = await this.inChrome(inAccessibilityTree, frameTitle ?? null, command);
      if (done) return done;
      if (Date.now() > deadline) throw new Error(`Nothing to ${action} for ${JSON.stringify(query)}:\n${await this.dump(frameTitle)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async dump(frameTitle?: string): Promise<string> {
    return (await this.tree(frameTitle)).map((n) => `${'  '.repeat(n.depth)}${n.role} "${n.name}" ${n.value ? `= ${JSON.stringify(n.value)}` : ''}`).join('\n');
  }

  async find(query: NodeQuery, frameTitle?: string): Promise<A11yNode | undefined> {
    return findNode(await this.tree(frameTitle), query);
  }

  /**
   * Answers the next file dialog with this file, as a person picking it would. Firefox's file
   * dialog is a native window headless Firefox cannot show, so its component is swapped for one
   * that picks `path`.
   */
  async pickFileNext(path: string): Promise<void> {
    await this.inChrome(answerFileDialog, path);
  }

  /** The system notifications shown so far (title and text), oldest first. */
  async notifications(): Promise<Array<{ title: string; text: string }>> {
    return this.inChrome(() => (globalThis as unknown as { shownNotifications?: Array<{ title: string; text: string }> }).shownNotifications ?? []);
  }

  /** The text on the system clipboard, as another program would paste it. */
  async clipboardText(): Promise<string> {
    return this.inChrome(() => {
      const { Cc, Ci, Services } = globalThis as unknown as {
        Cc: Record<string, { createInstance(i: unknown): Transferable }>;
        Ci: Record<string, unknown>;
        Services: { clipboard: { kGlobalClipboard: number; getData(t: Transferable, which: number, context?: unknown): void } };
      };
      interface Transferable {
        init(context: null): void;
        addDataFlavor(flavor: string): void;
        getTransferData(flavor: string, out: { value?: { QueryInterface(i: unknown): { data: string } } }): void;
      }
      const transfer = Cc['@mozilla.org/widget/transferable;1']!.createInstance(Ci.nsITransferable);
      transfer.init(null);
      transfer.addDataFlavor('text/plain');
      Services.clipboard.getData(transfer, Services.clipboard.kGlobalClipboard);
      const out: { value?: { QueryInterface(i: unknown): { data: string } } } = {};
      transfer.getTransferData('text/plain', out);
      return out.value?.QueryInterface(Ci.nsISupportsString).data ?? '';
    });
  }

  /** Clicks the `index`th system notification shown, as a person clicks it on the desktop. */
  async clickNotification(index = 0): Promise<void> {
    await this.inChrome((at: number) => {
      const click = (globalThis as unknown as { clickNotification?: Array<() => void> }).clickNotification?.[at];
      if (!click) throw new Error(`No notification ${at} to click`);
      click();
    }, index);
  }

  /**
   * Presses one of the extension's keyboard shortcuts, as the browser's own key handling does:
   * Firefox turns each shortcut into a key element of the window's keyset, whose command it runs.
   */
  async pressShortcut(shortcut: { key: string; modifiers: string }): Promise<void> {
    await this.inChrome((wanted: { key: string; modifiers: string }) => {
      const g = globalThis as unknown as ChromeWindow;
      const keys = [...g.document.querySelectorAll('keyset[id^="ext-keyset-id"] key')];
      const key = keys.find(
        (k) => k.getAttribute('key')?.toUpperCase() === wanted.key && k.getAttribute('modifiers')?.split(',').sort().join(',') === wanted.modifiers,
      ) as (Element & { doCommand(): void }) | undefined;
      if (!key) throw new Error(`No shortcut ${wanted.modifiers}+${wanted.key} among ${keys.length} extension keys`);
      key.doCommand();
    }, shortcut);
  }

  /** The badge on the extension's toolbar button, pinned to the toolbar as a user pins it. */
  async badgeText(): Promise<string> {
    return this.inChrome((widget: string) => {
      const g = globalThis as unknown as ChromeWindow;
      if (!g.document.getElementById(widget)) g.CustomizableUI.addWidgetToArea(widget, g.CustomizableUI.AREA_NAVBAR);
      // The badge sits on the action's own button inside the toolbar item.
      return g.document.getElementById(widget)?.querySelector('.webextension-browser-action')?.getAttribute('badge') ?? '';
    }, ACTION_WIDGET);
  }

  // ---------------------------------------------------------------------------------------------
  // The extension's own sidebar (`sidebar_action`), beside the page. What was found (ESR 153):
  // - The window's `SidebarController` (no `SidebarUI` any more) lists it under SIDEBAR_ACTION.
  //   Its `#sidebar` browser loads chrome://browser/content/webext-panels.xhtml, whose
  //   `#webext-panels-browser` (remote, the extension's process) shows the extension page.
  // - BiDi lists no context for that page, and refuses input actions on chrome contexts
  //   ("unsupported operation … privileged (chrome) scope"). So it is read through the window's
  //   accessibility tree (root `sidebar` in a11y.ts), clicked with the same parent-process mouse
  //   events BiDi's own input actions use (EventUtils.synthesizeMouseAtPoint with asyncEnabled on
  //   the top chrome window), and typed into with nsITextInputProcessor: both reach the
  //   sidebar's page as a person's clicks and keys do.
  // - `popup.html` opened as a tab and clicked that way counts as user input for the extension:
  //   `browser.sidebarAction.open()` in its click handler opens the sidebar.
  // - The keyset's command of a shortcut is always user input for `commands.onCommand` (Firefox
  //   marks that event so), so `pressShortcut` lets the background call `sidebarAction.open()`.
  // ---------------------------------------------------------------------------------------------

  /** Whether the window's sidebar is open, which sidebar it shows, and the page in it. */
  async sidebarPanel(): Promise<{ open: boolean; ours: boolean; url: string }> {
    return this.inChrome((id: string) => {
      const g = globalThis as unknown as ChromeWindow;
      const inner = (g.document.getElementById('sidebar') as (Element & { contentDocument: Document | null }) | null)?.contentDocument?.getElementById(
        'webext-panels-browser',
      ) as (Element & { currentURI?: { spec: string } }) | null | undefined;
      const open = Boolean(g.SidebarController.isOpen);
      return { open, ours: open && g.SidebarController.currentID === id, url: inner?.currentURI?.spec ?? '' };
    }, SIDEBAR_ACTION);
  }

  /** Shows the extension's sidebar as Firefox's own sidebar menu does (no user action needed there). */
  async showSidebarPanel(): Promise<void> {
    await this.inChrome(async (id: string) => {
      await (globalThis as unknown as ChromeWindow).SidebarController.show(id);
    }, SIDEBAR_ACTION);
  }

  /** Closes the window's sidebar, as its close button does. */
  async hideSidebarPanel(): Promise<void> {
    await this.inChrome(() => (globalThis as unknown as ChromeWindow).SidebarController.hide());
  }

  /** What the extension page in the window's sidebar shows, as its accessibility tree. */
  async panelTree(): Promise<A11yNode[]> {
    return (await this.inChrome(inAccessibilityTree, null, { describe: true }, 'sidebar')) as A11yNode[];
  }

  async findInPanel(query: NodeQuery): Promise<A11yNode | undefined> {
    return findNode(await this.panelTree(), query);
  }

  /** What the sidebar's page reads out, as one line of text. */
  async panelText(): Promise<string> {
    return visibleText(await this.panelTree());
  }

  /** Clicks a node of the selected tab (or of the frame with this title) with the mouse, at its centre. */
  async click(query: NodeQuery, frameTitle?: string): Promise<void> {
    await this.clickNode(query, frameTitle ?? null, 'tab');
  }

  /** Clicks a node of the sidebar's page with the mouse, at its centre. */
  async clickInPanel(query: NodeQuery): Promise<void> {
    await this.clickNode(query, null, 'sidebar');
  }

  /** Clicks a field of the sidebar's page, then types into it with the keyboard. */
  async typeInPanel(query: NodeQuery, text: string): Promise<void> {
    await this.clickInPanel(query);
    const deadline = Date.now() + 7_000;
    while (!(await this.findInPanel(query))?.focused) {
      if (Date.now() > deadline) throw new Error(`The click did not focus ${JSON.stringify(query)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await this.typeKeys(text);
  }

  /** Types text, one key per character, into whatever has the focus (a tab, a frame or the sidebar). */
  async typeKeys(text: string): Promise<void> {
    await this.inChrome(pressKeys, [...text].map((character) => (character === '\n' ? 'Enter' : character)));
  }

  /**
   * Waits until nothing moves the node any more and nothing covers it, then clicks its centre with
   * the mouse events BiDi's own input actions send: synthesised in the parent process, on the
   * window, so the page under the pointer (also an extension page) gets a person's click.
   */
  private async clickNode(query: NodeQuery, frameTitle: string | null, root: TreeRoot): Promise<void> {
    const deadline = Date.now() + 7_000;
    let last = '';
    for (;;) {
      const scrolled = await this.inChrome(inAccessibilityTree, frameTitle, { query, action: 'scroll' }, root);
      const bounds = scrolled ? ((await this.inChrome(inAccessibilityTree, frameTitle, { query, action: 'bounds' }, root)) as NodeBounds) : null;
      const now = JSON.stringify(bounds);
      if (bounds?.hit && bounds.width > 0 && now === last) {
        await this.inChrome(clickAt, bounds.x + bounds.width / 2, bounds.y + bounds.height / 2);
        return;
      }
      last = now;
      if (Date.now() > deadline) throw new Error(`Nothing to click for ${JSON.stringify(query)} (${now})`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /**
   * Runs a function in the extension's background page (its own realm: `browser`, `localStorage`),
   * and returns what it returns. BiDi cannot evaluate in extension pages; a frame script loaded
   * into the page's browser runs the function in a sandbox with the page as its prototype, as
   * Firefox's devtools console does. For setting up and reading state, not for acting as a user.
   */
  async inExtension<A extends unknown[], R>(fn: (...args: A) => R | Promise<R>, ...args: A): Promise<Awaited<R>> {
    const answer = await this.inChrome(runInBackgroundPage, GECKO_ID, `(${fn.toString()})`, JSON.stringify(args));
    if ('error' in answer) throw new Error(`In the extension's background page: ${answer.error}`);
    return JSON.parse(answer.json ?? 'null') as Awaited<R>;
  }

  /** Writes `storage.local` items, as the extension's own pages write them (its listeners hear it). */
  async setExtensionStorage(items: Record<string, unknown>): Promise<void> {
    await this.inExtension((values: Record<string, unknown>) => (globalThis as unknown as ExtensionGlobal).browser.storage.local.set(values), items);
  }

  async removeExtensionStorage(keys: string[]): Promise<void> {
    await this.inExtension((names: string[]) => (globalThis as unknown as ExtensionGlobal).browser.storage.local.remove(names), keys);
  }

  async extensionStorage(keys: string[] | null = null): Promise<Record<string, unknown>> {
    return this.inExtension((names: string[] | null) => (globalThis as unknown as ExtensionGlobal).browser.storage.local.get(names), keys);
  }

  /** Quits Firefox as a user does: it saves what it keeps, so that the profile can be started again. */
  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
  }

  /**
   * Ends Firefox at the end of a test, and removes its profile and downloads. A quit takes Firefox
   * two seconds of saving a profile no one will start again; a test that needs a restart calls `close`.
   */
  async discard(): Promise<void> {
    const child = this.browser.process();
    if (child?.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await this.browser.disconnect().catch(() => undefined);
      // Firefox's content processes are in its process group (puppeteer starts it detached).
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
      await exited;
    }
    for (const dir of [this.profileDir, this.downloadDir]) rmSync(dir, { recursive: true, force: true });
  }
}

/** The parts of Firefox's browser window the tests use. */
interface ChromeWindow {
  document: Document;
  SidebarController: { isOpen: boolean; currentID: string; show(id: string): Promise<unknown>; hide(): void };
  gBrowser: { selectedTab: unknown; selectedBrowser: Element; addTrustedTab(url: string): unknown };
  CustomizableUI: { AREA_NAVBAR: string; addWidgetToArea(id: string, area: string): void };
}

// Runs in Firefox's chrome: the keyboard, through the input processor Firefox's own tests type with,
// each key (a `KeyboardEvent.key` value) pressed and released in turn. Its keys go where a person's
// go: to the focused element, in the selected tab's page or frame, or the sidebar.
function pressKeys(keys: string[]): void {
  const g = globalThis as unknown as {
    Cc: Record<string, { createInstance(i: unknown): InputProcessor }>;
    Ci: Record<string, unknown>;
    KeyboardEvent: new (type: string, init: { key: string }) => unknown;
  };
  interface InputProcessor {
    beginInputTransactionForTests(window: unknown): boolean;
    keydown(event: unknown): void;
    keyup(event: unknown): void;
  }
  const keyboard = g.Cc['@mozilla.org/text-input-processor;1']!.createInstance(g.Ci.nsITextInputProcessor);
  if (!keyboard.beginInputTransactionForTests(globalThis)) throw new Error('The keyboard is busy');
  for (const key of keys) {
    const event = new g.KeyboardEvent('', { key });
    keyboard.keydown(event);
    keyboard.keyup(event);
  }
}

// Runs in Firefox's chrome: replaces the file dialog component with one that picks `path`.
function answerFileDialog(path: string): void {
  const { Cc, Ci, Components, ChromeUtils, Services, File } = globalThis as unknown as {
    Cc: Record<string, { createInstance(i: unknown): { initWithPath(p: string): void } }>;
    Ci: Record<string, { returnOK?: number; modeOpen?: number }>;
    Components: { manager: { QueryInterface(i: unknown): Registrar } };
    ChromeUtils: { generateQI(names: string[]): unknown };
    Services: { uuid: { generateUUID(): unknown } };
    File: { createFromNsIFile(file: unknown): Promise<unknown> };
  };
  interface Registrar {
    registerFactory(cid: unknown, name: string, contract: string, factory: unknown): void;
  }
  const file = Cc['@mozilla.org/file/local;1']!.createInstance(Ci.nsIFile);
  file.initWithPath(path);
  const returnOK = Ci.nsIFilePicker!.returnOK;
  class PickOneFile {
    QueryInterface = ChromeUtils.generateQI(['nsIFilePicker']);
    mode = Ci.nsIFilePicker!.modeOpen;
    defaultString = '';
    defaultExtension = '';
    filterIndex = 0;
    displayDirectory = null;
    displaySpecialDirectory = '';
    addToRecentDocs = false;
    okButtonLabel = '';
    file = file;
    fileURL = null;
    domFileOrDirectory: unknown = null;
    init(_parent: unknown, _title: string, mode: number) {
      this.mode = mode;
    }
    appendFilter() {}
    appendFilters() {}
    appendRawFilter() {}
    isModeSupported() {
      return true;
    }
    get files() {
      return [file][Symbol.iterator]();
    }
    get domFileOrDirectoryEnumerator() {
      return [this.domFileOrDirectory][Symbol.iterator]();
    }
    open(callback: { done(result: number): void }) {
      void File.createFromNsIFile(file).then((domFile) => {
        this.domFileOrDirectory = domFile;
        callback.done(returnOK!);
      });
    }
    close() {}
  }
  const registrar = Components.manager.QueryInterface(Ci.nsIComponentRegistrar);
  registrar.registerFactory(Services.uuid.generateUUID(), 'a file dialog that picks one file', '@mozilla.org/filepicker;1', {
    createInstance: (iid: unknown) => (new PickOneFile() as unknown as { QueryInterface(i: unknown): unknown }).QueryInterface(iid),
  });
}

/**
 * Runs in Firefox's chrome. Headless Firefox has no desktop to show notifications on: the alerts
 * service is swapped for one that records what it was asked to show, and tells the caller it was
 * shown, as the desktop would.
 */
function recordNotifications(): void {
  const g = globalThis as unknown as {
    Ci: Record<string, unknown>;
    Components: { manager: { QueryInterface(i: unknown): { registerFactory(cid: unknown, name: string, contract: string, factory: unknown): void } } };
    ChromeUtils: { generateQI(names: string[]): unknown };
    Services: { uuid: { generateUUID(): unknown } };
    shownNotifications?: Array<{ title: string; text: string }>;
    clickNotification?: Array<() => void>;
  };
  const shown: Array<{ title: string; text: string }> = (g.shownNotifications = []);
  type Listener = { observe(subject: unknown, topic: string, data: string): void } | null;
  const service = {
    QueryInterface: g.ChromeUtils.generateQI(['nsIAlertsService', 'nsIAlertsDoNotDisturb']),
    showAlert(alert: { title: string; text: string; name: string; cookie?: string }, listener: Listener) {
      shown.push({ title: alert.title, text: alert.text });
      // What the desktop says when the person clicks it.
      (g.clickNotification ??= []).push(() => listener?.observe(null, 'alertclickcallback', alert.cookie ?? alert.name));
      listener?.observe(null, 'alertshow', alert.name);
    },
    showAlertNotification(_image: string, title: string, text: string, _clickable: boolean, cookie: string, listener: Listener) {
      shown.push({ title, text });
      listener?.observe(null, 'alertshow', cookie);
    },
    closeAlert() {},
    manualDoNotDisturb: false,
    suppressForScreenSharing: false,
  };
  g.Components.manager.QueryInterface(g.Ci.nsIComponentRegistrar).registerFactory(
    g.Services.uuid.generateUUID(),
    'alerts that are recorded',
    '@mozilla.org/alerts-service;1',
    { createInstance: (iid: unknown) => (service as unknown as { QueryInterface(i: unknown): unknown }).QueryInterface(iid) },
  );
}

/** The parts of an extension page's global that `inExtension` functions use. */
interface ExtensionGlobal {
  browser: {
    storage: {
      local: {
        get(keys: string[] | null): Promise<Record<string, unknown>>;
        set(items: Record<string, unknown>): Promise<void>;
        remove(keys: string[]): Promise<void>;
      };
    };
  };
}

// Runs in Firefox's chrome: a click at a point of the window (CSS pixels), as BiDi's input actions
// make one (Firefox's remote agent, Event.sys.mjs: EventUtils.synthesizeMouseAtPoint, asyncEnabled),
// resolved once the page under it has been sent the events.
async function clickAt(x: number, y: number): Promise<void> {
  const g = globalThis as unknown as {
    Ci: unknown;
    Cc: unknown;
    Services: { scriptloader: { loadSubScript(url: string, scope: object): void } };
  };
  const eventUtils = { window: globalThis, parent: globalThis, _EU_Ci: g.Ci, _EU_Cc: g.Cc } as {
    synthesizeMouseAtPoint?(x: number, y: number, event: object, window: unknown, done: () => void): void;
  };
  g.Services.scriptloader.loadSubScript('chrome://remote/content/external/EventUtils.js', eventUtils);
  await new Promise<void>((resolve) => eventUtils.synthesizeMouseAtPoint!(x, y, { asyncEnabled: true }, globalThis, resolve));
}


// Runs in Firefox's chrome: evaluates `source` (a function) in the add-on's background page, woken
// if it was idle, through a frame script in its browser; answers its JSON, or the error it threw.
async function runInBackgroundPage(geckoId: string, source: string, args: string): Promise<{ json?: string; error?: string }> {
  interface MessageManager {
    addMessageListener(name: string, listener: (message: { data: { json?: string; error?: string } }) => void): void;
    removeMessageListener(name: string, listener: unknown): void;
    loadFrameScript(url: string, delayed: boolean): void;
  }
  const g = globalThis as unknown as {
    WebExtensionPolicy: {
      getByID(id: string): {
        extension: { wakeupBackground?(): Promise<unknown>; backgroundContext?: { xulBrowser?: { messageManager: MessageManager } } };
      } | null;
    };
    Services: { uuid: { generateUUID(): { toString(): string } } };
  };
  const extension = g.WebExtensionPolicy.getByID(geckoId)?.extension;
  if (!extension) return { error: 'the add-on is not installed' };
  await extension.wakeupBackground?.();
  const manager = extension.backgroundContext?.xulBrowser?.messageManager;
  if (!manager) return { error: 'the background page has no browser' };
  const reply = `relnotes-test:${g.Services.uuid.generateUUID().toString()}`;
  // The frame script's own globals: `content` (the page) and `Components`, `sendAsyncMessage`.
  const script = `(async () => {
    const Cu = Components.utils;
    try {
      const sandbox = Cu.Sandbox(content, { sandboxPrototype: content, wantXrays: false, sandboxName: 'relationship-notes tests' });
      sandbox.args = ${JSON.stringify(args)};
      const json = await Cu.evalInSandbox('Promise.resolve(' + ${JSON.stringify(source)} + '(...JSON.parse(args))).then((r) => JSON.stringify(r ?? null))', sandbox);
      sendAsyncMessage(${JSON.stringify(reply)}, { json });
    } catch (error) {
      sendAsyncMessage(${JSON.stringify(reply)}, { error: String(error) });
    }
  })();`;
  return new Promise((resolve) => {
    const listener = (message: { data: { json?: string; error?: string } }) => {
      manager.removeMessageListener(reply, listener);
      resolve(message.data);
    };
    manager.addMessageListener(reply, listener);
    manager.loadFrameScript(`data:,${encodeURIComponent(script)}`, false);
    // A page that went away mid-way never answers.
    setTimeout(() => resolve({ error: 'no answer from the background page within 10 s' }), 10_000);
  });
}
