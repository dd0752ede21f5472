/**
 * A zip bomb for tests and the bench: an Office file whose main part is hundreds of megabytes of
 * spaces deflated to a few hundred kilobytes. Deflating that much would take seconds, so it is
 * made from one megabyte deflated once and repeated: the stream is flushed to a byte boundary after
 * it, and every back-reference points at spaces, so the copies join into one valid stream.
 */
import { crc32, deflateRawSync, constants } from 'node:zlib';

interface Entry {
  name: string;
  data: Buffer;
  crc: number;
  size: number;
}

export function zipBomb(megabytes = 300, part = 'word/document.xml'): Buffer {
  const head = Buffer.from('<?xml version="1.0"?><w:document><w:body><w:p><w:r><w:t>');
  const tail = Buffer.from('</w:t></w:r></w:p></w:body></w:document>');
  const spaces = Buffer.alloc(1024 * 1024, 0x20);
  const flush = { finishFlush: constants.Z_SYNC_FLUSH };
  const pieces = [deflateRawSync(head, flush)];
  const block = deflateRawSync(spaces, flush);
  let crc = crc32(head);
  for (let i = 0; i < megabytes; i++) {
    pieces.push(block);
    crc = crc32(spaces, crc);
  }
  pieces.push(deflateRawSync(tail)); // ends with the final block
  crc = crc32(tail, crc);
  const bomb: Entry = {
    name: part,
    data: Buffer.concat(pieces),
    crc,
    size: head.length + tail.length + megabytes * spaces.length,
  };
  const typesXml = Buffer.from('<?xml version="1.0"?><Types/>');
  const types: Entry = {
    name: '[Content_Types].xml',
    data: deflateRawSync(typesXml),
    crc: crc32(typesXml),
    size: typesXml.length,
  };
  return zip([types, bomb]);
}

/** A zip of deflated entries, written by hand so that the sizes in it are exactly what is given. */
export function zip(entries: Entry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(entry.crc >>> 0, 16);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.data);
    centrals.push(central, name);
    offset += local.length + name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** An entry deflated, for building small test zips with `zip`. */
export function entry(name: string, text: string | Buffer): Entry {
  const data = typeof text === 'string' ? Buffer.from(text) : text;
  return { name, data: deflateRawSync(data), crc: crc32(data), size: data.length };
}
