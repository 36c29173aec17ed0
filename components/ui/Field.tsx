import { useId, type ReactElement, type ReactNode, cloneElement } from 'react';

/**
 * A label tied to its control by id, and an optional hint the control is described by. Wrapping a
 * control in its label would fold the control's value into its accessible name ("Notes Met at
 * PyData…"), which screen readers then read out.
 */
export function Field({
  label,
  hint,
  className = 'field',
  children,
}: {
  label: string;
  hint?: ReactNode;
  className?: string;
  children: ReactElement<{ id?: string; 'aria-describedby'?: string }>;
}) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, { id, ...(hint ? { 'aria-describedby': `${id}-hint` } : {}) })}
      {hint && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
    </div>
  );
}
