// Files the browser tests drop on the page, made here: Word documents written with the
// ZIP format (deflated with zlib), and texts in legacy encodings.
import { execFileSync } from 'node:child_process';
import { crc32, deflateRawSync } from 'node:zlib';

/** The bytes of a text in a legacy encoding (Node decodes these but cannot encode them). */
export function encodeWith(text, encoding) {
  return execFileSync('python3', ['-c', 'import sys; sys.stdout.buffer.write(sys.stdin.buffer.read().decode("utf-8").encode(sys.argv[1]))', encoding],
    { input: Buffer.from(text, 'utf8'), maxBuffer: 1 << 26 });
}

/** A ZIP archive of `{ name: string | Buffer }`, every entry deflated. */
export function zip(entries) {
  const locals = [];
  const central = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
    const packed = deflateRawSync(data);
    const nameBytes = Buffer.from(name, 'utf8');
    const fields = (h, at) => {
      h.writeUInt16LE(20, at); // version needed
      h.writeUInt16LE(0x0800, at + 2); // UTF-8 names
      h.writeUInt16LE(8, at + 4); // deflate
      h.writeUInt32LE(0, at + 6); // time, date
      h.writeUInt32LE(crc32(data), at + 10);
      h.writeUInt32LE(packed.length, at + 14);
      h.writeUInt32LE(data.length, at + 18);
      h.writeUInt16LE(nameBytes.length, at + 22);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    fields(local, 4);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4); // made by
    fields(dir, 6);
    dir.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    central.push(dir, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dirBytes, end]);
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/**
 * A Word document of paragraphs `[text, level?]`: a paragraph with a level is numbered by
 * Word's list numbering (一、 at level 0, （一） at 1, 1. at 2); `header` goes into the
 * page header part, never into the body.
 */
export function docx(paragraphs, { header = '页眉文字' } = {}) {
  const p = ([text, level]) => {
    const num = level === undefined ? ''
      : `<w:pPr><w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="1"/></w:numPr></w:pPr>`;
    return `<w:p>${num}<w:r><w:t xml:space="preserve">${escape(text)}</w:t></w:r></w:p>`;
  };
  const document = `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${paragraphs.map(p).join('')}</w:body></w:document>`;
  const numbering = `<?xml version="1.0"?><w:numbering ${W}><w:abstractNum w:abstractNumId="0">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
    </w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
  const rels = (list) => `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${
    list.map(([id, type, target]) => `<Relationship Id="${id}" Type="${REL}${type}" Target="${target}"/>`).join('')}</Relationships>`;
  return zip({
    '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    '_rels/.rels': rels([['rId1', 'officeDocument', 'word/document.xml']]),
    'word/document.xml': document,
    'word/_rels/document.xml.rels': rels([['rId1', 'numbering', 'numbering.xml'], ['rId2', 'header', 'header1.xml']]),
    'word/numbering.xml': numbering,
    'word/header1.xml': `<w:hdr ${W}>${p([header])}</w:hdr>`,
  });
}
