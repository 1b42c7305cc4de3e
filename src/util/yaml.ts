// The `yaml` package, loaded on first use: most requests are JSON, and start-up should not pay for it.
import { createRequire } from 'node:module';

type YamlModule = typeof import('yaml');
let mod: YamlModule | undefined;
const load = (): YamlModule => (mod ??= createRequire(import.meta.url)('yaml') as YamlModule);

export const parseYaml: YamlModule['parse'] = ((...args: Parameters<YamlModule['parse']>) => load().parse(...args)) as YamlModule['parse'];
export const stringifyYaml: YamlModule['stringify'] = ((...args: Parameters<YamlModule['stringify']>) => load().stringify(...args)) as YamlModule['stringify'];
