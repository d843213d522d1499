/**
 * The dependency graph of a synthesized Terraform JSON document, as Terraform builds it: a resource or data source
 * depends on everything its `depends_on` lists and on every resource or data source an interpolation
 * (`${type.name.attr}`, `${data.type.name.attr}`) in its configuration names. The longest chain bounds how much of
 * an apply can run in parallel: Terraform walks the graph level by level
 * (https://developer.hashicorp.com/terraform/internals/graph).
 */

/** Addresses of every resource (`type.name`) and data source (`data.type.name`) in the document. */
function addressesOf(tf: any): Map<string, any> {
  const out = new Map<string, any>();
  for (const [type, blocks] of Object.entries<any>(tf.resource ?? {})) {
    for (const [name, block] of Object.entries<any>(blocks)) out.set(`${type}.${name}`, block);
  }
  for (const [type, blocks] of Object.entries<any>(tf.data ?? {})) {
    for (const [name, block] of Object.entries<any>(blocks)) out.set(`data.${type}.${name}`, block);
  }
  return out;
}

/** Every address `block` depends on. */
function dependenciesOf(block: any, known: Map<string, any>): Set<string> {
  const deps = new Set<string>(block.depends_on ?? []);
  const { ['//']: _meta, depends_on: _explicit, ...config } = block;
  const text = JSON.stringify(config);
  for (const m of text.matchAll(/\$\{([^}]*)\}/g)) {
    for (const ref of m[1].matchAll(/\b(data\.)?([a-z][a-z0-9_]*)\.([A-Za-z0-9_-]+)/g)) {
      const address = `${ref[1] ?? ''}${ref[2]}.${ref[3]}`;
      if (known.has(address)) deps.add(address);
    }
  }
  return deps;
}

/** Statistics of the graph: nodes, edges and the longest chain, counted in nodes (a lone resource has depth 1). */
export function graphStats(tf: any): { nodes: number; edges: number; depth: number; chain: string[] } {
  const known = addressesOf(tf);
  const deps = new Map<string, Set<string>>();
  let edges = 0;
  for (const [address, block] of known) {
    const d = dependenciesOf(block, known);
    deps.set(address, d);
    edges += d.size;
  }
  const longest = new Map<string, string[]>();
  const visiting = new Set<string>();
  const chainOf = (address: string): string[] => {
    const done = longest.get(address);
    if (done) return done;
    if (visiting.has(address)) throw new Error(`dependency cycle through ${address}`);
    visiting.add(address);
    let best: string[] = [];
    for (const d of [...deps.get(address)!].sort()) {
      const c = chainOf(d);
      if (c.length > best.length) best = c;
    }
    visiting.delete(address);
    const chain = [...best, address];
    longest.set(address, chain);
    return chain;
  };
  let chain: string[] = [];
  for (const address of [...known.keys()].sort()) {
    const c = chainOf(address);
    if (c.length > chain.length) chain = c;
  }
  return { nodes: known.size, edges, depth: chain.length, chain };
}
