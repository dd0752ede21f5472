/*
 * A picture for each priority on the easy read, chosen from the words of its title (plain version
 * first): a house for homes and care, speech bubbles for listening, people for staff and leaders,
 * a clipboard for checks and boards, a family for families, a heart for help and safety. Each has
 * the words a screen reader says for it. The pictures are inline SVG in pictures.njk.
 */
export interface PriorityPicture {
  name: 'house' | 'speech' | 'team' | 'clipboard' | 'family' | 'heart' | 'star';
  label: string;
}

const choices: { words: RegExp; picture: PriorityPicture }[] = [
  { words: /\b(home|homes|house|permanence|placement)/i, picture: { name: 'house', label: 'A house' } },
  {
    words: /\b(listen|say|voice|talk|hear|partnership|together)/i,
    picture: { name: 'speech', label: 'Two speech bubbles' },
  },
  {
    words: /\b(staff|team|leader|leaders|workers|workforce|leadership)/i,
    picture: { name: 'team', label: 'Three people standing together' },
  },
  {
    words: /\b(board|check|checks|quality|measure)/i,
    picture: { name: 'clipboard', label: 'A clipboard with ticks on it' },
  },
  {
    words: /\b(family|families)/i,
    picture: { name: 'family', label: 'A grown up holding hands with a child' },
  },
  { words: /\b(help|safe|safety|safeguarding|care)/i, picture: { name: 'heart', label: 'A heart' } },
];

export function priorityPicture(title: string): PriorityPicture {
  return choices.find((c) => c.words.test(title))?.picture ?? { name: 'star', label: 'A star' };
}
