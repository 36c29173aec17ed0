/**
 * A WebDAV folder in memory that can be made to misbehave, for property tests that run hundreds of
 * syncs (the real Apache server backs the engine's other tests). Faults change what the server
 * holds or answers; `repair` makes it honest again, putting back every file as its device last
 * wrote it (a file its device deleted since comes back too: a replay, which must be harmless).
 */
import type { WebdavClient, WebdavEntry } from '@/utils/sync/webdav';

export type Fault =
  | { kind: 'delete' | 'flip' | 'truncate'; pick: number }
  | { kind: 'plant'; pick: number; seq: number }
  | { kind: 'stale-listings' }
  | { kind: 'drop-writes'; device: number };

export class MemoryWebdav {
  private readonly files = new Map<string, Uint8Array>();
  private readonly folders = new Set<string>(['']);
  /** What each damaged path held before (null: nothing), to put back on `repair`. */
  private readonly originals = new Map<string, Uint8Array | null>();
  private stale: Map<string, Uint8Array> | null = null;
  private readonly dropping = new Set<number>();

  client(device: number): WebdavClient {
    return {
      list: async (path) => this.list(path),
      get: async (path) => this.files.get(path) ?? null,
      put: async (path, body) => {
        if (this.dropping.has(device)) return;
        this.originals.delete(path);
        this.files.set(path, body.slice());
      },
      makeFolder: async (path) => void this.folders.add(path),
      remove: async (path) => {
        this.originals.delete(path);
        this.files.delete(path);
      },
    };
  }

  private list(path: string): WebdavEntry[] | null {
    if (!this.folders.has(path)) return null;
    const files = this.stale ?? this.files;
    const prefix = path ? `${path}/` : '';
    const children = new Map<string, WebdavEntry>();
    for (const folder of this.folders) {
      if (folder.startsWith(prefix) && folder !== path && !folder.slice(prefix.length).includes('/')) {
        children.set(folder, { name: folder.slice(prefix.length), isFolder: true, size: 0 });
      }
    }
    for (const [file, body] of files) {
      if (file.startsWith(prefix) && !file.slice(prefix.length).includes('/')) {
        children.set(file, { name: file.slice(prefix.length), isFolder: false, size: body.length });
      }
    }
    return [...children.values()];
  }

  /** The data files (not the key), newest written first: what faults pick from. */
  private dataFiles(): string[] {
    return [...this.files.keys()].filter((path) => /\/[sl]-\d+$/.test(path)).reverse();
  }

  private damage(path: string, next: Uint8Array | null) {
    if (!this.originals.has(path)) this.originals.set(path, this.files.get(path) ?? null);
    if (next) this.files.set(path, next);
    else this.files.delete(path);
  }

  apply(fault: Fault): void {
    if (fault.kind === 'stale-listings') {
      this.stale ??= new Map(this.files);
      return;
    }
    if (fault.kind === 'drop-writes') {
      this.dropping.add(fault.device);
      return;
    }
    const files = this.dataFiles();
    if (files.length === 0) return;
    // Mostly the newest files, which other devices have not read yet: where a fault can cost a change.
    const path = files[fault.pick % Math.min(files.length, 3)]!;
    const body = this.files.get(path)!;
    if (fault.kind === 'delete') this.damage(path, null);
    if (fault.kind === 'truncate') this.damage(path, body.slice(0, Math.floor(body.length / 2)));
    if (fault.kind === 'flip') {
      const flipped = body.slice();
      flipped[flipped.length - 5]! ^= 0xff;
      this.damage(path, flipped);
    }
    if (fault.kind === 'plant') {
      const folder = path.slice(0, path.lastIndexOf('/'));
      this.damage(`${folder}/l-${String(fault.seq).padStart(8, '0')}`, new TextEncoder().encode('planted'));
    }
  }

  repair(): void {
    for (const [path, original] of this.originals) {
      if (original) this.files.set(path, original);
      else this.files.delete(path);
    }
    this.originals.clear();
    this.stale = null;
    this.dropping.clear();
  }
}
