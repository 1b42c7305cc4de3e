// What every API verb of the CLI starts from: kubeconfig (--kubeconfig, then KUBECONFIG, then
// ~/.kubelite/kubeconfig, --context), the namespace (-n, else the context's), a Transport to the
// server, and the resource table (discovery: from the disk cache when it is recent, else one
// aggregated discovery round trip, kept for the rest of the command).
import { Transport } from '../../client/http-transport.js';
import { loadKubeconfig, type ClusterAccess } from '../../client/kubeconfig.js';
import { realClock, type Clock } from '../../util/clock.js';
import { defaultCacheDir, discoveryCacheFile, readCachedResources, writeCachedResources } from './discovery-cache.js';
import { discoverResources, findResources, ResourceNotFound, type ApiResource } from './resources.js';

export interface GlobalFlags {
  kubeconfig?: string;
  context?: string;
  namespace?: string;
  /** kubectl's --cache-dir (default: KUBECACHEDIR, else ~/.kubelite/cache). */
  cacheDir?: string;
}

export const CLI_USER_AGENT = 'kubelite/v1.33.0 (kubectl-compatible)';

/** The resource table and whether this process fetched it (kubectl's CachedDiscoveryClient.Fresh). */
interface Discovered { resources: ApiResource[]; fresh: boolean }

export class CliContext {
  private discovered?: Promise<Discovered>;

  constructor(
    readonly access: ClusterAccess, readonly transport: Transport, readonly namespace: string, readonly namespaceExplicit: boolean,
    private readonly cacheFile: string, private readonly clock: Clock,
  ) {}

  static load(flags: GlobalFlags, clock: Clock = realClock): CliContext {
    const access = loadKubeconfig({ path: flags.kubeconfig, context: flags.context });
    const cacheFile = discoveryCacheFile(flags.cacheDir || defaultCacheDir(), access.server);
    return new CliContext(access, new Transport(access, CLI_USER_AGENT), flags.namespace ?? access.namespace, flags.namespace !== undefined, cacheFile, clock);
  }

  /** Every served resource. `fresh` asks the server even when the cache is recent (kubectl
   *  api-resources invalidates its cache unless --cached). */
  async allResources(opts: { fresh?: boolean } = {}): Promise<ApiResource[]> {
    if (opts.fresh && !(await this.table()).fresh) this.discovered = this.fromServer();
    return (await this.table()).resources;
  }

  /**
   * What `find` picks from the table; when it picks nothing from a cached table, the table is
   * fetched again and `find` runs once more, so a kind the server gained since is never missed.
   */
  async lookup<T>(find: (all: ApiResource[]) => T | undefined): Promise<T | undefined> {
    const current = this.table();
    const { resources, fresh } = await current;
    const hit = find(resources);
    if (hit !== undefined || fresh) return hit;
    if (this.discovered === current) this.discovered = this.fromServer();
    return find((await this.table()).resources);
  }

  /** What a typed resource name means (`po`, `jobs.batch`, `all`); throws ResourceNotFound. */
  async resolve(typed: string): Promise<ApiResource[]> {
    const found = await this.lookup((all) => findResources(all, typed));
    if (!found) throw new ResourceNotFound(typed);
    return found;
  }

  close(): void { this.transport.close(); }

  private table(): Promise<Discovered> {
    this.discovered ??= this.fromCacheOrServer();
    return this.discovered;
  }

  private fromCacheOrServer(): Promise<Discovered> {
    const cached = readCachedResources(this.cacheFile, this.clock.now());
    return cached ? Promise.resolve({ resources: cached, fresh: false }) : this.fromServer();
  }

  private async fromServer(): Promise<Discovered> {
    const resources = await discoverResources(this.transport);
    writeCachedResources(this.cacheFile, resources);
    return { resources, fresh: true };
  }
}
