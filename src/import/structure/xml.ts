/**
 * XML parts of Office files read as a stream of tags with saxes, after refusing any part that
 * declares a DOCTYPE or an ENTITY: Office never writes one, and entity expansion ("billion laughs")
 * is how a few kilobytes of XML become gigabytes of text.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { Refusal } from './types.ts';

export interface XmlHandlers {
  open(tag: SaxesTagPlain): void;
  close(name: string): void;
  text(text: string): void;
}

export function parseXml(bytes: Uint8Array, name: string, kind: string, handlers: XmlHandlers): void {
  const xml = new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes);
  if (/<!(?:DOCTYPE|ENTITY)/i.test(xml)) {
    throw new Refusal(
      'unsafe',
      `${name} contains XML with a DOCTYPE or ENTITY declaration, which a real ${kind} never has, so it was not opened. Open it in Office and save it again`,
    );
  }
  const parser = new SaxesParser({ xmlns: false });
  let failed = false;
  parser.on('error', () => {
    failed = true;
  });
  parser.on('opentag', (tag) => {
    if (!failed) handlers.open(tag);
  });
  parser.on('closetag', (tag) => {
    if (!failed) handlers.close(tag.name);
  });
  parser.on('text', (text) => {
    if (!failed) handlers.text(text);
  });
  parser.on('cdata', (text) => {
    if (!failed) handlers.text(text);
  });
  parser.write(xml).close();
  if (failed) {
    throw new Refusal('unreadable', `${name} could not be opened as a ${kind}. It may be damaged`);
  }
}
