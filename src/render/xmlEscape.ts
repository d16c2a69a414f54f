import { stripInvalidXml } from '../ingest/cleanText.js';

const entities: Record<string, string> = {
  '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;', '\r': '&#13;', '\t': '&#9;', '\n': '&#10;',
};

/**
 * Plain text as XML character data: the special characters escaped and characters XML 1.0 forbids
 * (control characters, lone surrogates) dropped, so no input can make the document ill-formed.
 * A carriage return is escaped too, or parsers would turn it into a line feed. No CDATA anywhere:
 * escaping has no `]]>` edge case.
 */
export function xmlEscape(text: string): string {
  return stripInvalidXml(text).replace(/[<>&"'\r]/g, (c) => entities[c]!);
}

/** Plain text as an attribute value: also tabs and line feeds, which parsers would turn into spaces. */
export function xmlAttrEscape(text: string): string {
  return stripInvalidXml(text).replace(/[<>&"'\r\t\n]/g, (c) => entities[c]!);
}
