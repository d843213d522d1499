import { check, fail, oneOf } from '../errors';
import { GpuModel, MigProfile } from '../hardware/gpu';

/** How many instances of one MIG profile a GPU gets. */
export interface MigDeviceCount {
  /** MIG profile name as the GPU model lists it, e.g. `3g.40gb` or `1g.10gb+me`. */
  readonly profile: string;
  /** Instances of that profile on one GPU. */
  readonly count: number;
}

/** Where one MIG instance sits on the GPU's memory slices. */
export interface MigInstancePlacement {
  /** MIG profile name. */
  readonly profile: string;
  /** First memory slice the instance occupies. */
  readonly startSlice: number;
  /** Memory slices it occupies (consecutive from `startSlice`). */
  readonly memorySlices: number;
  /** Compute slices it gets. */
  readonly computeSlices: number;
}

/**
 * MIG geometry: which sets of GPU instances one GPU can hold.
 *
 * The rule is NVML's: an instance of a profile may start only at the memory slices the profile's placement table allows
 * (`nvidia-smi mig -lgipp`, e.g. `3g.40gb {0,4}:4`), it occupies `memorySlices` consecutive slices, and creating an
 * instance fails when its slices overlap an existing one (nvmlDeviceGetGpuInstancePossiblePlacements_v2). On top of
 * that the GPU has a fixed number of compute slices (7), each profile has a maximum count, and one GPU has one set of
 * media extensions (at most one `+me` instance). The MIG manager (mig-parted) tries every creation order, so a layout
 * works on the GPU exactly when some placement of all its instances exists; {@link MigGeometry.place} finds one.
 */
export class MigGeometry {
  /**
   * Places every instance of the layout on one GPU and returns the placements, in start-slice order; throws with the
   * reason when the GPU cannot hold the layout.
   */
  public static place(gpu: GpuModel, devices: MigDeviceCount[]): MigInstancePlacement[] {
    const instances = MigGeometry.checkBudget(gpu, devices);
    const slices = gpu.migMemorySlices;
    // Most constrained first (fewest start slices, then largest), so the search fails fast.
    const order = [...instances].sort(
      (a, b) => a.placements.length - b.placements.length || b.memorySlices - a.memorySlices || a.name.localeCompare(b.name),
    );
    const used: boolean[] = new Array(slices).fill(false);
    const starts: number[] = [];
    const search = (i: number): boolean => {
      if (i === order.length) return true;
      const p = order[i];
      // identical instances are interchangeable: keep their starts increasing to skip mirrored arrangements
      const minStart = i > 0 && order[i - 1] === p ? starts[i - 1] + 1 : 0;
      for (const start of p.placements) {
        if (start < minStart || start + p.memorySlices > slices) continue;
        if (!isFree(used, start, p.memorySlices)) continue;
        mark(used, start, p.memorySlices, true);
        starts[i] = start;
        if (search(i + 1)) return true;
        mark(used, start, p.memorySlices, false);
      }
      return false;
    };
    if (!search(0)) {
      fail(
        `MIG layout ${MigGeometry.describe(devices)} does not fit ${gpu.displayName}: no arrangement of its instances on the ` +
          `${slices} memory slices avoids overlap (allowed starts: ${oneOf(uniqueProfiles(instances).map(startsOf), 'and')}); ` +
          `use one of the layouts MigGeometry.layouts() lists, e.g. ${MigGeometry.describe(nearestLayout(gpu, devices))}`,
      );
    }
    return order
      .map((p, i) => ({ profile: p.name, startSlice: starts[i], memorySlices: p.memorySlices, computeSlices: p.computeSlices }))
      .sort((a, b) => a.startSlice - b.startSlice);
  }

