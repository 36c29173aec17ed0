import { liveQuery, type Subscription } from 'dexie';
import type { RelationshipDb } from '../storage/db';
import type { IntroductionSuggestion } from './suggestion';
import { networkIntroductions } from './queries';
import { whenChanged } from '../core/when-changed';

/** What a page asks the suggestions worker: the best `limit` introductions, followed as the database changes. */
export interface SuggestionsRequest {
  limit: number;
}

/** What the worker answers, once and again after every change that alters the list. */
export type SuggestionsAnswer = { type: 'suggestions'; suggestions: IntroductionSuggestion[] } | { type: 'failed' };

/** The worker's side of its channel with the page: `self` in the worker, a fake in tests. */
export interface SuggestionsChannel {
  onmessage: ((event: { data: unknown }) => void) | null;
  postMessage(message: SuggestionsAnswer): void;
}

const isRequest = (data: unknown): data is SuggestionsRequest =>
  typeof (data as SuggestionsRequest)?.limit === 'number' && (data as SuggestionsRequest).limit > 0;

/**
 * Network-wide suggestions, computed off the page's thread: matching 30,000 people took the
 * options page's main thread for most of a second. The worker opens the database itself (it is
 * the extension's origin) and follows every write from any context, as a live query does.
 */
export function serveNetworkSuggestions(db: RelationshipDb, channel: SuggestionsChannel): { stop(): void } {
  let subscription: Subscription | undefined;
  channel.onmessage = ({ data }) => {
    if (!isRequest(data)) return;
    subscription?.unsubscribe();
    subscription = liveQuery(() => networkIntroductions(db, data.limit)).subscribe({
      // A write that leaves the list as it was (most of them) costs the page nothing.
      next: whenChanged((suggestions) => channel.postMessage({ type: 'suggestions', suggestions })),
      error: () => channel.postMessage({ type: 'failed' }),
    });
  };
  return { stop: () => subscription?.unsubscribe() };
}
