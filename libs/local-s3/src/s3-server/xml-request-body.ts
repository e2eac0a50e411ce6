import { S3Error } from '../errors';

/** One element of a parsed request document: its local name (namespace prefix dropped), child elements and text. */
export interface XmlElement {
  readonly name: string;
  readonly children: readonly XmlElement[];
  /** The element's own text, entities decoded, not trimmed (an object key keeps its spaces). */
  readonly text: string;
}

const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

const malformed = (): S3Error => new S3Error('MalformedXML');

/** Decodes `&lt;`, `&amp;`, `&#10;`, `&#x1F600;`, …; an unknown entity is malformed XML. */
function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&([^;&]*);?/g, (whole, entity: string) => {
    if (!whole.endsWith(';')) throw malformed();
    const named = ENTITIES[entity];
    if (named !== undefined) return named;
    const code = /^#x[0-9a-f]+$/i.test(entity)
      ? parseInt(entity.slice(2), 16)
      : /^#[0-9]+$/.test(entity)
        ? parseInt(entity.slice(1), 10)
        : NaN;
    if (!Number.isInteger(code) || code > 0x10ffff) throw malformed();
    return String.fromCodePoint(code);
  });
}

/** A cursor over the document text. */
class Cursor {
  position = 0;
  constructor(readonly text: string) {}

  /** Skips what may stand between elements: whitespace, comments, processing instructions. */
  skipMisc(): void {
    for (;;) {
      while (/\s/.test(this.text.charAt(this.position))) this.position++;
      if (this.text.startsWith('<!--', this.position)) this.position = this.after('-->');
      else if (this.text.startsWith('<?', this.position)) this.position = this.after('?>');
      else return;
    }
  }

  /** The position just past the next `marker`. */
  after(marker: string): number {
    const end = this.text.indexOf(marker, this.position);
    if (end < 0) throw malformed();
    return end + marker.length;
  }
}

/** Parses one element at the cursor (which stands on its `<`). */
function parseElement(cursor: Cursor): XmlElement {
  const { text } = cursor;
  const open = /^<([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/.exec(
    text.slice(cursor.position, cursor.position + 4096),
  );
  if (!open) throw malformed();
  const [whole, qualifiedName = '', , selfClosing] = open;
  cursor.position += whole.length;
  const name = qualifiedName.slice(qualifiedName.indexOf(':') + 1);
  if (selfClosing) return { name, children: [], text: '' };
  const children: XmlElement[] = [];
  let content = '';
  for (;;) {
    const next = text.indexOf('<', cursor.position);
    if (next < 0) throw malformed();
    content += decodeEntities(text.slice(cursor.position, next));
    cursor.position = next;
    if (text.startsWith('</', next)) {
      const close = /^<\/([A-Za-z_][\w.:-]*)\s*>/.exec(text.slice(next, next + qualifiedName.length + 64));
      if (!close || close[1] !== qualifiedName) throw malformed();
      cursor.position += close[0].length;
      return { name, children, text: content };
    }
    if (text.startsWith('<![CDATA[', next)) {
      cursor.position += '<![CDATA['.length;
      const end = cursor.after(']]>');
      content += text.slice(cursor.position, end - 3);
      cursor.position = end;
    } else if (text.startsWith('<!--', next) || text.startsWith('<?', next)) {
      cursor.skipMisc();
    } else {
      children.push(parseElement(cursor));
    }
  }
}

/**
 * Parses the XML body of a request (DeleteObjects' `<Delete>`, CompleteMultipartUpload's parts): a
 * strict parser of the element-only documents S3 takes. It accepts the XML declaration, comments,
 * CDATA, namespaces (prefixes are dropped) and character references; it refuses a DOCTYPE (no
 * entity expansion), unknown entities and mismatched tags.
 *
 * @param text - the body as UTF-8 text.
 * @returns the root element.
 * @throws S3Error `MalformedXML` for anything else.
 */
export function parseXmlRequest(text: string): XmlElement {
  const cursor = new Cursor(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  cursor.skipMisc();
  if (!cursor.text.startsWith('<', cursor.position) || cursor.text.startsWith('<!', cursor.position)) throw malformed();
  const root = parseElement(cursor);
  cursor.skipMisc();
  if (cursor.position !== cursor.text.length) throw malformed();
  return root;
}

/**
 * The children of an element with a given name, in document order.
 *
 * @param element - the parent.
 * @param name - local name, e.g. `Part`.
 * @returns the matching children (maybe none).
 */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}

/**
 * The text of an element's first child of a given name.
 *
 * @param element - the parent.
 * @param name - local name, e.g. `Key`.
 * @returns its text (untrimmed), or undefined when there is no such child.
 */
export function childText(element: XmlElement, name: string): string | undefined {
  return element.children.find((child) => child.name === name)?.text;
}
