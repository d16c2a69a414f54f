import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { configFileNames, type ConfigFiles } from '../configData.js';

/** jsonc-parser's error codes, in the words of the one-line start-up message. */
const problems: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: "expected ':'",
  CommaExpected: "expected ','",
  CloseBraceExpected: "expected '}'",
  CloseBracketExpected: "expected ']'",
  EndOfFileExpected: 'expected the end of the file',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in a string (a raw control character?)',
};

/** 1-based line and column of a character offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

/**
 * JSON text → value; a syntax error throws `<path>:<line>:<col>: <problem>` (e.g.
 * `config/regions.json:41:7: expected ','`), located by jsonc-parser in strict JSON mode. Valid
 * JSON is read by the standard parser alone (jsonc-parser's scan of every file cost start-up
 * about 30 ms); jsonc-parser only locates the error of a file it refuses.
 */
export function parseJsonFile(text: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const errors: ParseError[] = [];
    parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    const [first] = errors;
    if (!first) throw new Error(`${path}: ${(error as Error).message}`);
    const { line, column } = lineColumn(text, first.offset);
    const code = printParseErrorCode(first.error);
    throw new Error(`${path}:${line}:${column}: ${problems[code] ?? code}`);
  }
}

/** The four files of CONFIG_DIR, parsed; a missing, unreadable or malformed file throws a one-line message naming it. */
export function readConfigFiles(dir: string): ConfigFiles {
  const entries = configFileNames.map((name) => {
    const path = join(dir, name);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new Error(code === 'ENOENT' ? `${path}: no such file (CONFIG_DIR is ${dir})` : `${path}: cannot read (${code ?? String(error)})`);
    }
    return [name, parseJsonFile(text, path)];
  });
  return Object.fromEntries(entries) as ConfigFiles;
}
