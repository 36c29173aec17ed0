/**
 * Saves text as a file from the page itself: an `<a download>` on a blob URL, so the extension
 * needs no `downloads` permission.
 */
export function downloadText(fileName: string, content: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser reads the blob after this click returns; give it time before letting it go.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
