// The heap descriptor a libc publishes with heap_register (Pagoda's system call 1001), as the kernel reads it
// back from the process's memory. Layout, version 1 (userland/libc/malloc/heap_desc.h), every field a word:
//   +0 magic  +4 version  +8 policy  +12 base  +16 top  +20 top_size  +24 rings  +28 ring_count  +32 ring_stride
//   +36 stacks  +40 stack_count  +44 stack_stride  +48 segments  +52 segment_count  +56 counters
// base/top/top_size/segment_count are addresses of the libc's variables, read at each walk: the descriptor is
// written once, the variables change with every call.

import type { GuestPeek } from './peek.js';

export const HEAP_DESC_MAGIC = 0x48647363; // "Hdsc"
export const HEAP_DESC_VERSION = 1;
export const HEAP_DESC_WORDS = 15;

/** Policy ids as heap_register passes them (heap_desc.h enum heap_policy_id), index = id. */
export const HEAP_POLICY_NAMES = ['none', 'dl', 'first', 'next', 'best', 'buddy', 'quick'] as const;
export type HeapPolicyName = (typeof HEAP_POLICY_NAMES)[number];

/** What heap_register recorded for a process: the policy id and the descriptor's address. */
export interface HeapRegistration {
  policy: number;
  descVa: number;
}

export interface HeapDescriptor {
  policy: HeapPolicyName;
  baseVar: number;
  topVar: number;
  topSizeVar: number;
  rings: number;
  ringCount: number;
  ringStride: number;
  stacks: number;
  stackCount: number;
  stackStride: number;
  segments: number;
  segmentCountVar: number;
  counters: number;
}

/** Lists longer than this are not a libc's (dl has 160 bins, quick 129 lists). */
const MAX_LISTS = 4096;

/**
 * Reads and checks the descriptor at `va` for policy id `policy`: the descriptor itself, or a sentence saying
 * why it cannot be used (absent page, wrong magic or version, another policy, absurd list counts or strides).
 */
export function readDescriptor(peek: GuestPeek, va: number, policy: number): HeapDescriptor | string {
  const w = (i: number): number => peek.u32(va + 4 * i);
  if ((va & 3) !== 0 || !peek.resident(va) || !peek.resident(va + 4 * HEAP_DESC_WORDS - 4)) return 'descriptor not in memory';
  if (w(0) !== HEAP_DESC_MAGIC) return 'descriptor magic is wrong';
  if (w(1) !== HEAP_DESC_VERSION) return `descriptor version ${w(1)} is not ${HEAP_DESC_VERSION}`;
  if (w(2) !== policy || policy < 1 || policy >= HEAP_POLICY_NAMES.length) return `descriptor policy ${w(2)} is not ${policy}`;
  const d: HeapDescriptor = {
    policy: HEAP_POLICY_NAMES[policy], baseVar: w(3), topVar: w(4), topSizeVar: w(5),
    rings: w(6), ringCount: w(7), ringStride: w(8), stacks: w(9), stackCount: w(10), stackStride: w(11),
    segments: w(12), segmentCountVar: w(13), counters: w(14),
  };
  if (d.ringCount > MAX_LISTS || d.stackCount > MAX_LISTS) return 'descriptor list count too large';
  if ((d.ringCount && (d.ringStride < 16 || d.ringStride > 64)) || (d.stackCount && (d.stackStride < 4 || d.stackStride > 64))) {
    return 'descriptor list stride out of range';
  }
  return d;
}
