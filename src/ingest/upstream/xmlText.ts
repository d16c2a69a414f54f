/** Text hygiene shared by every field an upstream article carries. */

// C0 controls other than tab / LF / CR, U+FFFE / U+FFFF, and UTF-16 surrogates without a partner.
const invalidXmlChars =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Remove characters that XML 1.0 cannot carry (so every output format can serialize the text). */
export function stripInvalidXmlChars(text: string): string {
  return text.replace(invalidXmlChars, '');
}

/** Invalid characters removed, runs of whitespace (including NBSP) collapsed, trimmed. */
export function cleanText(text: string): string {
  return stripInvalidXmlChars(text).replace(/\s+/g, ' ').trim();
}

const basicEntities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };

/** Decode the entities sanitize-html leaves in its output (it decodes every named one itself). */
export function decodeBasicEntities(text: string): string {
  return text.replace(/&(?:(amp|lt|gt|quot|apos|#39)|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));/g, (all, name?: string, dec?: string, hex?: string) => {
    if (name) return basicEntities[name];
    const code = dec ? Number(dec) : Number.parseInt(hex ?? '', 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
  });
}

/** Escape text for inclusion in HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
