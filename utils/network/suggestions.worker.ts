// The options page's suggestions worker: wiring only (utils/network/suggestions.ts).
import { getDb } from '../storage/db';
import { serveNetworkSuggestions, type SuggestionsChannel } from './suggestions';

serveNetworkSuggestions(getDb(), globalThis as unknown as SuggestionsChannel);
