import type { IncomingMessage, ServerResponse } from 'node:http';
import type { KindDef } from '../../api/kind.js';
import type { Clock } from '../../util/clock.js';
import type { Discovery } from '../discovery.js';
import type { MediaType } from '../http/negotiate.js';
import type { ResourcePath } from '../http/route.js';
import type { Registry } from '../registry/registry.js';

/** What every handler may use: the registry (all reads and writes), discovery, the clock, a logger. */
export interface ApiContext {
  registry: Registry;
  discovery: Discovery;
  clock: Clock;
  log(msg: string): void;
  /** Closed when the server shuts down: long-running requests (watches) end. */
  shutdown: AbortSignal;
}

/** One request to a resource path, already authenticated and routed to its kind. */
export interface ResourceRequest {
  ctx: ApiContext;
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  path: ResourcePath;
  def: KindDef;
  accept: MediaType[];
}

export const groupResource = (def: KindDef) => ({ group: def.group, resource: def.plural });
