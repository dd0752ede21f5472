import { parseBullet, indentWidth, readValue } from '../../import/text.ts';
import type { FlatItem } from '../../domain/report-items.ts';

export { itemsToText, itemsToTree, type FlatItem, type TreeItem } from '../../domain/report-items.ts';

/*
 * A report's lists are edited as plain text, one item per line, so the form works without
 * JavaScript: "- item", and an indented "- sub-item" for nesting. Reading uses the import's own
 * bullet rules, so a list pasted from a Word report reads the same here as in an import.
 */

/**
 * Reads typed lines into items. A line with no bullet continues the item above when indented,
 * otherwise it is an item of its own; depth follows indentation, one level at a time.
 */
export function textToItems(text: string): FlatItem[] {
  const items: FlatItem[] = [];
  const indents: number[] = [];
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (raw.trim() === '') continue;
    const bullet = parseBullet(raw);
    const indent = bullet ? bullet.indent : indentWidth(raw);
    const value = readValue(bullet ? bullet.text : raw);
    if (!bullet && indent > 0 && items.length > 0 && indent > (indents.at(-1) ?? 0)) {
      items.at(-1)!.text += ` ${value}`;
      continue;
    }
    while (indents.length > 0 && indents.at(-1)! >= indent) indents.pop();
    const depth = Math.min(indents.length, (items.at(-1)?.depth ?? -1) + 1);
    indents.push(indent);
    items.push({ text: value, depth });
  }
  return items;
}
