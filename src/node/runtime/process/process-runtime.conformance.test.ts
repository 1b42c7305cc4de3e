import { runtimeConformance } from '../conformance.js';
import { canUseNamespaces, processFixture } from './test-fixture.js';

runtimeConformance('process (loopback)', () => processFixture('loopback'));
if (canUseNamespaces) runtimeConformance('process (namespaces)', () => processFixture('namespaces'));
