import { createRoot } from 'react-dom/client';
import { startPage } from '@/components/pages/start-page';
import { App } from './App';
import '@/components/ui/styles.css';
import '@/components/sidebar/sidebar.css';

void startPage(() => createRoot(document.getElementById('root')!).render(<App />));
