import { useId, useState } from 'react';
import { t } from '@/utils/core/i18n';
import { SIDEBAR_PLACES, type SidebarPlace } from '@/utils/linkedin/sidebar-frame';
import { setSidebarPlace } from '@/utils/sidebar/side-panel';
import { sidebarPlaceItem } from '@/utils/sidebar/ui-state';
import { useStoredValue } from '../ui/use-stored-value';

const LABELS = {
  panel: ['place.panel', 'place.panelHint'],
  page: ['place.page', 'place.pageHint'],
} as const satisfies Record<SidebarPlace, readonly [string, string]>;

/** Where the notes show, in plain words with the trade-off of each: the first-run guide and Settings. */
export function SidebarPlaceChoice() {
  const id = useId();
  // Shown at once, before storage echoes the change back, so the choice never snaps back.
  const [chosen, setChosen] = useState<SidebarPlace>();
  const stored = useStoredValue(sidebarPlaceItem);
  const place = chosen ?? stored;
  // The private choice first: it is the one a reader weighing the two should see first.
  const order = [...SIDEBAR_PLACES].sort((a) => (a === 'panel' ? -1 : 1));
  return (
    <fieldset className="place-choice">
      <legend>{t('place.legend')}</legend>
      {order.map((option) => (
        <div key={option} className="choice">
          <label>
            <input
              type="radio"
              name={`${id}-place`}
              value={option}
              checked={place === option}
              aria-describedby={`${id}-${option}`}
              onChange={() => {
                setChosen(option);
                void setSidebarPlace(option);
              }}
            />{' '}
            {t(LABELS[option][0])}
          </label>
          <p id={`${id}-${option}`} className="hint">
            {t(LABELS[option][1])}
          </p>
        </div>
      ))}
    </fieldset>
  );
}
