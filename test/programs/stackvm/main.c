/* stackvm: an assembler and a stack-based bytecode virtual machine with one big dispatch switch.
 *
 *   stackvm FILE.asm [ARGS...]   assembles FILE.asm, disassembles it to FILE.lst, runs it; ARGS are
 *                                pushed as integers before the entry point is called.
 * Assembly: instructions separated by blanks or lines, `ret N` drops N arguments, `label:` definitions, `;` comments, `.data N` reserves N global
 * cells, `.entry LABEL` picks the start. Values are 32-bit signed integers with wrap-around arithmetic.
 * Runtime errors (stack overflow, division by zero, bad address) stop the machine with a message naming the
 * program counter and opcode; the exit status is then 3. At the end the VM prints how often each opcode ran. */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define OPCODES(X) \
  X(HALT, 0) X(PUSH, 1) X(POP, 0) X(DUP, 0) X(SWAP, 0) X(OVER, 0) X(ADD, 0) X(SUB, 0) X(MUL, 0) X(DIV, 0) \
  X(MOD, 0) X(NEG, 0) X(AND, 0) X(OR, 0) X(XOR, 0) X(SHL, 0) X(SHR, 0) X(EQ, 0) X(NE, 0) X(LT, 0) X(LE, 0) \
  X(GT, 0) X(GE, 0) X(NOT, 0) X(JMP, 1) X(JZ, 1) X(JNZ, 1) X(CALL, 1) X(RET, 1) X(ENTER, 1) X(LOAD, 1) \
  X(STORE, 1) X(GLOAD, 0) X(GSTORE, 0) X(PRINT, 0) X(PRINTC, 0) X(SYS, 1) X(INC, 1) X(ROT, 0)

enum Opcode {
#define AS_ENUM(name, operands) OP_##name,
  OPCODES(AS_ENUM)
#undef AS_ENUM
  OP_COUNT
};

static const struct { const char *name; int operands; } op_info[] = {
#define AS_INFO(name, operands) { #name, operands },
  OPCODES(AS_INFO)
#undef AS_INFO
};

typedef struct { unsigned op : 8; signed arg : 24; } Insn;   /* bit-fields: opcode and signed operand */

#define MAX_CODE 4096
#define MAX_LABELS 256
#define STACK_CELLS 4096
#define FRAMES 512

typedef struct { char name[32]; int addr; int line; } Label;
typedef struct { char name[32]; int at; int line; } Fixup;

typedef struct {
  Insn code[MAX_CODE];
  int ncode, nglobals, entry;
  Label labels[MAX_LABELS];
  int nlabels;
  Fixup fixups[MAX_CODE];
  int nfixups;
} Program;

static int find_label(const Program *p, const char *name) {
  for (int i = 0; i < p->nlabels; i++)
    if (!strcmp(p->labels[i].name, name)) return i;
  return -1;
}

static int lookup_op(const char *name) {
  char upper[16];
  size_t n = strlen(name);
  if (n >= sizeof upper) return -1;
  for (size_t i = 0; i <= n; i++) upper[i] = (char)toupper((unsigned char)name[i]);
  for (int i = 0; i < OP_COUNT; i++)
    if (!strcmp(op_info[i].name, upper)) return i;
  return -1;
}

