import { describe, expect, it } from 'vitest';
import { formatMaps } from '../../../kernel/mem/maps.js';

describe('/proc/PID/maps format', () => {
  it('prints Linux 32-bit lines: names at column 49, anonymous lines ending after the inode', () => {
    const text = formatMaps([
      { start: 0x10000, end: 0x11000, prot: 5, kind: 'text', name: '/bin/prog' },
      { start: 0x12000, end: 0x13000, prot: 3, kind: 'bss', name: '' },
      { start: 0x13000, end: 0x15000, prot: 3, kind: 'heap', name: '[heap]' },
      { start: 0xbffdf000, end: 0xc0000000, prot: 3, kind: 'stack', name: '[stack]' },
    ]);
    expect(text).toBe(
      '00010000-00011000 r-xp 00000000 00:00 0          /bin/prog\n' +
      '00012000-00013000 rw-p 00000000 00:00 0 \n' +
      '00013000-00015000 rw-p 00000000 00:00 0          [heap]\n' +
      'bffdf000-c0000000 rw-p 00000000 00:00 0          [stack]\n');
    expect(text.split('\n')[0].indexOf('/bin/prog')).toBe(49);
  });
});
