import type { Contact, Interaction, PageFields, UserFields } from '../core/schema';
import type { IntroductionSuggestion } from '../network/suggestion';
import { draftKey, type Draft } from './port';
import type { SidebarPush, SidebarRequest } from './protocol';
import type { PageProfile } from '../linkedin/page-reader';
import type { UpgradeProgress } from '../core/schema';

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'deleted' | 'retrying' | 'storage-full' | 'invalid';

export interface SidebarState {
  key: string;
  contact: Contact | null;
  interactions: Interaction[];
}

/** The part of a runtime port the client uses. */
export interface ClientPort {
  postMessage(message: SidebarRequest): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: SidebarPush) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

export interface SidebarClientDeps {
  instanceId: string;
  connect(): ClientPort;
  setDraft(storageKey: string, draft: Draft): Promise<void> | void;
  removeDraft(storageKey: string): Promise<void> | void;
  /** Which profile the frame's tab shows, as the background learned it from the tab's top frame. */
  onProfile(profile: PageProfile | null): void;
  onState(state: SidebarState): void;
  /** Introductions worth making for the person shown. */
  onIntroductions?(introductions: IntroductionSuggestion[]): void;
  /** Places already met, for the "Where we met" suggestions. */
  onPlaces?(places: string[]): void;
  /** Someone saved under a member id the page shows as this person: the user may merge them. */
  onMergeOffer?(offer: { key: string; name: string }): void;
  /** The page shows another name on the person shown: the user says whether it is them. */
  onNameChange?(name: string): void;
  /** How far the update of the notes after a new version is; `null` when there is none. */
  onUpgrade?(progress: UpgradeProgress | null): void;
  onStatus(status: SaveStatus): void;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
  saveDelayMs?: number;
}

type EditableFields = Partial<UserFields> & { name?: string };
type Sent = Extract<SidebarRequest, { seq: number }>;

/**
 * The sidebar's side of its port. Every edit is handed to `storage.local` at once (a draft the
 * background folds in if this frame dies), sent after a short pause, and re-sent after a
 * reconnect until the background confirms it. Field-level, so concurrent views never collide.
 */
export class SidebarClient {
  private port: ClientPort | null = null;
  private seq = 0;
  private profile: PageProfile | null = null;
  private readonly unsent = new Map<string, { fields: EditableFields; page: Partial<PageFields> }>();
  private readonly inFlight = new Map<number, Sent>();
  private saveTimer: unknown = null;
  private reconnectDelay = 50;
  private closed = false;

  constructor(private readonly deps: SidebarClientDeps) {}

  start(): void {
    this.closed = false;
    this.connect();
  }

  stop(): void {
    this.flush();
    this.closed = true;
    this.port?.disconnect();
    this.port = null;
  }

  /** Shows another person: unsent edits of the previous one go out first. */
  show(profile: PageProfile): void {
    this.flush();
    this.profile = profile;
    this.port?.postMessage({ type: 'subscribe', profile });
  }

  /** Field values typed but not yet confirmed, which a pushed state must not overwrite. */
  pendingFields(key: string): EditableFields {
    const pending: EditableFields = {};
    for (const request of this.inFlight.values()) {
      if (request.type === 'save' && request.key === key) Object.assign(pending, request.fields);
    }
    Object.assign(pending, this.unsent.get(key)?.fields);
    return pending;
  }

  edit(key: string, fields: EditableFields, page: Partial<PageFields>): void {
    const entry = this.unsent.get(key) ?? { fields: {}, page };
    Object.assign(entry.fields, fields);
    entry.page = page;
    this.unsent.set(key, entry);
    void this.deps.setDraft(this.draftKey(key), {
      key,
      fields: this.pendingFields(key) as Record<string, unknown>,
      page,
      at: Date.now(),
    });
    this.deps.onStatus('saving');
    if (this.saveTimer != null) this.deps.clearTimer(this.saveTimer);
    this.saveTimer = this.deps.setTimer(() => this.flush(), this.deps.saveDelayMs ?? 300);
  }

