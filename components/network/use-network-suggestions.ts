import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { getDb } from '@/utils/storage/db';
import type { IntroductionSuggestion } from '@/utils/network/suggestion';
import { networkIntroductions } from '@/utils/network/queries';
import type { SuggestionsAnswer, SuggestionsRequest } from '@/utils/network/suggestions';

/**
 * The best `limit` introductions across the network, computed in a worker so the page never
 * waits on them; `undefined` until the first answer. Where no worker starts, the page computes them.
 */
export function useNetworkSuggestions(limit: number): IntroductionSuggestion[] | undefined {
  const [fromWorker, setFromWorker] = useState<IntroductionSuggestion[]>();
  const [inPage, setInPage] = useState(typeof Worker === 'undefined');
  useEffect(() => {
    if (inPage) return;
    const worker = new Worker(new URL('../../utils/network/suggestions.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = ({ data }: MessageEvent<SuggestionsAnswer>) => {
      if (data.type === 'suggestions') setFromWorker(data.suggestions);
      else setInPage(true);
    };
    // A worker that fails to load or breaks leaves the page to compute them itself.
    worker.onerror = () => setInPage(true);
    worker.postMessage({ limit } satisfies SuggestionsRequest);
    return () => worker.terminate();
  }, [limit, inPage]);
  const computedHere = useLiveQuery(() => (inPage ? networkIntroductions(getDb(), limit) : Promise.resolve(undefined)), [inPage, limit]);
  return inPage ? computedHere : fromWorker;
}
