import { useId, useState, type ChangeEvent } from 'react';
import { getDb } from '@/utils/db';
import { localToday } from '@/utils/dates';
import {
  backupJson,
  collectBackup,
  contactsToCsv,
  contactsToVcard,
  exportFileName,
  exportMimeType,
  type ExportKind,
} from '@/utils/export-formats';
import { t } from '@/utils/i18n';
import { ImportError, importFile, undoImport, type ImportOutcome } from '@/utils/import-file';
import { settingsItem } from '@/utils/settings';
import { downloadText } from './download';
import './options-sections.css';

function importErrorMessage(error: unknown): string {
  if (!(error instanceof ImportError)) return t('importExport.errors.writeFailed');
  switch (error.code) {
    case 'too-large':
      return t('importExport.errors.tooLarge');
    case 'empty':
      return t('importExport.errors.empty');
    case 'binary':
      return t('importExport.errors.binary');
    case 'unrecognised':
      return t('importExport.errors.unrecognised');
    case 'truncated-json':
      return t('importExport.errors.truncatedJson', [String(error.line ?? 1)]);
    case 'bad-json':
      return error.line
        ? t('importExport.errors.badJson', [String(error.line)])
        : t('importExport.errors.badJsonSomewhere');
    case 'not-backup':
      return t('importExport.errors.notBackup');
    case 'newer-version':
      return t('importExport.errors.newerVersion');
    case 'invalid-backup':
      return t('importExport.errors.invalidBackup', [error.where ?? '?']);
    case 'no-header':
      return t('importExport.errors.noHeader');
    case 'bad-csv':
      return t('importExport.errors.badCsv', [String(error.line ?? 1)]);
    case 'storage-full':
      return t('importExport.errors.storageFull');
    case 'write-failed':
      return t('importExport.errors.writeFailed');
  }
}

function summaryLines({ summary }: ImportOutcome): string[] {
  const lines = [
    t('importExport.result', summary.people, [String(summary.people), String(summary.created), String(summary.updated)]),
  ];
  if (summary.unchanged > 0) lines.push(t('importExport.unchanged', summary.unchanged));
  if (summary.interactionsAdded > 0) lines.push(t('importExport.interactionsAdded', summary.interactionsAdded));
  if (summary.skippedNoUrl > 0) lines.push(t('importExport.skippedNoUrl', summary.skippedNoUrl));
  if (summary.settingsRestored) lines.push(t('importExport.settingsRestored'));
  return lines;
}

/** Export everything or a readable copy; import LinkedIn's Connections.csv or a backup, with undo. */
export function ImportExportSection() {
  const db = getDb();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [notice, setNotice] = useState<string[]>([]);

  const report = (lines: string[], error: string | null = null) => {
    setNotice(lines);
    setProblem(error);
  };

  const exportAs = async (kind: ExportKind) => {
    try {
      let content: string;
      if (kind === 'backup') {
        content = backupJson(await collectBackup(db, await settingsItem.getValue()));
      } else {
        const contacts = await db.contacts.orderBy('name').toArray();
        content = kind === 'csv' ? contactsToCsv(contacts) : contactsToVcard(contacts);
      }
      const fileName = exportFileName(kind, localToday());
      downloadText(fileName, content, exportMimeType(kind));
      report([t('importExport.exported', [fileName])]);
    } catch {
      report([], t('importExport.exportFailed'));
    }
  };

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Cleared so choosing the same file again imports it again.
    event.target.value = '';
    if (!file) return;
    setBusy(true);
    setOutcome(null);
    report([t('importExport.importing')]);
    try {
      const result = await importFile(db, file, { settings: settingsItem });
      setOutcome(result);
      report(summaryLines(result));
    } catch (error) {
      report([], importErrorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const undo = async () => {
    if (!outcome) return;
    setBusy(true);
    try {
      const { keptChanged } = await undoImport(db, outcome.undo, settingsItem);
      setOutcome(null);
      report([keptChanged > 0 ? t('importExport.undoneKept', keptChanged) : t('importExport.undone')]);
    } catch {
      report([], t('importExport.undoFailed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section id="import-export" aria-labelledby={`${id}-title`} className="panel">
      <h2 id={`${id}-title`}>{t('options.importExport')}</h2>

      <h3>{t('importExport.exportTitle')}</h3>
      <p className="hint">{t('importExport.exportHint')}</p>
      <div className="row">
        <button type="button" onClick={() => void exportAs('backup')}>
          {t('importExport.exportJson')}
        </button>
        <button type="button" className="secondary" onClick={() => void exportAs('csv')}>
          {t('importExport.exportCsv')}
        </button>
        <button type="button" className="secondary" onClick={() => void exportAs('vcard')}>
          {t('importExport.exportVcard')}
        </button>
      </div>

      <h3>{t('importExport.importTitle')}</h3>
      <div className="field">
        <label htmlFor={`${id}-file`}>{t('importExport.importLabel')}</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".csv,.json,text/csv,application/json"
          aria-describedby={`${id}-hint`}
          disabled={busy}
          onChange={(event) => void onFile(event)}
        />
        <span id={`${id}-hint`} className="hint">
          {t('importExport.importHint')}
        </span>
      </div>

      <div role="status" className="import-status">
        {notice.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      {outcome && outcome.undo.contacts.length + outcome.undo.interactions.length > 0 && (
        <button type="button" className="secondary" disabled={busy} onClick={() => void undo()}>
          {t('importExport.undo')}
        </button>
      )}
    </section>
  );
}
