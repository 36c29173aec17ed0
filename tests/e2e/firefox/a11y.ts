/** One node of Firefox's accessibility tree: what assistive technology is told the page shows. */
export interface A11yNode {
  depth: number;
  /** Firefox's role name: "heading", "entry", "pushbutton", "text leaf", "internal frame"… */
  role: string;
  name: string;
  value: string;
  focused: boolean;
  /** Shown but not usable now (a disabled button). */
  unavailable: boolean;
}

/** The colours a node's text is drawn in and on, as CSS `rgb()` values. */
export interface TextColours {
  color: string;
  background: string;
}

/**
 * Where a node is drawn, in CSS pixels of the browser window (what a mouse event in its chrome is
 * given), and whether the topmost accessible at its centre is that node or inside it.
 */
export interface NodeBounds {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Nothing covers its centre: a click there lands on it. */
  hit: boolean;
}

/**
 * Which tree to walk: the selected tab's page (`tab`), or the extension page Firefox shows in
 * its sidebar, beside the page (`sidebar`, see `FirefoxWithExtension.sidebarPanel`).
 */
export type TreeRoot = 'tab' | 'sidebar';

export interface NodeQuery {
  role: string;
  name?: string;
  /** Match a part of the name instead of all of it. */
  exact?: boolean;
  nth?: number;
  /** Look only inside the first node that matches this (a list item, a region…). */
  within?: Omit<NodeQuery, 'within'>;
}

/** The nodes inside the first node that matches (a list, a region, a select…), or none. */
export function nodesWithin(all: A11yNode[], container: NodeQuery): A11yNode[] {
  const found = findNode(all, container);
  if (!found) return [];
  const start = all.indexOf(found) + 1;
  const end = all.findIndex((node, i) => i >= start && node.depth <= found.depth);
  return all.slice(start, end === -1 ? undefined : end);
}

export function findNode(all: A11yNode[], query: NodeQuery): A11yNode | undefined {
  let nodes = all;
  if (query.within) {
    if (!findNode(all, query.within)) return undefined;
    nodes = nodesWithin(all, query.within);
  }
  const matching = nodes.filter(
    (node) =>
      node.role === query.role &&
      (query.name === undefined || (query.exact === false ? node.name.includes(query.name) : node.name === query.name)),
  );
  return matching[query.nth ?? 0];
}

