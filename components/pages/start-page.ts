import { t, uiLanguage, loadLanguage } from '@/utils/core/i18n';
import { settingsItem } from '@/utils/storage/settings';

/** Every extension page: load the chosen language, then render. */
export async function startPage(render: () => void, titleKey?: 'popup.title' | 'options.title' | 'panel.title'): Promise<void> {
  const settings = await settingsItem.getValue().catch(() => null);
  await loadLanguage(settings?.language ?? 'auto');
  document.documentElement.lang = uiLanguage();
  if (titleKey) document.title = t(titleKey);
  render();
}
