// Archive member selection, as GNU ld does. When the link reaches an archive on the command line, it pulls
// in every member that defines a symbol that is still undefined (and referenced by a non-weak reference),
// and keeps scanning that same archive until a whole pass pulls nothing. Later inputs cannot pull members
// from an archive already passed — unless the archives sit in one group (--start-group ... --end-group),
// which is rescanned as a whole until no archive in it pulls anything.

import { ArchiveFormatError, definedGlobals, readArchive, type ArchiveMember, type ArchiveSymbol } from '../ar.js';
import type { Diagnostics } from './diagnostics.js';
import { readObject, type InputObject } from './input.js';
import type { SymbolTable } from './symbols.js';

/** An archive being linked: its index and the members already pulled in. */
export interface OpenArchive {
  readonly name: string;
  readonly index: readonly ArchiveSymbol[];
  readonly byOffset: ReadonlyMap<number, ArchiveMember>;
  readonly loaded: Set<number>;
}

/** Where pulled members go, and the running link-order counter. */
export interface LinkState {
  readonly table: SymbolTable;
  readonly objects: InputObject[];
  readonly diags: Diagnostics;
  order: number;
}

/** Builds a symbol index from the members themselves, for archives written without one. */
function indexFromMembers(members: readonly ArchiveMember[]): ArchiveSymbol[] {
  const out: ArchiveSymbol[] = [];
  for (const m of members) for (const name of definedGlobals(m.bytes)) out.push({ name, memberOffset: m.headerOffset });
  return out;
}

/** Parses archive `name`; a malformed one is a fatal diagnostic. */
export function openArchive(name: string, bytes: Uint8Array, diags: Diagnostics): OpenArchive {
  let archive;
  try {
    archive = readArchive(bytes);
  } catch (e) {
    if (e instanceof ArchiveFormatError) diags.fatal(name, `malformed archive: ${e.message}`);
    throw e;
  }
  return {
    name,
    index: archive.symbols ?? indexFromMembers(archive.members),
    byOffset: new Map(archive.members.map((m) => [m.headerOffset, m])),
    loaded: new Set(),
  };
}

/**
 * Pulls the members of `archive` that the link needs, scanning it again until a pass pulls nothing.
 * Pulled objects are appended to `state.objects` and bound into `state.table`. Returns whether any was.
 */
export function pullMembers(archive: OpenArchive, state: LinkState): boolean {
  let pulledAny = false;
  let pulled = true;
  while (pulled) {
    pulled = false;
    for (const entry of archive.index) {
      if (archive.loaded.has(entry.memberOffset) || !state.table.isWanted(entry.name)) continue;
      const member = archive.byOffset.get(entry.memberOffset);
      if (!member) {
        state.diags.fatal(
          archive.name,
          `symbol index names member offset 0x${entry.memberOffset.toString(16)}, which holds no member`,
        );
      }
      archive.loaded.add(entry.memberOffset);
      const obj = readObject(`${archive.name}(${member.name})`, member.bytes, state.order++, state.diags);
      state.objects.push(obj);
      state.table.addObject(obj);
      pulled = pulledAny = true;
    }
  }
  return pulledAny;
}

/** Rescans a group of archives until none of them pulls another member (GNU's --start-group). */
export function pullGroup(archives: readonly OpenArchive[], state: LinkState): void {
  let again = true;
  while (again) {
    again = false;
    for (const a of archives) if (pullMembers(a, state)) again = true;
  }
}
