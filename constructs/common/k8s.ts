import { ApiObject, Chart, JsonPatch } from 'cdk8s';

/**
 * Drops the namespace a chart puts on every object from a cluster-scoped object (Namespace, ClusterPolicy,
 * ResourceFlavor, ...). Not part of the jsii API.
 */
export function clusterScoped<T extends ApiObject>(obj: T): T {
  if (Chart.of(obj).namespace) obj.addJsonPatch(JsonPatch.remove('/metadata/namespace'));
  return obj;
}

/** Whether `name` is an RFC 1123 DNS label (most Kubernetes names): lower-case alphanumerics and `-`, at most 63. */
export function isDnsLabel(name: string): boolean {
  return name.length <= 63 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name);
}

/** Whether `name` is an RFC 1123 DNS subdomain: DNS labels joined by `.`, at most 253 characters. */
export function isDnsSubdomain(name: string): boolean {
  return name.length <= 253 && name.split('.').every(isDnsLabel);
}

/**
 * Whether `value` is a non-empty Kubernetes label value: at most 63 characters, alphanumerics, `-`, `_` and `.`,
 * starting and ending with an alphanumeric (k8s.io/apimachinery `validation.IsValidLabelValue`; the empty value,
 * which Kubernetes allows, is refused because it reads as unset).
 */
export function isLabelValue(value: string): boolean {
  return value.length <= 63 && /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/.test(value);
}
