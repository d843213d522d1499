/**
 * A construct id for a child named by a user string (a tenant, a node, a namespace). Not part of the jsii API.
 *
 * `constructs` keeps a scope's children in a plain object and looks a new id up with `this._children[id]`
 * (aws/constructs 10.x `src/construct.ts`, `Node.addChild`), so an id that names a member of `Object.prototype`
 * (`constructor`, `valueOf`, `toString`, `__proto__`, ...) is reported as "There is already a Construct with name"
 * and `tryFindChild` returns the prototype's function. Those names get a `~` suffix, a character none of our name
 * rules allows, so the id stays unique; every other name is its own id (ids are public API: they give Terraform
 * addresses).
 */
export function childId(name: string): string {
  return Object.prototype.hasOwnProperty.call(Object.prototype, name) || name === '__proto__' ? `${name}~` : name;
}