/* Assembles `f`; prints errors as FILE:LINE: message and returns their count. */
static int assemble(Program *p, FILE *f, const char *path) {
  char line[256], entry[32] = "main";
  int lineno = 0, errors = 0;
  while (fgets(line, sizeof line, f)) {
    lineno++;
    char *s = line;
    char *semi = strchr(s, ';');
    if (semi) *semi = 0;
    char *tok = strtok(s, " \t\r\n");
    while (tok) {
      size_t n = strlen(tok);
      if (tok[n - 1] == ':') {
        tok[n - 1] = 0;
        if (find_label(p, tok) >= 0) { fprintf(stderr, "%s:%d: label '%s' defined twice\n", path, lineno, tok); errors++; }
        else if (p->nlabels < MAX_LABELS) {
          Label *l = &p->labels[p->nlabels++];
          snprintf(l->name, sizeof l->name, "%s", tok);
          l->addr = p->ncode;
          l->line = lineno;
        }
        tok = strtok(NULL, " \t\r\n");
        continue;
      }
      if (!strcmp(tok, ".data")) { p->nglobals += atoi(strtok(NULL, " \t\r\n")); break; }
      if (!strcmp(tok, ".entry")) { snprintf(entry, sizeof entry, "%s", strtok(NULL, " \t\r\n")); break; }
      int op = lookup_op(tok);
      if (op < 0) { fprintf(stderr, "%s:%d: unknown instruction '%s'\n", path, lineno, tok); errors++; break; }
      Insn in = { (unsigned)op, 0 };
      if (op_info[op].operands) {
        char *arg = strtok(NULL, " \t\r\n");
        if (!arg) { fprintf(stderr, "%s:%d: %s needs an operand\n", path, lineno, op_info[op].name); errors++; break; }
        if (isdigit((unsigned char)arg[0]) || arg[0] == '-') {
          long v = strtol(arg, NULL, 0);
          if (v < -(1L << 23) || v >= (1L << 23)) { fprintf(stderr, "%s:%d: operand %s out of range\n", path, lineno, arg); errors++; }
          in.arg = (int)v;
        }
        else if (arg[0] == '\'') in.arg = (unsigned char)arg[1];
        else {
          Fixup *fx = &p->fixups[p->nfixups++];
          snprintf(fx->name, sizeof fx->name, "%s", arg);
          fx->at = p->ncode;
          fx->line = lineno;
        }
      }
      if (p->ncode == MAX_CODE) { fprintf(stderr, "%s:%d: program too long\n", path, lineno); return errors + 1; }
      p->code[p->ncode++] = in;
      tok = strtok(NULL, " \t\r\n");   /* several instructions may share a line */
    }
  }
  for (int i = 0; i < p->nfixups; i++) {
    int l = find_label(p, p->fixups[i].name);
    if (l < 0) { fprintf(stderr, "%s:%d: undefined label '%s'\n", path, p->fixups[i].line, p->fixups[i].name); errors++; }
    else p->code[p->fixups[i].at].arg = p->labels[l].addr;
  }
  int e = find_label(p, entry);
  if (e < 0) { fprintf(stderr, "%s: no entry point '%s'\n", path, entry); errors++; }
  else p->entry = p->labels[e].addr;
  return errors;
}

static void disassemble(const Program *p, FILE *out) {
  for (int pc = 0; pc < p->ncode; pc++) {
    for (int l = 0; l < p->nlabels; l++)
      if (p->labels[l].addr == pc) fprintf(out, "%s:\n", p->labels[l].name);
    Insn in = p->code[pc];
    fprintf(out, "  %04d  %-7s", pc, op_info[in.op].name);
    if (op_info[in.op].operands) fprintf(out, " %d", (int)in.arg);
    fputc('\n', out);
  }
}

/* System calls reachable with SYS n: a table of function pointers over the VM's stack. */
typedef int32_t (*SysFn)(int32_t);
static int32_t sys_square(int32_t x) { return (int32_t)((uint32_t)x * (uint32_t)x); }
static int32_t sys_abs(int32_t x) { return x < 0 ? -x : x; }
static int32_t sys_popcount(int32_t x) { int n = 0; for (uint32_t u = (uint32_t)x; u; u &= u - 1) n++; return n; }
static int32_t sys_isqrt(int32_t x) { int32_t r = 0; while ((int64_t)(r + 1) * (r + 1) <= x) r++; return r; }
static const SysFn sys_table[] = { sys_square, sys_abs, sys_popcount, sys_isqrt };

typedef struct { int ret_pc, base; } Frame;

typedef struct {
  int32_t stack[STACK_CELLS];
  int sp;
  Frame frames[FRAMES];
  int fp;
  int32_t *globals;
  unsigned long long executed;
  unsigned long counts[OP_COUNT];
} VM;

static int vm_error(const Program *p, int pc, const char *what) {
  fprintf(stderr, "vm: %s at pc %d (%s)\n", what, pc, op_info[p->code[pc].op].name);
  return -1;
}

