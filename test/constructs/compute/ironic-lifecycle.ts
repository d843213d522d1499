/**
 * A model of what one `terraform apply` does to a new Ironic node, transcribed from the upstream sources, so tests can
 * check that the `manage` / `inspect` / `clean` / `available` combination we emit ends where we say it ends.
 *
 * The provider side is metal3-community/terraform-provider-ironic at tag v1.0.0:
 *   - `ironic/node_resource.go` lines 23-28 (defaults: available, manage, inspect true; clean false), 666-689 (Create:
 *     the node is created, then the action attributes run), 699-730 (Read: an action attribute that is null in the
 *     state reads as its default), 754-850 (Update: the action attributes of the plan run again) and 1218-1325
 *     (handleActionAttributes: clean, then inspect only when the node was `manageable` when the step began, then
 *     available (`provide`), then manage, each through ChangeProvisionStateToTarget, and each true action is reset to
 *     null in the state);
 *   - `ironic/workflow.go` lines 78-121 (stateTransitions), 155-191 (terminal and transient states), 218-226 (already
 *     there), 254-315 (poll every 15 s, give up after 30 min), 318-347 (checkCompletion), 375-428 (determineNextTarget),
 *     443-448 (clean is sent with an empty clean_steps list).
 * The Ironic side is openstack/ironic at tag 38.0.0:
 *   - `ironic/common/state_machine.py` (the machine; `ironic/common/states.py` holds the state names) lines 157, 160,
 *     184, 188-189, 192, 203, 206, 287, 290;
 *   - `ironic/api/controllers/v1/node.py` lines 1102-1103: `clean` without clean_steps is refused;
 *   - `ironic/common/neutron.py` lines 339-347: cleaning (on `provide` with automated cleaning) puts the node's
 *     PXE-enabled ports on the cleaning network and fails with "No available PXE-enabled ports" when it has none.
 * Terraform creates `ironic_port` only after `ironic_node`'s Create returned (the ports reference the node's id), so
 * during the node's own lifecycle actions the node has no ports.
 */

/** The provider's action attributes and the node settings they depend on. */
export interface NodeActions {
  readonly manage: boolean;
  readonly inspect: boolean;
  readonly clean: boolean;
  readonly available: boolean;
  readonly automatedClean: boolean;
}

/** Where one apply leaves the node: its state, or the error Terraform reports. */
export interface ApplyOutcome {
  readonly state: string;
  readonly error?: string;
}

export type Target = 'manage' | 'inspect' | 'clean' | 'provide' | 'active' | 'deleted' | 'rescue' | 'unrescue' | 'adopt' | 'abort' | 'rebuild';

// workflow.go 78-121 (TargetAvailable is nodes.TargetProvide, TargetUnmanage is nodes.TargetManage)
const PROVIDER_TRANSITIONS: [string, Target, string][] = [
  ['enroll', 'manage', 'manageable'],
  ['manageable', 'manage', 'enroll'],
  ['manageable', 'inspect', 'inspecting'],
  ['manageable', 'clean', 'cleaning'],
  ['manageable', 'adopt', 'adopting'],
  ['inspecting', 'manage', 'manageable'],
  ['cleaning', 'provide', 'available'],
  ['cleaning', 'abort', 'manageable'],
  ['cleaning', 'clean', 'cleaning'],
  ['available', 'active', 'deploying'],
  ['deploying', 'active', 'active'],
  ['active', 'deleted', 'deleting'],
  ['active', 'rebuild', 'deploying'],
  ['active', 'rescue', 'rescuing'],
  ['deleting', 'provide', 'available'],
  ['rescuing', 'rescue', 'rescued'],
  ['rescued', 'unrescue', 'unrescuing'],
  ['unrescuing', 'active', 'active'],
  ['adopting', 'manage', 'manageable'],
];
// workflow.go 155-191
const TERMINAL = ['inspect failed', 'clean failed', 'deploy failed', 'delete failed', 'rescue failed', 'adopt failed'];
const TRANSIENT = ['inspecting', 'cleaning', 'deploying', 'deleting', 'rescuing', 'unrescuing', 'adopting', 'clean wait'];

/** The Ironic conductor: a verb on a state, and where the node settles (state_machine.py, node.py, neutron.py). */
type IronicNode = { ports: number; automatedClean: boolean; cleanSteps: number };
function ironic(state: string, verb: Target, node: IronicNode): { transient?: string; settles: string } | string {
  if (state === 'enroll' && verb === 'manage') return { transient: 'verifying', settles: 'manageable' }; // 287, 290
  if (state === 'available' && verb === 'manage') return { settles: 'manageable' }; // 192
  if (state === 'manageable' && verb === 'inspect') return { transient: 'inspecting', settles: 'manageable' }; // 203, 206
  if (state === 'manageable' && verb === 'provide') {
    // 184, then 157 (done) or 160 (fail): automated cleaning needs PXE-enabled ports on the cleaning network
    if (!node.automatedClean) return { transient: 'cleaning', settles: 'available' };
    return { transient: 'cleaning', settles: node.ports > 0 ? 'available' : 'clean failed' };
  }
  if (state === 'manageable' && verb === 'clean') {
    if (node.cleanSteps === 0) return '"clean_steps" is required when setting target provision state to clean'; // node.py 1102
    return { transient: 'cleaning', settles: 'manageable' }; // 188, 189
  }
  return `the requested action "${verb}" is not acceptable in state "${state}"`;
}

