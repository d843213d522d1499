import { fail, oneOf } from '../../lib/errors';

// Rules for Magnum labels and names, shared by the cluster constructs. Not part of the jsii API (not in the barrel).
//
// Magnum `labels` configure the COE driver (here magnum-cluster-api); they are not Kubernetes node labels. The driver
// reads them with `strutils.bool_from_string(value, strict=True)` and `strutils.validate_integer(value, key)`
// (magnum_cluster_api/utils.py), so a label that is not a boolean or an integer where one is expected fails the
// cluster (or node group) at create time. Sources: vexxhost/magnum-cluster-api docs/user/labels.md, utils.py,
// resources.py.

/** Labels magnum-cluster-api reads as booleans (strict oslo booleans). */
const BOOL_LABELS = [
  'audit_log_enabled',
  'auto_healing_enabled',
  'auto_scaling_enabled',
  'cilium_hubble_ui_enabled',
  'cinder_csi_enabled',
  'different_failure_domain',
  'keystone_auth_enabled',
  'kubelet_serving_tls_enabled',
  'manila_csi_enabled',
  'master_lb_floating_ip_enabled',
  'octavia_lb_healthcheck',
];

/** Labels magnum-cluster-api reads as integers. */
const INT_LABELS = ['audit_log_maxage', 'audit_log_maxbackup', 'audit_log_maxsize', 'boot_volume_size', 'etcd_volume_size', 'max_node_count', 'min_node_count'];

/** Labels magnum-cluster-api reads as strings. */
const STRING_LABELS = [
  'api_server_cert_sans',
  'api_server_tls_cipher_suites',
  'availability_zone',
  'boot_volume_availability_zone',
  'boot_volume_type',
  'calico_ipv4pool',
  'calico_tag',
  'cinder_csi_plugin_tag',
  'cloud_provider_tag',
  'container_infra_prefix',
  'dns_cluster_domain',
  'etcd_volume_type',
  'fixed_subnet_cidr',
  'kube_tag',
  'kubelet_config_profile',
  'kubelet_nodegroup_config_profile_set',
  'kubelet_tls_cipher_suites',
  'manila_csi_plugin_tag',
  'manila_csi_share_network_id',
  'octavia_lb_algorithm',
  'octavia_provider',
  'oidc_client_id',
  'oidc_groups_claim',
  'oidc_groups_prefix',
  'oidc_issuer_url',
  'oidc_username_claim',
  'oidc_username_prefix',
  'server_group_policies',
  'service_cluster_ip_range',
];

const KNOWN_LABELS = new Set([...BOOL_LABELS, ...INT_LABELS, ...STRING_LABELS]);

/** Spellings `oslo_utils.strutils.bool_from_string(strict=True)` accepts. */
const OSLO_BOOLEANS = new Set(['1', 't', 'true', 'on', 'y', 'yes', '0', 'f', 'false', 'off', 'n', 'no']);

/** Server group policies magnum-cluster-api accepts (utils.py `AVAILABLE_SERVER_GROUP_POLICIES`); others are dropped silently. */
const SERVER_GROUP_POLICIES = ['affinity', 'anti-affinity', 'soft-affinity', 'soft-anti-affinity'];

/** A Kubernetes version as `kube_tag` wants it, e.g. `v1.33.12` (magnum-cluster-api images are built per version). */
export const KUBE_TAG = /^v(\d+)\.(\d+)\.(\d+)$/;

/** A Magnum boolean label value. */
export function magnumBool(value: boolean): string {
  return value ? 'true' : 'false';
}

/**
 * Checks labels a user adds on top of the ones a construct derives (`managed`, set through props). Throws for a label
 * Magnum or magnum-cluster-api would reject or misread; returns the keys magnum-cluster-api does not know (worth a
 * warning: it ignores them).
 */
export function checkExtraLabels(labels: { [key: string]: string }, managed: { [key: string]: string }): string[] {
  const unknown: string[] = [];
  for (const [key, value] of Object.entries(labels)) {
    if (key.includes('/') || key.includes('.')) {
      fail(
        `label ${key} looks like a Kubernetes node label, but Magnum labels configure the driver and never reach the nodes ` +
          '(magnum-cluster-api only sets node-role.kubernetes.io/<role> and node.cluster.x-k8s.io/nodegroup); ' +
          "the pool's nodeLabels reach the nodes through NodeGroupLabeler",
      );
    }
    if (!/^[a-z][a-z0-9_]*$/.test(key)) {
      fail(`label key ${JSON.stringify(key)} is not a Magnum label name; magnum-cluster-api labels are lower-case snake_case such as boot_volume_type`);
    }
    // own keys only: a user key such as 'constructor' is not in the object's prototype chain for us
    if (Object.prototype.hasOwnProperty.call(managed, key)) {
      fail(`label ${key} is set by the construct (${key}=${managed[key]}); use the matching prop instead of labels`);
    }
    if (typeof value !== 'string') fail(`label ${key} must be a string, got ${JSON.stringify(value)}`);
    if (BOOL_LABELS.includes(key) && !OSLO_BOOLEANS.has(value.toLowerCase())) {
      fail(`label ${key}=${value} is not a boolean; magnum-cluster-api reads it strictly, use "true" or "false"`);
    }
    if (INT_LABELS.includes(key) && !/^-?\d+$/.test(value.trim())) {
      fail(`label ${key}=${value} is not an integer; magnum-cluster-api reads it with validate_integer`);
    }
    if (key === 'kube_tag' && !KUBE_TAG.test(value)) fail(`label kube_tag=${value} must look like v1.33.12`);
    if (key === 'server_group_policies') {
      const bad = value.split(',').filter((p) => !SERVER_GROUP_POLICIES.includes(p));
      if (bad.length > 0) {
        fail(`label server_group_policies=${value} names ${oneOf(bad, 'and')}, which magnum-cluster-api drops silently; use ${oneOf(SERVER_GROUP_POLICIES)}`);
      }
    }
    if (!KNOWN_LABELS.has(key)) unknown.push(key);
  }
  const provider = labels.octavia_provider ?? managed.octavia_provider;
  const algorithm = labels.octavia_lb_algorithm ?? managed.octavia_lb_algorithm;
  if (provider === 'ovn' && algorithm !== undefined && algorithm !== 'SOURCE_IP_PORT') {
    fail(`octavia_lb_algorithm ${algorithm} does not work with the ovn Octavia provider; it supports only SOURCE_IP_PORT`);
  }
  return unknown;
}

/** Sorts a label map by key, so the synthesized JSON is stable. */
export function sortedLabels(labels: { [key: string]: string }): { [key: string]: string } {
  return Object.fromEntries(Object.keys(labels).sort().map((k) => [k, labels[k]]));
}
