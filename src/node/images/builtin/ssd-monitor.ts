// Built-in image `luksa/ssd-monitor` (the DaemonSet demo): reports every 5 seconds until stopped.
import { dateLine, exitOnTerm } from './date-line.js';

const PERIOD_MS = 5000;
exitOnTerm();
const report = () => console.log(`${dateLine(Date.now())} SSD OK`);
report();
setInterval(report, PERIOD_MS);
