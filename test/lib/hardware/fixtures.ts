import { GpuModel } from '../../../lib/hardware/gpu';
import { ServerProfile } from '../../../lib/hardware/server';

/** An eight-MI300X server, four GPUs per socket (not a catalog profile). */
export const MI300X_SERVER = new ServerProfile({
  name: 'mi300x-8gpu',
  displayName: 'MI300X',
  sockets: 2,
  coresPerSocket: 64,
  memoryGib: 2048,
  gpus: { model: GpuModel.MI300X_192GB, numaNodes: [0, 0, 0, 0, 1, 1, 1, 1] },
});
