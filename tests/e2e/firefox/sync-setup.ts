import type { FirefoxWithExtension } from './firefox';
import type { NodeQuery } from './a11y';

/** The Sync section's labels, as a person reads them in each interface language. */
const LABELS = {
  en: { url: 'Server folder address', username: 'User name', password: 'Password or app password', passphrase: 'Sync passphrase' },
  es: {
    url: 'Dirección de la carpeta en el servidor',
    username: 'Nombre de usuario',
    password: 'Contraseña o contraseña de aplicación',
    passphrase: 'Frase de contraseña de sincronización',
  },
} as const;

export interface FirefoxSyncAccount {
  folder: string;
  username: string;
  password: string;
  passphrase?: string;
}

/** Types the account (and the passphrase, if given) into the Sync section of the open Settings page. */
export async function typeSyncAccount(firefox: FirefoxWithExtension, account: FirefoxSyncAccount, language: keyof typeof LABELS = 'en') {
  const labels = LABELS[language];
  const field = (name: string, role = 'entry'): NodeQuery => ({ role, name });
  await firefox.type(field(labels.url), account.folder);
  await firefox.type(field(labels.username), account.username);
  await firefox.type(field(labels.password, 'password text'), account.password);
  if (account.passphrase !== undefined) await firefox.type(field(labels.passphrase, 'password text'), account.passphrase);
}
