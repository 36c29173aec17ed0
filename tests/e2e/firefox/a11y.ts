/** One node of Firefox's accessibility tree: what assistive technology is told the page shows. */
export interface A11yNode {
  depth: number;
  /** Firefox's role name: "heading", "entry", "pushbutton", "text leaf", "internal frame"… */
  role: string;
  name: string;
  value: string;
  focused: boolean;
}

/** The colours a node's text is drawn in and on, as CSS `rgb()` values. */
export interface TextColours {
  color: string;
  background: string;
}

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
    | { query: NodeQuery; action: 'focus' | 'press' | 'colours' }
    | { query: NodeQuery; action: 'type'; text: string },
): A11yNode[] | boolean | TextColours {
  const { Cc, Ci, gBrowser } = globalThis as unknown as {
    Cc: Record<string, { getService(i: unknown): Service }>;
    Ci: Record<string, unknown>;
    gBrowser: { selectedBrowser: unknown };
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
    QueryInterface(iid: unknown): {
      setTextContents(text: string): void;
      getTextAttributes(includeDefaults: boolean, offset: number, start: object, end: object): { getStringProperty(key: string): string };
    };
  }
  const STATE_FOCUSED = 0x4;
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

  let scope = service.getAccessibleFor(gBrowser.selectedBrowser);
  if (frameTitle !== null) scope = first(scope, (acc) => roleOf(acc) === 'internal frame' && acc.name === frameTitle)[0] ?? null;
  if ('describe' in command) {
    const nodes: A11yNode[] = [];
    visit(scope, (acc, depth) => {
      const state = { value: 0 };
      acc.getState(state, { value: 0 });
      nodes.push({ depth, role: roleOf(acc), name: acc.name ?? '', value: acc.value ?? '', focused: (state.value & STATE_FOCUSED) !== 0 });
    });
    return nodes;
  }
  const { query, action } = command;
  if (query.within) scope = first(scope, matcher(query.within))[0] ?? null;
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
  target.scrollTo(SCROLL_TYPE_ANYWHERE);
  if (action === 'press') target.doAction(0);
  else if (action === 'type') {
    // As a screen reader's user enters text: focus, then the field's whole text through its editor.
    target.takeFocus();
    target.QueryInterface(Ci.nsIAccessibleEditableText).setTextContents(command.text);
  } else target.takeFocus();
  return true;
}
