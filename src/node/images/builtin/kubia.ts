// Built-in image `luksa/kubia`: answers every request with `You've hit <hostname>`.
import { serveKubia } from './kubia-server.js';

serveKubia();
