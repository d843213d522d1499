import { QosLimits } from '../../../lib/net/qos';
import { TrafficPort } from '../../../lib/net/traffic';

describe('TrafficPort', () => {
  test('names itself', () => {
    expect(TrafficPort.tcp(22).toString()).toBe('tcp/22');
    expect(TrafficPort.udpRange(4789, 4790).toString()).toBe('udp/4789-4790');
    expect(TrafficPort.icmp().toString()).toBe('icmp');
    expect(TrafficPort.allTraffic().toString()).toBe('all traffic');
  });

  test('knows which management services a port range reaches', () => {
    expect(TrafficPort.tcp(443).managementServices()).toEqual([]);
    expect(TrafficPort.tcpRange(1, 1024).managementServices().map((s) => s.name)).toEqual(['SSH']);
    expect(TrafficPort.tcp(6443).managementServices().map((s) => s.name)).toEqual(['the Kubernetes API']);
    expect(TrafficPort.udp(623).managementServices().map((s) => s.name)).toEqual(['IPMI']);
    expect(TrafficPort.allTraffic().managementServices()).toHaveLength(TrafficPort.MANAGEMENT_SERVICES.length);
    expect(TrafficPort.icmp().managementServices()).toEqual([]);
  });

  test('fails when a port range is upside down or out of range', () => {
    expect(() => TrafficPort.tcpRange(2000, 1000)).toThrow('port range 2000-1000 is not a tcp port range; use ports 1 to 65535 with from <= to');
    expect(() => TrafficPort.udp(70000)).toThrow('port range 70000-70000 is not a udp port range');
  });
});

describe('QosLimits', () => {
  test('fails when a DSCP mark is not one Neutron accepts', () => {
    expect(() => QosLimits.checkDscpMark(47)).toThrow(
      'DSCP mark 47 is not one Neutron accepts; use 0, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 34, 36, 38, 40, 44, 46, 48 or 56 (e.g. 46 for EF, 26 for AF31)');
  });

  test('fails when a rate is beyond 2^31-1 kbps', () => {
    expect(() => QosLimits.checkKbps('maxKbps', 2 ** 31)).toThrow(
      'maxKbps 2147483648 must be a whole number from 1 to 2147483647 (kilobits per second; 100 Gbit/s = 100000000)');
  });
});
