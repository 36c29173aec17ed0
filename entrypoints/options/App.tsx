import { ImportExportSection } from '@/components/ImportExportSection';
import { IntroductionsSection } from '@/components/IntroductionsSection';
import { NetworkSection } from '@/components/NetworkSection';
import { SettingsSection } from '@/components/SettingsSection';
import { t } from '@/utils/i18n';

export function App() {
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
      <NetworkSection />
      <IntroductionsSection />
      <ImportExportSection />
      <SettingsSection />
    </div>
  );
}
