import { Hono } from 'hono';
import { faviconIco, iconPng } from './iconBytes.js';

const bytes = (base64: string) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));

/** `/favicon.ico` and `/icon.png`: the icon every feed names (RSS `<image>`, Atom `<icon>`, JSON Feed `icon`/`favicon`). */
export function iconRoutes(): Hono {
  const app = new Hono();
  const icons = { '/favicon.ico': [bytes(faviconIco), 'image/x-icon'], '/icon.png': [bytes(iconPng), 'image/png'] } as const;
  for (const [path, [body, type]] of Object.entries(icons)) {
    app.get(path, (c) => c.body(body.slice(), 200, { 'Content-Type': type, 'Cache-Control': 'public, max-age=86400' }));
  }
  return app;
}
