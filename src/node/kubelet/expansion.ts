// $(VAR) expansion as Kubernetes does it for env values, command, args and subPathExpr
// (third_party/forked/golang/expansion/expand.go): `$$` escapes, an unknown reference stays literal,
// an unterminated `$(` is kept, and nothing else (`$VAR`, `${VAR}`) is special.

/** Resolves a name, or returns undefined to leave `$(name)` as written (MappingFuncFor). */
export type Mapping = (name: string) => string | undefined;

/** A mapping that looks the name up in each context in turn, as MappingFuncFor(context...). */
export function mappingFor(...contexts: Array<ReadonlyMap<string, string>>): Mapping {
  return (name) => {
    for (const ctx of contexts) {
      const v = ctx.get(name);
      if (v !== undefined) return v;
    }
    return undefined;
  };
}

export function expand(input: string, mapping: Mapping): string {
  let out = '';
  let checkpoint = 0;
  for (let cursor = 0; cursor < input.length; cursor++) {
    if (input[cursor] !== '$' || cursor + 1 >= input.length) continue;
    out += input.slice(checkpoint, cursor);
    const next = input[cursor + 1];
    let advance = 1;
    if (next === '$') {
      out += '$'; // escaped operator
    } else if (next === '(') {
      const close = input.indexOf(')', cursor + 2);
      if (close < 0) {
        out += '$('; // incomplete reference: keep it, rescan after the '('
      } else {
        const name = input.slice(cursor + 2, close);
        out += mapping(name) ?? `$(${name})`;
        advance = close - cursor;
      }
    } else {
      out += '$' + next;
    }
    cursor += advance;
    checkpoint = cursor + 1;
  }
  return out + input.slice(checkpoint);
}
