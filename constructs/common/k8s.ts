import { ApiObject, Chart, JsonPatch } from 'cdk8s';

/**
 * Drops the namespace a chart puts on every object from a cluster-scoped object (Namespace, ClusterPolicy,
 * ResourceFlavor, ...). Not part of the jsii API.
 */
export function clusterScoped<T extends ApiObject>(obj: T): T {
  if (Chart.of(obj).namespace) obj.addJsonPatch(JsonPatch.remove('/metadata/namespace'));
  return obj;
}
