import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

/** How long the confirming button stays off after it appears: longer than a double click. */
export const CONFIRM_ARM_MS = 700;

interface Props {
  /** The first step: what the user starts. */
  askLabel: string;
  question: ReactNode;
  confirmLabel: string;
  keepLabel: string;
  onConfirm(): void;
  /** Called when the user keeps things as they are (Escape or the keep button). */
  onKeep?(): void;
  className?: string;
}

/**
 * A destructive action in two steps that a page overlay cannot line up: the second step opens
 * with the focus on "keep", puts "keep" where the first button was and the confirming button
 * beside it, and the confirming button answers only after CONFIRM_ARM_MS, so a click (or a double
 * click) aimed at the first button never lands on it (docs/ARCHITECTURE.md, "Whose notes").
 */
export function TwoStepConfirm({ askLabel, question, confirmLabel, keepLabel, onConfirm, onKeep, className = '' }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [armed, setArmed] = useState(false);
  const keep = useRef<HTMLButtonElement>(null);
  const ask = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  const questionId = useId();
  useEffect(() => {
    if (confirming) keep.current?.focus();
    else if (wasConfirming.current) ask.current?.focus();
    wasConfirming.current = confirming;
    if (!confirming) return;
    const timer = window.setTimeout(() => setArmed(true), CONFIRM_ARM_MS);
    return () => window.clearTimeout(timer);
  }, [confirming]);

  const stop = () => {
    setConfirming(false);
    onKeep?.();
  };

  if (!confirming) {
    return (
      <div className={className}>
        <button
          ref={ask}
          type="button"
          className="link danger-link"
          onClick={() => {
            setArmed(false);
            setConfirming(true);
          }}
        >
          {askLabel}
        </button>
      </div>
    );
  }
  return (
    <div
      className={`${className} confirming`}
      role="alertdialog"
      aria-labelledby={questionId}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        stop();
      }}
    >
      <p id={questionId}>{question}</p>
      <div className="actions">
        <button ref={keep} type="button" className="secondary" onClick={stop}>
          {keepLabel}
        </button>
        <button type="button" className="danger" disabled={!armed} onClick={() => armed && onConfirm()}>
          {confirmLabel}
        </button>
      </div>
    </div>
  );
}
