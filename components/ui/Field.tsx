import { useId, type ReactElement, cloneElement } from 'react';

/**
 * A label tied to its control by id. Wrapping a control in its label would fold the control's
 * value into its accessible name ("Notes Met at PyData…"), which screen readers then read out.
 */
export function Field({ label, className = 'field', children }: { label: string; className?: string; children: ReactElement<{ id?: string }> }) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, { id })}
    </div>
  );
}
