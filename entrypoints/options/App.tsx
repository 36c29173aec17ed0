import { useLiveQuery } from 'dexie-react-hooks';
import { FirstRunGuide, LINKEDIN_NETWORK_URL } from '@/components/pages/FirstRunGuide';
import { openProfile } from '@/components/pages/open-profile';
import { useStoredValue } from '@/components/ui/use-stored-value';
import { getDb } from '@/utils/storage/db';
import { showFirstRun } from '@/utils/people/first-run';
import { localToday } from '@/utils/core/dates';
import { firstRunDoneItem } from '@/utils/people/first-run';
import { ImportExportSection } from '@/components/import-export/ImportExportSection';
import { IntroductionsSection } from '@/components/network/IntroductionsSection';
import { NetworkSection } from '@/components/network/NetworkSection';
import { PlanSection } from '@/components/plan/PlanSection';
import { ProfileReadsPanel } from '@/components/settings/ProfileReadsPanel';
import { SettingsSection } from '@/components/settings/SettingsSection';
import { SyncSection } from '@/components/sync/SyncSection';
import { UpgradeNotice } from '@/components/ui/UpgradeNotice';
import { useUpgradeProgress } from '@/components/pages/use-upgrade-progress';
import { t } from '@/utils/core/i18n';

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
      {firstRun === false && <PlanSection today={localToday()} />}
      <NetworkSection />
      <IntroductionsSection updating={upgrade !== null} />
      <ImportExportSection />
      <SettingsSection>
        <SyncSection />
        <ProfileReadsPanel />
      </SettingsSection>
    </div>
  );
}
