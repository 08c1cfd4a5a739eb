// ISA strings split into extension names as GNU binutils reads them, including names that hold digits.
import { describe, expect, it } from 'vitest';
import { extensionsOf } from '../../abi/isa.js';

const names = (isa: string): string[] | undefined => extensionsOf(isa)?.map((e) => `${e.name}${e.major >= 0 ? `@${e.major}.${e.minor}` : ''}`);

describe('extensionsOf', () => {
  it('splits single letters and versioned multi-letter names, as written', () => {
    expect(names('rv32i2p1_m2p0_a2p1_f2p2_d2p2_zicsr2p0_zmmul1p0')).toEqual(['i@2.1', 'm@2.0', 'a@2.1', 'f@2.2', 'd@2.2', 'zicsr@2.0', 'zmmul@1.0']);
    expect(names('rv32imafdc')).toEqual(['i', 'm', 'a', 'f', 'd', 'c']);
    expect(names('rv32gc_zba')).toEqual(['g', 'c', 'zba']);
  });

  it('keeps digits that belong to a name (zve32f, zvl128b) apart from the version', () => {
    expect(names('rv32i2p1_v1p0_zve32f1p0_zvl128b1p0_zve64d')).toEqual(['i@2.1', 'v@1.0', 'zve32f@1.0', 'zvl128b@1.0', 'zve64d']);
  });

  it('is undefined for a string without rv32/rv64/rv128', () => {
    expect(extensionsOf('imafd')).toBeUndefined();
  });
});
