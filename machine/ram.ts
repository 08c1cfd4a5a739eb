// Physical RAM: one ArrayBuffer seen through typed views, little-endian like RISC-V.
// The CPU reads the views directly in its hot loop; everything else uses the checked accessors.

export const MIB = 1024 * 1024;
export const CHUNK_SIZE = 2 * MIB;
export const MIN_RAM_BYTES = 16 * MIB;
export const MAX_RAM_BYTES = 1024 * MIB;
export const DEFAULT_RAM_BYTES = 128 * MIB;

/** Thrown when host code (never a user program) touches RAM outside its size: a kernel bug. */
export class PhysicalAccessError extends RangeError {}

const HOST_IS_LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

export class PhysicalMemory {
  readonly sizeBytes: number;
  readonly buffer: ArrayBuffer;
  readonly u8: Uint8Array;
  readonly i8: Int8Array;
  readonly u16: Uint16Array;
  readonly i16: Int16Array;
  readonly i32: Int32Array;
  readonly view: DataView;

  /** RAM of `sizeBytes`: a multiple of 2 MiB from 16 MiB to 1 GiB (RangeError otherwise). */
  constructor(sizeBytes: number = DEFAULT_RAM_BYTES) {
    if (!Number.isInteger(sizeBytes) || sizeBytes % CHUNK_SIZE !== 0 || sizeBytes < MIN_RAM_BYTES || sizeBytes > MAX_RAM_BYTES) {
      throw new RangeError(`PhysicalMemory: size must be a multiple of 2 MiB from 16 MiB to 1 GiB, got ${sizeBytes}`);
    }
    // The typed views index RAM in host byte order; every host Node runs on is little-endian.
    if (!HOST_IS_LITTLE_ENDIAN) throw new Error('PhysicalMemory: big-endian hosts are not supported');
    this.sizeBytes = sizeBytes;
    this.buffer = new ArrayBuffer(sizeBytes);
    this.u8 = new Uint8Array(this.buffer);
    this.i8 = new Int8Array(this.buffer);
    this.u16 = new Uint16Array(this.buffer);
    this.i16 = new Int16Array(this.buffer);
    this.i32 = new Int32Array(this.buffer);
    this.view = new DataView(this.buffer);
  }

  /** True when [pa, pa+len) lies inside RAM. */
  contains(pa: number, len = 1): boolean {
    return Number.isInteger(pa) && pa >= 0 && len >= 0 && pa + len <= this.sizeBytes;
  }

  private check(pa: number, len: number): void {
    if (!this.contains(pa, len)) {
      throw new PhysicalAccessError(`PhysicalMemory: access of ${len} bytes at 0x${pa.toString(16)} is outside RAM`);
    }
  }

  read8(pa: number): number { this.check(pa, 1); return this.u8[pa]; }
  read16(pa: number): number { this.check(pa, 2); return this.view.getUint16(pa, true); }
  /** Unsigned 32-bit value. */
  read32(pa: number): number { this.check(pa, 4); return this.view.getUint32(pa, true); }
  write8(pa: number, v: number): void { this.check(pa, 1); this.u8[pa] = v; }
  write16(pa: number, v: number): void { this.check(pa, 2); this.view.setUint16(pa, v, true); }
  write32(pa: number, v: number): void { this.check(pa, 4); this.view.setUint32(pa, v >>> 0, true); }

  /** Copies `bytes` into RAM at `pa`. */
  writeBytes(pa: number, bytes: Uint8Array): void { this.check(pa, bytes.length); this.u8.set(bytes, pa); }
  /** A copy of `len` bytes at `pa`. */
  readBytes(pa: number, len: number): Uint8Array { this.check(pa, len); return this.u8.slice(pa, pa + len); }
  /** Sets `len` bytes at `pa` to `value`. */
  fill(pa: number, len: number, value = 0): void { this.check(pa, len); this.u8.fill(value, pa, pa + len); }
}
