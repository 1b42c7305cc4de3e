// The HTTP server behind the built-in `luksa/kubia` and `luksa/kubia-unhealthy` images, written for
// kubelite to behave like the book's ("Kubernetes in Action") app: port 8080, answers with the pod's
// hostname, logs each request. In a pod sandbox it binds every address of its own network namespace; without
// one (loopback fallback) the runtime passes the pod IP in KUBELITE_POD_IP so replicas do not collide.
import { createServer } from 'node:http';
import { hostname } from 'node:os';
import { ignoreTermAsPid1 } from './date-line.js';

const PORT = 8080;

export interface KubiaOptions {
  /** Answer 500 once this many requests have been served (the liveness-probe demo). */
  healthyRequests?: number;
}

export function serveKubia(opts: KubiaOptions = {}): void {
  // HOSTNAME is the pod name (the kubelet sets it); in a UTS namespace os.hostname() says the same.
  const name = process.env.HOSTNAME || hostname();
  let served = 0;
  console.log('Kubia server starting...');
  const server = createServer((req, res) => {
    console.log(`Received request from ${req.socket.remoteAddress ?? 'unknown'}`);
    served++;
    if (opts.healthyRequests !== undefined && served > opts.healthyRequests) {
      res.writeHead(500);
      res.end("I'm not well. Please restart me!");
      return;
    }
    res.writeHead(200);
    res.end(`You've hit ${name}\n`);
  });
  // As the book's `server.listen(8080)`: no host means `::` where IPv6 is there (dual-stack, so a
  // client's IPv4 address is logged as ::ffff:10.244.0.1, as learners see it), else 0.0.0.0.
  const podIP = process.env.KUBELITE_POD_IP;
  if (podIP) server.listen(PORT, podIP);
  else server.listen(PORT);
  // The book's app is `node app.js` as PID 1 with no signal handler: the kubelet kills it after the
  // grace period, so the liveness demo's Last State is Error, exit code 137.
  ignoreTermAsPid1();
}
