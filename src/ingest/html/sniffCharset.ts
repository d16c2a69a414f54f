/**
 * The charset an HTML page declares for itself in its first 1024 bytes: `<meta charset="...">` or
 * `<meta http-equiv="Content-Type" content="text/html; charset=...">`, read as ASCII the way the
 * HTML standard's prescan does (a declaration inside a comment does not count). Null when none.
 */
const prescanBytes = 1024;

export function sniffCharset(bytes: Uint8Array): string | null {
  let head = '';
  for (let i = 0; i < Math.min(bytes.length, prescanBytes); i++) head += String.fromCharCode(bytes[i]);
  head = head.replace(/<!--[\s\S]*?-->/g, '');
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const charset = attribute(tag, 'charset');
    if (charset) return charset;
    if (attribute(tag, 'http-equiv')?.toLowerCase() === 'content-type') {
      const m = /charset\s*=\s*["']?([^"';\s]+)/i.exec(attribute(tag, 'content') ?? '');
      if (m) return m[1];
    }
  }
  return null;
}

function attribute(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>/]+))`, 'i').exec(tag);
  if (!m) return null;
  const value = (m[1] ?? m[2] ?? m[3]).trim();
  return value === '' ? null : value;
}
