/**
 * Envoy Gateway's EnvoyProxy (`gateway.envoyproxy.io/v1alpha1`), typed here for the few fields we set instead of
 * imported with `cdk8s import`: the EnvoyProxy CRD is 1.4 MB (the whole Kubernetes pod and container spec, twice),
 * and its binding alone was 37,500 of the 63,500 lines of the Envoy Gateway module, every one of them compiled by jsii.
 * The field names are those of envoyproxy/gateway v1.9.0 `api/v1alpha1/envoyproxy_types.go` (`provider.type`,
 * `provider.kubernetes.envoyDeployment`, `.envoyService`) and `api/v1alpha1/shared_types.go`
 * (`KubernetesDeploymentSpec.replicas/pod/container`, `KubernetesPodSpec.nodeSelector/tolerations`,
 * `KubernetesContainerSpec.resources`, `KubernetesServiceSpec.type/externalTrafficPolicy`). The unit tests pin the
 * object and CI validates the examples' output against the upstream CRD. Not jsii API.
 */
import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';

export const ENVOY_PROXY_API_VERSION = 'gateway.envoyproxy.io/v1alpha1';

export interface EnvoyProxyToleration {
  readonly key?: string;
  readonly operator?: string;
  readonly value?: string;
  readonly effect?: string;
  readonly tolerationSeconds?: number;
}

export interface EnvoyProxyResources {
  readonly cpu: string;
  readonly memory: string;
}

export interface EnvoyProxySpec {
  readonly provider: {
    readonly type: 'Kubernetes';
    readonly kubernetes: {
      readonly envoyDeployment: {
        readonly replicas: number;
        readonly pod: {
          readonly nodeSelector?: { [key: string]: string };
          readonly tolerations?: EnvoyProxyToleration[];
        };
        readonly container: {
          readonly resources: { readonly requests: EnvoyProxyResources; readonly limits: EnvoyProxyResources };
        };
      };
      readonly envoyService: {
        readonly type: 'ClusterIP' | 'LoadBalancer' | 'NodePort';
        readonly externalTrafficPolicy: 'Local' | 'Cluster';
      };
    };
  };
}

/** An EnvoyProxy object. */
export function envoyProxy(scope: Construct, id: string, metadata: { name: string; namespace: string }, spec: EnvoyProxySpec): ApiObject {
  return new ApiObject(scope, id, { apiVersion: ENVOY_PROXY_API_VERSION, kind: 'EnvoyProxy', metadata, spec });
}
