import { Parser as HtmlParser } from 'htmlparser2';

/** Elements and attributes that would run code (or navigate) in a reader that shows the HTML. */
const badTags = new Set(['script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'input', 'button', 'textarea',
  'select', 'svg', 'math', 'meta', 'link', 'base', 'template', 'noscript', 'xml', 'xi:include', 'include']);
const urlAttributes = new Set(['href', 'src', 'action', 'formaction', 'poster', 'srcset', 'cite', 'background', 'xlink:href', 'data']);

/** Problems in one HTML fragment (as a reader gets it, after XML or JSON decoding). */
export function executable(html: string): string[] {
  const problems: string[] = [];
  const parser = new HtmlParser({
    onopentag(name, attributes) {
      if (badTags.has(name)) problems.push(`<${name}>`);
      for (const [attr, value] of Object.entries(attributes)) {
        if (/^on/i.test(attr) || attr === 'style' || attr === 'srcdoc') problems.push(`${name}[${attr}]`);
        if (urlAttributes.has(attr)) {
          const squeezed = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
          if (!/^(https?:|mailto:|[^:]*$)/.test(squeezed) || squeezed.startsWith('//')) problems.push(`${name}[${attr}=${value.slice(0, 40)}]`);
        }
      }
    },
  }, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  parser.write(html);
  parser.end();
  return problems;
}

