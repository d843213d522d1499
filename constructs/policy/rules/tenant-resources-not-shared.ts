import { PolicyLevel, PolicyPlatform, PolicyRule, PolicySubject } from '../policy-rule';

/** Terraform types whose `shared: true` gives every project of the cloud access. */
const SHAREABLE = ['openstack_networking_network_v2', 'openstack_networking_subnetpool_v2', 'openstack_networking_qos_policy_v2'];
const EVERYONE = ['0.0.0.0/0', '::/0', '*'];

/**
 * A tenant's resources reach another project only through an explicit grant to that project: a Neutron RBAC policy
 * naming the target project (https://docs.openstack.org/neutron/latest/admin/config-rbac.html), a Manila access
 * rule naming a cephx user or a network. Refused: `shared: true` on a tenant's network, subnet pool or QoS policy
 * (it is an RBAC entry for `*`), an RBAC policy whose target is `*`, and a share access rule open to everyone.
 */
export class TenantResourcesNotShared extends PolicyRule {
  public readonly id = 'AIF-TEN-001';
  public readonly rationale = 'a tenant network or share open to every project lets any other tenant attach to it and read or inject its traffic and data';
  public readonly fix = 'leave shared unset and share with one project at a time (shareWith(project): a Neutron RBAC policy naming it), or grant share access to a named cephx user or network';
  public readonly level = PolicyLevel.ERROR;

  public evaluate(subject: PolicySubject): string[] {
    if (subject.platform !== PolicyPlatform.TERRAFORM) return [];
    const body = subject.body;
    const owner = body.tenant_id ?? body.project_id;
    if (SHAREABLE.includes(subject.kind) && body.shared === true && owner !== undefined) {
      return [`${subject.kind} ${JSON.stringify(body.name ?? '')} of project ${owner} is shared with every project (shared: true)`];
    }
    if (subject.kind === 'openstack_networking_rbac_policy_v2' && String(body.target_tenant).trim() === '*') {
      return [`rbac policy ${body.action} on ${body.object_type} ${body.object_id} targets every project (*)`];
    }
    if (subject.kind === 'openstack_sharedfilesystem_share_access_v2' && EVERYONE.includes(String(body.access_to).trim())) {
      return [`share access ${body.access_type} ${body.access_to} opens share ${body.share_id} to everyone`];
    }
    return [];
  }
}
