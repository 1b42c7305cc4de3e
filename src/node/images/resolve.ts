// The node's image store: what an image reference runs as. kubelite has no registry: an image is
// built in (small Node programs in builtin/ behaving like the tutorial images), defined by the user
// in `<dataDir>/images/` (user-images.ts), or, when the container gives a command, stands for the
// host's own programs (the kubelet warns about that). Anything else fails as a pull would.
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseImageRef } from './image-ref.js';
import { definitionEnv, findUserImage, ImageDefinitionError } from './user-images.js';

export interface ResolvedImage {
  /** The built-in image's short name (`luksa/kubia`), when it is one. */
  builtin?: string;
  entrypoint: string[];
  cmd: string[];
  env: Array<[string, string]>;
  workingDir?: string;
  /** No image was found: the container's command runs as a host program. */
  hostCommand: boolean;
  /** What a pull reports as the image's size: the built-in program's or the definition file's (0 for a host command). */
  sizeBytes: number;
}

/**
 * The image could not be "pulled": the kubelet reports ErrImagePull, then ImagePullBackOff. The
 * message is the runtime's error (the waiting message); the kubelet's Failed event prefixes it
 * with `Failed to pull image "<image>": ` (image_manager.go).
 */
export class ImagePullError extends Error {
  constructor(readonly image: string, message: string) {
    super(message);
  }
}

/** Short name → compiled program (beside this module in dist/). */
const BUILTIN: Record<string, string> = {
  'hello-world': 'hello-world.js',
  'luksa/kubia': 'kubia.js',
  'luksa/kubia-unhealthy': 'kubia-unhealthy.js',
  'luksa/batch-job': 'batch-job.js',
  'luksa/ssd-monitor': 'ssd-monitor.js',
};

export const builtinImages = (): string[] => Object.keys(BUILTIN);

const programSizes = new Map<string, number>();

function programSize(program: string): number {
  let size = programSizes.get(program);
  if (size === undefined) programSizes.set(program, (size = statSync(program).size));
  return size;
}

export function builtinProgram(short: string): string | undefined {
  const file = BUILTIN[short];
  return file && fileURLToPath(new URL(`./builtin/${file}`, import.meta.url));
}

export function resolveImage(image: string, container: { command?: string[]; args?: string[] }, opts: { dataDir: string }): ResolvedImage {
  const ref = parseImageRef(image);
  const program = builtinProgram(ref.short);
  if (program) return { builtin: ref.short, entrypoint: [process.execPath, program], cmd: [], env: [], hostCommand: false, sizeBytes: programSize(program) };
  let user;
  try {
    user = findUserImage(ref, opts.dataDir);
  } catch (e) {
    if (e instanceof ImageDefinitionError) throw new ImagePullError(image, e.message);
    throw e;
  }
  if (user) {
    const d = user.definition;
    return {
      entrypoint: d.entrypoint ?? [], cmd: d.cmd ?? [],
      env: [...definitionEnv(d), ['KUBELITE_IMAGE_DIR', user.root]],
      workingDir: d.workingDir ?? user.root, hostCommand: false, sizeBytes: user.sizeBytes,
    };
  }
  if (container.command && container.command.length > 0) return { entrypoint: [], cmd: [], env: [], hostCommand: true, sizeBytes: 0 };
  // containerd's wording for a missing image (pkg/cri/server/image_pull.go), then why it is missing here.
  throw new ImagePullError(image,
    `rpc error: code = NotFound desc = failed to pull and unpack image "${ref.full}": ` +
    `failed to resolve reference "${ref.full}": ${ref.full}: not found ` +
    `(kubelite has no registry: use a built-in image (${builtinImages().join(', ')}), define the image in ` +
    `${opts.dataDir}/images/${ref.short}.json, or give the container a command to run on the host)`);
}
