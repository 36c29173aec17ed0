/** A quiet status line that screen readers announce, and an alert for a problem, when there is one. */
export function OutcomeLines({ status, problem }: { status: string; problem: string | null }) {
  return (
    <>
      <p role="status" className="status">
        {status}
      </p>
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
    </>
  );
}
