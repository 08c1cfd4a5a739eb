// The DWARF 5 abbreviation table of `pagoda cc -g` (DWARF 5 section 7.5.3): one fixed entry per shape of DIE
// the compiler writes, so .debug_abbrev is the same for every unit. Codes, tags, attributes and forms are the
// standard's numbers (section 7.5.4, 7.5.5, 7.5.6).

export const enum Tag {
  ARRAY = 0x01, ENUMERATION = 0x04, FORMAL_PARAMETER = 0x05, MEMBER = 0x0d, POINTER = 0x0f, COMPILE_UNIT = 0x11,
  STRUCTURE = 0x13, SUBROUTINE_TYPE = 0x15, TYPEDEF = 0x16, UNION = 0x17, SUBRANGE = 0x21, BASE_TYPE = 0x24,
  CONST = 0x26, ENUMERATOR = 0x28, SUBPROGRAM = 0x2e, VARIABLE = 0x34, VOLATILE = 0x35,
}

export const enum At {
  LOCATION = 0x02, NAME = 0x03, BYTE_SIZE = 0x0b, BIT_SIZE = 0x0d, STMT_LIST = 0x10, LOW_PC = 0x11,
  HIGH_PC = 0x12, LANGUAGE = 0x13, COMP_DIR = 0x1b, CONST_VALUE = 0x1c, PRODUCER = 0x25, PROTOTYPED = 0x27,
  UPPER_BOUND = 0x2f, DATA_MEMBER_LOCATION = 0x38, DECL_FILE = 0x3a, DECL_LINE = 0x3b, DECLARATION = 0x3c,
  ENCODING = 0x3e, EXTERNAL = 0x3f, FRAME_BASE = 0x40, TYPE = 0x49, DATA_BIT_OFFSET = 0x6b,
}

export const enum Form {
  ADDR = 0x01, DATA4 = 0x06, DATA1 = 0x0b, FLAG = 0x0c, SDATA = 0x0d, STRP = 0x0e, UDATA = 0x0f, REF4 = 0x13,
  SEC_OFFSET = 0x17, EXPRLOC = 0x18, FLAG_PRESENT = 0x19,
}

/** The abbreviation codes, one per DIE shape. */
export const enum Abbrev {
  COMPILE_UNIT = 1, BASE_TYPE, POINTER, POINTER_VOID, STRUCT, STRUCT_ANON, UNION, UNION_ANON, MEMBER,
  MEMBER_BITS, ARRAY, SUBRANGE, SUBRANGE_UNBOUNDED, ENUM, ENUM_ANON, ENUMERATOR, TYPEDEF, TYPEDEF_VOID,
  SUBPROGRAM, SUBPROGRAM_VOID, PARAM, VARIABLE, PARAM_NOLOC, VARIABLE_NOLOC, GLOBAL, CONST, VOLATILE,
  SUBROUTINE, SUBROUTINE_VOID, STRUCT_DECL, UNION_DECL,
}

type Entry = [Abbrev, Tag, boolean, Array<[At, Form]>];

const DECL: Array<[At, Form]> = [[At.DECL_FILE, Form.UDATA], [At.DECL_LINE, Form.UDATA]];

