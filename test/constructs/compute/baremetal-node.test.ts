import { TerraformVariable, Testing } from 'cdktf';
import { ironicStack, Project, sensitiveVariables } from './helpers';
import {
  BaremetalNode,
  BootMode,
  BondMode,
  DeployRamdisk,
  NetworkInterfaceType,
} from '../../../constructs/compute/baremetal-node';
import { BmcCredentials, BmcDriver, RedfishAuthType } from '../../../constructs/compute/bmc';
import { BootInterfaceType } from '../../../lib/hardware/ironic-boot';
import { ServerProfile } from '../../../lib/hardware/server';
import { onlyResource, resourcesOf, synthStack, testStack } from '../../util';

const hgx = ServerProfile.HGX_H200_8GPU;

const credentials = new WeakMap<object, BmcCredentials>();
function redfish(stack: any, address = 'https://10.0.0.5', systemId?: string): BmcDriver {
  if (!credentials.has(stack)) {
    const [u, p] = sensitiveVariables(stack);
    credentials.set(stack, BmcCredentials.fromVariables(u, p));
  }
  return BmcDriver.redfish({ address, systemId, credentials: credentials.get(stack)! });
}

/** Warnings attached to any construct of the stack. */
function warnings(stack: any): string[] {
  return stack.node.findAll().flatMap((c: any) => c.node.metadata.filter((m: any) => /warn/i.test(m.type)).map((m: any) => m.data));
}

const macs = { 'lom0/0': '3c:ec:ef:00:00:01', 'bf3-0/0': 'b8:3f:d2:00:00:01', 'bf3-0/1': 'b8:3f:d2:00:00:02' };

