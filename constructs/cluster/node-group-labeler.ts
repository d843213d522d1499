import { createHash } from 'crypto';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { IMagnumNodeGroup, NODE_GROUP_LABEL } from './node-group';
import { taintText } from '../accelerators/gpu-node-pool';
import { clusterScoped } from '../common/k8s';
import { invalid } from '../common/validation';

/** The label the labeler puts on a node once it carries its group's labels and taints (value: a hash of them). */
export const NODE_GROUP_CONFIG_LABEL = 'ai-factory.dev/node-group-config';

const NAME = 'ai-factory-node-labeler';

/** Props of {@link NodeGroupLabeler}. */
export interface NodeGroupLabelerProps {
  /** The node groups whose nodes get their pools' labels and taints (all of one cluster). */
  readonly nodeGroups: IMagnumNodeGroup[];
  /**
   * Image with `bash` and `kubectl` (the official kubectl image has both since Kubernetes 1.29).
   * @default - `registry.k8s.io/kubectl:<the cluster's Kubernetes version>`
   */
  readonly image?: string;
  /**
   * Namespace of the labeler (its critical priority class is only allowed in kube-system by default).
   * @default 'kube-system'
   */
  readonly namespaceName?: string;
  /**
   * Seconds between two passes over the nodes (also the longest a new node waits for its taints).
   * @default 10
   */
  readonly intervalSeconds?: number;
}

/**
 * Gives the nodes of Magnum node groups the labels and taints their GPU pools expect.
 *
 * magnum-cluster-api puts only `node.cluster.x-k8s.io/nodegroup=<group>` and `node-role.kubernetes.io/<role>` on a node
 * group's nodes: Magnum node group `labels` configure the driver and taints do not exist (magnum_cluster_api/resources.py
 * `mutate_machine_deployment`; docs/user/getting-started.md "Node group role"). The pools' selectors, the MIG manager's
 * `nvidia.com/mig.config` and the GPU taints would never appear. This small in-cluster controller closes the gap: every
 * `intervalSeconds` it finds the nodes of each group that do not yet carry the group's current configuration (label
 * `ai-factory.dev/node-group-config=<hash>`), taints them, then labels them. It also covers nodes the autoscaler or
 * auto-healing add later.
 *
 * Everything it renders is known at synth time (node group names, pool labels and taints), so the same objects work as
 * YAML for GitOps and as `kubernetes_manifest` resources in Terraform. Until the first pass a new node carries no taint:
 * a pod without tolerations may land there in those seconds, and a NoSchedule taint does not evict it.
 */
export class NodeGroupLabeler extends Construct {
  /** The generated script. */
  public readonly script: string;
  /** The image. */
  public readonly image: string;
  /** The namespace. */
  public readonly namespaceName: string;

