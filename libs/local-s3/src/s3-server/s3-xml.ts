/** S3's XML namespace, on the root element of every response document. */
const S3_NAMESPACE = 'http://s3.amazonaws.com/doc/2006-03-01/';

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\r': '&#13;',
  '\n': '&#10;',
  '\t': '&#9;',
};

/**
 * Escapes text for an XML element's content or an attribute value: `& < > " '`, and CR, LF and TAB as
 * character references (so an XML parser's line-end normalization cannot change an object key).
 *
 * @param text - any text, e.g. an object key.
 * @returns the escaped text.
 */
export function escapeXml(text: string): string {
  return /[&<>"'\r\n\t]/.test(text) ? text.replace(/[&<>"'\r\n\t]/g, (char) => ESCAPES[char] ?? char) : text;
}

/**
 * One XML element with text content, escaped: `<Name>text</Name>`.
 *
 * @param name - element name.
 * @param value - its text (numbers and booleans as S3 writes them: `12`, `true`).
 * @returns the element as XML text.
 */
export function xmlElement(name: string, value: string | number | boolean): string {
  return `<${name}>${typeof value === 'string' ? escapeXml(value) : String(value)}</${name}>`;
}

/**
 * A whole S3 response document: the XML declaration and a root element in S3's namespace.
 *
 * @param root - root element name, e.g. `ListBucketResult`.
 * @param content - the root's content, already XML (built with {@link xmlElement}).
 * @returns the document text.
 */
export function xmlDocument(root: string, content: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="${S3_NAMESPACE}">${content}</${root}>`;
}

/**
 * An ETag as S3 writes it in headers and XML: the hex digest in double quotes.
 *
 * @param eTag - without quotes, e.g. `900150983cd24fb0d6963f7d28e17f72` or `…-2`.
 * @returns e.g. `"900150983cd24fb0d6963f7d28e17f72"`.
 */
export function quoteETag(eTag: string): string {
  return `"${eTag}"`;
}

/**
 * An ETag as a client sends it (quoted, possibly weak `W/"…"`, possibly with spaces), bare.
 *
 * @param eTag - e.g. `"abc"`, `W/"abc"`, `abc`.
 * @returns e.g. `abc`.
 */
export function unquoteETag(eTag: string): string {
  return eTag.trim().replace(/^W\//, '').replace(/^"|"$/g, '');
}
