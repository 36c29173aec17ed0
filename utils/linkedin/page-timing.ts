/** How long the content script waits on a page before it reads it (`entrypoints/linkedin.content.ts`). */

/** A new heading after in-page navigation: past this, what is there is read. */
export const HEADING_WAIT_MS = 2_500;
/** A page that shows nothing yet (the server-driven shell) may take longer to render its card. */
export const SHELL_WAIT_MS = 6_000;
/** Photos and headlines often render after the name: the page is read once more, this long after. */
export const LATE_READ_MS = 1_500;
