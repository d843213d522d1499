import * as fc from 'fast-check';
import { QosConsumer, QosTier } from '../../../lib/storage/qos';

describe('QosTier', () => {
  test('renders Cinder spec keys with string values, front-end by default', () => {
    const t = QosTier.of({ name: 'gold', readIopsSec: 20000, writeIopsSec: 10000, readIopsSecMax: 40000, totalBytesSec: 2_000_000_000 });
    expect(t.consumer).toBe(QosConsumer.FRONT_END);
    expect(t.specs).toEqual({ read_iops_sec: '20000', read_iops_sec_max: '40000', total_bytes_sec: '2000000000', write_iops_sec: '10000' });
    expect(Object.keys(t.specs)).toEqual([...Object.keys(t.specs)].sort());
  });

  test('per-GB limits scale with the volume size', () => {
    expect(QosTier.of({ name: 'capacity', totalIopsSecPerGb: 10, sizeIopsSec: 4096 }).specs).toEqual({ size_iops_sec: '4096', total_iops_sec_per_gb: '10' });
  });

  test('fails when read and write limits are combined with the total', () => {
    expect(() => QosTier.of({ name: 'gold', totalIopsSec: 10000, readIopsSec: 8000, writeIopsSec: 8000 })).toThrow(
      'QoS tier gold: total_iops_sec 10000 is combined with read_iops_sec 8000 and write_iops_sec 8000; Cinder does not allow a total together with its ' +
        'read/write limits (libvirt rejects total_iops_sec with read_iops_sec/write_iops_sec); give either the total or the read and write limits',
    );
  });

  test('fails when a burst total is combined with a read burst', () => {
    expect(() => QosTier.of({ name: 'silver', totalBytesSecMax: 10, readBytesSecMax: 5 })).toThrow(
      'QoS tier silver: total_bytes_sec_max 10 is combined with read_bytes_sec_max 5',
    );
  });

  test('fails when a burst is below its sustained limit', () => {
    expect(() => QosTier.of({ name: 'gold', readIopsSec: 1000, readIopsSecMax: 500 })).toThrow(
      'QoS tier gold: read_iops_sec_max 500 is below read_iops_sec 1000; a burst limit must be at least the sustained limit',
    );
  });

  test('fails when no limit is set', () => {
    expect(() => QosTier.of({ name: 'empty' })).toThrow('QoS tier empty sets no limit; give at least one IOPS or throughput limit');
  });

  test('fails when a limit is not a positive integer', () => {
    expect(() => QosTier.of({ name: 'gold', totalIopsSec: 0 })).toThrow('QoS tier gold: total_iops_sec 0 must be a positive integer');
  });

  test('property: a tier never carries a total with its read or write limit', () => {
    const limit = fc.option(fc.integer({ min: 1, max: 1_000_000 }), { nil: undefined });
    fc.assert(fc.property(limit, limit, limit, (total, read, write) => {
      try {
        const t = QosTier.of({ name: 'p', totalIopsSec: total, readIopsSec: read, writeIopsSec: write });
        return !(t.specs.total_iops_sec !== undefined && (t.specs.read_iops_sec !== undefined || t.specs.write_iops_sec !== undefined));
      } catch (e) {
        const combined = total !== undefined && (read !== undefined || write !== undefined);
        return combined || (total === undefined && read === undefined && write === undefined);
      }
    }));
  });
});
