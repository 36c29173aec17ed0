import { createRoot } from 'react-dom/client';
import { startPage } from '@/components/pages/start-page';
import { getDb } from '@/utils/storage/db';
import { App } from './App';
import '@/components/ui/styles.css';
import './popup.css';

// Open the database while the language loads, so the list's first query finds it open.
getDb()
  .open()
  .catch(() => undefined);
void startPage(() => createRoot(document.getElementById('root')!).render(<App />), 'popup.title');
