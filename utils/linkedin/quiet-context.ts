import { browser } from 'wxt/browser';

type Options = Record<string, unknown>;

/**
 * The content script's context (what WXT hands `main`), built for this extension: it stops timers
 * and listeners once the extension is gone (updated, reloaded or removed), and unlike WXT's own it
 * tells the page nothing, so no LinkedIn script can listen for it (docs/ARCHITECTURE.md, "Nothing
 * to probe"). The build puts it in place of `wxt/utils/content-script-context` (wxt.config.ts).
 */
export class ContentScriptContext {
  private readonly controller = new AbortController();

  constructor(
    readonly contentScriptName: string,
    readonly options?: Options,
  ) {}

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** An orphaned script (its extension updated or removed) has no runtime id any more. */
  get isInvalid(): boolean {
    if (browser.runtime?.id == null) this.notifyInvalidated();
    return this.signal.aborted;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  onInvalidated(callback: () => void): () => void {
    this.signal.addEventListener('abort', callback);
    return () => this.signal.removeEventListener('abort', callback);
  }

  notifyInvalidated(): void {
    if (!this.signal.aborted) this.controller.abort('Content script context invalidated');
  }

  setInterval(handler: () => void, timeout?: number): number {
    const id = window.setInterval(() => this.isValid && handler(), timeout);
    this.onInvalidated(() => window.clearInterval(id));
    return id;
  }

  setTimeout(handler: () => void, timeout?: number): number {
    const id = window.setTimeout(() => this.isValid && handler(), timeout);
    this.onInvalidated(() => window.clearTimeout(id));
    return id;
  }

  addEventListener(target: EventTarget, type: string, handler: (event: Event) => void, options?: AddEventListenerOptions): void {
    target.addEventListener(type, handler, { ...options, signal: this.signal });
  }
}
