// gcc's feature-test operators for #if: __has_attribute(name) and __has_builtin(name). They answer for what
// this compiler accepts, so a portable header that asks before using a GNU feature takes the branch that
// compiles here. (__has_include lives in preprocess.ts: it needs the include search.)
import { KEYWORDS } from './parse-state.js';

/**
 * Attributes `__attribute__((...))` accepts with gcc's meaning: those it honours (packed, aligned,
 * noreturn) and those whose only effect is on diagnostics or optimisation, which accepting and ignoring
 * keeps correct.
 */
const ATTRIBUTES = new Set([
  'packed', 'aligned', 'noreturn', 'unused', 'used', 'always_inline', 'noinline', 'deprecated', 'const', 'pure',
  'cold', 'hot', 'malloc', 'nonnull', 'returns_nonnull', 'warn_unused_result', 'fallthrough', 'format',
  'format_arg', 'may_alias', 'nothrow', 'leaf', 'artificial', 'gnu_inline', 'sentinel',
]);

/** __has_attribute(name): 1 for an attribute in ATTRIBUTES, spelled plain or as __name__. */
export function hasAttribute(name: string): boolean {
  const plain = name.startsWith('__') && name.endsWith('__') && name.length > 4 ? name.slice(2, -2) : name;
  return ATTRIBUTES.has(plain);
}

/** __has_builtin(name): 1 for a __builtin_* the parser knows. */
export function hasBuiltin(name: string): boolean {
  return name.startsWith('__builtin_') && KEYWORDS.has(name);
}
