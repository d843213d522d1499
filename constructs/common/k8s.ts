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

/** How an environment variable name stands with the Kubernetes API server's validation. */
export enum EnvVarNameCheck {
  /** Valid on every supported release (`validation.IsEnvVarName`: `[-._a-zA-Z][-._a-zA-Z0-9]*`). */
  VALID = 'valid',
  /**
   * Valid only where RelaxedEnvironmentVariableValidation is on (`validation.IsRelaxedEnvVarName`: printable ASCII
   * but `=`): beta and on by default since Kubernetes 1.32, GA since 1.34 (pkg/features/kube_features.go); older
   * API servers refuse it.
   */
  RELAXED_ONLY = 'relaxed-only',
  /** Refused by every release: empty, `=`, or not printable ASCII. */
  INVALID = 'invalid',
}

/**
 * Checks an environment variable name the way the API server does (k8s.io/apimachinery pkg/util/validation
 * `IsEnvVarName`, and `IsRelaxedEnvVarName` where the relaxed validation is on). Not part of the jsii API.
 */
export function checkEnvVarName(name: string): EnvVarNameCheck {
  // IsEnvVarName also refuses `.`, `..` and a `..` prefix (hasChDirPrefix); the relaxed validation does not
  if (/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(name) && name !== '.' && !name.startsWith('..')) return EnvVarNameCheck.VALID;
  return name.length > 0 && /^[\x20-\x3c\x3e-\x7e]+$/.test(name) ? EnvVarNameCheck.RELAXED_ONLY : EnvVarNameCheck.INVALID;
}
