import { useLiveQuery } from 'dexie-react-hooks';
import { FirstRunGuide, LINKEDIN_NETWORK_URL } from '@/components/FirstRunGuide';
import { openProfile } from '@/components/open-profile';
import { useStoredValue } from '@/components/use-stored-value';
import { getDb } from '@/utils/db';
import { showFirstRun } from '@/utils/first-run';
import { firstRunDoneItem } from '@/utils/settings';
import { ImportExportSection } from '@/components/ImportExportSection';
import { IntroductionsSection } from '@/components/IntroductionsSection';
import { NetworkSection } from '@/components/NetworkSection';
import { SettingsSection } from '@/components/SettingsSection';
import { UpgradeNotice } from '@/components/UpgradeNotice';
import { useUpgradeProgress } from '@/components/use-upgrade-progress';
import { t } from '@/utils/i18n';

export function App() {
  const contactCount = useLiveQuery(() => getDb().contacts.count(), []);
  const firstRun = showFirstRun(useStoredValue(firstRunDoneItem), contactCount);
  const upgrade = useUpgradeProgress();
  return (
    <div className="options">
      <header className="options-head">
        <h1>{t('options.title')}</h1>
        <nav aria-label={t('options.nav')}>
          <a href="#network">{t('options.network')}</a>
          <a href="#introductions">{t('options.introductions')}</a>
          <a href="#import-export">{t('options.importExport')}</a>
          <a href="#settings">{t('options.settings')}</a>
        </nav>
      </header>
      {upgrade && <UpgradeNotice progress={upgrade} />}
      {firstRun && (
        <FirstRunGuide
          importHref="#import-export"
          onImport={() => undefined}
          onOpenLinkedIn={(event) => openProfile(event, LINKEDIN_NETWORK_URL)}
        />
      )}
      <NetworkSection />
      <IntroductionsSection updating={upgrade !== null} />
      <ImportExportSection />
      <SettingsSection />
    </div>
  );
}
