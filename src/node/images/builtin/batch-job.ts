// Built-in image `luksa/batch-job`: prints when it starts, works (sleeps) for two minutes, prints when
// it is done, exits 0. KUBELITE_BATCH_JOB_SECONDS shortens the work for tests.
import { dateLine, ignoreTermAsPid1 } from './date-line.js';

const seconds = Number(process.env.KUBELITE_BATCH_JOB_SECONDS ?? 120);
ignoreTermAsPid1(); // the original's shell as PID 1: a deleted pod waits out its grace period
console.log(`${dateLine(Date.now())} Batch job starting`);
setTimeout(() => console.log(`${dateLine(Date.now())} Finished succesfully`), seconds * 1000); // sic, as the original prints it
