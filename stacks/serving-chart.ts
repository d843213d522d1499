import { Chart } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { checkNamespaceDefinedOnce, useTenantNamespace } from './chart-namespace';
import { ITenantNamespace } from '../constructs/cluster/tenant-namespace';
import { clusterScoped, isDnsLabel } from '../constructs/common/k8s';
import { invalid } from '../constructs/common/validation';
import { printWarnings } from '../constructs/common/warnings';

/** Props of {@link ServingChart}. */
export interface ServingChartProps {
  /**
   * Namespace the chart's objects live in; the chart creates it.
   * @default - the name of `tenantNamespace` (one of the two is required)
   */
  readonly namespaceName?: string;
  /**
   * The tenant's namespace (a `TenantNamespace`, or `FactoryTenant.addNamespace()`), defined in another chart of the
   * same cdk8s app: the chart's objects land in it and the chart emits no Namespace of its own, so the namespace is
   * defined once, with the tenant's labels, Pod Security level, quota and network policies.
   * @default - the chart creates a Namespace `namespaceName`
   */
  readonly tenantNamespace?: ITenantNamespace;
  /**
   * Labels on every object of the chart.
   * @default - none
   */
  readonly labels?: { [key: string]: string };
}

/**
 * A cdk8s chart for model serving in one namespace. Given a `tenantNamespace`, its objects land in the tenant's
 * namespace and it depends on the chart that defines it; otherwise it renders a Namespace object itself, so its YAML
 * applies to an empty cluster.
 */
export class ServingChart extends Chart {
  /** The namespace name. */
  public readonly namespaceName: string;
  /** The tenant namespace the chart's objects land in, when it was given one. */
  public readonly tenantNamespace?: ITenantNamespace;

  constructor(scope: Construct, id: string, props: ServingChartProps) {
    const namespaceName = props.tenantNamespace?.namespaceName ?? props.namespaceName;
    super(scope, id, { namespace: namespaceName, labels: props.labels, disableResourceNameHashes: true });
    // cdk8s never prints the cdktf warning metadata the serving constructs record: print it during synth
    printWarnings(this);
    if (namespaceName === undefined) {
      invalid(this, 'a serving chart needs a namespace; give namespaceName, or tenantNamespace to reuse a tenant\'s namespace');
    }
    if (props.tenantNamespace !== undefined && props.namespaceName !== undefined && props.namespaceName !== namespaceName) {
      invalid(this, `namespaceName ${JSON.stringify(props.namespaceName)} differs from the tenant namespace ${namespaceName}; ` +
        'leave namespaceName out when you give tenantNamespace');
    }
    if (!isDnsLabel(namespaceName)) {
      invalid(this, `namespaceName ${JSON.stringify(namespaceName)} is not a DNS label (at most 63 lower-case letters, digits and dashes, ` +
        'starting and ending with a letter or digit); rename the namespace');
    }
    this.namespaceName = namespaceName;
    this.tenantNamespace = props.tenantNamespace;
    if (props.tenantNamespace === undefined) {
      checkNamespaceDefinedOnce(clusterScoped(new k8s.KubeNamespace(this, 'Namespace', { metadata: { name: namespaceName } })));
      return;
    }
    useTenantNamespace(this, props.tenantNamespace);
  }
}
