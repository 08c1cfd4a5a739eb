// The terminal host's escape key, as qemu's `-serial mon:stdio` has it: Ctrl-A starts a two-key command, and
// everything else goes to the guest untouched (Ctrl-C included: it is the guest's).
//   Ctrl-A x        power off (the machine stops; the host exits)
//   Ctrl-A Ctrl-A   send one Ctrl-A to the guest
//   Ctrl-A h or ?   help on the host's terminal
// Any other key after Ctrl-A is sent to the guest together with the Ctrl-A, so nothing typed is lost.

export const ESCAPE_BYTE = 0x01;

export type EscapeCommand = 'power-off' | 'help';

export const ESCAPE_HELP =
  'Pagoda console keys: Ctrl-A x  power off | Ctrl-A Ctrl-A  send Ctrl-A | Ctrl-A h  this help\r\n' +
  '(Ctrl-C, Ctrl-D, Ctrl-Z and every other key go to the guest)\r\n';

export interface EscapeResult {
  /** Bytes for the guest, in order. */
  toGuest: Uint8Array;
  /** Commands seen, in order (bytes typed after 'power-off' in the same chunk are dropped). */
  commands: EscapeCommand[];
}

/** Splits host key bytes into guest bytes and escape commands; keeps state across chunks (Ctrl-A, then x). */
export class EscapeDecoder {
  private armed = false;

  /** Decodes one chunk of key bytes. */
  feed(bytes: Uint8Array): EscapeResult {
    const out: number[] = [];
    const commands: EscapeCommand[] = [];
    for (const b of bytes) {
      if (!this.armed) {
        if (b === ESCAPE_BYTE) this.armed = true;
        else out.push(b);
        continue;
      }
      this.armed = false;
      if (b === 0x78 /* x */ || b === 0x58 /* X */) {
        commands.push('power-off');
        break;
      }
      if (b === 0x68 /* h */ || b === 0x3f /* ? */) commands.push('help');
      else if (b === ESCAPE_BYTE) out.push(ESCAPE_BYTE);
      else out.push(ESCAPE_BYTE, b);
    }
    return { toGuest: Uint8Array.from(out), commands };
  }

  /** True between a Ctrl-A and the key that completes it. */
  get pending(): boolean { return this.armed; }
}
