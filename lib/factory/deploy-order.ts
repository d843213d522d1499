/**
 * The order a factory's stacks are deployed in. cdktf knows it too (a stack that reads another's outputs depends on
 * it), but the Helm charts of the operators sit between a cluster and what runs in it, and no stack says that: the
 * steps are written out here so the docs, the stack outputs and the tests say the same thing.
 */

/** One stack of a tenant, as the deploy order sees it. */
export interface TenantStacksSpec {
  /** The tenant. */
  readonly tenantName: string;
  /** The tenant's stack (project, quotas, networks, storage, cluster and node groups). */
  readonly stackName: string;
  /**
   * The stack that applies the tenant's cluster side through `ClusterManifests`.
   * @default - the tenant has no cluster
   */
  readonly workloadsStackName?: string;
  /**
   * The Helm charts the tenant's AI gateway needs in its cluster before the cluster side is applied (e.g. Envoy
   * Gateway, Envoy AI Gateway, cert-manager).
   * @default - no gateway
   */
  readonly gatewayCharts?: string[];
}

/** One step of a deployment. */
export interface FactoryDeployStep {
  /** 1-based position: every stack of a step may be deployed in parallel, after every earlier step. */
  readonly step: number;
  /** The stacks this step deploys (`cdktf deploy <stack> ...`); empty for a step outside Terraform. */
  readonly stackNames: string[];
  /** What the step does, for the docs and the `deploy_order` output. */
  readonly description: string;
}

/** Derives the deploy order of a factory: site, tenants, the operators' charts, then the cluster sides. */
export class DeployOrder {
  /** The steps, tenants sorted by name so the order does not depend on the order they were described in. */
  public static of(siteStackName: string, tenants: TenantStacksSpec[]): FactoryDeployStep[] {
    const sorted = [...tenants].sort((a, b) => (a.tenantName < b.tenantName ? -1 : a.tenantName > b.tenantName ? 1 : 0));
    const steps: FactoryDeployStep[] = [
      { step: 1, stackNames: [siteStackName], description: 'the site: pools, flavors, provider networks, share and volume types, images' },
    ];
    if (sorted.length > 0) {
      steps.push({
        step: 2,
        stackNames: sorted.map((t) => t.stackName),
        description: 'the tenants: projects, quotas, networks, storage, clusters and node groups (they read the site\'s outputs)',
      });
    }
    const workloads = sorted.filter((t) => t.workloadsStackName !== undefined);
    if (workloads.length > 0) {
      const gateways = sorted.filter((t) => t.workloadsStackName !== undefined && (t.gatewayCharts ?? []).length > 0)
        .map((t) => `${t.tenantName}'s ${t.gatewayCharts!.join(', ')}`);
      steps.push({
        step: 3,
        stackNames: [],
        description: 'in every cluster, install the operators\' Helm charts (GPU Operator, Network Operator, Kueue, LeaderWorkerSet, ' +
          'Gateway API Inference Extension, Prometheus Operator' + (gateways.length > 0 ? `; for the AI gateways, ${gateways.join('; ')}` : '') +
          '): the cluster side applies their custom resources',
      });
      steps.push({
        step: 4,
        stackNames: workloads.map((t) => t.workloadsStackName!),
        description: 'the cluster sides: operator policies, node labels, namespaces, queues and model servers (or hand dist/ to GitOps)',
      });
    }
    return steps;
  }

  /** The steps as text, one line each: `1. cdktf deploy a b  # what`. */
  public static render(steps: FactoryDeployStep[]): string {
    return steps
      .map((s) => `${s.step}. ${s.stackNames.length > 0 ? `cdktf deploy ${s.stackNames.join(' ')}` : '(outside Terraform)'}: ${s.description}`)
      .join('\n');
  }
}
