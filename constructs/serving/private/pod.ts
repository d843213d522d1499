/**
 * Pod-building helpers shared by the serving constructs. Not part of the public (jsii) API: the barrel does not
 * export this folder.
 */
import { k8s } from 'cdk8s-plus-28';
import type { LeaderWorkerSetSpecLeaderWorkerTemplateWorkerTemplateSpec } from '../../../generated/k8s/lws';

/**
 * The pod spec type the serving constructs build. The LeaderWorkerSet binding's pod template (Kubernetes 1.33+
 * schema) is assignable both to `k8s.PodSpec` (the Deployment's) and to the LWS leader template, so one builder
 * serves Deployments and LeaderWorkerSets without casts.
 */
export type PodSpec = LeaderWorkerSetSpecLeaderWorkerTemplateWorkerTemplateSpec;
export type Container = PodSpec['containers'][number];
export type EnvVar = NonNullable<Container['env']>[number];
export type Volume = NonNullable<PodSpec['volumes']>[number];
export type VolumeMount = NonNullable<Container['volumeMounts']>[number];
export type ContainerPort = NonNullable<Container['ports']>[number];
export type Probe = NonNullable<Container['readinessProbe']>;
export type SecurityContext = NonNullable<Container['securityContext']>;

/** A plain environment variable. */
export function env(name: string, value: string): EnvVar {
  return { name, value };
}

/** An environment variable from a Secret key. */
export function secretEnv(name: string, secretName: string, key: string): EnvVar {
  return { name, valueFrom: { secretKeyRef: { name: secretName, key } } };
}

/** The user every serving container runs as: not root, with a group that owns its writable volumes. */
export const SERVING_UID = 1000;

/** Pod security context: non-root, RuntimeDefault seccomp, volumes group-owned without a recursive chown of big models. */
export function podSecurityContext(uid = SERVING_UID): NonNullable<PodSpec['securityContext']> {
  return {
    runAsNonRoot: true,
    runAsUser: uid,
    runAsGroup: uid,
    fsGroup: uid,
    fsGroupChangePolicy: 'OnRootMismatch',
    seccompProfile: { type: 'RuntimeDefault' },
  };
}

/** Container security context: no privilege escalation, every capability dropped except the ones listed. */
export function containerSecurityContext(addCapabilities: string[] = []): SecurityContext {
  return {
    allowPrivilegeEscalation: false,
    capabilities: { drop: ['ALL'], add: addCapabilities.length ? addCapabilities : undefined },
  };
}

/** Resource requests and limits: CPU requested (never limited, to avoid throttling), memory and devices both. */
export function resources(cpu: number, memoryGib: number, devices: { [name: string]: number }): NonNullable<Container['resources']> {
  const deviceQuantities: { [name: string]: k8s.Quantity } = {};
  for (const [name, count] of Object.entries(devices)) deviceQuantities[name] = k8s.Quantity.fromNumber(count);
  return {
    requests: { cpu: k8s.Quantity.fromNumber(cpu), memory: k8s.Quantity.fromString(`${memoryGib}Gi`), ...deviceQuantities },
    limits: { memory: k8s.Quantity.fromString(`${memoryGib}Gi`), ...deviceQuantities },
  };
}

/** An HTTP GET probe. */
export function httpProbe(path: string, port: string, periodSeconds: number, failureThreshold: number): Probe {
  return { httpGet: { path, port: k8s.IntOrString.fromString(port) }, periodSeconds, failureThreshold, timeoutSeconds: 5 };
}

/** Quotes a word for a POSIX shell, unless it needs no quoting. */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_./:=@%+,-]+$/.test(word) ? word : `'${word.replace(/'/g, '\'\\\'\'')}'`;
}

/** A DNS-1035 label check (Service and Deployment names). */
export function isDnsLabel(name: string): boolean {
  return /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/.test(name);
}

/** A label value made from any name: lower case, `[a-z0-9.-]`, at most 63 characters. */
export function labelValue(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9.-]+/g, '-').replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '').slice(0, 63).replace(/[^a-z0-9]+$/, '');
}

/** How a model source shows up in a pod. */
export interface ModelSourceBinding {
  /** The model argument of `vllm serve`: repository id, local path or `s3://` URL. */
  readonly modelArgument: string;
  /** Extra vLLM flags. */
  readonly args: string[];
  /** Environment. */
  readonly env: EnvVar[];
  /** Volumes. */
  readonly volumes: Volume[];
  /** Mounts into the vLLM container. */
  readonly mounts: VolumeMount[];
}

/** A model server registered with an InferencePool. */
export interface InferencePoolMember {
  readonly path: string;
  readonly role: string;
  readonly servedModelName: string;
}
