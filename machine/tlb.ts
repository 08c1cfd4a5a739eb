// Software TLB: three direct-mapped, tagged arrays, one per access kind (fetch, load, store).
// An entry maps the virtual page `tag` (va >>> 12) to a physical page by an offset:
// pa = va + off. A hit is one compare and one add. Tag -1 marks an empty entry.
// Store entries exist only for pages whose PTE has D set and whose frame holds no code (machine/codemarks.ts),
// so every first write to a page, and every write to a frame the CPU has fetched from, takes the slow path.

export const TLB_BITS = 12;
export const TLB_SIZE = 1 << TLB_BITS;
export const TLB_MASK = TLB_SIZE - 1;

export class Tlb {
  readonly fetchTag = new Int32Array(TLB_SIZE).fill(-1);
  readonly fetchOff = new Int32Array(TLB_SIZE);
  readonly loadTag = new Int32Array(TLB_SIZE).fill(-1);
  readonly loadOff = new Int32Array(TLB_SIZE);
  readonly storeTag = new Int32Array(TLB_SIZE).fill(-1);
  readonly storeOff = new Int32Array(TLB_SIZE);
  /** Set when an entry came from a 4 MiB megapage: a per-page flush must then drop everything. */
  holdsMegapage = false;

  /** sfence.vma with no address: forget every translation. */
  flushAll(): void {
    this.fetchTag.fill(-1);
    this.loadTag.fill(-1);
    this.storeTag.fill(-1);
    this.holdsMegapage = false;
  }

  /** sfence.vma va: forget the translations of the page holding `va`. */
  flushPage(va: number): void {
    if (this.holdsMegapage) return this.flushAll();
    const vpn = va >>> 12;
    const i = vpn & TLB_MASK;
    if (this.fetchTag[i] === vpn) this.fetchTag[i] = -1;
    if (this.loadTag[i] === vpn) this.loadTag[i] = -1;
    if (this.storeTag[i] === vpn) this.storeTag[i] = -1;
  }

  /** Forgets every fetch translation (a frame stopped holding code; the next fetch must mark it again). */
  dropFetches(): void {
    this.fetchTag.fill(-1);
  }

  /** Drops every store entry that points at physical page `ppn` (it now holds code). */
  dropStoresTo(ppn: number): void {
    const tag = this.storeTag;
    const off = this.storeOff;
    for (let i = 0; i < TLB_SIZE; i++) {
      if (tag[i] !== -1 && ((((tag[i] << 12) + off[i]) >>> 12) === ppn)) tag[i] = -1;
    }
  }
}
