// The image step of a container start, as kubelet's image manager (pkg/kubelet/images/image_manager.go
// EnsureImageExists) does it against kubelite's local image store: every image kubelite can run is
// present on the node, and pulling one from the store takes no time. So imagePullPolicy decides the
// events as on a real node: Always pulls on every start ("Pulling image", "Successfully pulled image
// ... Image size: N bytes."), IfNotPresent finds the image "already present on machine", and an image
// the store lacks fails to pull (ErrImagePull) or, under Never, is not pulled at all (ErrImageNeverPull).
import { performance } from 'node:perf_hooks';
import type { Container } from 'kubernetes-types/core/v1.js';
import { ImagePullError, resolveImage, type ResolvedImage } from '../images/resolve.js';
import { goDuration } from './backoff.js';

export interface PullContext {
  /** Whether the runtime runs images at all (the simulated runtime does not: every image is present). */
  usesImages: boolean;
  dataDir: string;
  event(type: 'Normal' | 'Warning', reason: string, message: string, fieldPath?: string): void;
}

export type PullOutcome = { image: ResolvedImage } | { waiting: { reason: string; message: string } };

const NOTHING_TO_RUN: ResolvedImage = { entrypoint: [], cmd: [], env: [], hostCommand: false, sizeBytes: 0 };

export function ensureImage(ctx: PullContext, c: Container, fieldPath: string): PullOutcome {
  const name = c.image ?? '';
  const policy = c.imagePullPolicy ?? 'IfNotPresent'; // the API server defaults it
  const started = performance.now();
  let image: ResolvedImage;
  try {
    image = ctx.usesImages ? resolveImage(name, c, { dataDir: ctx.dataDir }) : NOTHING_TO_RUN;
  } catch (e) {
    if (!(e instanceof ImagePullError)) throw e;
    if (policy === 'Never') {
      const message = `Container image "${name}" is not present with pull policy of Never`;
      ctx.event('Warning', 'ErrImageNeverPull', message, fieldPath);
      ctx.event('Warning', 'Failed', 'Error: ErrImageNeverPull', fieldPath);
      return { waiting: { reason: 'ErrImageNeverPull', message } };
    }
    ctx.event('Normal', 'Pulling', `Pulling image "${name}"`, fieldPath);
    ctx.event('Warning', 'Failed', `Failed to pull image "${name}": ${e.message}`, fieldPath);
    ctx.event('Warning', 'Failed', 'Error: ErrImagePull', fieldPath);
    return { waiting: { reason: 'ErrImagePull', message: e.message } };
  }
  if (policy !== 'Always') {
    ctx.event('Normal', 'Pulled', `Container image "${name}" already present on machine`, fieldPath);
    return { image };
  }
  ctx.event('Normal', 'Pulling', `Pulling image "${name}"`, fieldPath);
  const took = goDuration(Math.floor(performance.now() - started)); // Truncate(time.Millisecond)
  ctx.event('Normal', 'Pulled', `Successfully pulled image "${name}" in ${took} (${took} including waiting). Image size: ${image.sizeBytes} bytes.`, fieldPath);
  return { image };
}
