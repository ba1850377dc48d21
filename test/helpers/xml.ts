// A small XML 1.0 reader, enough to prove a report is well-formed and to read values back, with no
// dependency. It throws on anything a conforming parser would refuse, for what the JUnit report uses.

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function isXmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

const isNameChar = (c: string) => /[A-Za-z0-9_:.-]/.test(c);

/** Parses a whole document; throws on anything a conforming parser would refuse (for what this report uses). */
export function parseXml(xml: string): XmlElement {
  for (const char of xml) {
    if (!isXmlChar(char.codePointAt(0)!)) throw new Error(`character U+${char.codePointAt(0)!.toString(16)} is not allowed in XML 1.0`);
  }
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`${why} at offset ${i}: ${JSON.stringify(xml.slice(i, i + 40))}`);
  };
  const skipSpace = () => {
    while (i < xml.length && ' \t\r\n'.includes(xml[i]!)) i++;
  };
  const readName = () => {
    const start = i;
    while (i < xml.length && isNameChar(xml[i]!)) i++;
    if (i === start) fail('expected a name');
    return xml.slice(start, i);
  };
  /**
   * Decodes character data up to `stop`, checking every `&` starts a known reference and no `<` appears.
   * As a parser does, it reads a literal CR or CRLF as LF, and in an attribute any literal tab or line
   * break as a space; only a character reference keeps them.
   */
  const readCharacters = (stop: string, inAttribute: boolean) => {
    let out = '';
    while (i < xml.length && xml[i] !== stop) {
      const c = xml[i]!;
      if (c === '<') fail('raw "<" in character data');
      if (c === '&') {
        const end = xml.indexOf(';', i);
        if (end < 0) fail('unterminated reference');
        const ref = xml.slice(i + 1, end);
        if (ref.startsWith('#x')) out += String.fromCodePoint(parseInt(ref.slice(2), 16));
        else if (ref.startsWith('#')) out += String.fromCodePoint(Number(ref.slice(1)));
        else if (ref in ENTITIES) out += ENTITIES[ref];
        else fail(`unknown entity &${ref};`);
        if (ref.startsWith('#') && !isXmlChar(out.codePointAt(out.length - 1)!)) fail('reference to a forbidden character');
        i = end + 1;
      } else if (c === '\r' || c === '\n' || c === '\t') {
        i += c === '\r' && xml[i + 1] === '\n' ? 2 : 1;
        out += inAttribute ? ' ' : c === '\t' ? '\t' : '\n';
      } else {
        out += c;
        i++;
      }
    }
    return out;
  };

  if (!xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n')) fail('expected the XML declaration');
  i = xml.indexOf('?>') + 2;
  skipSpace();
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  while (i < xml.length) {
    if (xml.startsWith('</', i)) {
      i += 2;
      const name = readName();
      skipSpace();
      if (xml[i] !== '>') fail('expected ">"');
      i++;
      const open = stack.pop();
      if (!open || open.name !== name) fail(`</${name}> does not close <${open?.name}>`);
    } else if (xml[i] === '<') {
      if (root && stack.length === 0) fail('a second root element');
      i++;
      const element: XmlElement = { name: readName(), attributes: {}, children: [], text: '' };
      for (;;) {
        const before = i;
        skipSpace();
        if (xml.startsWith('/>', i) || xml[i] === '>') break;
        if (i === before) fail('attributes must be separated by white space');
        const name = readName();
        if (xml[i] !== '=' || (xml[i + 1] !== '"' && xml[i + 1] !== "'")) fail('expected ="');
        const quote = xml[i + 1]!;
        i += 2;
        if (name in element.attributes) fail(`duplicate attribute ${name}`);
        element.attributes[name] = readCharacters(quote, true);
        if (xml[i] !== quote) fail('unterminated attribute');
        i++;
      }
      (stack.at(-1)?.children ?? []).push(element);
      root ??= element;
      if (xml.startsWith('/>', i)) i += 2;
      else {
        i++;
        stack.push(element);
      }
    } else {
      const text = readCharacters('<', false);
      const open = stack.at(-1);
      if (open) open.text += text;
      else if (text.trim() !== '') fail('text outside the root element');
    }
  }
  if (stack.length > 0) fail(`<${stack.at(-1)!.name}> is never closed`);
  if (!root) fail('no root element');
  return root!;
}
