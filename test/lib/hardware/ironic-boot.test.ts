import { BootInterfaceType, IronicBootNeeds } from '../../../lib/hardware/ironic-boot';

describe('IronicBootNeeds', () => {
  test('only Redfish virtual media boots without DHCP (Redfish HTTPS has no configuration drive)', () => {
    const all = Object.values(BootInterfaceType);
    expect(all.filter((b) => !IronicBootNeeds.needsDhcp(b))).toEqual([BootInterfaceType.REDFISH_VIRTUAL_MEDIA]);
  });

  test('a network needs DHCP when any boot interface on it does, or when none is known', () => {
    expect(IronicBootNeeds.networkNeedsDhcp([])).toBe(true);
    expect(IronicBootNeeds.networkNeedsDhcp([BootInterfaceType.REDFISH_VIRTUAL_MEDIA])).toBe(false);
    expect(IronicBootNeeds.networkNeedsDhcp([BootInterfaceType.REDFISH_VIRTUAL_MEDIA, BootInterfaceType.PXE])).toBe(true);
  });
});
