import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { useTenantNamespace } from './chart-namespace';
import { GpuBatchJob } from '../constructs/batch/batch-job';
import { ITenantNamespace } from '../constructs/cluster/tenant-namespace';
import { printWarnings } from '../constructs/common/warnings';

/** Props of {@link BatchChart}. */
export interface BatchChartProps {
  /**
   * The tenant's namespace the jobs run in (a `TenantNamespace`, or `FactoryTenant.addNamespace()`), defined in
   * another chart of the same cdk8s app; it must have the LocalQueue of the jobs' queue.
   */
  readonly tenantNamespace: ITenantNamespace;
  /**
   * Labels on every object of the chart.
   * @default - none
   */
  readonly labels?: { [key: string]: string };
}

/**
 * A cdk8s chart for a tenant's batch jobs (`GpuBatchJob`, `WhisperTranscriptionJob`, their claims and config): its
 * objects land in the tenant's namespace, which the chart never re-defines (a namespace is defined once, with the
 * tenant's labels, Pod Security level, quota and network policies), and it applies after the chart that defines it.
 * Checked at synth: every batch job in the chart runs in that namespace.
 */
export class BatchChart extends Chart {
  /** The namespace name. */
  public readonly namespaceName: string;
  /** The tenant namespace the chart's objects land in. */
  public readonly tenantNamespace: ITenantNamespace;

  constructor(scope: Construct, id: string, props: BatchChartProps) {
    super(scope, id, { namespace: props.tenantNamespace.namespaceName, labels: props.labels, disableResourceNameHashes: true });
    // cdk8s never prints the warnings the batch constructs record: print them during synth
    printWarnings(this);
    this.namespaceName = props.tenantNamespace.namespaceName;
    this.tenantNamespace = props.tenantNamespace;
    useTenantNamespace(this, props.tenantNamespace);
    this.node.addValidation({
      validate: () => this.node.findAll()
        .filter((c): c is GpuBatchJob => c instanceof GpuBatchJob && c.namespaceName !== this.namespaceName)
        .map((j) => `batch job ${j.jobName} (${j.node.path}) runs in namespace ${j.namespaceName}, but this chart is for namespace ${this.namespaceName}; `
          + 'create the job in the batch chart of its namespace'),
    });
  }
}