/** Every text the nodes show, in order: what a screen reader would read out. */
export function visibleText(nodes: A11yNode[]): string {
  return nodes
    .filter((node) => node.role === 'text leaf')
    .map((node) => node.name)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Runs in Firefox's chrome (serialised, so it imports nothing; `Cc`, `Ci` and `gBrowser` are the
 * browser's own globals there). Walks the selected tab's accessibility tree, or the part inside the
 * frame with this title, and either describes it or acts on the first node the query finds:
 * focusing it as a screen reader user moves to it, or pressing it as a screen reader does.
 * Acting answers whether there was such a node.
 */
export function inAccessibilityTree(
  frameTitle: string | null,
  command:
    | { describe: true }
    | { query: NodeQuery; action: 'focus' | 'press' | 'colours' | 'scroll' | 'bounds' }
    | { query: NodeQuery; action: 'type'; text: string },
  root: TreeRoot = 'tab',
): A11yNode[] | boolean | TextColours | NodeBounds {
  const { Cc, Ci, gBrowser, document, mozInnerScreenX, mozInnerScreenY, devicePixelRatio } = globalThis as unknown as {
    Cc: Record<string, { getService(i: unknown): Service }>;
    Ci: Record<string, unknown>;
    gBrowser: { selectedBrowser: unknown };
    document: Document;
    mozInnerScreenX: number;
    mozInnerScreenY: number;
    devicePixelRatio: number;
  };
  interface Service {
    getAccessibleFor(node: unknown): Acc | null;
    getStringRole(role: number): string;
  }
  interface Acc {
    role: number;
    name: string | null;
    value: string | null;
    firstChild: Acc | null;
    nextSibling: Acc | null;
    getState(state: { value: number }, extra: { value: number }): void;
    takeFocus(): void;
    doAction(index: number): void;
    scrollTo(type: number): void;
    parent: Acc | null;
    getBoundsInCSSPixels(x: { value?: number }, y: { value?: number }, width: { value?: number }, height: { value?: number }): void;
    getDeepestChildAtPoint(x: number, y: number): Acc | null;
    QueryInterface(iid: unknown): {
      setTextContents(text: string): void;
      getTextAttributes(includeDefaults: boolean, offset: number, start: object, end: object): { getStringProperty(key: string): string };
    };
  }
  const STATE_FOCUSED = 0x4;
  const STATE_UNAVAILABLE = 0x1;
  const SCROLL_TYPE_ANYWHERE = 4;
  const service = Cc['@mozilla.org/accessibilityService;1']!.getService(Ci.nsIAccessibilityService);
  const roleOf = (acc: Acc) => service.getStringRole(acc.role);
  const visit = (root: Acc | null, each: (acc: Acc, depth: number) => void) => {
    const walk = (node: Acc, depth: number) => {
      for (let child = node.firstChild; child; child = child.nextSibling) {
        each(child, depth);
        walk(child, depth + 1);
      }
    };
    if (root) walk(root, 0);
  };
  const first = (root: Acc | null, test: (acc: Acc) => boolean) => {
    const found: Acc[] = [];
    visit(root, (acc) => test(acc) && found.push(acc));
    return found;
  };
  const matcher = (q: Omit<NodeQuery, 'within'>) => (acc: Acc) =>
    roleOf(acc) === q.role && (q.name === undefined || (q.exact === false ? (acc.name ?? '').includes(q.name) : acc.name === q.name));

  // The sidebar's chrome document (webext-panels.xhtml) holds the extension page in its own browser.
  const sidebarBrowser = () =>
    (document.getElementById('sidebar') as (Element & { contentDocument: Document | null }) | null)?.contentDocument?.getElementById(
      'webext-panels-browser',
    ) ?? null;
  let scope = root === 'sidebar' ? (sidebarBrowser() ? service.getAccessibleFor(sidebarBrowser()) : null) : service.getAccessibleFor(gBrowser.selectedBrowser);
  if (frameTitle !== null) scope = first(scope, (acc) => roleOf(acc) === 'internal frame' && acc.name === frameTitle)[0] ?? null;
  if ('describe' in command) {
    const nodes: A11yNode[] = [];
    visit(scope, (acc, depth) => {
      const state = { value: 0 };
      acc.getState(state, { value: 0 });
      nodes.push({ depth, role: roleOf(acc), name: acc.name ?? '', value: acc.value ?? '', focused: (state.value & STATE_FOCUSED) !== 0, unavailable: (state.value & STATE_UNAVAILABLE) !== 0 });
    });
    return nodes;
  }
  const { query, action } = command;
  if (query.within) scope = first(scope, matcher(query.within))[query.within.nth ?? 0] ?? null;
  const target = first(scope, matcher(query))[query.nth ?? 0];
  if (!target) return false;
  if (action === 'colours') {
    // The text attributes a screen reader reports: the colours the text is drawn in, and on.
    const attributes = target.QueryInterface(Ci.nsIAccessibleText).getTextAttributes(true, 0, {}, {});
    const colour = (key: string) => {
      try {
        return attributes.getStringProperty(key);
      } catch {
        return '';
      }
    };
    return { color: colour('color'), background: colour('background-color') };
  }
  if (action === 'bounds') {
    // Screen coordinates in CSS pixels, made the window's own (what its mouse events are given).
    const [x, y, width, height] = [{}, {}, {}, {}] as Array<{ value?: number }>;
    target.getBoundsInCSSPixels(x!, y!, width!, height!);
    const box = { x: x!.value! - mozInnerScreenX, y: y!.value! - mozInnerScreenY, width: width!.value!, height: height!.value! };
    // Hit testing takes device pixels on the screen.
    const centre = [(x!.value! + box.width / 2) * devicePixelRatio, (y!.value! + box.height / 2) * devicePixelRatio].map(Math.round);
    let hit = scope?.getDeepestChildAtPoint(centre[0]!, centre[1]!) ?? null;
    while (hit && hit !== target) hit = hit.parent;
    return { ...box, hit: hit === target };
  }
  target.scrollTo(SCROLL_TYPE_ANYWHERE);
  if (action === 'scroll') return true;
  if (action === 'press') target.doAction(0);
  else if (action === 'type') {
    // As a screen reader's user enters text: focus, then the field's whole text through its editor.
    target.takeFocus();
    target.QueryInterface(Ci.nsIAccessibleEditableText).setTextContents(command.text);
  } else target.takeFocus();
  return true;
}
