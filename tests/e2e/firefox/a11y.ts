/** One node of Firefox's accessibility tree: what assistive technology is told the page shows. */
export interface A11yNode {
  depth: number;
  /** Firefox's role name: "heading", "entry", "pushbutton", "text leaf", "internal frame"… */
  role: string;
  name: string;
  value: string;
  focused: boolean;
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

export function findNode(all: A11yNode[], query: NodeQuery): A11yNode | undefined {
  let nodes = all;
  if (query.within) {
    const container = findNode(all, query.within);
    if (!container) return undefined;
    const start = all.indexOf(container) + 1;
    const end = all.findIndex((node, i) => i >= start && node.depth <= container.depth);
    nodes = all.slice(start, end === -1 ? undefined : end);
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
 * Runs in Firefox's chrome (serialised, so it imports nothing): the selected tab's accessibility
 * tree, or the part inside the frame with this title.
 */
export function describeTree(frameTitle: string | null): A11yNode[] {
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
  }
  const STATE_FOCUSED = 0x4;
  const service = Cc['@mozilla.org/accessibilityService;1']!.getService(Ci.nsIAccessibilityService);
  const nodes: A11yNode[] = [];
  let inside = frameTitle === null;
  const walk = (acc: Acc, depth: number) => {
    const role = service.getStringRole(acc.role);
    const isFrame = role === 'internal frame' && acc.name === frameTitle;
    const wasInside = inside;
    if (isFrame) inside = true;
    if (inside && !isFrame) {
      const state = { value: 0 };
      acc.getState(state, { value: 0 });
      nodes.push({ depth, role, name: acc.name ?? '', value: acc.value ?? '', focused: (state.value & STATE_FOCUSED) !== 0 });
    }
    for (let child = acc.firstChild; child; child = child.nextSibling) walk(child, depth + 1);
    inside = wasInside;
  };
  const root = service.getAccessibleFor(gBrowser.selectedBrowser);
  if (root) walk(root, 0);
  return nodes;
}
