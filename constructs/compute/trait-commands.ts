import { IConstruct } from 'constructs';

/** Node pools that collect their nodes' trait commands into one output. Not part of the public API. */
const traitCollectors = new WeakSet<IConstruct>();

/**
 * Marks `scope` (a node pool) as collecting its nodes' trait commands into one output, so nodes created in it do not
 * emit their own. (Uniqueness of MACs, BMCs and resource classes lives in the one registry of `constructs/common`.)
 */
export function collectTraitCommands(scope: IConstruct): void {
  traitCollectors.add(scope);
}

/** Whether `scope` collects trait commands. */
export function collectsTraitCommands(scope: IConstruct): boolean {
  return traitCollectors.has(scope);
}
