// Built-in image `luksa/kubia-unhealthy`: healthy for 5 requests, then 500 (the liveness-probe demo).
import { serveKubia } from './kubia-server.js';

serveKubia({ healthyRequests: 5 });
