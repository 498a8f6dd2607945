// Off-page (and on-page) connectors: an arrow into a connector on one page and the arrow out of the
// connector with the same mark on another page are one flow, made direct between the real symbols.
// Unmarked connectors pair in reading order: one leaving a page with the next one entering a page.
import type { ChartArrow, ChartNode } from './chart.js';
import { centre } from './geometry.js';

export interface Resolved {
  arrows: ChartArrow[];
  /** connectors with no partner to continue the flow */
  unpaired: ChartNode[];
}

const MAX_ROUNDS = 8;
const keyOf = (n: ChartNode): string => n.text.replace(/\s+/g, '').toUpperCase();

export function resolveJoiners(arrows: readonly ChartArrow[], pageOf: ReadonlyMap<ChartNode, number>): Resolved {
  const joiners = [...pageOf.keys()];
  const isJoiner = (n: ChartNode): boolean => pageOf.has(n);
  const groups = new Map<ChartNode, ChartNode[]>(); // joiner -> the joiners it continues into
  const marked = new Map<string, ChartNode[]>();
  for (const j of joiners) if (keyOf(j)) marked.set(keyOf(j), [...(marked.get(keyOf(j)) ?? []), j]);
  for (const list of marked.values()) for (const j of list) groups.set(j, list.filter((o) => o !== j));
  // unmarked: a connector reached by an arrow pairs with the next unmarked one an arrow leaves
  const order = (a: ChartNode, b: ChartNode): number => pageOf.get(a)! - pageOf.get(b)! || centre(a.box).x - centre(b.box).x;
  const unmarked = joiners.filter((j) => !keyOf(j)).sort(order);
  const entering = unmarked.filter((j) => arrows.some((a) => a.to === j));
  const leaving = unmarked.filter((j) => arrows.some((a) => a.from === j) && !entering.includes(j));
  for (const j of entering) {
    const partner = leaving.find((o) => pageOf.get(o)! > pageOf.get(j)! && !groups.has(o));
    if (partner) {
      groups.set(j, [partner]);
      groups.set(partner, [j]);
    }
  }
  let current = [...arrows];
  for (let round = 0; round < MAX_ROUNDS && current.some((a) => isJoiner(a.from) || isJoiner(a.to)); round++) {
    const nextArrows: ChartArrow[] = current.filter((a) => !isJoiner(a.to) && !isJoiner(a.from));
    for (const into of current.filter((a) => isJoiner(a.to))) {
      const partners = groups.get(into.to) ?? [];
      for (const out of current.filter((a) => partners.includes(a.from))) {
        nextArrows.push({ from: into.from, to: out.to, label: into.label || out.label, path: [...into.path, ...out.path], undirected: into.undirected || out.undirected, fromImage: into.fromImage || out.fromImage });
      }
    }
    current = nextArrows;
  }
  const unpaired = joiners.filter((j) => {
    const partners = groups.get(j) ?? [];
    const hasIn = arrows.some((a) => a.to === j) || partners.some((p) => arrows.some((a) => a.to === p));
    const hasOut = arrows.some((a) => a.from === j) || partners.some((p) => arrows.some((a) => a.from === p));
    return (hasIn || hasOut) && !(hasIn && hasOut);
  });
  return { arrows: current.filter((a) => !isJoiner(a.from) && !isJoiner(a.to)), unpaired };
}
