/**
 * How deeply a text nests, measured in one linear pass before any parser sees it. The parsers, the scope analysis
 * and the recogniser recurse at least once per level, and near the end of the stack V8 does not always throw a
 * RangeError: a regular expression compiled there aborts the whole process ("RegExpCompiler Allocation failed").
 * Counted as levels: brackets, template `${`, and JSX elements. Strings, comments and regular expression literals are
 * skipped; whether a `/` starts a regular expression and a `<` a JSX element is told, as a tokenizer does, by the
 * token before it. A wrong guess costs a level or a line, never the pass's linearity.
 */

/**
 * Deeper than this, a text is not parsed. Measured on Node 20 by `node bench/nesting.mjs`, which parses and analyses
 * each shape of nesting in a fresh process: the shallowest failure is espree's on the reader thread's smaller stack,
 * at 181 levels of `f(async () => await f(…))`; on the main thread typescript-estree fails from 240 levels, espree from
 * 255, oxc's trees (in the analysis) from 791. Hand-written code stays under 40.
 */
export const MAX_NESTING = 100;
/** Babel, which parses Flow files, spends nearly twice espree's stack per level: it fails from 147 levels. */
export const MAX_FLOW_NESTING = 64;

/**
 * What is open: a bracket or a template's `${` (code), a JSX `{…}` (code that returns to JSX), a JSX opening tag, or a
 * JSX element's children.
 */
type Frame = 'code' | 'template' | 'jsx-expression' | 'tag' | 'element';

/** Words after which an expression starts, so a `/` starts a regular expression and a `<` a JSX element. */
const BEFORE_EXPRESSION = new Set([
  'return',
  'typeof',
  'instanceof',
  'in',
  'of',
  'new',
  'delete',
  'void',
  'throw',
  'case',
  'do',
  'else',
  'yield',
  'await',
  'extends',
]);

/** Whether `text` nests more than `limit` levels deep; `jsx` when its parser reads JSX. */
export function nestsDeeperThan(text: string, limit: number, jsx: boolean): boolean {
  return new NestingScan(text, jsx).exceeds(limit);
}

/** `<>` or `<name`; group 1 holds what makes it a type parameter list instead. */
const ELEMENT_START = /^<(?:>|[\p{L}_$][\p{L}\p{N}_$.:-]*\s*(,|extends\b)?)/u;

class NestingScan {
  private readonly stack: Frame[] = [];
  private at = 0;
  /** Whether the next token starts an expression: a `/` there starts a regular expression, a `<` a JSX element. */
  private expression = true;

  constructor(
    private readonly text: string,
    private readonly jsx: boolean,
  ) {}

  exceeds(limit: number): boolean {
    while (this.at < this.text.length) {
      const top = this.stack.at(-1);
      if (top === 'tag') this.tagToken();
      else if (top === 'element') this.childToken();
      else this.codeToken();
      if (this.stack.length > limit) return true;
    }
    return false;
  }

  private codeToken(): void {
    const { text } = this;
    const char = text[this.at]!;
    const next = text[this.at + 1];
    if (char === '/' && next === '/') this.skipPast('\n');
    else if (char === '/' && next === '*') this.skipPast('*/');
    else if (char === '/' && this.expression) this.skipRegExp();
    else if (char === '"' || char === "'") this.skipString(char);
    else if (char === '`') {
      this.at++;
      this.templateText();
    } else if (char === '(' || char === '[' || char === '{') this.open('code');
    else if (char === ')' || char === ']' || char === '}') this.close(char);
    else if (char === '<' && next === '<') {
      // A shift, read whole: its second `<` would otherwise be taken for a JSX element (`1<<c`).
      this.at += 2;
      this.expression = true;
    } else if (char === '<' && this.jsx && this.expression && this.startsElement()) this.openElement();
    else if (isWordChar(char)) this.word();
    else {
      this.at++;
      // Whitespace keeps the state; any other punctuator (`=`, `,`, `=>`, `!`…) is followed by an expression.
      if (!isSpace(char)) this.expression = true;
    }
  }