/* Runs from the entry point; returns the value on top of the stack at HALT, or -1 after an error. */
static int vm_run(VM *vm, const Program *p, int32_t *result) {
  int pc = p->entry;
#define NEED(n) do { if (vm->sp < (n)) return vm_error(p, pc, "stack underflow"); } while (0)
#define ROOM(n) do { if (vm->sp + (n) > STACK_CELLS) return vm_error(p, pc, "stack overflow"); } while (0)
#define BINOP(expr) do { NEED(2); int32_t b = vm->stack[--vm->sp], a = vm->stack[vm->sp - 1]; \
    vm->stack[vm->sp - 1] = (expr); (void)a; (void)b; } while (0)
  for (;;) {
    if (pc < 0 || pc >= p->ncode) return vm_error(p, 0, "pc out of range");
    Insn in = p->code[pc];
    vm->executed++;
    vm->counts[in.op]++;
    int32_t t;
    switch ((enum Opcode)in.op) {
      case OP_HALT: *result = vm->sp ? vm->stack[vm->sp - 1] : 0; return 0;
      case OP_PUSH: ROOM(1); vm->stack[vm->sp++] = in.arg; break;
      case OP_POP: NEED(1); vm->sp--; break;
      case OP_DUP: NEED(1); ROOM(1); vm->stack[vm->sp] = vm->stack[vm->sp - 1]; vm->sp++; break;
      case OP_SWAP: NEED(2); t = vm->stack[vm->sp - 1]; vm->stack[vm->sp - 1] = vm->stack[vm->sp - 2]; vm->stack[vm->sp - 2] = t; break;
      case OP_OVER: NEED(2); ROOM(1); vm->stack[vm->sp] = vm->stack[vm->sp - 2]; vm->sp++; break;
      case OP_ROT: NEED(3); t = vm->stack[vm->sp - 3]; vm->stack[vm->sp - 3] = vm->stack[vm->sp - 2];
        vm->stack[vm->sp - 2] = vm->stack[vm->sp - 1]; vm->stack[vm->sp - 1] = t; break;
      case OP_ADD: BINOP((int32_t)((uint32_t)a + (uint32_t)b)); break;
      case OP_SUB: BINOP((int32_t)((uint32_t)a - (uint32_t)b)); break;
      case OP_MUL: BINOP((int32_t)((uint32_t)a * (uint32_t)b)); break;
      case OP_DIV: case OP_MOD:
        NEED(2);
        if (vm->stack[vm->sp - 1] == 0) return vm_error(p, pc, "division by zero");
        if (vm->stack[vm->sp - 1] == -1 && vm->stack[vm->sp - 2] == INT32_MIN) return vm_error(p, pc, "division overflow");
        if (in.op == OP_DIV) BINOP(a / b); else BINOP(a % b);
        break;
      case OP_NEG: NEED(1); vm->stack[vm->sp - 1] = (int32_t)(0u - (uint32_t)vm->stack[vm->sp - 1]); break;
      case OP_AND: BINOP(a & b); break;
      case OP_OR: BINOP(a | b); break;
      case OP_XOR: BINOP(a ^ b); break;
      case OP_SHL: BINOP((int32_t)((uint32_t)a << (b & 31))); break;
      case OP_SHR: BINOP(a >> (b & 31)); break;
      case OP_EQ: BINOP(a == b); break;
      case OP_NE: BINOP(a != b); break;
      case OP_LT: BINOP(a < b); break;
      case OP_LE: BINOP(a <= b); break;
      case OP_GT: BINOP(a > b); break;
      case OP_GE: BINOP(a >= b); break;
      case OP_NOT: NEED(1); vm->stack[vm->sp - 1] = !vm->stack[vm->sp - 1]; break;
      case OP_JMP: pc = in.arg; continue;
      case OP_JZ: NEED(1); if (vm->stack[--vm->sp] == 0) { pc = in.arg; continue; } break;
      case OP_JNZ: NEED(1); if (vm->stack[--vm->sp] != 0) { pc = in.arg; continue; } break;
      case OP_CALL:
        if (vm->fp == FRAMES) return vm_error(p, pc, "call stack overflow");
        vm->frames[vm->fp].ret_pc = pc + 1;
        vm->frames[vm->fp].base = vm->sp;
        vm->fp++;
        pc = in.arg;
        continue;
      case OP_ENTER: ROOM(in.arg); for (int i = 0; i < in.arg; i++) vm->stack[vm->sp++] = 0; break;
      case OP_RET: {
        if (vm->fp == 0) return vm_error(p, pc, "return without call");
        NEED(1);
        int32_t v = vm->stack[vm->sp - 1];
        Frame f = vm->frames[--vm->fp];   /* struct copy */
        if (in.arg < 0 || in.arg > f.base) return vm_error(p, pc, "bad argument count");
        vm->sp = f.base - in.arg;          /* RET n drops the caller's n arguments */
        vm->stack[vm->sp++] = v;
        pc = f.ret_pc;
        continue;
      }
      case OP_LOAD: case OP_STORE: case OP_INC: {
        /* locals and arguments are relative to the frame base: arg 0 is base-1, local 0 is base */
        int base = vm->fp ? vm->frames[vm->fp - 1].base : 0;
        int at = base + (in.op == OP_INC ? 0 : in.arg);
        if (in.op == OP_INC) at = base + (in.arg >> 8), t = (int8_t)(in.arg & 0xff);
        else t = 0;
        if (at < 0 || at >= vm->sp) return vm_error(p, pc, "bad local");
        if (in.op == OP_LOAD) { ROOM(1); vm->stack[vm->sp++] = vm->stack[at]; }
        else if (in.op == OP_STORE) { NEED(1); vm->stack[at] = vm->stack[--vm->sp]; }
        else vm->stack[at] += t;
        break;
      }
      case OP_GLOAD: case OP_GSTORE: {
        NEED(in.op == OP_GLOAD ? 1 : 2);
        int32_t addr = vm->stack[--vm->sp];
        if (addr < 0 || addr >= p->nglobals) return vm_error(p, pc, "bad global address");
        if (in.op == OP_GLOAD) vm->stack[vm->sp++] = vm->globals[addr];
        else vm->globals[addr] = vm->stack[--vm->sp];
        break;
      }
      case OP_PRINT: NEED(1); printf("%d\n", (int)vm->stack[--vm->sp]); break;
      case OP_PRINTC: NEED(1); putchar(vm->stack[--vm->sp] & 0xff); break;
      case OP_SYS:
        NEED(1);
        if (in.arg < 0 || in.arg >= (int)(sizeof sys_table / sizeof sys_table[0])) return vm_error(p, pc, "bad system call");
        vm->stack[vm->sp - 1] = sys_table[in.arg](vm->stack[vm->sp - 1]);
        break;
      default: return vm_error(p, pc, "illegal opcode");
    }
    pc++;
  }
