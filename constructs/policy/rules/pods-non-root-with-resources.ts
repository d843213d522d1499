import { PolicyLevel, PolicyPlatform, PolicyRule, PolicySubject } from '../policy-rule';
import { containersOf, podSpecsOf } from './pod-specs';

/**
 * Every container runs as non-root and has resource requests and limits: `runAsNonRoot: true` or a `runAsUser`
 * other than 0, from the container's securityContext or the pod's
 * (https://kubernetes.io/docs/tasks/configure-pod-container/security-context/), no `privileged: true`, and
 * `resources.requests` and `resources.limits` with a memory limit
 * (https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/), no host PID/IPC/network
 * namespace, and no added capability but the one named exception: `IPC_LOCK`, which RDMA (GPUDirect, NCCL over
 * InfiniBand or RoCE) needs to pin the memory it registers with the HCA
 * (the NVIDIA Network Operator's RDMA test pod adds exactly `IPC_LOCK`, without privilege: Mellanox/network-operator-docs,
 * `examples/processed/host-device-rdma/40-pod.yaml`; CAP_IPC_LOCK allows mlock, https://man7.org/linux/man-pages/man7/capabilities.7.html).
 * GPU pods need neither root nor privilege: the device plugins hand out `/dev/nvidia*` and the RDMA devices.
 */
const ALLOWED_CAPABILITIES = ['IPC_LOCK'];
export class PodsNonRootWithResources extends PolicyRule {
  public readonly id = 'AIF-K8S-002';
  public readonly rationale = 'a root or privileged container that escapes owns the GPU node and every tenant on it; a pod without requests and limits starves its neighbours or is killed first';
  public readonly fix = 'set securityContext.runAsNonRoot: true (or runAsUser > 0) on the pod or container, drop privileged, host namespaces and every added capability but IPC_LOCK, and give every container resources.requests and resources.limits (memory at least)';
  public readonly level = PolicyLevel.ERROR;

  public evaluate(subject: PolicySubject): string[] {
    if (subject.platform !== PolicyPlatform.KUBERNETES) return [];
    const problems: string[] = [];
    for (const pod of podSpecsOf(subject.body)) {
      const podContext = pod.spec.securityContext ?? {};
      for (const host of ['hostPID', 'hostIPC', 'hostNetwork']) {
        if (pod.spec[host] === true) problems.push(`pod (${pod.at}) shares the node's ${host.slice(4).toLowerCase()} namespace (${host}: true)`);
      }
      for (const { list, container } of containersOf(pod.spec)) {
        if (list === 'ephemeralContainers') continue;
        const where = `container ${container.name} (${pod.at})`;
        const context = container.securityContext ?? {};
        const nonRoot = context.runAsNonRoot ?? podContext.runAsNonRoot;
        const user = context.runAsUser ?? podContext.runAsUser;
        if (!(nonRoot === true || (typeof user === 'number' && user > 0)) || nonRoot === false || user === 0) {
          problems.push(`${where} may run as root (no runAsNonRoot: true or runAsUser > 0)`);
        }
        if (context.privileged === true) problems.push(`${where} is privileged`);
        const added: string[] = (context.capabilities?.add ?? []).map((c: unknown) => String(c).toUpperCase().replace(/^CAP_/, ''));
        const extra = added.filter((c) => !ALLOWED_CAPABILITIES.includes(c));
        if (extra.length > 0) problems.push(`${where} adds capabilities ${extra.join(', ')} (only IPC_LOCK, for RDMA, is allowed)`);
        const resources = container.resources ?? {};
        if (!resources.requests || Object.keys(resources.requests).length === 0) problems.push(`${where} has no resources.requests`);
        if (!resources.limits || resources.limits.memory === undefined) problems.push(`${where} has no resources.limits.memory`);
      }
    }
    return problems;
  }
}
