/* cpumix [sieve|crc32|matmul|malloc|calls|all] [ROUNDS]: a compute-bound mix for the CPU benchmark (pagoda
 * bench's c-workload row, and side by side with qemu-riscv32): a sieve of Eratosthenes (byte stores and
 * branches), a table-driven CRC-32 (loads, shifts, xor), an integer matrix product (multiplies, nested loops), a
 * malloc/free churn (calls into libc, pointer chasing) and recursive calls. Prints one checksum per part, so
 * both machines can be checked to agree. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SIEVE_N 200000
#define CRC_BYTES 65536
#define MAT_N 48

static unsigned char composite[SIEVE_N + 1];
static unsigned char data[CRC_BYTES];
static unsigned crc_table[256];
static int ma[MAT_N][MAT_N], mb[MAT_N][MAT_N], mc[MAT_N][MAT_N];

static unsigned sieve(void) {
  unsigned count = 0;
  memset(composite, 0, sizeof composite);
  for (unsigned i = 2; i <= SIEVE_N; i++) {
    if (composite[i]) continue;
    count++;
    for (unsigned j = i + i; j <= SIEVE_N; j += i) composite[j] = 1;
  }
  return count;
}

static unsigned crc32(void) {
  for (unsigned n = 0; n < 256; n++) {
    unsigned c = n;
    for (int k = 0; k < 8; k++) c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
    crc_table[n] = c;
  }
  unsigned seed = 12345;
  for (unsigned i = 0; i < CRC_BYTES; i++) {
    seed = seed * 1103515245u + 12345u;
    data[i] = (unsigned char)(seed >> 16);
  }
  unsigned crc = 0xffffffffu;
  for (unsigned i = 0; i < CRC_BYTES; i++) crc = crc_table[(crc ^ data[i]) & 0xff] ^ (crc >> 8);
  return crc ^ 0xffffffffu;
}

static unsigned matmul(void) {
  for (int i = 0; i < MAT_N; i++)
    for (int j = 0; j < MAT_N; j++) {
      ma[i][j] = (i * 7 + j * 3) % 17 - 8;
      mb[i][j] = (i * 5 + j * 11) % 13 - 6;
    }
  for (int i = 0; i < MAT_N; i++)
    for (int j = 0; j < MAT_N; j++) {
      int sum = 0;
      for (int k = 0; k < MAT_N; k++) sum += ma[i][k] * mb[k][j];
      mc[i][j] = sum;
    }
  unsigned h = 0;
  for (int i = 0; i < MAT_N; i++)
    for (int j = 0; j < MAT_N; j++) h = h * 31u + (unsigned)mc[i][j];
  return h;
}

struct node { struct node *next; unsigned value; unsigned pad[3]; };

static unsigned churn(void) {
  struct node *head = 0;
  unsigned h = 0, seed = 99;
  for (int i = 0; i < 4000; i++) {
    seed = seed * 1664525u + 1013904223u;
    size_t size = sizeof(struct node) + (seed >> 24) % 64;
    struct node *n = malloc(size);
    if (!n) return 0;
    n->value = seed;
    n->next = head;
    head = n;
    if ((seed >> 8) % 3 == 0 && head->next) { /* free the second node */
      struct node *victim = head->next;
      head->next = victim->next;
      h += victim->value;
      free(victim);
    }
  }
  while (head) {
    struct node *next = head->next;
    h = h * 33u + head->value;
    free(head);
    head = next;
  }
  return h;
}

static unsigned fib(unsigned n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

static unsigned calls(void) { return fib(20); }

struct part { const char *name; unsigned (*run)(void); };

static const struct part parts[] = {
  { "sieve", sieve }, { "crc32", crc32 }, { "matmul", matmul }, { "malloc", churn }, { "calls", calls },
};

int main(int argc, char **argv) {
  const char *which = argc > 1 ? argv[1] : "all";
  int rounds = argc > 2 ? atoi(argv[2]) : 3;
  int matched = 0;
  for (unsigned p = 0; p < sizeof parts / sizeof parts[0]; p++) {
    if (strcmp(which, "all") != 0 && strcmp(which, parts[p].name) != 0) continue;
    matched = 1;
    unsigned sum = 0;
    for (int r = 0; r < rounds; r++) sum = sum * 3u + parts[p].run();
    printf("%s %u\n", parts[p].name, sum);
  }
  if (!matched) {
    fprintf(stderr, "usage: cpumix [sieve|crc32|matmul|malloc|calls|all] [ROUNDS]\n");
    return 2;
  }
  return 0;
}
