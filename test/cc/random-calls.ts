// Seeded random C programs exercising calls: functions with mixed parameter types (narrow integers,
// long long, small and large structs, pointers), struct results, local arrays, loops and pointer walks.
// Split in two translation units (callees / caller) so each half can be built by a different compiler.

const SCALARS = ['signed char', 'unsigned char', 'short', 'unsigned short', 'int', 'unsigned', 'long long', 'unsigned long long', '_Bool'];
const STRUCTS = ['struct A', 'struct B', 'struct C'];

export interface RandomCallsProgram {
  header: string;
  callees: string;
  caller: string;
}

/** Returns the two units (plus shared header) of the program for `seed`. */
export function randomCallsProgram(seed: number, functions = 8): RandomCallsProgram {
  let s = seed >>> 0;
  const rnd = (n: number): number => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return (s >>> 8) % n;
  };
  const header = `struct A { char c; short s; int i; };
struct B { long long v; int k; };
struct C { int a[5]; char tag; };
unsigned long long mixh(unsigned long long h, unsigned long long v);
`;
  const lit = (t: string): string => {
    if (t === 'struct A') return `(struct A){${rnd(200)}, ${rnd(60000) - 30000}, ${rnd(1 << 30)}}`;
    if (t === 'struct B') return `(struct B){${rnd(1 << 30)}LL * ${rnd(1000)}, ${rnd(100)}}`;
    if (t === 'struct C') return `(struct C){{${rnd(9)}, ${rnd(99)}, ${rnd(999)}, ${rnd(9999)}, ${rnd(99999)}}, ${rnd(120)}}`;
    return `(${t})${rnd(3) ? rnd(300) : rnd(0x7fffffff) * (rnd(2) ? 1 : -1)}`;
  };
  const use = (name: string, t: string): string => {
    if (t === 'struct A') return `((long long)${name}.c + ${name}.s * 3 + ${name}.i)`;
    if (t === 'struct B') return `(${name}.v ^ ${name}.k)`;
    if (t === 'struct C') return `(${name}.a[0] + ${name}.a[4] * 7 + ${name}.tag)`;
    return `(long long)${name}`;
  };
  const sigs: { name: string; ret: string; params: string[]; variadic: boolean }[] = [];
  let callees = '#include <stdarg.h>\n#include "calls.h"\n';
  let decls = '';
  for (let f = 0; f < functions; f++) {
    const n = rnd(10) + 1;
    const params: string[] = [];
    for (let i = 0; i < n; i++) params.push(rnd(4) === 0 ? STRUCTS[rnd(3)] : SCALARS[rnd(SCALARS.length)]);
    const ret = rnd(3) === 0 ? STRUCTS[rnd(3)] : SCALARS[rnd(SCALARS.length)];
    const variadic = rnd(4) === 0;
    sigs.push({ name: `f${f}`, ret, params, variadic });
    const plist = params.map((t, i) => `${t} p${i}`).join(', ') + (variadic ? ', ...' : '');
    decls += `${ret} f${f}(${plist});\n`;
    let body = `  unsigned long long acc = ${rnd(100)};\n  int arr[8];\n  for (int i = 0; i < 8; i++) arr[i] = i * ${rnd(50) + 1};\n`;
    params.forEach((t, i) => {
      body += `  acc = acc * ${rnd(7) + 1} + ${use(`p${i}`, t)};\n`;
    });
    body += `  for (int *q = arr; q < arr + 8; q++) acc += *q ^ (int)acc;\n`;
    if (variadic) body += `  va_list ap;\n  va_start(ap, p${n - 1});\n  acc += va_arg(ap, int);\n  acc += va_arg(ap, long long);\n  va_end(ap);\n`;
    if (ret === 'struct A') body += `  struct A r = {(char)acc, (short)(acc >> 3), (int)(acc >> 5)};\n  return r;\n`;
    else if (ret === 'struct B') body += `  struct B r = {acc * 3, (int)acc};\n  return r;\n`;
    else if (ret === 'struct C') body += `  struct C r;\n  for (int i = 0; i < 5; i++) r.a[i] = (int)(acc >> i);\n  r.tag = (char)acc;\n  return r;\n`;
    else body += `  return (${ret})acc;\n`;
    callees += `${ret} f${f}(${plist}) {\n${body}}\n`;
  }
  let caller = '#include "test.h"\n#include "calls.h"\n';
  caller += 'unsigned long long mixh(unsigned long long h, unsigned long long v) { return (h ^ v) * 0x100000001b3ULL + (h >> 7); }\n';
  caller += 'int main(void) {\n  unsigned long long h = 1469598103934665603ULL;\n';
  for (let k = 0; k < 24; k++) {
    const sig = sigs[rnd(sigs.length)];
    const args = sig.params.map(lit);
    if (sig.variadic) args.push(String(rnd(1000)), `${rnd(1 << 30)}LL * ${rnd(99)}`);
    const call = `${sig.name}(${args.join(', ')})`;
    if (STRUCTS.includes(sig.ret)) caller += `  { ${sig.ret} r = ${call}; h = mixh(h, (unsigned long long)${use('r', sig.ret)}); }\n`;
    else caller += `  h = mixh(h, (unsigned long long)${call});\n`;
  }
  caller += '  t_puts("H "); t_putll((long long)h); t_puts("\\n");\n  return 0;\n}\n';
  return { header: header + decls, callees, caller };
}
