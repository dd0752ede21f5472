/* What undoing an import removes, in the council's words: "12 records: 4 priorities and 8 commitments". */

const names: Record<string, [one: string, many: string]> = {
  plan: ['plan', 'plans'],
  priority: ['priority', 'priorities'],
  'improvement-area': ['improvement area', 'improvement areas'],
  commitment: ['commitment', 'commitments'],
  outcome: ['outcome', 'outcomes'],
  standard: ['standard', 'standards'],
  measure: ['measure', 'measures'],
  observation: ['figure', 'figures'],
  feedback: ['piece of feedback', 'pieces of feedback'],
  board: ['board', 'boards'],
  'board-meeting': ['board meeting', 'board meetings'],
  'highlight-report': ['highlight report', 'highlight reports'],
  'highlight-report-item': ['highlight report row', 'highlight report rows'],
};

// The order a reader meets them in the plan, not the alphabet.
const order = Object.keys(names);

const inWords = (list: string[]) =>
  list.length < 2 ? list.join('') : `${list.slice(0, -1).join(', ')} and ${list.at(-1)}`;

export function undoSummary(counts: { recordType: string; count: number }[]) {
  const sorted = [...counts].sort((a, b) => order.indexOf(a.recordType) - order.indexOf(b.recordType));
  const total = sorted.reduce((sum, c) => sum + c.count, 0);
  const parts = sorted.map(({ recordType, count }) => {
    const [one, many] = names[recordType] ?? [recordType, recordType];
    return `${count} ${count === 1 ? one : many}`;
  });
  return {
    total,
    totalText: `${total} ${total === 1 ? 'record' : 'records'}`,
    parts,
    partsText: inWords(parts),
  };
}
