#!/usr/bin/env node
import { main } from '../dist/src/cli/main.js';

// A closed pipe (`kubelite get pods | head -1`) ends the command quietly, as it ends kubectl.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => { if (e.code === 'EPIPE') process.exit(0); throw e; });
}

main(process.argv.slice(2)).then((code) => { if (typeof code === 'number') process.exitCode = code; });
