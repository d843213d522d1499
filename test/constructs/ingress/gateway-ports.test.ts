import { AiGatewayPorts } from '../../../constructs/ingress/gateway-ports';
import { SecurityGroup } from '../../../constructs/network/security-group';
import { TenantNetwork } from '../../../constructs/network/tenant-network';
import { resourcesOf, synthStack } from '../../util';
import { siteFixture } from '../network/fixtures';

describe('AiGatewayPorts', () => {
  test('one remote-managed port per data-plane replica on each tenant network, with the security groups', () => {
    const { stack, site } = siteFixture({ overlayRemoteManaged: true });
    const networks = ['team-a', 'team-b'].map((t) => new TenantNetwork(stack, `${t}-net`, { tenant: site.addTenant(t), networkName: `${t}-models` }));
    const https = new SecurityGroup(stack, 'Https', { groupName: 'ai-gateway-https' });
    const ports = new AiGatewayPorts(stack, 'GatewayPorts', { networks, replicas: 2, securityGroups: [https], namePrefix: 'ai-gateway' });
    const tf = synthStack(stack);
    const all = Object.values(resourcesOf(tf, 'openstack_networking_port_v2'));
    expect(all.map((p: any) => p.name)).toEqual(['ai-gateway-team-a-models-0', 'ai-gateway-team-a-models-1', 'ai-gateway-team-b-models-0', 'ai-gateway-team-b-models-1']);
    for (const p of all as any[]) {
      expect(p.binding).toEqual({ vnic_type: 'remote-managed' });
      expect(p.security_group_ids).toEqual([expect.stringContaining('openstack_networking_secgroup_v2.Https_')]);
    }
    expect((all[2] as any).network_id).toContain('openstack_networking_network_v2.team-b-net_');
    expect(ports.ports).toHaveLength(4);
  });

  test('fails when a network has no DPUs behind it', () => {
    const { stack, site } = siteFixture();
    const network = new TenantNetwork(stack, 'Net', { tenant: site.addTenant('acme'), networkName: 'acme-models' });
    expect(() => new AiGatewayPorts(stack, 'Ports', { networks: [network], replicas: 1 })).toThrow(
      'test/Ports/acme-models-0: vnic type remote-managed needs BlueField DPUs, but');
  });

  test('fails on no networks, a network listed twice, bad replicas or prefix', () => {
    const { stack, site } = siteFixture({ overlayRemoteManaged: true });
    const network = new TenantNetwork(stack, 'Net', { tenant: site.addTenant('acme'), networkName: 'acme-models' });
    expect(() => new AiGatewayPorts(stack, 'P1', { networks: [], replicas: 1 })).toThrow('test/P1: networks is empty; give the tenant networks the gateway fronts');
    expect(() => new AiGatewayPorts(stack, 'P2', { networks: [network, network], replicas: 1 })).toThrow('test/P2: network acme-models is listed twice');
    expect(() => new AiGatewayPorts(stack, 'P3', { networks: [network], replicas: 0 })).toThrow('test/P3: replicas 0 must be an integer from 1 to 64');
    expect(() => new AiGatewayPorts(stack, 'P4', { networks: [network], replicas: 1, namePrefix: 'GW' })).toThrow('test/P4: namePrefix "GW" must be a DNS label');
  });
});
