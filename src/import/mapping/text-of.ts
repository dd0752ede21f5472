/**
 * Text of blocks as the mapper reads them, with a person's dismissed and moved lines taken out: a
 * block keeps its own text while none of its lines is overridden, and is rebuilt from the lines it
 * keeps otherwise.
 */
import type {
  DocumentStructure,
  StructureBlock,
  StructureListItem,
  TableCell,
} from '../../domain/document-structure.ts';
import type { ListItem, LineRefs } from '../types.ts';

export class BlockText {
  private readonly lineText: Map<number, string>;

  constructor(
    structure: DocumentStructure,
    private readonly taken: ReadonlySet<number>,
  ) {
    this.lineText = new Map(structure.lines.map((line) => [line.number, line.text]));
  }

  /** The block's lines that are not overridden and are in the source. */
  kept(lines: LineRefs): number[] {
    return lines.filter((n) => !this.taken.has(n) && this.lineText.has(n));
  }

  touched(lines: LineRefs): boolean {
    return lines.some((n) => this.taken.has(n) || !this.lineText.has(n));
  }

  /** `text` when none of `lines` is overridden, else the kept lines' text. */
  of(text: string, lines: LineRefs): string {
    if (!this.touched(lines)) return text.trim();
    return this.kept(lines)
      .map((n) => this.lineText.get(n)!.trim())
      .filter(Boolean)
      .join(' ');
  }

  cell(cell: TableCell): string {
    return this.of(cell.text, cell.lines);
  }

  /** Whether anything of the block is left once overrides are taken out. */
  alive(block: StructureBlock): boolean {
    return this.kept(block.lines).length > 0;
  }

  /** List items with overridden lines taken out; items left empty are dropped. */
  items(items: readonly StructureListItem[]): ListItem[] {
    return items.flatMap((item) => {
      const lines = this.kept(item.lines);
      const children = this.items(item.children);
      const text = this.of(item.text, item.lines);
      if (!text && children.length === 0) return [];
      return [{ text, children, lines }];
    });
  }
}

/** Every item of a list, children after their parent, with their own lines. */
export function flatItems(items: readonly ListItem[]): ListItem[] {
  return items.flatMap((item) => [item, ...flatItems(item.children)]);
}
