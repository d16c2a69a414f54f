/** The few parts of `sax` (no bundled types) the render tests use: a strict, non-validating XML parser. */
declare module 'sax' {
  export interface Tag {
    name: string;
    attributes: Record<string, string>;
    isSelfClosing: boolean;
  }
  export interface SAXParser {
    onerror: (error: Error) => void;
    onopentag: (tag: Tag) => void;
    onclosetag: (name: string) => void;
    ontext: (text: string) => void;
    oncdata: (text: string) => void;
    write(xml: string): SAXParser;
    close(): SAXParser;
  }
  export function parser(strict: boolean, options?: { strictEntities?: boolean; xmlns?: boolean }): SAXParser;
  const sax: { parser: typeof parser };
  export default sax;
}
