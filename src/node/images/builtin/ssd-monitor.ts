// Built-in image `luksa/ssd-monitor` (the DaemonSet demo): prints "SSD OK" every 5 seconds until
// killed, as the original's `while true; do echo 'SSD OK'; sleep 5; done` does. That loop is PID 1,
// so SIGTERM does nothing: a pod whose node loses the label stays Terminating for its grace period.
import { ignoreTermAsPid1 } from './date-line.js';

const PERIOD_MS = 5000;
ignoreTermAsPid1();
const report = () => console.log('SSD OK');
report();
setInterval(report, PERIOD_MS);
