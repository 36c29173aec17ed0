import { NetworkSection } from '@/components/NetworkSection';
import { t } from '@/utils/i18n';

export function App() {
  return (
    <div className="options">
      <header className="options-head">
        <h1>{t('options.title')}</h1>
        <nav aria-label={t('options.nav')}>
          <a href="#network">{t('options.network')}</a>
        </nav>
      </header>
      <NetworkSection />
    </div>
  );
}
