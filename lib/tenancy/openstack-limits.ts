/** Limits of the OpenStack APIs. Not part of the jsii API (not exported from the package). */

/**
 * The largest quota limit and volume size OpenStack takes: a signed 32-bit integer. Cinder validates volume sizes and
 * quota values against `constants.DB_MAX_INT` = 0x7FFFFFFF (openstack/cinder `cinder/api/validation/parameter_types.py`,
 * `volume_size` and `non_negative_integer`); Nova, Neutron and Manila keep quota limits in Integer columns.
 */
export const OPENSTACK_MAX_INT = 2147483647;

/**
 * The problem with a user-given OpenStack resource name, or undefined: Nova, Neutron, Cinder and Manila keep names
 * in 255-character columns (Nova's API schema: `name` 1 to 255 characters, no leading or trailing whitespace,
 * openstack/nova `nova/api/validation/parameter_types.py`), and an empty name reads as unset (the resource shows
 * by its id only), so a name is 1 to 255 characters without leading or trailing spaces.
 */
export function openStackNameProblem(field: string, value: string): string | undefined {
  if (value.length >= 1 && value.length <= 255 && value.trim() === value) return undefined;
  return `${field} ${JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}...` : value)} must be 1 to 255 characters without leading or trailing spaces; `
    + 'an empty name reads as unset, name the resource or leave the prop out for the default';
}
