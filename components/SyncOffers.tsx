import { useId } from 'react';
import { t } from '@/utils/i18n';
import { syncOfferAnswersItem, syncOffersItem } from '@/utils/settings';
import type { OfferedText } from '@/utils/sync/merge';
import { useStoredValue } from './use-stored-value';

const FIELD_LABEL: Record<string, () => string> = {
  interests: () => t('sidebar.interests'),
  offers: () => t('sidebar.offers'),
  needs: () => t('sidebar.needs'),
  howICanHelp: () => t('sidebar.howICanHelp'),
  whereWeMet: () => t('sidebar.whereWeMet'),
  notes: () => t('sidebar.notes'),
  tags: () => t('sidebar.tags'),
};

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
              <strong>{FIELD_LABEL[offer.field]?.() ?? offer.field}</strong>
            </p>
            <p className="offered-text">{shown(offer.value)}</p>
            <div className="row">
              <button type="button" onClick={() => void answer(personKey, offer, true)}>
                {t('sidebar.syncOfferUse', [FIELD_LABEL[offer.field]?.() ?? offer.field])}
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
