import { liveQuery, type Subscription } from 'dexie';
import type { RelationshipDb } from '../storage/db';
import type { SidebarPush } from './protocol';
import { introductionsForContact, placesMet } from '../network/queries';
import { whenChanged } from '../core/when-changed';

/** How many introductions the sidebar shows for the person on screen. */
export const SIDEBAR_INTRODUCTIONS = 5;

/**
 * The network around the sidebar's person, pushed apart from its state so the notes never wait
 * for it: introductions worth making for that person, and the places already met for the
 * "Where we met" suggestions. Both follow every change to the database.
 */
export function sidebarNetworkFeed(db: RelationshipDb, post: (message: SidebarPush) => void) {
  let introductions: Subscription | undefined;
  let places: Subscription | undefined;
  // Once the first introductions are out: the places are only suggestions for a field, and their
  // read would queue in the database ahead of the introductions.
  const followPlaces = () => {
    places ??= liveQuery(() => placesMet(db)).subscribe({
      next: (list) => post({ type: 'places', places: list }),
      error: () => undefined,
    });
  };
  return {
    show(key: string) {
      introductions?.unsubscribe();
      introductions = liveQuery(() => introductionsForContact(db, key, SIDEBAR_INTRODUCTIONS)).subscribe({
        // A write that leaves the list as it was (the page's own refresh of the person) redraws nothing.
        next: whenChanged((list) => {
          post({ type: 'introductions', key, introductions: list });
          followPlaces();
        }),
        error: () => {
          followPlaces();
        },
      });
    },
    stop() {
      introductions?.unsubscribe();
      places?.unsubscribe();
    },
  };
}