/** ChangeProvisionStateToTarget (workflow.go 195-315), polled until done, failed or 30 minutes have passed. */
function changeProvisionStateToTarget(node: { state: string; ports: number; automatedClean: boolean }, target: Target): string | undefined {
  const expected = PROVIDER_TRANSITIONS.find(([from, t]) => from === node.state && t === target);
  if (expected && expected[2] === node.state) return undefined; // 218-226
  const done = (s: string): boolean => {
    switch (target) { // 318-347
      case 'manage': case 'inspect': case 'adopt': return s === 'manageable';
      case 'clean': case 'provide': return s === 'available';
      case 'active': case 'unrescue': return s === 'active';
      case 'deleted': return s === 'available' || s === 'manageable';
      case 'rescue': return s === 'rescued';
      default: return true;
    }
  };
  const next = (s: string): Target | undefined => { // 375-428
    if (PROVIDER_TRANSITIONS.some(([from, t]) => from === s && t === target)) return target;
    if (target === 'active') return s === 'enroll' ? 'manage' : s === 'manageable' ? 'provide' : s === 'available' ? 'active' : undefined;
    if (target === 'provide') return s === 'enroll' ? 'manage' : s === 'manageable' ? 'provide' : undefined;
    if (target === 'deleted') return s === 'active' ? 'deleted' : undefined;
    if (target === 'inspect') return s === 'enroll' ? 'manage' : s === 'manageable' ? 'inspect' : s === 'available' ? 'manage' : undefined;
    if (target === 'clean') return s === 'enroll' ? 'manage' : s === 'manageable' ? 'clean' : undefined;
    return undefined;
  };
  let transient: string | undefined;
  let settles = node.state;
  // 15 s ticks for 30 min (254-315); the conductor finishes a transient state within one tick
  for (let tick = 0; tick < 120; tick++) {
    if (transient) {
      node.state = transient;
      transient = undefined;
    } else {
      node.state = settles;
    }
    if (TERMINAL.includes(node.state)) return `node in terminal failure state: ${node.state}`;
    if (done(node.state)) return undefined;
    if (TRANSIENT.includes(node.state)) continue;
    const verb = next(node.state);
    if (!verb) continue; // "no valid transition ... will retry" (306-309)
    const result = ironic(node.state, verb, { ...node, cleanSteps: 0 }); // 443-448: clean_steps is an empty list
    if (typeof result === 'string') continue; // the API refused: logged, retried
    transient = result.transient;
    settles = result.settles;
  }
  return 'timeout waiting for provision state change after 30m0s';
}

/** One `terraform apply` creating the node (node_resource.go 666-689, 1218-1325); ports come after. */
export function applyNewNode(actions: NodeActions): ApplyOutcome {
  return runActions(actions, { state: 'enroll', ports: 0, automatedClean: actions.automatedClean });
}

/**
 * A later `terraform apply` that updates the node (any attribute changed) once it is in `state` with its ports: the
 * refresh reads the actions that ran as their defaults (699-730), and Update runs the configured actions again (843).
 * Returns undefined when the configuration does not differ from the refreshed state in an action attribute and nothing
 * else changed either; `otherChange` forces the update.
 */
export function applyLater(actions: NodeActions, state: string, ports: number, otherChange: boolean): ApplyOutcome {
  // a true action that ran is null in the state and reads as its default; inspection never ran on a new node
  const refreshed = { manage: actions.manage, inspect: actions.inspect, clean: false, available: actions.available };
  const drift = (['manage', 'inspect', 'clean', 'available'] as const).filter((k) => refreshed[k] !== actions[k]);
  if (drift.length === 0 && !otherChange) return { state };
  return runActions(actions, { state, ports, automatedClean: actions.automatedClean });
}

function runActions(actions: NodeActions, node: { state: string; ports: number; automatedClean: boolean }): ApplyOutcome {
  const startedIn = node.state; // nodeInfo is read once, before any action (1225)
  const steps: [boolean, Target, string][] = [
    [actions.clean, 'clean', 'Error cleaning node'],
    [actions.inspect && startedIn === 'manageable', 'inspect', 'Error inspecting node'],
    [actions.available, 'provide', 'Error making node available'],
    [actions.manage, 'manage', 'Error managing node'],
  ];
  for (const [on, target, what] of steps) {
    if (!on) continue;
    const error = changeProvisionStateToTarget(node, target);
    if (error) return { state: node.state, error: `${what}: ${error}` };
  }
  return { state: node.state };
}

/** `openstack baremetal node <verb> --wait` run by the operator after the apply, when the node has its ports. */
export function runCommand(state: string, verb: Target, node: { ports: number; automatedClean: boolean }): ApplyOutcome {
  const result = ironic(state, verb, { ...node, cleanSteps: 0 });
  if (typeof result === 'string') return { state, error: result };
  return TERMINAL.includes(result.settles) ? { state: result.settles, error: `node ended in ${result.settles}` } : { state: result.settles };
}