  /** Sends every unsent edit now: on a pause in typing, and when the frame is hidden or unloads. */
  flush(): void {
    if (this.saveTimer != null) this.deps.clearTimer(this.saveTimer);
    this.saveTimer = null;
    for (const [key, { fields, page }] of this.unsent) {
      this.send({ type: 'save', seq: ++this.seq, key, fields, page: { ...page } });
    }
    this.unsent.clear();
  }

  /** Opens someone's profile in a new tab, through the background. */
  openProfile(key: string): void {
    try {
      this.port?.postMessage({ type: 'open-profile', key });
    } catch {
      // No port right now: the click is not worth replaying after a reconnect.
    }
  }

  request(request: DistributiveOmit<Sent, 'seq'>): void {
    if (request.type === 'delete-person') {
      // Edits not yet sent would bring the person back: they go, with their draft.
      this.unsent.delete(request.key);
      void this.deps.removeDraft(this.draftKey(request.key));
    }
    this.deps.onStatus('saving');
    this.send({ ...request, seq: ++this.seq } as Sent);
  }

  private draftKey(key: string) {
    return draftKey(this.deps.instanceId, key);
  }

  private send(request: Sent) {
    this.inFlight.set(request.seq, request);
    try {
      this.port?.postMessage(request);
    } catch {
      // The port died between checks: the reconnect re-sends everything in flight.
    }
  }

  private connect() {
    if (this.closed) return;
    const port = this.deps.connect();
    this.port = port;
    port.onMessage.addListener((message) => this.receive(message));
    port.onDisconnect.addListener(() => {
      if (this.port !== port || this.closed) return;
      this.port = null;
      if (this.inFlight.size > 0) this.deps.onStatus('retrying');
      this.deps.setTimer(() => this.connect(), this.reconnectDelay);
      this.reconnectDelay = Math.min(this.reconnectDelay * 2, 2_000);
    });
    if (this.profile) port.postMessage({ type: 'subscribe', profile: this.profile });
    for (const request of this.inFlight.values()) port.postMessage(request);
  }

  private receive(message: SidebarPush) {
    this.reconnectDelay = 50;
    switch (message.type) {
      case 'profile':
        this.deps.onProfile(message.profile);
        return;
      case 'state':
        if (message.key === this.profile?.key) this.deps.onState(message);
        return;
      case 'introductions':
        if (message.key === this.profile?.key) this.deps.onIntroductions?.(message.introductions);
        return;
      case 'places':
        this.deps.onPlaces?.(message.places);
        return;
      case 'merge-offer':
        if (message.key === this.profile?.key) this.deps.onMergeOffer?.(message.from);
        return;
      case 'name-change':
        if (message.key === this.profile?.key) this.deps.onNameChange?.(message.name);
        return;
      case 'upgrade':
        this.deps.onUpgrade?.(message.progress);
        return;
      case 'ack':
      case 'failed': {
        const request = this.inFlight.get(message.seq);
        if (message.type === 'failed' && message.reason !== 'invalid') {
          this.deps.onStatus(message.reason === 'storage-full' ? 'storage-full' : 'retrying');
          this.deps.setTimer(() => request && this.port?.postMessage(request), 5_000);
          return;
        }
        this.inFlight.delete(message.seq);
        if (message.type === 'failed') this.deps.onStatus('invalid');
        if (request?.type === 'save' && !this.hasPendingSave(request.key)) {
          void this.deps.removeDraft(this.draftKey(request.key));
        }
        if (this.inFlight.size === 0 && this.unsent.size === 0 && message.type === 'ack') {
          this.deps.onStatus(request?.type === 'delete-person' ? 'deleted' : 'saved');
        }
        return;
      }
    }
  }

  private hasPendingSave(key: string) {
    if (this.unsent.has(key)) return true;
    for (const request of this.inFlight.values()) if (request.type === 'save' && request.key === key) return true;
    return false;
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