const ENTRIES: Entry[] = [
  [Abbrev.COMPILE_UNIT, Tag.COMPILE_UNIT, true, [[At.PRODUCER, Form.STRP], [At.LANGUAGE, Form.DATA1],
    [At.NAME, Form.STRP], [At.COMP_DIR, Form.STRP], [At.LOW_PC, Form.ADDR], [At.HIGH_PC, Form.DATA4],
    [At.STMT_LIST, Form.SEC_OFFSET]]],
  [Abbrev.BASE_TYPE, Tag.BASE_TYPE, false, [[At.BYTE_SIZE, Form.DATA1], [At.ENCODING, Form.DATA1], [At.NAME, Form.STRP]]],
  [Abbrev.POINTER, Tag.POINTER, false, [[At.BYTE_SIZE, Form.DATA1], [At.TYPE, Form.REF4]]],
  [Abbrev.POINTER_VOID, Tag.POINTER, false, [[At.BYTE_SIZE, Form.DATA1]]],
  [Abbrev.STRUCT, Tag.STRUCTURE, true, [[At.NAME, Form.STRP], [At.BYTE_SIZE, Form.DATA4]]],
  [Abbrev.STRUCT_ANON, Tag.STRUCTURE, true, [[At.BYTE_SIZE, Form.DATA4]]],
  [Abbrev.UNION, Tag.UNION, true, [[At.NAME, Form.STRP], [At.BYTE_SIZE, Form.DATA4]]],
  [Abbrev.UNION_ANON, Tag.UNION, true, [[At.BYTE_SIZE, Form.DATA4]]],
  [Abbrev.MEMBER, Tag.MEMBER, false, [[At.NAME, Form.STRP], [At.TYPE, Form.REF4], [At.DATA_MEMBER_LOCATION, Form.UDATA]]],
  [Abbrev.MEMBER_BITS, Tag.MEMBER, false, [[At.NAME, Form.STRP], [At.TYPE, Form.REF4], [At.BIT_SIZE, Form.UDATA],
    [At.DATA_BIT_OFFSET, Form.UDATA]]],
  [Abbrev.ARRAY, Tag.ARRAY, true, [[At.TYPE, Form.REF4]]],
  [Abbrev.SUBRANGE, Tag.SUBRANGE, false, [[At.TYPE, Form.REF4], [At.UPPER_BOUND, Form.UDATA]]],
  [Abbrev.SUBRANGE_UNBOUNDED, Tag.SUBRANGE, false, [[At.TYPE, Form.REF4]]],
  [Abbrev.ENUM, Tag.ENUMERATION, true, [[At.NAME, Form.STRP], [At.BYTE_SIZE, Form.DATA1], [At.TYPE, Form.REF4]]],
  [Abbrev.ENUM_ANON, Tag.ENUMERATION, true, [[At.BYTE_SIZE, Form.DATA1], [At.TYPE, Form.REF4]]],
  [Abbrev.ENUMERATOR, Tag.ENUMERATOR, false, [[At.NAME, Form.STRP], [At.CONST_VALUE, Form.SDATA]]],
  [Abbrev.TYPEDEF, Tag.TYPEDEF, false, [[At.NAME, Form.STRP], [At.TYPE, Form.REF4]]],
  [Abbrev.TYPEDEF_VOID, Tag.TYPEDEF, false, [[At.NAME, Form.STRP]]],
  [Abbrev.SUBPROGRAM, Tag.SUBPROGRAM, true, [[At.EXTERNAL, Form.FLAG], [At.NAME, Form.STRP], ...DECL,
    [At.PROTOTYPED, Form.FLAG_PRESENT], [At.TYPE, Form.REF4], [At.LOW_PC, Form.ADDR], [At.HIGH_PC, Form.DATA4],
    [At.FRAME_BASE, Form.EXPRLOC]]],
  [Abbrev.SUBPROGRAM_VOID, Tag.SUBPROGRAM, true, [[At.EXTERNAL, Form.FLAG], [At.NAME, Form.STRP], ...DECL,
    [At.PROTOTYPED, Form.FLAG_PRESENT], [At.LOW_PC, Form.ADDR], [At.HIGH_PC, Form.DATA4], [At.FRAME_BASE, Form.EXPRLOC]]],
  [Abbrev.PARAM, Tag.FORMAL_PARAMETER, false, [[At.NAME, Form.STRP], ...DECL, [At.TYPE, Form.REF4], [At.LOCATION, Form.EXPRLOC]]],
  [Abbrev.VARIABLE, Tag.VARIABLE, false, [[At.NAME, Form.STRP], ...DECL, [At.TYPE, Form.REF4], [At.LOCATION, Form.EXPRLOC]]],
  [Abbrev.PARAM_NOLOC, Tag.FORMAL_PARAMETER, false, [[At.NAME, Form.STRP], ...DECL, [At.TYPE, Form.REF4]]],
  [Abbrev.VARIABLE_NOLOC, Tag.VARIABLE, false, [[At.NAME, Form.STRP], ...DECL, [At.TYPE, Form.REF4]]],
  [Abbrev.GLOBAL, Tag.VARIABLE, false, [[At.NAME, Form.STRP], ...DECL, [At.TYPE, Form.REF4], [At.EXTERNAL, Form.FLAG],
    [At.LOCATION, Form.EXPRLOC]]],
  [Abbrev.CONST, Tag.CONST, false, [[At.TYPE, Form.REF4]]],
  [Abbrev.VOLATILE, Tag.VOLATILE, false, [[At.TYPE, Form.REF4]]],
  [Abbrev.SUBROUTINE, Tag.SUBROUTINE_TYPE, false, [[At.PROTOTYPED, Form.FLAG_PRESENT], [At.TYPE, Form.REF4]]],
  [Abbrev.SUBROUTINE_VOID, Tag.SUBROUTINE_TYPE, false, [[At.PROTOTYPED, Form.FLAG_PRESENT]]],
  [Abbrev.STRUCT_DECL, Tag.STRUCTURE, false, [[At.NAME, Form.STRP], [At.DECLARATION, Form.FLAG_PRESENT]]],
  [Abbrev.UNION_DECL, Tag.UNION, false, [[At.NAME, Form.STRP], [At.DECLARATION, Form.FLAG_PRESENT]]],
];

/** The `.debug_abbrev` section as assembly lines; `label` names its start (the units' abbrev offset). */
export function abbrevSection(label: string): string[] {
  const out = ['\t.section .debug_abbrev,"",@progbits', `${label}:`];
  const uleb = (v: number): void => {
    out.push(`\t.uleb128 ${v}`);
  };
  for (const [code, tag, children, attrs] of ENTRIES) {
    uleb(code);
    uleb(tag);
    out.push(`\t.byte ${children ? 1 : 0}`);
    for (const [at, form] of attrs) {
      uleb(at);
      uleb(form);
    }
    out.push('\t.byte 0', '\t.byte 0');
  }
  out.push('\t.byte 0');
  return out;
}
