/** Entity decoding for text taken out of sanitized HTML. */

const basicEntities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };

/** Decode the entities sanitize-html leaves in its output (it decodes every named one itself). */
export function decodeBasicEntities(text: string): string {
  return text.replace(/&(?:(amp|lt|gt|quot|apos|#39)|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));/g, (all, name?: string, dec?: string, hex?: string) => {
    if (name) return basicEntities[name];
    const code = dec ? Number(dec) : Number.parseInt(hex ?? '', 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
  });
}