  constructor(scope: Construct, id: string, props: NodeGroupLabelerProps) {
    super(scope, id);
    const groups = props.nodeGroups;
    if (groups.length === 0) invalid(this, 'nodeGroups is empty; give the node groups whose nodes need their pools\' labels and taints');
    const clusters = [...new Set(groups.map((g) => g.cluster))];
    if (clusters.length > 1) {
      invalid(this, `node groups of clusters ${clusters.map((c) => c.clusterName).join(' and ')} are mixed; a labeler runs inside one cluster, create one per cluster`);
    }
    const seen = new Set<string>();
    for (const g of groups) {
      if (seen.has(g.nodeGroupName)) invalid(this, `node group ${g.nodeGroupName} is listed twice`);
      seen.add(g.nodeGroupName);
      if (NODE_GROUP_CONFIG_LABEL in g.nodeLabels) invalid(this, `pool ${g.pool.poolName} sets ${NODE_GROUP_CONFIG_LABEL}, which the labeler owns; drop it from the pool's labels`);
    }
    const interval = props.intervalSeconds ?? 10;
    if (!Number.isInteger(interval) || interval < 5 || interval > 3600) invalid(this, `intervalSeconds ${interval} must be an integer from 5 to 3600`);
    this.namespaceName = props.namespaceName ?? 'kube-system';
    this.image = props.image ?? `registry.k8s.io/kubectl:${clusters[0].kubernetesVersion}`;
    this.script = renderScript(groups, interval);
    const scriptHash = createHash('sha256').update(this.script).digest('hex').slice(0, 16);

    const labels = { 'app.kubernetes.io/name': NAME, 'app.kubernetes.io/part-of': 'cdk-ai-factory' };
    const metadata = { name: NAME, namespace: this.namespaceName, labels };
    new k8s.KubeServiceAccount(this, 'ServiceAccount', { metadata, automountServiceAccountToken: true });
    clusterScoped(new k8s.KubeClusterRole(this, 'ClusterRole', {
      metadata: { name: NAME, labels },
      rules: [{ apiGroups: [''], resources: ['nodes'], verbs: ['get', 'list', 'patch'] }],
    }));
    clusterScoped(new k8s.KubeClusterRoleBinding(this, 'ClusterRoleBinding', {
      metadata: { name: NAME, labels },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: NAME },
      subjects: [{ kind: 'ServiceAccount', name: NAME, namespace: this.namespaceName }],
    }));
    new k8s.KubeConfigMap(this, 'Script', { metadata, data: { 'label-nodes.sh': this.script } });
    new k8s.KubeDeployment(this, 'Deployment', {
      metadata,
      spec: {
        replicas: 1,
        strategy: { type: 'Recreate' },
        selector: { matchLabels: { 'app.kubernetes.io/name': NAME } },
        template: {
          metadata: { labels, annotations: { 'ai-factory.dev/script-sha256': scriptHash } },
          spec: {
            serviceAccountName: NAME,
            priorityClassName: 'system-cluster-critical',
            nodeSelector: { 'kubernetes.io/os': 'linux' },
            // it must run before the GPU nodes are labelled and tainted, and on any node
            tolerations: [{ operator: 'Exists' }],
            securityContext: { runAsNonRoot: true, runAsUser: 65534, runAsGroup: 65534, seccompProfile: { type: 'RuntimeDefault' } },
            containers: [{
              name: 'labeler',
              image: this.image,
              command: ['/bin/bash', '/scripts/label-nodes.sh'],
              env: [{ name: 'HOME', value: '/tmp' }],
              resources: {
                requests: { cpu: k8s.Quantity.fromString('10m'), memory: k8s.Quantity.fromString('32Mi') },
                limits: { memory: k8s.Quantity.fromString('128Mi') },
              },
              securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
              volumeMounts: [{ name: 'script', mountPath: '/scripts', readOnly: true }, { name: 'tmp', mountPath: '/tmp' }],
            }],
            volumes: [
              { name: 'script', configMap: { name: NAME } },
              { name: 'tmp', emptyDir: { sizeLimit: k8s.Quantity.fromString('64Mi') } },
            ],
          },
        },
      },
    });
  }
}

/** The configuration hash of a node group: changes when its pool's labels or taints change. */
function configHash(group: IMagnumNodeGroup): string {
  const labels = Object.keys(group.nodeLabels).sort().map((k) => `${k}=${group.nodeLabels[k]}`);
  const taints = group.nodeTaints.map(taintText).sort();
  return createHash('sha256').update(JSON.stringify({ labels, taints })).digest('hex').slice(0, 12);
}

/** The labeler's bash script. Label keys, values and taints use only label characters, so single quotes are safe. */
function renderScript(groups: IMagnumNodeGroup[], intervalSeconds: number): string {
  const calls = groups.map((g) => {
    const labels = Object.keys(g.nodeLabels).sort().map((k) => `${k}=${g.nodeLabels[k]}`).join(' ');
    const taints = g.nodeTaints.map(taintText).join(' ');
    return `  configure '${g.nodeGroupName}' '${configHash(g)}' '${taints}' '${labels}'`;
  });
  return [
    '#!/bin/bash',
    '# Generated by cdk-ai-factory (NodeGroupLabeler). magnum-cluster-api labels a node group\'s nodes only with',
    `# ${NODE_GROUP_LABEL}=<group> and node-role.kubernetes.io/<role>; this gives them their GPU pool's taints and labels.`,
    'set -u',
    '',
    '# configure <node group> <config hash> <taints> <labels>: every node of the group without the current config',
    'configure() {',
    '  local node',
    `  for node in $(kubectl get nodes -o name -l "${NODE_GROUP_LABEL}=$1,${NODE_GROUP_CONFIG_LABEL}!=$2"); do`,
    '    if [ -n "$3" ]; then',
    '      # shellcheck disable=SC2086 # one word per taint',
    '      kubectl taint nodes --overwrite "${node#node/}" $3 || continue',
    '    fi',
    '    # shellcheck disable=SC2086 # one word per label',
    `    kubectl label nodes --overwrite "\${node#node/}" $4 "${NODE_GROUP_CONFIG_LABEL}=$2" && echo "\${node#node/}: node group $1, config $2"`,
    '  done',
    '}',
    '',
    'while true; do',
    ...calls,
    `  sleep ${intervalSeconds}`,
    'done',
    '',
  ].join('\n');
}