#undef NEED
#undef ROOM
#undef BINOP
}

int main(int argc, char **argv) {
  if (argc < 2) { fprintf(stderr, "usage: %s FILE.asm [ARGS...]\n", argv[0]); return 2; }
  FILE *f = fopen(argv[1], "r");
  if (!f) { perror(argv[1]); return 2; }
  static Program prog;
  int errors = assemble(&prog, f, argv[1]);
  fclose(f);
  if (errors) { fprintf(stderr, "%d errors\n", errors); return 2; }
  char lst[256];
  snprintf(lst, sizeof lst, "%.*s.lst", (int)(strlen(argv[1]) > 4 ? strlen(argv[1]) - 4 : strlen(argv[1])), argv[1]);
  FILE *out = fopen(lst, "w");
  if (out) { disassemble(&prog, out); fclose(out); }
  static VM vm;
  vm.globals = calloc((size_t)prog.nglobals + 1, sizeof(int32_t));
  for (int i = 2; i < argc; i++) vm.stack[vm.sp++] = (int32_t)strtol(argv[i], NULL, 0);
  int32_t result = 0;
  int status = vm_run(&vm, &prog, &result);
  printf("-- %s: %s, result %d, %llu instructions, stack depth %d\n", argv[1], status ? "error" : "halted",
         (int)result, vm.executed, vm.sp);
  for (int op = 0; op < OP_COUNT; op++)
    if (vm.counts[op]) printf("   %-7s %lu\n", op_info[op].name, vm.counts[op]);
  free(vm.globals);
  return status ? 3 : 0;
}
