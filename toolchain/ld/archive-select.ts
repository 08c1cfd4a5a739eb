// Archive member selection, as GNU ld does without --start-group: when the link reaches an archive on the
// command line, it pulls in every member that defines a symbol that is still undefined (and referenced by a
// non-weak reference), and keeps scanning that same archive until a whole pass pulls nothing. Later inputs
// cannot pull members from an archive already passed.

import { ArchiveFormatError, definedGlobals, readArchive, type ArchiveSymbol } from '../ar.js';
import type { Diagnostics } from './diagnostics.js';
import { readObject, type InputObject } from './input.js';
import type { SymbolTable } from './symbols.js';

/** Builds a symbol index from the members themselves, for archives written without one. */
function indexFromMembers(members: readonly { headerOffset: number; bytes: Uint8Array }[]): ArchiveSymbol[] {
  const out: ArchiveSymbol[] = [];
  for (const m of members) for (const name of definedGlobals(m.bytes)) out.push({ name, memberOffset: m.headerOffset });
  return out;
}

/**
 * Loads the members of archive `name` that the link needs, appending them to `objects` and binding their
 * symbols into `table`. `nextOrder` numbers the objects; returns the next free number.
 */
export function selectArchiveMembers(
  name: string,
  bytes: Uint8Array,
  table: SymbolTable,
  objects: InputObject[],
  nextOrder: number,
  diags: Diagnostics,
): number {
  let archive;
  try {
    archive = readArchive(bytes);
  } catch (e) {
    if (e instanceof ArchiveFormatError) diags.fatal(name, `malformed archive: ${e.message}`);
    throw e;
  }
  const byOffset = new Map(archive.members.map((m) => [m.headerOffset, m]));
  const index = archive.symbols ?? indexFromMembers(archive.members);
  const loaded = new Set<number>();
  let pulled = true;
  while (pulled) {
    pulled = false;
    for (const entry of index) {
      if (loaded.has(entry.memberOffset) || !table.isWanted(entry.name)) continue;
      const member = byOffset.get(entry.memberOffset);
      if (!member) {
        diags.fatal(name, `symbol index names member offset 0x${entry.memberOffset.toString(16)}, which holds no member`);
      }
      loaded.add(entry.memberOffset);
      const obj = readObject(`${name}(${member.name})`, member.bytes, nextOrder++, diags);
      objects.push(obj);
      table.addObject(obj);
      pulled = true;
    }
  }
  return nextOrder;
}
