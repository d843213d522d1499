import { Address4 } from 'ip-address';
import { synthExample } from '../util';

describe('examples/multi-tenant-network', () => {
  const files = synthExample('multi-tenant-network');
  const tf = JSON.parse(files['cdktf.out/stacks/multi-tenant-network/cdk.tf.json']);
  const all = (type: string): any[] => Object.values(tf.resource[type] ?? {});
  const networks = all('openstack_networking_network_v2');
  const segment = (n: any) => n.segments?.[0];

  test('writes one Terraform stack', () => {
    expect(Object.keys(files)).toEqual(['cdktf.out/stacks/multi-tenant-network/cdk.tf.json']);
  });

  test('each tenant has an OVN network, a VLAN network for bare metal and eight IB rail networks', () => {
    for (const t of ['acme', 'beta']) {
      const own = networks.filter((n) => n.name.startsWith(`${t}-`));
      expect(own.filter((n) => !n.segments).map((n) => n.name)).toEqual([`${t}-control`]);
      expect(own.filter((n) => segment(n)?.physical_network === 'baremetal').map((n) => n.name).sort()).toEqual([`${t}-metal`, `${t}-storage`]);
      expect(own.filter((n) => segment(n)?.physical_network?.startsWith('ibrail')).map((n) => segment(n).physical_network))
        .toEqual(['ibrail0', 'ibrail1', 'ibrail2', 'ibrail3', 'ibrail4', 'ibrail5', 'ibrail6', 'ibrail7']);
    }
  });

  test('VLAN ids are unique per physnet; pkeys are unique per tenant on the fabric and never reserved', () => {
    const vlans = networks.filter((n) => segment(n)?.network_type === 'vlan' && segment(n).physical_network === 'baremetal').map((n) => segment(n).segmentation_id);
    expect(new Set(vlans).size).toBe(vlans.length);
    const pkeyOf = (t: string) => new Set(networks.filter((n) => n.name.startsWith(`${t}-gpu-rail`)).map((n) => segment(n).segmentation_id));
    const [acme, beta] = [pkeyOf('acme'), pkeyOf('beta')];
    expect(acme.size).toBe(1);
    expect(beta.size).toBe(1);
    const both = [...acme, ...beta];
    expect(new Set(both).size).toBe(2);
    both.forEach((p) => expect(p > 0x100 && p <= 0x1ff && p !== 0x7fff).toBe(true));
  });

  test('no two subnets overlap', () => {
    const cidrs = all('openstack_networking_subnet_v2').map((s) => s.cidr);
    for (let i = 0; i < cidrs.length; i++) {
      for (let j = i + 1; j < cidrs.length; j++) {
        const [a, b] = [new Address4(cidrs[i]), new Address4(cidrs[j])];
        expect([cidrs[i], cidrs[j], a.isInSubnet(b) || b.isInSubnet(a)]).toEqual([cidrs[i], cidrs[j], false]);
      }
    }
  });

  test('no security rule opens SSH (or any management port) to the world; Neutron defaults are deleted', () => {
    const open = all('openstack_networking_secgroup_rule_v2').filter((r) => r.direction === 'ingress' && /\/0$/.test(r.remote_ip_prefix ?? ''));
    expect(open.map((r) => [r.protocol, r.port_range_min, r.port_range_max])).toEqual([['tcp', 443, 443], ['tcp', 443, 443]]);
    expect(all('openstack_networking_secgroup_v2').every((g) => g.delete_default_rules === true)).toBe(true);
  });

  test('IB networks have no gateway and no router; the control and metal networks are routed', () => {
    const subnets = all('openstack_networking_subnet_v2');
    expect(subnets.filter((s) => s.name.includes('-gpu-rail')).every((s) => s.no_gateway === true)).toBe(true);
    const routed = all('openstack_networking_router_interface_v2').map((i) => i.subnet_id.replace(/^\$\{openstack_networking_subnet_v2\.(\w+?)_Subnet_\w+\.id\}$/, '$1'));
    expect(routed.sort()).toEqual(['acme_Control', 'acme_Metal', 'beta_Control', 'beta_Metal']);
  });

  test('Terraform JSON snapshot', () => {
    expect(tf).toMatchSnapshot();
  });

  test('two syntheses are byte-identical', () => {
    expect(synthExample('multi-tenant-network')).toEqual(files);
  });
});
