import { useId } from 'react';
import { t } from '@/utils/core/i18n';
import { syncOfferAnswersItem, syncOffersItem } from '@/utils/sync/state';
import type { OfferedText } from '@/utils/sync/crdt/merge';
import { USER_FIELDS } from '@/utils/core/schema';
import { fieldLabel } from './UserFieldInputs';
import { useStoredValue } from '../ui/use-stored-value';

/** The offered fields are the typed ones, which all have a label. */
const labelOf = (field: string) => (field in USER_FIELDS && field !== 'cadenceDays' ? fieldLabel(field as Parameters<typeof fieldLabel>[0]) : field);

const shown = (value: unknown) => (Array.isArray(value) ? value.join(', ') : String(value));

async function answer(key: string, offer: OfferedText, use: boolean) {
  const answers = await syncOfferAnswersItem.getValue();
  await syncOfferAnswersItem.setValue([
    ...answers,
    { key, stamp: offer.stamp, field: offer.field, ...(use ? { use: offer.value } : {}) },
  ]);
}

/** Text another device typed for this person that lost to a concurrent edit: offered, never dropped. */
export function SyncOffers({ personKey }: { personKey: string }) {
  const id = useId();
  const offers = useStoredValue(syncOffersItem)?.[personKey] ?? [];
  if (offers.length === 0) return null;
  return (
    <section aria-labelledby={`${id}-title`} className="sync-offers">
      <h2 id={`${id}-title`}>{t('sidebar.syncOffersTitle')}</h2>
      <p className="hint">{t('sidebar.syncOffersHint')}</p>
      <ul>
        {offers.map((offer) => (
          <li key={offer.stamp}>
            <p>
              <strong>{labelOf(offer.field)}</strong>
            </p>
            <p className="offered-text">{shown(offer.value)}</p>
            <div className="row">
              <button type="button" onClick={() => void answer(personKey, offer, true)}>
                {t('sidebar.syncOfferUse', [labelOf(offer.field)])}
              </button>
              <button type="button" className="secondary" onClick={() => void answer(personKey, offer, false)}>
                {t('sidebar.syncOfferKeep')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
