import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/** A small, readable style: no web fonts, no scripts, dark mode from the system. */
const style = `
:root { color-scheme: light dark; --muted: #667; --line: #ddd; }
@media (prefers-color-scheme: dark) { :root { --muted: #aab; --line: #444; } }
body { font: 17px/1.5 system-ui, sans-serif; max-width: 46rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
a { color: LinkText; }
h1 { font-size: 1.8rem; margin: 0.5rem 0; } h2 { font-size: 1.3rem; margin-top: 2rem; border-bottom: 1px solid var(--line); } h3 { font-size: 1.05rem; margin-bottom: 0.25rem; }
ul.feeds { list-style: none; padding: 0; margin: 0.25rem 0; } ul.feeds li { padding: 0.2rem 0; }
ul.feeds li.member { padding-left: 1.25rem; }
.count, .meta, .note, small { color: var(--muted); }
.formats a { font-size: 0.85rem; margin-left: 0.35rem; }
.partial { border-left: 4px solid #c80; padding-left: 0.75rem; }
article p { margin: 0 0 1rem; }
nav.top { font-size: 0.95rem; }
`;

/** An HTML document: lang, charset and viewport first, then the title and whatever the page adds to its head. */
export function layout(options: { lang: string; title: string; description?: string; head?: Html; body: Html }): Html {
  return html`<!DOCTYPE html>
<html lang="${options.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title}</title>
${options.description ? html`<meta name="description" content="${options.description}">\n` : ''}<link rel="icon" href="/favicon.ico" sizes="32x32">
${options.head ?? ''}<style>${raw(style)}</style>
</head>
<body>
${options.body}
</body>
</html>
`;
}
