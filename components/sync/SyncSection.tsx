import { useEffect, useId, useMemo, useState } from 'react';
import { browser } from 'wxt/browser';
import { getDb } from '@/utils/storage/db';
import { t, uiLanguage } from '@/utils/core/i18n';
import type { SyncMessage } from '@/utils/sync/messages';
import { syncAccountItem, syncStatusItem, type SyncProblemName } from '@/utils/sync/state';
import { SyncCryptoError } from '@/utils/sync/crypto';
import { isSyncRunning, problemOf } from '@/utils/sync/run';
import { checkServerUrl, connectSync, disconnectSync, normalizedAccount, originPattern } from '@/utils/sync/setup';
import { forgetSyncAccount, saveSyncAccount } from '@/utils/sync/account';
import { passphraseStrength, passphraseUserInputs } from '@/utils/sync/passphrase';
import { passphraseEstimator } from '@/utils/sync/passphrase-estimate';
import { Field } from '../ui/Field';
import { OutcomeLines } from '../ui/OutcomeLines';
import { SyncFindings } from './SyncFindings';
import { DeviceNameField } from './DeviceNameField';
import { useStoredValue } from '../ui/use-stored-value';
import { awaitsStoring, NO_PASSPHRASE, PassphraseField, type PassphraseChoice } from './PassphraseField';

const PROBLEM_TEXT: Record<SyncProblemName, () => string> = {
  unreachable: () => t('sync.problem.unreachable'),
  timeout: () => t('sync.problem.timeout'),
  unauthorized: () => t('sync.problem.unauthorized'),
  forbidden: () => t('sync.problem.forbidden'),
  full: () => t('sync.problem.full'),
  'not-a-folder': () => t('sync.problem.notAFolder'),
  server: () => t('sync.problem.server'),
  redirected: () => t('sync.problem.redirected'),
  'wrong-passphrase': () => t('sync.problem.wrongPassphrase'),
  tampered: () => t('sync.problem.tampered'),
  'key-changed': () => t('sync.problem.keyChanged'),
  'not-set-up': () => t('sync.problem.notSetUp'),
  permission: () => t('sync.problem.permission'),
  'weak-passphrase': () => t('sync.problem.weakPassphrase'),
  unknown: () => t('sync.problem.unknown'),
};

const syncNow = () => browser.runtime.sendMessage({ type: 'sync-now' } satisfies SyncMessage);

/** Settings → Sync: the WebDAV account and passphrase, then status, "Sync now" and "Turn off". */
export function SyncSection() {
  const id = useId();
  const account = useStoredValue(syncAccountItem);
  // Said here, not in the status panel: turning sync off takes the panel away.
  const [turnedOff, setTurnedOff] = useState(false);
  return (
    <section aria-labelledby={`${id}-title`} className="sync">
      <h3 id={`${id}-title`}>{t('sync.title')}</h3>
      <p className="hint">{t('sync.intro')}</p>
      <p role="status" className="status">
        {turnedOff && !account ? t('sync.turnedOff') : ''}
      </p>
      {account === undefined ? null : account ? (
        <SyncStatusPanel url={account.url} username={account.username} onTurnedOff={() => setTurnedOff(true)} />
      ) : (
        <SyncSetupForm />
      )}
      <h4>{t('sync.forgotTitle')}</h4>
      <p className="hint">{t('sync.forgotHint')}</p>
    </section>
  );
}

