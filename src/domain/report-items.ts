/*
 * A highlight report's lists are stored flat (position and depth) and shown as nested lists: "- item",
 * and an indented "- sub-item" for nesting. Reading typed text into items is the form's work
 * (src/web/board/report-items.ts), since it uses the import's bullet rules.
 */

export interface FlatItem {
  text: string;
  depth: number;
}

export interface TreeItem {
  text: string;
  children: TreeItem[];
}

/** The items as the form shows them: "- text", two spaces more per level. */
export function itemsToText(items: readonly FlatItem[]): string {
  return items.map((item) => `${'  '.repeat(item.depth)}- ${item.text}`).join('\n');
}

/** Flat items into a tree; a depth that jumps more than one level hangs under the nearest parent. */
export function itemsToTree(items: readonly FlatItem[]): TreeItem[] {
  const roots: TreeItem[] = [];
  const stack: { depth: number; item: TreeItem }[] = [];
  for (const { text, depth } of items) {
    const item: TreeItem = { text, children: [] };
    while (stack.length > 0 && stack.at(-1)!.depth >= depth) stack.pop();
    (stack.at(-1)?.item.children ?? roots).push(item);
    stack.push({ depth, item });
  }
  return roots;
}

/** An improvement area of a report with its two lists. Null id for items filed under no area. */
export interface DetailArea {
  id: number | null;
  title: string;
  progress: FlatItem[];
  nextPeriod: FlatItem[];
}

export const otherArea = 'Other progress';

/**
 * The priority's improvement areas in plan order, each with its items; items of an area no
 * longer in the plan (or of none) go under "Other progress" at the end.
 */
export function groupItemsByArea(
  areas: readonly { id: number; title: string }[],
  items: readonly { improvementAreaId: number | null; section: string; text: string; depth: number }[],
): DetailArea[] {
  const grouped: DetailArea[] = areas.map((a) => ({
    id: a.id,
    title: a.title,
    progress: [],
    nextPeriod: [],
  }));
  for (const item of items) {
    let area = grouped.find((a) => a.id === item.improvementAreaId);
    if (!area) {
      area = grouped.find((a) => a.id === null) ?? {
        id: null,
        title: otherArea,
        progress: [],
        nextPeriod: [],
      };
      if (!grouped.includes(area)) grouped.push(area);
    }
    (item.section === 'progress' ? area.progress : area.nextPeriod).push({
      text: item.text,
      depth: item.depth,
    });
  }
  return grouped;
}
