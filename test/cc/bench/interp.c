#include "test.h"
/* Benchmark: a bytecode interpreter with a dense switch (the shape a jump table is for), running a loop
 * that sums i*i mod 7 for i < 4000 with a dozen opcodes. */
enum op { PUSH, LOAD, STORE, ADD, SUB, MUL, MOD, LT, JZ, JMP, DUP, POP, HALT, NOP, INC, SWAP };

static const int program[] = {
  PUSH, 0, STORE, 0,            /* sum = 0 */
  PUSH, 0, STORE, 1,            /* i = 0 */
  /* 8: loop */
  LOAD, 1, PUSH, 4000, LT, JZ, 38,
  LOAD, 1, DUP, MUL, PUSH, 7, MOD,
  LOAD, 0, ADD, STORE, 0,
  LOAD, 1, INC, STORE, 1,
  NOP, JMP, 8,
  HALT, HALT, HALT,
  /* 38: */
  LOAD, 0, HALT,
};

static int run(const int *code) {
  int stack[32];
  int vars[4] = { 0 };
  int sp = 0;
  int pc = 0;
  for (;;) {
    switch ((enum op)code[pc++]) {
    case PUSH: stack[sp++] = code[pc++]; break;
    case LOAD: stack[sp++] = vars[code[pc++]]; break;
    case STORE: vars[code[pc++]] = stack[--sp]; break;
    case ADD: sp--; stack[sp - 1] += stack[sp]; break;
    case SUB: sp--; stack[sp - 1] -= stack[sp]; break;
    case MUL: sp--; stack[sp - 1] *= stack[sp]; break;
    case MOD: sp--; stack[sp - 1] %= stack[sp]; break;
    case LT: sp--; stack[sp - 1] = stack[sp - 1] < stack[sp]; break;
    case JZ: if (stack[--sp] == 0) pc = code[pc]; else pc++; break;
    case JMP: pc = code[pc]; break;
    case DUP: stack[sp] = stack[sp - 1]; sp++; break;
    case POP: sp--; break;
    case HALT: return stack[sp - 1];
    case NOP: break;
    case INC: stack[sp - 1]++; break;
    case SWAP: { int t = stack[sp - 1]; stack[sp - 1] = stack[sp - 2]; stack[sp - 2] = t; } break;
    }
  }
}

int main(void) {
  int expect = 0;
  for (int i = 0; i < 4000; i++) expect += i * i % 7;
  ASSERT(expect, run(program));
  return t_done("interp");
}
