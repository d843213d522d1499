/** A pod spec found in a Kubernetes object, with where it was found (`spec.template.spec`). */
export interface FoundPodSpec {
  readonly at: string;
  readonly spec: any;
}

/**
 * Every pod spec in a manifest: any object with a `containers` list of objects that have an `image`. This finds the
 * pod templates of Deployments, StatefulSets, DaemonSets, Jobs, CronJobs and of custom resources that embed them
 * (LeaderWorkerSet, InferencePool's endpoint picker) without a table of kinds.
 */
export function podSpecsOf(body: any): FoundPodSpec[] {
  const found: FoundPodSpec[] = [];
  const walk = (value: any, at: string) => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, `${at}[${i}]`));
      return;
    }
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value.containers) && value.containers.some((c: any) => c && typeof c.image === 'string')) {
      found.push({ at: at || '.', spec: value });
    }
    for (const [k, v] of Object.entries(value)) walk(v, at ? `${at}.${k}` : k);
  };
  walk(body, '');
  return found;
}

/** The containers of a pod spec (init and ephemeral ones included), each with its list name. */
export function containersOf(spec: any): { list: string; container: any }[] {
  return ['initContainers', 'containers', 'ephemeralContainers']
    .flatMap((list) => (Array.isArray(spec[list]) ? spec[list].map((container: any) => ({ list, container })) : []));
}