describe('BaremetalNode', () => {
  test('enrolls a Redfish node: UEFI virtual media, enrolled with its ports, credentials as variable references', () => {
    const stack = ironicStack();
    new BaremetalNode(stack, 'Gpu01', { nodeName: 'gpu-01', server: hgx, driver: redfish(stack), resourceClass: 'baremetal-hgx', macAddresses: macs });
    const tf = synthStack(stack);
    expect(onlyResource(tf, 'ironic_node')).toMatchObject({
      name: 'gpu-01',
      driver: 'redfish',
      driver_info: {
        redfish_address: 'https://10.0.0.5',
        redfish_username: '${var.bmc_user}',
        redfish_password: '${var.bmc_pass}',
        redfish_verify_ca: true,
      },
      properties: { cpu_arch: 'x86_64', local_gb: 1919, capabilities: 'boot_mode:uefi' },
      resource_class: 'baremetal-hgx',
      boot_interface: 'redfish-virtual-media',
      deploy_interface: 'direct',
      network_interface: 'flat',
      inspect_interface: 'redfish',
      power_interface: 'redfish',
      management_interface: 'redfish',
      automated_clean: true,
      // provider 1.0 cannot inspect a new node, nor clean it before its ports exist (baremetal-lifecycle.test.ts)
      manage: false,
      inspect: false,
      clean: false,
      available: false,
    });
    expect(tf.variable.bmc_pass).toEqual({ sensitive: true, type: 'string' });
  });

  test('one port per MAC, PXE only on the provisioning port', () => {
    const stack = ironicStack();
    new BaremetalNode(stack, 'Gpu01', { nodeName: 'gpu-01', server: hgx, driver: redfish(stack), resourceClass: 'bm', macAddresses: macs });
    const ports = Object.values(resourcesOf(synthStack(stack), 'ironic_port')).map((p: any) => [p.address, p.pxe_enabled]);
    expect(ports.sort()).toEqual([
      ['3c:ec:ef:00:00:01', true],
      ['b8:3f:d2:00:00:01', false],
      ['b8:3f:d2:00:00:02', false],
    ]);
  });

  test('a bond becomes a port group holding its member ports', () => {
    const stack = ironicStack();
    new BaremetalNode(stack, 'Gpu01', {
      nodeName: 'gpu-01',
      server: hgx,
      driver: redfish(stack),
      resourceClass: 'bm',
      macAddresses: macs,
      bonds: [{ bondName: 'bond0', ports: ['bf3-0/0', 'bf3-0/1'] }],
    });
    const tf = synthStack(stack);
    const group = onlyResource(tf, 'ironic_port_group');
    expect(group).toMatchObject({ name: 'gpu-01-bond0', address: 'b8:3f:d2:00:00:01', mode: '802.3ad' });
    const members = Object.values(resourcesOf(tf, 'ironic_port')).filter((p: any) => p.port_group_uuid);
    expect(members.map((p: any) => p.address)).toEqual(['b8:3f:d2:00:00:01', 'b8:3f:d2:00:00:02']);
    expect((members[0] as any).port_group_uuid).toMatch(/^\$\{ironic_port_group\.Gpu01_PortGroup-bond0_.*\.id\}$/);
  });

  test('options: BIOS with iPXE, neutron with link info, deploy ISO, owner, system id, root device hints', () => {
    const stack = ironicStack();
    const [u, p] = sensitiveVariables(stack, 'other');
    new BaremetalNode(stack, 'N', {
      nodeName: 'n1',
      server: hgx,
      driver: BmcDriver.redfish({
        address: '10.0.0.9',
        systemId: '/redfish/v1/Systems/2',
        credentials: BmcCredentials.fromVariables(u, p),
        authType: RedfishAuthType.SESSION,
      }),
      resourceClass: 'bm',
      macAddresses: { 'lom0/0': 'AA-BB-CC-DD-EE-01' },
      bootMode: BootMode.BIOS,
      bootInterface: BootInterfaceType.IPXE,
      networkInterface: NetworkInterfaceType.NEUTRON,
      localLinkConnections: { 'lom0/0': { switchId: '00:1c:73:00:00:01', portId: 'Ethernet1/5', switchInfo: 'leaf-1' } },
      deployRamdisk: DeployRamdisk.iso('https://images/ipa.iso'),
      owner: new Project(stack, 'Ops', 'ops'),
      rootDeviceHints: { size: '>= 1800' },
      automatedClean: false,
    });
    const tf = synthStack(stack);
    expect(onlyResource(tf, 'ironic_node')).toMatchObject({
      driver_info: { redfish_system_id: '/redfish/v1/Systems/2', redfish_auth_type: 'session', deploy_iso: 'https://images/ipa.iso' },
      properties: { capabilities: 'boot_mode:bios', root_device: { size: '>= 1800' } },
      boot_interface: 'ipxe',
      network_interface: 'neutron',
      owner: 'project-ops',
      automated_clean: false,
    });
    expect(onlyResource(tf, 'ironic_port')).toMatchObject({
      address: 'aa:bb:cc:dd:ee:01',
      local_link_connection: { switch_id: '00:1c:73:00:00:01', port_id: 'Ethernet1/5', switch_info: 'leaf-1' },
    });
  });

  test('traits become a trait command output (the provider cannot set them)', () => {
    const stack = ironicStack();
    new BaremetalNode(stack, 'N', { nodeName: 'gpu-01', server: hgx, driver: redfish(stack), resourceClass: 'bm', macAddresses: macs, traits: ['CUSTOM_IB_NDR'] });
    const tf = synthStack(stack);
    expect(tf.output.gpu_01_trait_command.value).toMatch(/^openstack baremetal node add trait \$\{ironic_node\.N_[0-9A-F]+\.id\} CUSTOM_IB_NDR$/);
  });

  test('verifyInventory reads ironic_inventory with postconditions on architecture, memory and MACs', () => {
    const stack = ironicStack();
    new BaremetalNode(stack, 'N', { nodeName: 'gpu-01', server: hgx, driver: redfish(stack), resourceClass: 'bm', macAddresses: { 'lom0/0': '3C:EC:EF:00:00:01' }, verifyInventory: true });
    const inventory = Object.values(synthStack(stack).data.ironic_inventory)[0] as any;
    expect(inventory.uuid).toMatch(/^\$\{ironic_node\.N_[0-9A-F]+\.id\}$/);
    expect(inventory.lifecycle.postcondition).toEqual([
      {
        condition: '${try(self.cpu.architecture, "") == "x86_64"}',
        error_message: 'Node gpu-01: the inspected CPU architecture is not x86_64, as server profile hgx-h200-8gpu says.',
      },
      {
        condition: '${try(self.memory.physical_mb, 0) >= 1992294}',
        error_message: 'Node gpu-01: the inspected memory is below the 2048 GiB of server profile hgx-h200-8gpu.',
      },
      {
        condition: '${alltrue([for m in ["3c:ec:ef:00:00:01"] : contains(try([for nic in self.nics : lower(nic.mac)], []), m)])}',
        error_message: 'Node gpu-01: inspection did not find every enrolled MAC (3c:ec:ef:00:00:01); check the inventory and the cabling.',
      },
    ]);
  });

  test('an LACP bond over the provisioning port warns about LACP fallback', () => {
    const stack = ironicStack();
    new BaremetalNode(stack, 'N', {
      nodeName: 'gpu-01',
      server: hgx,
      driver: redfish(stack),
      resourceClass: 'bm',
      macAddresses: macs,
      provisioningPorts: ['bf3-0/0'],
      bonds: [{ bondName: 'bond0', ports: ['bf3-0/0', 'bf3-0/1'], mode: BondMode.LACP }],
    });
    expect(Testing.synth(stack)).toBeDefined();
    expect(warnings(stack)).toContain(
      'node gpu-01: provisioning port bf3-0/0 is in LACP bond bond0; the switch needs LACP fallback (or a non-LACP mode) for the deploy ramdisk to reach the provisioning network',
    );
  });

  test('fails when virtual media is asked without UEFI', () => {
    const stack = ironicStack();
    expect(
      () => new BaremetalNode(stack, 'N', { nodeName: 'n', server: hgx, driver: redfish(stack), resourceClass: 'bm', macAddresses: macs, bootMode: BootMode.BIOS }),
    ).toThrow(
      'test/N: boot interface redfish-virtual-media needs UEFI, but bootMode is bios; use BootMode.UEFI (Ironic\'s default) or BootInterfaceType.PXE / IPXE for legacy BIOS',
    );
  });

  test('fails when a BMC credential is given as a literal', () => {
    const stack = ironicStack();
    const driver = BmcDriver.redfish({ address: '10.0.0.5', credentials: BmcCredentials.fromReferences('admin', 'hunter2') });
    expect(() => new BaremetalNode(stack, 'N', { nodeName: 'n', server: hgx, driver, resourceClass: 'bm', macAddresses: macs })).toThrow(
      'test/N: BMC username is a literal string; credentials must not appear in code or in the synthesized Terraform: use ' +
        'BmcCredentials.fromVariables() with sensitive variables, or BmcCredentials.fromKeyManager() with Barbican secrets',
    );
  });

  test('fails when a BMC credential variable is not sensitive', () => {
    const stack = ironicStack();
    const user = new TerraformVariable(stack, 'user', { type: 'string', sensitive: true });
    const pass = new TerraformVariable(stack, 'pass', { type: 'string' });
    const driver = BmcDriver.redfish({ address: '10.0.0.5', credentials: BmcCredentials.fromVariables(user, pass) });
    expect(() => new BaremetalNode(stack, 'N', { nodeName: 'n', server: hgx, driver, resourceClass: 'bm', macAddresses: macs })).toThrow(
      'test/N: BMC password variable pass is not sensitive; declare it with sensitive: true so Terraform redacts it from plans and output',
    );
  });

  test('fails when two nodes share a MAC address', () => {
    const stack = ironicStack();
    new BaremetalNode(stack, 'A', { nodeName: 'gpu-01', server: hgx, driver: redfish(stack, '10.0.0.1'), resourceClass: 'bm', macAddresses: macs });
    expect(
      () => new BaremetalNode(stack, 'B', { nodeName: 'gpu-02', server: hgx, driver: redfish(stack, '10.0.0.2'), resourceClass: 'bm', macAddresses: { 'lom0/0': '3C:EC:EF:00:00:01' } }),
    ).toThrow('test/B: MAC 3c:ec:ef:00:00:01 is used by node gpu-01 (lom0/0) and node gpu-02 (lom0/0); every port needs its own MAC');
  });

  test('fails when two nodes share a BMC address', () => {
    const stack = ironicStack();
    new BaremetalNode(stack, 'A', { nodeName: 'gpu-01', server: hgx, driver: redfish(stack, 'https://10.0.0.1/'), resourceClass: 'bm', macAddresses: macs });
    expect(
      () => new BaremetalNode(stack, 'B', { nodeName: 'gpu-02', server: hgx, driver: redfish(stack, '10.0.0.1'), resourceClass: 'bm', macAddresses: { 'lom0/0': '3c:ec:ef:00:00:02' } }),
    ).toThrow('test/B: BMC address 10.0.0.1 is used by node gpu-01 and node gpu-02; every node needs its own BMC (or its own Redfish systemId)');
  });

  test('two systems of one BMC are two nodes', () => {
    const stack = ironicStack();
    new BaremetalNode(stack, 'A', { nodeName: 'a', server: hgx, driver: redfish(stack, '10.0.0.1', '/redfish/v1/Systems/1'), resourceClass: 'bm', macAddresses: { 'lom0/0': '3c:ec:ef:00:00:01' } });
    new BaremetalNode(stack, 'B', { nodeName: 'b', server: hgx, driver: redfish(stack, '10.0.0.1', '/redfish/v1/Systems/2'), resourceClass: 'bm', macAddresses: { 'lom0/0': '3c:ec:ef:00:00:02' } });
    expect(Object.keys(resourcesOf(synthStack(stack), 'ironic_node'))).toHaveLength(2);
  });

  test('fails when a MAC names a port the profile does not have', () => {
    const stack = ironicStack();
    expect(
      () => new BaremetalNode(stack, 'N', { nodeName: 'n', server: hgx, driver: redfish(stack), resourceClass: 'bm', macAddresses: { 'ib0/0': '3c:ec:ef:00:00:01' } }),
    ).toThrow('test/N: port ib0/0 does not exist on server profile hgx-h200-8gpu; its Ethernet ports are lom0/0, bf3-0/0, bf3-0/1, bf3-1/0 or bf3-1/1');
  });

  test('fails when a MAC address is malformed', () => {
    const stack = ironicStack();
    expect(() => new BaremetalNode(stack, 'N', { nodeName: 'n', server: hgx, driver: redfish(stack), resourceClass: 'bm', macAddresses: { 'lom0/0': '3c:ec:ef:00:01' } })).toThrow(
      'test/N: MAC address "3c:ec:ef:00:01" of port lom0/0 is not of the form aa:bb:cc:dd:ee:ff',
    );
  });

  test('fails when the provisioning port has no MAC', () => {
    const stack = ironicStack();
    expect(() => new BaremetalNode(stack, 'N', { nodeName: 'n', server: hgx, driver: redfish(stack), resourceClass: 'bm', macAddresses: { 'bf3-0/0': 'b8:3f:d2:00:00:01' } })).toThrow(
      'test/N: provisioning port lom0/0 has no MAC address; add it to macAddresses or choose other provisioningPorts',
    );
  });

  test('fails when a bond has a single port', () => {
    const stack = ironicStack();
    expect(
      () =>
        new BaremetalNode(stack, 'N', {
          nodeName: 'n',
          server: hgx,
          driver: redfish(stack),
          resourceClass: 'bm',
          macAddresses: macs,
          bonds: [{ bondName: 'bond0', ports: ['bf3-0/0'] }],
        }),
    ).toThrow('test/N: bond bond0 has 1 port(s); a bond needs at least 2');
  });

  test('fails when neutron networking lacks a local link connection', () => {
    const stack = ironicStack();
    expect(
      () => new BaremetalNode(stack, 'N', { nodeName: 'n', server: hgx, driver: redfish(stack), resourceClass: 'bm', macAddresses: macs, networkInterface: NetworkInterfaceType.NEUTRON }),
    ).toThrow(
      'test/N: network interface neutron binds ports on their switch, so port lom0/0 needs a local link connection (switchId, portId); give it in localLinkConnections or use NetworkInterfaceType.FLAT',
    );
  });

  test('fails when a node has more than 50 traits', () => {
    const stack = ironicStack();
    const traits = Array.from({ length: 51 }, (_, i) => `CUSTOM_T${i}`);
    expect(() => new BaremetalNode(stack, 'N', { nodeName: 'n', server: hgx, driver: redfish(stack), resourceClass: 'bm', macAddresses: macs, traits })).toThrow(
      'test/N: 51 traits are more than the 50 Ironic allows on a node; drop 1',
    );
  });

  test('fails when a trait is not a Placement trait name', () => {
    const stack = ironicStack();
    expect(() => new BaremetalNode(stack, 'N', { nodeName: 'n', server: hgx, driver: redfish(stack), resourceClass: 'bm', macAddresses: macs, traits: ['ib-ndr'] })).toThrow(
      'test/N: trait "ib-ndr" is not a Placement trait name; use CUSTOM_<A-Z0-9_> such as CUSTOM_IB_NDR, or a standard os-traits name',
    );
  });

  test('fails when the resource class already carries the CUSTOM_ prefix', () => {
    const stack = ironicStack();
    expect(() => new BaremetalNode(stack, 'N', { nodeName: 'n', server: hgx, driver: redfish(stack), resourceClass: 'CUSTOM_GPU', macAddresses: macs })).toThrow(
      'test/N: resource class CUSTOM_GPU would reach Placement as CUSTOM_CUSTOM_GPU (Nova always adds CUSTOM_); drop the CUSTOM_ prefix',
    );
  });

  test('fails when the stack has no Ironic provider', () => {
    const stack = testStack();
    expect(() => new BaremetalNode(stack, 'N', { nodeName: 'n', server: hgx, driver: redfish(stack), resourceClass: 'bm', macAddresses: macs })).toThrow(
      'test/N: bare-metal enrollment needs the Ironic provider; create the stack with FactoryStack props { ironic: { url: "https://<ironic>:6385/v1" } }',
    );
  });

  test('fails when the BMC address is not a host or URL', () => {
    const stack = ironicStack();
    expect(() => new BaremetalNode(stack, 'N', { nodeName: 'n', server: hgx, driver: redfish(stack, 'bmc 01'), resourceClass: 'bm', macAddresses: macs })).toThrow(
      'test/N: BMC address "bmc 01" is not a host name, IP address or http(s) URL; use e.g. 10.0.0.11 or https://bmc-01.example.net',
    );
  });
});
