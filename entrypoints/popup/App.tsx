import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { Today } from '@/components/pages/Today';
import { t } from '@/utils/core/i18n';
import { hasSidePanel, openSidePanel, setSidebarPlace } from '@/utils/sidebar/side-panel';

export function App() {
  // Known before any click: the panel must open in the click itself, with no await before it.
  const [windowId, setWindowId] = useState<number>();
  const [panelFailed, setPanelFailed] = useState(false);
  useEffect(() => {
    void browser.windows.getCurrent().then((window) => setWindowId(window.id));
  }, []);

  const openPanel = () => {
    const opening = openSidePanel(windowId);
    // Opening the notes beside the page is choosing to keep them there (Settings changes it back).
    void setSidebarPlace('panel');
    opening.then(
      () => window.close(),
      () => setPanelFailed(true),
    );
  };

  return (
    <main className="popup">
      <header className="popup-head">
        <h1>{t('popup.title')}</h1>
        <button type="button" className="link" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popup.openNetwork')}
        </button>
      </header>
      {hasSidePanel() && (
        <p className="open-panel">
          <button type="button" className="secondary" onClick={openPanel}>
            {t('popup.openPanel')}
          </button>
        </p>
      )}
      {panelFailed && <p role="alert">{t('popup.openPanelFailed')}</p>}
      <Today />
    </main>
  );
}