  /** Whether one GPU can hold every instance of the layout. */
  public static canHold(gpu: GpuModel, devices: MigDeviceCount[]): boolean {
    try {
      MigGeometry.place(gpu, devices);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Every non-empty layout one GPU can hold, each as profile counts in the GPU's profile order, found by tiling the
   * memory slices from left to right (an enumeration independent of {@link MigGeometry.place}'s search).
   */
  public static layouts(gpu: GpuModel): MigDeviceCount[][] {
    if (!gpu.migCapable) return [];
    const slices = gpu.migMemorySlices;
    const computeBudget = computeSlicesOf(gpu);
    const found = new Map<string, MigDeviceCount[]>();
    const walk = (pos: number, picked: MigProfile[]): void => {
      if (pos >= slices) {
        if (picked.length === 0) return;
        const counts = countByProfile(gpu, picked);
        const compute = picked.reduce((s, p) => s + p.computeSlices, 0);
        const media = picked.filter((p) => p.mediaExtensions).length;
        if (compute > computeBudget || media > 1) return;
        if (counts.some((c) => c.count > gpu.migProfile(c.profile).maxInstances)) return;
        found.set(MigGeometry.describe(counts), counts);
        return;
      }
      walk(pos + 1, picked);
      for (const p of gpu.migProfiles) {
        if (p.placements.includes(pos) && pos + p.memorySlices <= slices) {
          walk(pos + p.memorySlices, [...picked, p]);
        }
      }
    };
    walk(0, []);
    return [...found.values()];
  }

  /** A layout as text, e.g. `3g.40gb x1 + 1g.10gb x2`. */
  public static describe(devices: MigDeviceCount[]): string {
    return devices.length === 0 ? '(no instances)' : devices.map((d) => `${d.profile} x${d.count}`).join(' + ');
  }

  /** Resolves the profiles and checks counts, media extensions and the slice budgets; returns one entry per instance. */
  private static checkBudget(gpu: GpuModel, devices: MigDeviceCount[]): MigProfile[] {
    const layout = MigGeometry.describe(devices);
    check(gpu.migCapable, () => `${gpu.displayName} has no MIG; MIG layout ${layout} cannot be used (use a MIG-capable GPU such as H100 or H200, or whole GPUs)`);
    check(devices.length > 0, 'a MIG layout needs at least one instance; to turn MIG off on a GPU leave it out of the MIG layout');
    const seen = new Set<string>();
    const instances: MigProfile[] = [];
    for (const d of devices) {
      check(Number.isInteger(d.count) && d.count >= 1, () => `MIG layout ${layout}: count ${d.count} of ${d.profile} must be a positive integer`);
      check(!seen.has(d.profile), () => `MIG layout ${layout} names ${d.profile} twice; give each profile once with its total count`);
      seen.add(d.profile);
      const profile = gpu.migProfile(d.profile);
      check(d.count <= profile.maxInstances, () =>
        `MIG layout ${layout} has ${d.count} instances of ${d.profile}, but ${gpu.displayName} holds at most ${profile.maxInstances}`);
      for (let i = 0; i < d.count; i++) instances.push(profile);
    }
    const media = instances.filter((p) => p.mediaExtensions).length;
    check(media <= 1, () => `MIG layout ${layout} has ${media} media-extension (+me) instances, but a GPU has one set of media engines; keep at most one`);
    const memory = instances.reduce((s, p) => s + p.memorySlices, 0);
    check(memory <= gpu.migMemorySlices, () =>
      `MIG layout ${layout} does not fit ${gpu.displayName}: it needs ${memory} memory slices and the GPU has ${gpu.migMemorySlices}; drop an instance or use smaller profiles`);
    const compute = instances.reduce((s, p) => s + p.computeSlices, 0);
    const budget = computeSlicesOf(gpu);
    check(compute <= budget, () =>
      `MIG layout ${layout} does not fit ${gpu.displayName}: it needs ${compute} compute slices and the GPU has ${budget}; drop an instance or use smaller profiles`);
    return instances;
  }
}

/** Compute slices of a MIG-capable GPU: those of its whole-GPU profile (7 on A100, H100, H200, B200). */
function computeSlicesOf(gpu: GpuModel): number {
  return Math.max(...gpu.migProfiles.map((p) => p.computeSlices));
}

function isFree(used: boolean[], start: number, size: number): boolean {
  for (let s = start; s < start + size; s++) if (used[s]) return false;
  return true;
}

function mark(used: boolean[], start: number, size: number, value: boolean): void {
  for (let s = start; s < start + size; s++) used[s] = value;
}

function uniqueProfiles(instances: MigProfile[]): MigProfile[] {
  return instances.filter((p, i) => instances.indexOf(p) === i);
}

function startsOf(p: MigProfile): string {
  return `${p.name} at ${oneOf(p.placements)}`;
}

function countByProfile(gpu: GpuModel, picked: MigProfile[]): MigDeviceCount[] {
  return gpu.migProfiles
    .map((p) => ({ profile: p.name, count: picked.filter((q) => q === p).length }))
    .filter((c) => c.count > 0);
}

/** The holdable layout that keeps the most of the requested instances (for the error message). */
function nearestLayout(gpu: GpuModel, devices: MigDeviceCount[]): MigDeviceCount[] {
  const wanted = new Map(devices.map((d) => [d.profile, d.count]));
  let best: MigDeviceCount[] = [];
  let bestScore = -1;
  for (const layout of MigGeometry.layouts(gpu)) {
    if (layout.some((c) => c.count > (wanted.get(c.profile) ?? 0))) continue;
    const score = layout.reduce((s, c) => s + Math.min(c.count, wanted.get(c.profile) ?? 0), 0);
    if (score > bestScore) {
      best = layout;
      bestScore = score;
    }
  }
  return best;
}