function SyncSetupForm() {
  const id = useId();
  const [url, setUrl] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [choice, setChoice] = useState<PassphraseChoice>(NO_PASSPHRASE);
  const [acceptInsecure, setAcceptInsecure] = useState(false);
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const urlCheck = url.trim() ? checkServerUrl(url) : 'ok';
  const userInputs = useMemo(() => passphraseUserInputs({ url, username, password }), [url, username, password]);
  // Its worker starts on the first estimate and stops with the form.
  const [estimator] = useState(passphraseEstimator);
  useEffect(() => () => estimator.close(), [estimator]);

  const turnOn = async () => {
    if (checkServerUrl(url) === 'invalid') {
      setProblem(t('sync.invalidUrl'));
      return;
    }
    const chosen = normalizedAccount({ url, username, password });
    // First, while the click still counts as the user's gesture.
    const granted = await browser.permissions.request({ origins: [originPattern(chosen.url)] }).catch(() => false);
    if (!granted) {
      setProblem(t('sync.permissionRefused'));
      return;
    }
    setBusy(true);
    setProblem(null);
    setStatus(t('sync.connecting'));
    try {
      // The minimum binds only a new folder: the engine still opens an existing one with a weaker passphrase.
      const guesses = await estimator.estimate(choice.passphrase, userInputs).catch(() => 0);
      await connectSync(getDb(), chosen, choice.passphrase, { strongEnough: passphraseStrength(guesses).meetsMinimum });
      setChoice(NO_PASSPHRASE);
      await saveSyncAccount(getDb(), chosen);
      void syncNow().catch(() => null);
    } catch (error) {
      setStatus('');
      setProblem(PROBLEM_TEXT[error instanceof SyncCryptoError ? error.problem : problemOf(error)]());
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      aria-labelledby={`${id}-legend`}
      onSubmit={(event) => {
        event.preventDefault();
        void turnOn();
      }}
    >
      <p id={`${id}-legend`} className="visually-hidden">
        {t('sync.turnOn')}
      </p>
      <Field label={t('sync.url')} className="field stacked" hint={t('sync.urlHint')}>
        <input
          type="url"
          required
          autoComplete="url"
          spellCheck={false}
          value={url}
          onChange={(event) => setUrl(event.target.value)}
        />
      </Field>
      <Field label={t('sync.username')} className="field stacked">
        <input required autoComplete="username" value={username} onChange={(event) => setUsername(event.target.value)} />
      </Field>
      <Field label={t('sync.password')} className="field stacked" hint={t('sync.passwordHint')}>
        <input
          type="password"
          required
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
      </Field>
      <PassphraseField choice={choice} onChoice={setChoice} userInputs={userInputs} estimator={estimator} />
      {urlCheck === 'insecure' && (
        <div className="field">
          <p role="alert" className="error">
            {t('sync.insecure')}
          </p>
          <label className="inline checkbox">
            <input type="checkbox" checked={acceptInsecure} onChange={(event) => setAcceptInsecure(event.target.checked)} />
            {t('sync.insecureConfirm')}
          </label>
        </div>
      )}
      <button type="submit" disabled={busy || (urlCheck === 'insecure' && !acceptInsecure) || awaitsStoring(choice)}>
        {t('sync.turnOn')}
      </button>
      <OutcomeLines status={status} problem={problem} />
    </form>
  );
}

function SyncStatusPanel({ url, username, onTurnedOff }: { url: string; username: string; onTurnedOff(): void }) {
  const status = useStoredValue(syncStatusItem);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 5_000);
    return () => clearInterval(timer);
  }, []);
  const running = status ? isSyncRunning(status, now) : false;
  const when = (at: number) => new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium', timeStyle: 'medium' }).format(at);

  const turnOff = async () => {
    await disconnectSync(getDb());
    await syncStatusItem.removeValue();
    await forgetSyncAccount(getDb());
    await browser.permissions.remove({ origins: [originPattern(url)] }).catch(() => false);
    onTurnedOff();
  };

  return (
    <div>
      <p>{t('sync.connected', [url, username])}</p>
      <DeviceNameField />
      {status && (
        <>
          <p>{status.lastSyncAt ? t('sync.lastSynced', [when(status.lastSyncAt)]) : t('sync.neverSynced')}</p>
          {status.lastSyncAt !== null && <p>{t('sync.changes', [String(status.received), String(status.sent)])}</p>}
          {!status.problem && <SyncFindings status={status} />}
        </>
      )}
      <div className="row">
        <button type="button" disabled={running} onClick={() => void syncNow().catch(() => null)}>
          {t('sync.syncNow')}
        </button>
        <button type="button" className="secondary" aria-describedby="sync-turn-off-hint" onClick={() => void turnOff()}>
          {t('sync.turnOff')}
        </button>
      </div>
      <p id="sync-turn-off-hint" className="hint">
        {t('sync.turnOffHint')}
      </p>
      <OutcomeLines status={running ? t('sync.syncing') : ''} problem={status?.problem ? PROBLEM_TEXT[status.problem]() : null} />
    </div>
  );
}
