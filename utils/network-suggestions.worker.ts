// The options page's suggestions worker: wiring only (utils/network-suggestions.ts).
import { getDb } from './db';
import { serveNetworkSuggestions, type SuggestionsChannel } from './network-suggestions';

serveNetworkSuggestions(getDb(), globalThis as unknown as SuggestionsChannel);
