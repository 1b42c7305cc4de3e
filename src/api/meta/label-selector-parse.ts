// The label selector string syntax, lexed and parsed as apimachinery's pkg/labels/selector.go does
// (Lexer, Parser.parse/parseRequirement/parseValues...), with the same error messages:
//   x in (foo,,baz),y,z notin (),!w,a=b,c==d,e!=f,g>1,h<2
import { binaryOperators, labelKeyError, newRequirement, type Operator, type Requirement } from './label-requirement.js';

type Token =
  | 'error' | 'end' | 'closedPar' | 'comma' | 'doesNotExist' | 'doubleEquals' | 'equals' | 'greaterThan'
  | 'identifier' | 'in' | 'lessThan' | 'notEquals' | 'notIn' | 'openPar';

const literalTokens: Record<string, Token> = {
  ')': 'closedPar', ',': 'comma', '!': 'doesNotExist', '==': 'doubleEquals', '=': 'equals', '>': 'greaterThan',
  in: 'in', '<': 'lessThan', '!=': 'notEquals', notin: 'notIn', '(': 'openPar',
};

interface Item { tok: Token; lit: string }

const isWhitespace = (c: string) => c === ' ' || c === '\t' || c === '\r' || c === '\n';
const isSpecial = (c: string) => '=!(),><'.includes(c);
const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** Tokenizes byte by byte like the Go lexer (a NUL byte ends the input there too). */
function lex(s: string): Item[] {
  let pos = 0;
  const read = () => (pos < s.length ? s[pos++] : '\0');
  const items: Item[] = [];
  for (;;) {
    let ch = read();
    while (isWhitespace(ch)) ch = read();
    let item: Item;
    if (ch === '\0') {
      item = { tok: 'end', lit: '' };
    } else if (isSpecial(ch)) {
      pos--;
      item = scanSpecial();
    } else {
      pos--;
      let buf = '';
      for (;;) {
        const c = read();
        if (c === '\0') break;
        if (isSpecial(c) || isWhitespace(c)) { pos--; break; }
        buf += c;
      }
      item = has(literalTokens, buf) ? { tok: literalTokens[buf], lit: buf } : { tok: 'identifier', lit: buf };
    }
    items.push(item);
    if (item.tok === 'end') return items;
  }

  // Longest run of special symbols that is still a known operator ("!=", "==", ...).
  function scanSpecial(): Item {
    let last: Item | undefined;
    let buf = '';
    for (;;) {
      const c = read();
      if (c === '\0') break;
      if (!isSpecial(c)) { pos--; break; }
      buf += c;
      if (has(literalTokens, buf)) last = { tok: literalTokens[buf], lit: buf };
      else if (last) { pos--; break; }
    }
    return last ?? { tok: 'error', lit: `error expected: keyword found '${buf}'` };
  }
}

class SelectorSyntaxError extends Error {}

/** Parses a selector string into requirements sorted by key; throws SelectorSyntaxError-like Errors with upstream text. */
export function parseRequirements(selector: string): Requirement[] {
  const items = lex(selector);
  let position = 0;
  // In a values context the keywords `in`/`notin` are plain identifiers.
  const asValue = (it: Item): Item => (it.tok === 'in' || it.tok === 'notIn' ? { tok: 'identifier', lit: it.lit } : it);
  const lookahead = (values = true) => (values ? asValue(items[position]) : items[position]);
  const consume = (values = true) => (values ? asValue(items[position++]) : items[position++]);
  const fail = (msg: string): never => { throw new SelectorSyntaxError(msg); };

  const requirements: Requirement[] = [];
  for (;;) {
    const { tok, lit } = lookahead();
    if (tok === 'identifier' || tok === 'doesNotExist') {
      let r: Requirement;
      try {
        r = parseRequirement();
      } catch (e) {
        throw new SelectorSyntaxError(`unable to parse requirement: ${(e as Error).message}`);
      }
      requirements.push(r);
      const next = consume();
      if (next.tok === 'end') break;
      if (next.tok === 'comma') {
        const after = lookahead();
        if (after.tok !== 'identifier' && after.tok !== 'doesNotExist') fail(`found '${after.lit}', expected: identifier after ','`);
        continue;
      }
      fail(`found '${next.lit}', expected: ',' or 'end of string'`);
    } else if (tok === 'end') {
      break;
    } else {
      fail(`found '${lit}', expected: !, identifier, or 'end of string'`);
    }
  }
  // sort.Sort(ByKey) in Go is not stable; a stable sort gives one of its possible orders.
  return requirements.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

  function parseRequirement(): Requirement {
    let operator: Operator | undefined;
    let { tok, lit } = consume();
    if (tok === 'doesNotExist') {
      operator = '!';
      ({ tok, lit } = consume());
    }
    if (tok !== 'identifier') fail(`found '${lit}', expected: identifier`);
    const keyErr = labelKeyError(lit, '<nil>');
    if (keyErr) fail(keyErr);
    const key = lit;
    const t = lookahead().tok;
    if (t === 'end' || t === 'comma') operator = operator === '!' ? '!' : 'exists';
    if (operator === 'exists' || operator === '!') return built(key, operator, []);
    const op = parseOperator();
    const values = op === 'in' || op === 'notin' ? parseValues() : parseExactValue();
    return built(key, op, [...values].sort());
  }

  function built(key: string, op: Operator, values: string[]): Requirement {
    const r = newRequirement(key, op, values);
    return 'error' in r ? fail(r.error) : r;
  }

  function parseOperator(): Operator {
    const { tok, lit } = consume(false);
    const ops: Partial<Record<Token, Operator>> = { in: 'in', equals: '=', doubleEquals: '==', greaterThan: 'gt', lessThan: 'lt', notIn: 'notin', notEquals: '!=' };
    return ops[tok] ?? fail(`found '${lit}', expected: ${binaryOperators.join(', ')}`);
  }

  function parseValues(): Set<string> {
    const open = consume();
    if (open.tok !== 'openPar') fail(`found '${open.lit}' expected: '('`);
    const { tok, lit } = lookahead();
    if (tok === 'identifier' || tok === 'comma') {
      const s = parseIdentifiersList();
      if (consume().tok !== 'closedPar') fail(`found '${lit}', expected: ')'`);
      return s;
    }
    if (tok === 'closedPar') {
      consume();
      return new Set(['']);
    }
    return fail(`found '${lit}', expected: ',', ')' or identifier`);
  }

  function parseIdentifiersList(): Set<string> {
    const s = new Set<string>();
    for (;;) {
      const { tok, lit } = consume();
      if (tok === 'identifier') {
        s.add(lit);
        const next = lookahead();
        if (next.tok === 'comma') continue;
        if (next.tok === 'closedPar') return s;
        fail(`found '${next.lit}', expected: ',' or ')'`);
      } else if (tok === 'comma') {
        if (s.size === 0) s.add(''); // "(,"
        const next = lookahead().tok;
        if (next === 'closedPar') { s.add(''); return s; } // ",)"
        if (next === 'comma') s.add(''); // ",,"
      } else {
        fail(`found '${lit}', expected: ',', or identifier`);
      }
    }
  }

  function parseExactValue(): Set<string> {
    const t = lookahead().tok;
    if (t === 'end' || t === 'comma') return new Set(['']);
    const { tok, lit } = consume();
    if (tok === 'identifier') return new Set([lit]);
    return fail(`found '${lit}', expected: identifier`);
  }
}
