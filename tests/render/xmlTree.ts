import sax from 'sax';

export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  /** Character data directly inside the element, entities decoded. */
  text: string;
}

/**
 * Parse a document with a strict XML 1.0 parser (only the five predefined entities); throws on
 * anything ill-formed, as a conforming reader would.
 */
export function parseXml(xml: string): XmlNode {
  const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.exec(xml);
  if (forbidden) throw new Error(`character U+${forbidden[0].charCodeAt(0).toString(16)} is not allowed in XML 1.0`);
  const parser = sax.parser(true, { strictEntities: true });
  const root: XmlNode = { name: '#document', attrs: {}, children: [], text: '' };
  const stack = [root];
  let error: Error | null = null;
  parser.onerror = (e) => {
    error ??= e;
  };
  parser.onopentag = (tag) => {
    const node: XmlNode = { name: tag.name, attrs: tag.attributes, children: [], text: '' };
    stack[stack.length - 1]!.children.push(node);
    stack.push(node);
  };
  parser.onclosetag = () => {
    stack.pop();
  };
  parser.ontext = (text) => {
    stack[stack.length - 1]!.text += text;
  };
  parser.oncdata = parser.ontext;
  parser.write(xml).close();
  if (error) throw error;
  if (root.children.length !== 1) throw new Error('expected one root element');
  return root.children[0]!;
}

/** Direct children named `name`. */
export function all(node: XmlNode, name: string): XmlNode[] {
  return node.children.filter((c) => c.name === name);
}

/** The one direct child named `name`; throws when there is none or more than one. */
export function one(node: XmlNode, name: string): XmlNode {
  const found = all(node, name);
  if (found.length !== 1) throw new Error(`<${node.name}> has ${found.length} <${name}>, expected 1`);
  return found[0]!;
}
