/** The shape of the benchmark factory, shared by the library and the bare variant. */
export interface FactoryShape {
  /** Servers. */
  readonly servers: number;
  /** Tenants (N/5). */
  readonly tenants: number;
  /** Model deployments. */
  readonly models: number;
}

export function shapeOf(servers: number, models = 50): FactoryShape {
  return { servers, tenants: Math.floor(servers / 5), models };
}

export function tenantName(t: number): string {
  return `t${String(t).padStart(4, '0')}`;
}

/**
 * The Ironic pools: one per server profile (a resource class names one kind of server). Four servers in five are
 * HGX H200, every fifth is L40S + BlueField-3.
 */
export function poolsOf(shape: FactoryShape): { id: string; name: string; hgx: boolean; nodes: number[] }[] {
  const all = Array.from({ length: shape.servers }, (_, i) => i);
  return [
    { id: 'Hgx', name: 'hgx-h200', hgx: true, nodes: all.filter((i) => i % 5 !== 4) },
    { id: 'L40s', name: 'l40s-bf3', hgx: false, nodes: all.filter((i) => i % 5 === 4) },
  ].filter((p) => p.nodes.length > 0);
}

function mac(prefix: string, i: number): string {
  return `${prefix}:${(Math.floor(i / 256) % 256).toString(16).padStart(2, '0')}:${(i % 256).toString(16).padStart(2, '0')}`;
}

/** Server i: name, BMC, MACs of its onboard port and BlueField ports. */
export function nodeSpec(i: number, hgx: boolean) {
  const macAddresses: { [port: string]: string } = { 'lom0/0': mac('3c:ec:ef:10', i), 'bf3-0/0': mac('b8:3f:d2:10', i) };
  if (hgx) macAddresses['bf3-0/1'] = mac('b8:3f:d2:11', i);
  return { nodeName: `node-${String(i).padStart(4, '0')}`, bmcAddress: `https://10.${100 + Math.floor(i / 65536)}.${Math.floor(i / 256) % 256}.${i % 256}`, macAddresses };
}
