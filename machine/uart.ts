// Console UART: a byte stream in each direction. The host pushes input bytes; output bytes go
// to the host's callback. The kernel's tty is the only reader and writer on the machine side.

export type OutputSink = (bytes: Uint8Array) => void;

export class Uart {
  private input: number[] = [];
  private head = 0;
  /** Called after pushInput so a sleeping reader can wake. */
  onInput: (() => void) | undefined;

  constructor(public onOutput: OutputSink = () => {}) {}

  /** Host side: queue bytes typed at the terminal. */
  pushInput(bytes: Uint8Array | string): void {
    const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
    for (const b of data) this.input.push(b);
    this.onInput?.();
  }

  /** Number of bytes waiting. */
  get inputLength(): number {
    return this.input.length - this.head;
  }

  /** Machine side: the next input byte, or -1 when none is waiting. */
  readByte(): number {
    if (this.head >= this.input.length) return -1;
    const b = this.input[this.head++];
    if (this.head > 4096 && this.head * 2 > this.input.length) {
      this.input = this.input.slice(this.head);
      this.head = 0;
    }
    return b;
  }

  /** Machine side: send bytes to the host. */
  write(bytes: Uint8Array): void {
    if (bytes.length > 0) this.onOutput(bytes);
  }
}
