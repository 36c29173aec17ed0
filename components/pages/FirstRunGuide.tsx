import { useId, type MouseEvent } from 'react';
import { t } from '@/utils/core/i18n';
import { firstRunDoneItem } from '@/utils/people/first-run';
import { SidebarPlaceChoice } from '@/components/settings/SidebarPlaceChoice';

/** LinkedIn's "My Network" page: the shortest way to any profile. */
export const LINKEDIN_NETWORK_URL = 'https://www.linkedin.com/mynetwork/';

interface Props {
  /** How the import step is reached: a link within the options page, or a button that opens it. */
  onImport(event: MouseEvent): void;
  importHref: string;
  onOpenLinkedIn(event: MouseEvent): void;
}

/** One short screen for a new user: the two ways to start. Shown until done or dismissed. */
export function FirstRunGuide({ onImport, importHref, onOpenLinkedIn }: Props) {
  const id = useId();
  return (
    <section className="first-run" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('firstRun.title')}</h2>
      <p>{t('firstRun.intro')}</p>
      <ol>
        <li>
          <a href={LINKEDIN_NETWORK_URL} onClick={onOpenLinkedIn}>
            {t('firstRun.openProfile')}
          </a>{' '}
          {t('firstRun.openProfileHint')}
        </li>
        <li>
          <a href={importHref} onClick={onImport}>
            {t('firstRun.import')}
          </a>{' '}
          {t('firstRun.importHint')}
        </li>
      </ol>
      <SidebarPlaceChoice />
      <button type="button" className="secondary" onClick={() => void firstRunDoneItem.setValue(true)}>
        {t('firstRun.dismiss')}
      </button>
    </section>
  );
}
