import { Construct } from 'constructs';
import { GpuFlavor, GpuFlavorOptions, IGpuFlavor } from './gpu-flavor';
import { GpuAttachment, GpuAttachmentKind } from '../../lib/hardware/gpu-attachment';
import { ServerProfile } from '../../lib/hardware/server';
import { IProject } from '../common/project';
import { invalid } from '../common/validation';

/** Props of {@link GpuFlavorFamily}. */
export interface GpuFlavorFamilyProps extends GpuFlavorOptions {
  /** The server model the flavors' VMs run on. */
  readonly server: ServerProfile;
  /**
   * GPU counts, one flavor each.
   * @default - passthrough and SR-IOV VFs: 1, 2, 4, 8 ... up to the server's GPU count (and the count itself); vGPU and MIG: 1
   */
  readonly gpuCounts?: number[];
  /**
   * Flavor name prefix: flavors are named `<prefix>.<n>x`.
   * @default - `gpu.<gpu model>`, `vf.<gpu model>.<vfs per GPU>vf`, `vgpu.<type>` or `mig.<gpu model>.<profile>`
   */
  readonly flavorNamePrefix?: string;
}

/**
 * The usual GPU VM flavors of one server profile: 1, 2, 4 and 8 GPUs (as many as the server has), each NUMA-aware.
 * On a GPUs-spread HGX server the 1-, 2- and 4-GPU flavors sit on one NUMA node under required PCI NUMA affinity and
 * the 8-GPU flavor spans both.
 */
export class GpuFlavorFamily extends Construct {
  /** The flavors, by ascending GPU count. */
  public readonly flavors: IGpuFlavor[];

  constructor(scope: Construct, id: string, props: GpuFlavorFamilyProps) {
    super(scope, id);
    const gpus = props.server.gpuCount;
    if (gpus === 0) invalid(this, `server profile ${props.server.name} has no GPUs`);
    const kind = (props.attachment ?? GpuAttachment.passthrough()).kind;
    const counts = props.gpuCounts ?? (kind === GpuAttachmentKind.PASSTHROUGH || kind === GpuAttachmentKind.SRIOV_VF ? powersOfTwoUpTo(gpus) : [1]);
    if (counts.length === 0) invalid(this, 'gpuCounts is empty; give at least one GPU count');
    if (new Set(counts).size !== counts.length) invalid(this, `gpuCounts ${counts.join(', ')} lists a count twice`);
    this.flavors = [...counts]
      .sort((a, b) => a - b)
      .map(
        (n) =>
          new GpuFlavor(this, `${n}x`, {
            ...props,
            gpuCount: n,
            flavorName: props.flavorNamePrefix ? `${props.flavorNamePrefix}.${n}x` : undefined,
          }),
      );
  }

  /** The flavor with that many GPUs. */
  public flavorFor(gpuCount: number): IGpuFlavor {
    const found = this.flavors.find((f) => f.gpuCount === gpuCount);
    if (!found) invalid(this, `the family has no ${gpuCount}-GPU flavor; it has ${this.flavors.map((f) => f.gpuCount).join(', ')}`);
    return found;
  }

  /** Lets a project use every flavor of the family. */
  public grantAccess(project: IProject): void {
    for (const f of this.flavors) f.grantAccess(project);
  }
}

/** 1, 2, 4, ... up to `max`, and `max` itself. */
function powersOfTwoUpTo(max: number): number[] {
  const counts: number[] = [];
  for (let n = 1; n < max; n *= 2) counts.push(n);
  counts.push(max);
  return counts;
}
