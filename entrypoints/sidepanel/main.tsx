import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { startPage } from '@/components/pages/start-page';
import { getDb } from '@/utils/storage/db';
import { App } from './App';
import '@/components/ui/styles.css';
import '@/components/sidebar/sidebar.css';
import '@/entrypoints/popup/popup.css';

// The panel follows the active tab of its own window; the database opens while the language loads.
getDb()
  .open()
  .catch(() => undefined);
void browser.windows.getCurrent().then((window) =>
  startPage(() => createRoot(document.getElementById('root')!).render(<App windowId={window.id!} />), 'panel.title'),
);
