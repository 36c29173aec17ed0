import type { MouseEvent } from 'react';
import { browser } from 'wxt/browser';

/** Opens a LinkedIn profile in a new tab (a popup link would otherwise open inside the popup). */
export function openProfile(event: MouseEvent, url: string): void {
  event.preventDefault();
  void browser.tabs.create({ url });
}