  /** Inside a JSX opening tag: attribute names, strings, `{…}` values, up to `>` or `/>`. */
  private tagToken(): void {
    const char = this.text[this.at]!;
    if (char === '"' || char === "'") this.skipPast(char, 1);
    else if (char === '{') this.open('jsx-expression');
    else if (char === '>') {
      this.at++;
      this.stack[this.stack.length - 1] = 'element';
    } else if (char === '/' && this.text[this.at + 1] === '>') {
      this.at += 2;
      this.closeElement();
    } else this.at++;
  }

  /** Between a JSX element's tags: text, `{…}`, child elements, and the closing tag. */
  private childToken(): void {
    const char = this.text[this.at]!;
    if (char === '{') this.open('jsx-expression');
    else if (char === '<' && this.text[this.at + 1] === '/') {
      this.skipPast('>');
      this.closeElement();
    } else if (char === '<') this.openElement();
    else this.at++;
  }

  private open(frame: Frame): void {
    this.at++;
    this.stack.push(frame);
    this.expression = true;
  }

  private close(char: string): void {
    this.at++;
    const frame = this.stack.pop();
    this.expression = false;
    if (frame === 'template' && char === '}') this.templateText();
  }

  /** `<div`, or `<>` whose children follow at once. */
  private openElement(): void {
    this.at++;
    this.stack.push(this.text[this.at] === '>' ? 'element' : 'tag');
    if (this.text[this.at] === '>') this.at++;
  }

  private closeElement(): void {
    this.stack.pop();
    this.expression = false;
  }

  /** A JSX element, or a fragment, rather than `<T,>(…) =>` or `<T extends U>(…) =>` (a generic arrow function in TSX). */
  private startsElement(): boolean {
    const start = ELEMENT_START.exec(this.text.slice(this.at, this.at + 256));
    return start !== null && start[1] === undefined;
  }

  /** A template literal's text from the current position: up to its closing backtick, or into a `${`. */
  private templateText(): void {
    const { text } = this;
    while (this.at < text.length) {
      const char = text[this.at]!;
      if (char === '\\') this.at += 2;
      else if (char === '`') {
        this.at++;
        this.expression = false;
        return;
      } else if (char === '$' && text[this.at + 1] === '{') {
        this.at++;
        this.open('template');
        return;
      } else this.at++;
    }
  }

  /** A quoted string, ended by its quote or (unterminated) by the line's end. */
  private skipString(quote: string): void {
    const { text } = this;
    this.at++;
    while (this.at < text.length && text[this.at] !== quote && text[this.at] !== '\n')
      this.at += text[this.at] === '\\' ? 2 : 1;
    this.at++;
    this.expression = false;
  }

  /** A regular expression literal: `/` inside a class `[…]` does not end it; the line's end does. */
  private skipRegExp(): void {
    const { text } = this;
    let inClass = false;
    for (this.at++; this.at < text.length && text[this.at] !== '\n'; this.at++) {
      const char = text[this.at];
      if (char === '\\') this.at++;
      else if (char === '[') inClass = true;
      else if (char === ']') inClass = false;
      else if (char === '/' && !inClass) break;
    }
    this.at++;
    this.expression = false;
  }

  /** Moves past the next `end` (past `from` characters first), or to the text's end. */
  private skipPast(end: string, from = 2): void {
    const found = this.text.indexOf(end, this.at + from);
    this.at = found === -1 ? this.text.length : found + end.length;
  }

  /** An identifier, a keyword or a number. */
  private word(): void {
    const start = this.at;
    while (this.at < this.text.length && isWordChar(this.text[this.at]!)) this.at++;
    this.expression = BEFORE_EXPRESSION.has(this.text.slice(start, this.at));
  }
}

function isSpace(char: string): boolean {
  return char === ' ' || char === '\n' || char === '\t' || char === '\r' || /\s/.test(char);
}

function isWordChar(char: string): boolean {
  return (
    (char >= 'a' && char <= 'z') ||
    (char >= 'A' && char <= 'Z') ||
    (char >= '0' && char <= '9') ||
    char === '_' ||
    char === '$' ||
    (char > '\x7f' && !isSpace(char))
  );
}
