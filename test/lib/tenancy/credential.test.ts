import { AccessRule, CredentialExpiry, HttpMethod } from '../../../lib/tenancy/credential';

describe('CredentialExpiry', () => {
  test('an RFC3339 time is normalised to UTC without fractions', () => {
    expect(CredentialExpiry.at('2026-12-31T00:00:00Z').expiresAt).toBe('2026-12-31T00:00:00Z');
    expect(CredentialExpiry.at('2026-12-31T09:30:00+02:00').expiresAt).toBe('2026-12-31T07:30:00Z');
    expect(CredentialExpiry.at('2026-12-31T09:30:00.123456Z').expiresAt).toBe('2026-12-31T09:30:00Z');
  });

  test('daysAfter derives the expiry from a date the user gives (never from the clock)', () => {
    expect(CredentialExpiry.daysAfter('2026-06-01', 90).expiresAt).toBe('2026-08-30T00:00:00Z');
    expect(CredentialExpiry.daysAfter('2028-02-28T12:00:00Z', 1).expiresAt).toBe('2028-02-29T12:00:00Z');
    expect(CredentialExpiry.daysAfter('2026-06-01', 90).expiresAt).toBe(CredentialExpiry.daysAfter('2026-06-01', 90).expiresAt);
  });

  test('never() keeps its reason and has no expiry', () => {
    const e = CredentialExpiry.never('break-glass account, rotated by hand');
    expect(e.expiresAt).toBeUndefined();
    expect(e.neverExpiresReason).toBe('break-glass account, rotated by hand');
  });

  test('fails when the expiry is not RFC3339', () => {
    expect(() => CredentialExpiry.at('2026-12-31')).toThrow(
      'expiry "2026-12-31" is not an RFC3339 time; use e.g. 2026-12-31T00:00:00Z or CredentialExpiry.daysAfter(\'2026-06-01\', 90)',
    );
  });

  test('fails when the expiry is not a calendar time', () => {
    expect(() => CredentialExpiry.at('2026-02-30T00:00:00Z')).toThrow('expiry "2026-02-30T00:00:00Z" is not a valid calendar time');
    expect(() => CredentialExpiry.at('2026-01-01T24:00:00Z')).toThrow('expiry "2026-01-01T24:00:00Z" is not a valid calendar time');
  });

  test('fails when daysAfter is not a whole number of days', () => {
    expect(() => CredentialExpiry.daysAfter('2026-06-01', 0)).toThrow('expiry of 0 days must be a whole number of days from 1 to 3650');
  });

  test('fails when a credential never expires without a reason', () => {
    expect(() => CredentialExpiry.never('')).toThrow('a credential that never expires needs a reason of at least 10 characters (got ""); say why it cannot rotate');
  });
});

describe('AccessRule', () => {
  test('keeps service type, method and path', () => {
    const r = AccessRule.of('object-store', HttpMethod.GET, '/swift/v1/AUTH_x/datasets/**');
    expect([r.service, r.method, r.path]).toEqual(['object-store', 'GET', '/swift/v1/AUTH_x/datasets/**']);
    expect(r.toString()).toBe('object-store GET /swift/v1/AUTH_x/datasets/**');
  });

  test('fails when the service is a code name instead of the catalog type', () => {
    expect(() => AccessRule.of('nova', HttpMethod.POST, '/v2.1/servers')).toThrow(
      'access rule service "nova" is a code name; Keystone matches the catalog service type, use "compute"',
    );
  });

  test('fails when the path is relative', () => {
    expect(() => AccessRule.of('compute', HttpMethod.GET, 'v2.1/servers')).toThrow('access rule path "v2.1/servers" must start with /');
  });
});
