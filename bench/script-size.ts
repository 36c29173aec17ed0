// Script bytes: everything the manifest injects into LinkedIn pages, and (for information) what the
// sidebar frame loads.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXTENSION_PATH } from '../tests/support/launch';
import { round, type Report } from './figures';

/** Adds the size figures; returns each content script file's raw and gzip bytes. */
export function measureScriptSize(report: Report): Record<string, { raw: number; gzip: number }> {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_PATH, 'manifest.json'), 'utf8')) as {
    content_scripts?: Array<{ js?: string[]; css?: string[] }>;
  };
  const files = (manifest.content_scripts ?? []).flatMap((entry) => [...(entry.js ?? []), ...(entry.css ?? [])]);
  let raw = 0;
  let gzip = 0;
  const perFile: Record<string, { raw: number; gzip: number }> = {};
  if (files.length === 0) throw new Error('The manifest injects no content script: nothing to measure');
  for (const file of new Set(files)) {
    const bytes = readFileSync(join(EXTENSION_PATH, file));
    const zipped = gzipSync(bytes, { level: 9 }).length;
    perFile[file] = { raw: bytes.length, gzip: zipped };
    raw += bytes.length;
    gzip += zipped;
  }
  report.add({ id: 'contentScriptRaw', label: 'Content scripts, raw', value: round(raw / 1024, 2), unit: 'KB', target: null });
  report.add({ id: 'contentScriptGzip', label: 'Content scripts, gzip', value: round(gzip / 1024, 2), unit: 'KB', target: 6 });

  // For information: what the sidebar frame loads (an extension page, not LinkedIn's page).
  const html = readFileSync(join(EXTENSION_PATH, 'sidebar.html'), 'utf8');
  const frameFiles = [...html.matchAll(/(?:src|href)="([^"]+\.js)"/g)].map((m) => m[1]!.replace(/^\//, ''));
  if (frameFiles.length === 0) throw new Error('sidebar.html loads no script: nothing to measure');
  let frameRaw = 0;
  let frameGzip = 0;
  for (const file of new Set(frameFiles)) {
    const bytes = readFileSync(join(EXTENSION_PATH, file));
    frameRaw += bytes.length;
    frameGzip += gzipSync(bytes, { level: 9 }).length;
  }
  report.add({
    id: 'sidebarFrameGzip',
    label: 'Sidebar frame JS, gzip (info)',
    value: round(frameGzip / 1024, 1),
    unit: 'KB',
    target: null,
    note: `${round(frameRaw / 1024, 1)} KB raw, ${frameFiles.length} files; loads in the extension frame, not LinkedIn's page`,
  });
  return perFile;
}
