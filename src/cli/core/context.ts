// What every API verb of the CLI starts from: kubeconfig (--kubeconfig, then KUBECONFIG, then
// ~/.kubelite/kubeconfig, --context), the namespace (-n, else the context's), a Transport to the
// server, and the resource table (discovery, fetched once on first use).
import { Transport } from '../../client/http-transport.js';
import { loadKubeconfig, type ClusterAccess } from '../../client/kubeconfig.js';
import { discoverResources, resolveResources, type ApiResource } from './resources.js';

export interface GlobalFlags {
  kubeconfig?: string;
  context?: string;
  namespace?: string;
}

export const CLI_USER_AGENT = 'kubelite/v1.33.0 (kubectl-compatible)';

export class CliContext {
  private resources?: Promise<ApiResource[]>;

  private constructor(readonly access: ClusterAccess, readonly transport: Transport, readonly namespace: string, readonly namespaceExplicit: boolean) {}

  static load(flags: GlobalFlags): CliContext {
    const access = loadKubeconfig({ path: flags.kubeconfig, context: flags.context });
    return new CliContext(access, new Transport(access, CLI_USER_AGENT), flags.namespace ?? access.namespace, flags.namespace !== undefined);
  }

  /** Every served resource (one aggregated discovery round trip, cached for this command). */
  allResources(): Promise<ApiResource[]> {
    this.resources ??= discoverResources(this.transport);
    return this.resources;
  }

  /** What a typed resource name means (`po`, `jobs.batch`, `all`); throws ResourceNotFound. */
  async resolve(typed: string): Promise<ApiResource[]> {
    return resolveResources(await this.allResources(), typed);
  }

  close(): void { this.transport.close(); }
}
