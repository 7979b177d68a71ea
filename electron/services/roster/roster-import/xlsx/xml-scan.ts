/**
 * A minimal pull scanner for the XML parts of an .xlsx: tags with their attributes and the text
 * between them, in document order. Namespace prefixes are dropped from tag and attribute names
 * (some writers emit `<x:c>`, and `r:id` is the only prefixed attribute we read), comments and
 * processing instructions are skipped, CDATA is text. It does not check well-formedness: the
 * parts come from a zip that must still yield a sheet we understand, or the file is unreadable.
 */
export interface XmlHandler {
  open(name: string, rawAttrs: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Decoded text between two tags; only called for non-empty runs. */
  text(value: string): void;
}

const TOKEN =
  /<(\/?)(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>/g;

export function scanXml(xml: string, handler: XmlHandler): void {
  TOKEN.lastIndex = 0;
  let last = 0;
  for (let m = TOKEN.exec(xml); m !== null; m = TOKEN.exec(xml)) {
    if (m.index > last) handler.text(decodeEntities(xml.slice(last, m.index)));
    last = TOKEN.lastIndex;
    const [, slash, name, attrs, selfClosing, cdata] = m;
    if (cdata !== undefined) {
      if (cdata !== '') handler.text(cdata);
    } else if (name === undefined) continue;
    else if (slash === '/') handler.close(name);
    else handler.open(name, attrs ?? '', selfClosing === '/');
  }
  if (last < xml.length) handler.text(decodeEntities(xml.slice(last)));
}

const ATTR = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Attributes by local name (`r:id` → `id`), values decoded. */
export function attributes(raw: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (raw === '') return out;
  ATTR.lastIndex = 0;
  for (let m = ATTR.exec(raw); m !== null; m = ATTR.exec(raw)) {
    const name = m[1]!;
    const local = name.slice(name.indexOf(':') + 1);
    out[local] = decodeEntities(m[2] ?? m[3] ?? '');
  }
  return out;
}

const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (whole, named: string | undefined, dec: string | undefined, hex: string | undefined) => {
    if (named !== undefined) return NAMED[named]!;
    const code = dec !== undefined ? Number(dec) : Number.parseInt(hex!, 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/**
 * OOXML strings escape characters XML cannot carry (and a literal "_x" sequence) as `_xHHHH_`;
 * Excel writes a carriage return inside a cell as `_x000D_`.
 */
export function decodeOoxmlEscapes(s: string): string {
  if (!s.includes('_x')) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}
