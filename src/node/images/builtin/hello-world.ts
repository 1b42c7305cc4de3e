// Built-in image `hello-world`: prints a greeting that explains what just happened, exits 0.
const GREETING = `
Hello from kubelite!
This message shows that your kubelite node appears to be working correctly.

To produce this message, kubelite did the following:
 1. The API server stored the pod (or the Job whose controller created it).
 2. The scheduler bound the pod to a node.
 3. The node found "hello-world" among its built-in images (kubelite has no
    registry and pulls nothing) and started it as a process in the pod's sandbox.
 4. The process wrote this text to stdout; the node kept it as the container's
    log, and kubectl fetched it from there.

To try something bigger, run a web server that tells you which pod answered:
 $ kubectl run kubia --image=luksa/kubia --port=8080
 $ kubectl port-forward kubia 8080 &  curl localhost:8080

Built-in images, and how to add your own: docs/images.md
`;

process.stdout.write(GREETING);
