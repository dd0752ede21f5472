/*
 * Words the easy read explains where they first appear on a page, for children and young people:
 * the words of children's services that a plain version still needs (a board, a foster carer, a
 * family hub). Each meaning is itself written at a reading age of 11 or under (tested). Pure.
 */

export interface EasyReadWord {
  /** As it is shown, lower case unless it is a name. */
  term: string;
  /** Other forms that are explained by the same meaning ("foster carers"). */
  forms: readonly string[];
  meaning: string;
}

export const easyReadWords: readonly EasyReadWord[] = [
  {
    term: 'in care',
    forms: [],
    meaning: 'A child is in care when they live away from home and the council looks after them.',
  },
  {
    term: 'left care',
    forms: ['leaving care', 'leave care'],
    meaning: 'A young person leaves care when they grow up and start to live on their own.',
  },
  {
    term: 'foster carer',
    forms: ['foster carers'],
    meaning: 'Someone who looks after a child in their own home, when the child cannot live at home.',
  },
  {
    term: 'social worker',
    forms: ['social workers'],
    meaning: 'Someone whose job is to help children and families, and to keep children safe.',
  },
  {
    term: 'social care',
    forms: [],
    meaning: 'The help the council gives children and families, and the staff who give it.',
  },
  {
    term: 'board',
    forms: ['boards'],
    meaning: 'A group of people who meet to check that a plan is working.',
  },
  {
    term: 'partners',
    forms: ['partner'],
    meaning: 'The groups we work with, like the police, schools and doctors.',
  },
  {
    term: 'family hub',
    forms: ['family hubs'],
    meaning: 'A place near your home where children and families can get help.',
  },
  {
    term: 'Signs of Safety',
    forms: [],
    meaning:
      'A way of working with families. Staff and the family talk about what is going well and what is a worry.',
  },
  {
    term: 'domestic abuse',
    forms: [],
    meaning: 'When someone hurts, scares or bullies a person they live with or are close to.',
  },
  {
    term: 'special needs',
    forms: [],
    meaning: 'A child has special needs when they need extra help to learn, for example at school.',
  },
  {
    term: 'early help',
    forms: [],
    meaning: 'Help for a family as soon as things start to go wrong.',
  },
  {
    term: 'Ofsted',
    forms: [],
    meaning: 'The people who check that schools and children’s homes are good.',
  },
  {
    term: 'survey',
    forms: ['surveys'],
    meaning: 'A list of questions that lots of people answer.',
  },
  {
    term: 'council members',
    forms: [],
    meaning: 'People chosen by the public to make choices for the council. They are called councillors.',
  },
];

/** Every term and form, lower case: words the page explains, which are not rare to a reader. */
export function explainedWords(words: readonly EasyReadWord[] = easyReadWords): string[] {
  return words.flatMap((w) => [w.term, ...w.forms]).map((t) => t.toLowerCase());
}

export type TextPart = { text: string } | { text: string; word: EasyReadWord };

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A text split where it uses a word not yet explained on the page, so the page can mark the word
 * and give its meaning there. `explained` is the page's memory: each word is explained once.
 */
export function explainWords(
  text: string,
  explained: Set<string>,
  words: readonly EasyReadWord[] = easyReadWords,
): TextPart[] {
  // The longest form first, so "foster carers" wins over "carer"; whole words only.
  const forms = words
    .flatMap((word) => [word.term, ...word.forms].map((form) => ({ form, word })))
    .sort((a, b) => b.form.length - a.form.length);
  const parts: TextPart[] = [];
  let rest = text;
  for (;;) {
    let best: { index: number; length: number; word: EasyReadWord } | null = null;
    for (const { form, word } of forms) {
      if (explained.has(word.term)) continue;
      const match = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(form)}(?![\\p{L}\\p{N}])`, 'iu').exec(rest);
      if (match && (!best || match.index < best.index))
        best = { index: match.index, length: form.length, word };
    }
    if (!best) break;
    if (best.index > 0) parts.push({ text: rest.slice(0, best.index) });
    parts.push({ text: rest.slice(best.index, best.index + best.length), word: best.word });
    explained.add(best.word.term);
    rest = rest.slice(best.index + best.length);
  }
  if (rest !== '') parts.push({ text: rest });
  return parts;
}
