import { Testing } from 'cdktf';
import { synthValidated, tenant } from './fixtures';
import { ApplicationCredential } from '../../../constructs/identity/application-credential';
import { Bucket } from '../../../constructs/storage/bucket';
import { ObjectStorageService } from '../../../lib/storage/object-storage';
import { AccessRule, CredentialExpiry, HttpMethod } from '../../../lib/tenancy/credential';
import { FactoryStack } from '../../../stacks/factory-stack';
import { onlyResource, synthStack, testStack } from '../../util';

const rgw = ObjectStorageService.cephRgw({ s3EndpointUrl: 'https://rgw.example.net' });

describe('ApplicationCredential', () => {
  test('the training pipeline: read one dataset bucket, start servers, write one model registry — nothing else', () => {
    const stack = testStack();
    const t = tenant(stack, 'T', 'research');
    const datasets = new Bucket(stack, 'Datasets', { tenant: t, service: rgw, bucketName: 'research-datasets' });
    const registry = new Bucket(stack, 'Registry', { tenant: t, service: rgw, bucketName: 'research-models' });
    const cred = t.addApplicationCredential('Pipeline', {
      roles: ['member'],
      expiry: CredentialExpiry.daysAfter('2026-06-01', 90),
      accessRules: [...datasets.readAccessRules(), AccessRule.of('compute', HttpMethod.POST, '/v2.1/servers'), AccessRule.of('compute', HttpMethod.GET, '/v2.1/servers/*')],
    });
    cred.addAccessRules(registry.writeAccessRules());
    const r = onlyResource(synthStack(stack), 'openstack_identity_application_credential_v3');
    expect(r).toMatchObject({ name: 'research-pipeline', roles: ['member'], expires_at: '2026-08-30T00:00:00Z', unrestricted: false, provider: 'openstack.project_research' });
    expect(r.access_rules).toHaveLength(9);
    expect(r.access_rules[0]).toEqual({ service: 'object-store', method: 'GET', path: expect.stringMatching(/^\/swift\/v1\/AUTH_\$\{openstack_identity_project_v3\.T_Project_\w+\.id\}\/research-datasets$/) });
    expect(r.access_rules.map((a: any) => a.method)).toEqual(['GET', 'GET', 'HEAD', 'HEAD', 'POST', 'GET', 'PUT', 'POST', 'DELETE']);
    expect(r.depends_on).toEqual([expect.stringMatching(/^openstack_identity_project_v3\./), expect.stringMatching(/^openstack_identity_role_assignment_v3\.T_Members_User-default-svc-research-member_/)]);
    expect(cred.expiresAt).toBe('2026-08-30T00:00:00Z');
  });

  test('an unrestricted credential that never expires carries both reasons in its description', () => {
    const stack = testStack();
    const t = tenant(stack, 'T', 'ops');
    new ApplicationCredential(stack, 'Magnum', {
      tenant: t,
      roles: ['member'],
      description: 'cluster provisioning',
      expiry: CredentialExpiry.never('rotated by the cluster operator'),
      unrestricted: true,
      unrestrictedReason: 'creates the per-cluster application credentials of magnum-cluster-api',
    });
    const r = onlyResource(synthStack(stack), 'openstack_identity_application_credential_v3');
    expect(r.expires_at).toBeUndefined();
    expect(r.unrestricted).toBe(true);
    expect(r.description).toBe('cluster provisioning; never expires: rotated by the cluster operator; unrestricted: creates the per-cluster application credentials of magnum-cluster-api');
  });

  test('a credential without access rules is legal but warned about', () => {
    const stack = testStack();
    const t = tenant(stack, 'T', 't');
    const c = t.addApplicationCredential('Ci', { roles: ['member'], expiry: CredentialExpiry.at('2027-01-01T00:00:00Z') });
    synthValidated(stack);
    expect(c.node.metadata.filter((m) => m.type === '@cdktf/warn').map((m) => m.data)).toEqual(['application credential t-ci has no access rules: it may call every API its roles allow']);
  });

  test('fails when the credential has no expiry', () => {
    const t = tenant(testStack(), 'T', 't');
    expect(() => t.addApplicationCredential('Ci', { roles: ['member'], expiry: undefined as unknown as CredentialExpiry })).toThrow(
      "test/T/Ci: application credential t-ci has no expiry; give expiry: CredentialExpiry.at('2026-12-31T00:00:00Z'), CredentialExpiry.daysAfter('2026-06-01', 90) " +
        'or, for one that must never expire, CredentialExpiry.never(reason)',
    );
  });

  test('fails when the credential is unrestricted without a reason', () => {
    const t = tenant(testStack(), 'T', 't');
    expect(() => t.addApplicationCredential('Ci', { roles: ['member'], expiry: CredentialExpiry.at('2027-01-01T00:00:00Z'), unrestricted: true })).toThrow(
      'test/T/Ci: application credential t-ci is unrestricted without an unrestrictedReason; an unrestricted credential can create and delete other application ' +
        'credentials and trusts, so say why it needs to (at least 10 characters), or leave it restricted',
    );
  });

  test('fails when the credential asks for a role its owner lacks', () => {
    const t = tenant(testStack(), 'T', 't');
    expect(() => t.addApplicationCredential('Ci', { roles: ['admin'], expiry: CredentialExpiry.at('2027-01-01T00:00:00Z') })).toThrow(
      'test/T/Ci: application credential t-ci asks for role(s) admin that its owner svc-t does not have on project t (it has member); ' +
        'an application credential can only delegate its owner\'s roles, so grant them in projectScope.roles',
    );
  });

  test('fails when the credential has no roles', () => {
    const t = tenant(testStack(), 'T', 't');
    expect(() => t.addApplicationCredential('Ci', { roles: [], expiry: CredentialExpiry.at('2027-01-01T00:00:00Z') })).toThrow(
      'test/T/Ci: application credential t-ci has no roles; Keystone would delegate every role of its owner, so name the roles it needs',
    );
  });

  test('fails when two credentials of one user share a name', () => {
    const stack = new FactoryStack(Testing.app({ stackTraces: false }), 's');
    const t = tenant(stack, 'T', 't');
    t.addApplicationCredential('A', { credentialName: 'ci', roles: ['member'], expiry: CredentialExpiry.at('2027-01-01T00:00:00Z') });
    expect(() => t.addApplicationCredential('B', { credentialName: 'ci', roles: ['member'], expiry: CredentialExpiry.at('2027-01-01T00:00:00Z') })).toThrow(
      's/T/B: application credential name ci of user svc-t is already used by s/T/A; names are unique per user',
    );
  });
});
