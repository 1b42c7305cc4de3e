// docs/tutorial.md as data: its ```console blocks, each a run of `$ command` lines (a heredoc
// continues to its terminator) followed by what the command printed. An HTML comment right before
// a block marks it: `<!-- tutorial: skip (why) -->` blocks are not run by tutorial.test.ts (slow)
// but are run to refresh the guide, `<!-- tutorial: never (why) -->` blocks are never run (they set
// up the reader's own machine), `<!-- tutorial: unchecked (why) -->` blocks run but their output
// is not compared (it depends on timing).

export interface Step { command: string; output: string }
export interface Block { mark: 'run' | 'skip' | 'never' | 'unchecked'; steps: Step[]; start: number; end: number }

export function parseGuide(text: string): Block[] {
  const lines = text.split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] !== '```console') continue;
    let j = i - 1;
    while (j >= 0 && lines[j]!.trim() === '') j--;
    const m = /^<!-- tutorial: (skip|never|unchecked)\b/.exec(lines[j] ?? '');
    const start = i + 1;
    let end = start;
    while (end < lines.length && lines[end] !== '```') end++;
    const steps: Step[] = [];
    for (let k = start; k < end; k++) {
      const line = lines[k]!;
      if (!line.startsWith('$ ')) { if (steps.length) steps[steps.length - 1]!.output += `${line}\n`; continue; }
      let command = line.slice(2);
      const heredoc = /<<'?(\w+)'?\s*$/.exec(command);
      if (heredoc) {
        while (++k < end) {
          command += `\n${lines[k]}`;
          if (lines[k] === heredoc[1]) break;
        }
      }
      steps.push({ command, output: '' });
    }
    blocks.push({ mark: (m?.[1] as Block['mark'] | undefined) ?? 'run', steps, start, end });
    i = end;
  }
  return blocks;
}

/** The guide with each block's outputs replaced by `outputs` (block index → one output per step). */
export function withOutputs(text: string, blocks: Block[], outputs: Map<number, string[]>): string {
  const lines = text.split('\n');
  // From the last block up, so earlier line numbers stay valid.
  for (let b = blocks.length - 1; b >= 0; b--) {
    const got = outputs.get(b);
    if (!got) continue;
    const block = blocks[b]!;
    const body: string[] = [];
    block.steps.forEach((s, i) => {
      body.push(...s.command.split('\n').map((l, n) => (n === 0 ? `$ ${l}` : l)));
      const out = got[i] ?? '';
      if (out) body.push(...out.replace(/\n$/, '').split('\n'));
    });
    lines.splice(block.start, block.end - block.start, ...body);
  }
  return lines.join('\n');
}

/**
 * What may differ between two runs of the same step: ages and durations, generated name suffixes,
 * IPs, times, uids, ports and the node's name. Lines are compared as a sorted list with their
 * spacing collapsed (masked values change column widths; rows of random names sort differently).
 */
export function normalize(output: string, nodeName?: string): string[] {
  let s = output;
  // The node's name as a whole name only: a short host name ("vm") also occurs inside generated names.
  if (nodeName) s = s.replace(new RegExp(`(?<![a-z0-9.-])${nodeName.replace(/[.]/g, '\\.')}(?![a-z0-9-])`, 'g'), '<node>');
  s = s
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g, '<uid>')
    .replace(/\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun),? \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}\b/g, '<time>')
    .replace(/\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \w{3} +\d+ \d{2}:\d{2}:\d{2} \w+ \d{4}\b/g, '<date>')
    .replace(/\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z\b/g, '<time>')
    .replace(/\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b/g, '<ip>')
    .replace(/\b(\d+(ms|s|m|h|d|y))+\b/g, '<age>')
    .replace(/-[a-z0-9]{5}\b/g, '-xxxxx')
    .replace(/\b\d{8}\b/g, '<n>')
    .replace(/:\d{4,5}\b/g, ':<port>')
    .replace(/x\d+ over/g, 'xN over');
  return s.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean).sort();
}
