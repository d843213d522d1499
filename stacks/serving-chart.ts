import { Chart } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { clusterScoped } from '../constructs/common/k8s';
import { printWarnings } from '../constructs/common/warnings';

/** Props of {@link ServingChart}. */
export interface ServingChartProps {
  /** Namespace the chart's objects live in; the chart creates it. */
  readonly namespaceName: string;
  /**
   * Labels on every object of the chart.
   * @default - none
   */
  readonly labels?: { [key: string]: string };
}

/**
 * A cdk8s chart for model serving in one namespace. It renders the Namespace object itself, so the chart's YAML
 * applies to an empty cluster.
 */
export class ServingChart extends Chart {
  /** The namespace name. */
  public readonly namespaceName: string;

  constructor(scope: Construct, id: string, props: ServingChartProps) {
    super(scope, id, { namespace: props.namespaceName, labels: props.labels, disableResourceNameHashes: true });
    this.namespaceName = props.namespaceName;
    // cdk8s never prints the cdktf warning metadata the serving constructs record: print it during synth
    printWarnings(this);
    clusterScoped(new k8s.KubeNamespace(this, 'Namespace', { metadata: { name: props.namespaceName } }));
  }
}
