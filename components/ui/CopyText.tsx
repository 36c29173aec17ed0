import { useState } from 'react';
import { OutcomeLines } from './OutcomeLines';

interface Copied {
  status: string;
  problem: string | null;
  /** The text to copy by hand, shown when the clipboard refused it. */
  manual: string | null;
}

const NOTHING: Copied = { status: '', problem: null, manual: null };

/**
 * Copies text to the clipboard and says so; when the clipboard refuses (a frame without the
 * permission, a browser setting), says that in plain words and keeps the text on screen to copy by hand.
 */
export function useCopyText() {
  const [copied, setCopied] = useState<Copied>(NOTHING);
  const copy = async (text: string, done: string, failed: string): Promise<boolean> => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied({ status: done, problem: null, manual: null });
      return true;
    } catch {
      setCopied({ status: '', problem: failed, manual: text });
      return false;
    }
  };
  return { copied, copy, clear: () => setCopied(NOTHING) };
}

/** What the last copy did: the status, or the problem and the text in a field to select. */
export function CopyOutcome({ copied, label, rows = 4 }: { copied: Copied; label: string; rows?: number }) {
  return (
    <>
      <OutcomeLines status={copied.status} problem={copied.problem} />
      {copied.manual !== null && (
        <textarea readOnly aria-label={label} rows={rows} value={copied.manual} onFocus={(event) => event.target.select()} />
      )}
    </>
  );
}
