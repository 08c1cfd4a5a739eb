/* _Generic selects by type compatibility (C11 6.5.1.1, 6.2.7): char, signed char and unsigned char are three
 * types; qualifiers of pointed-to types count at every level; the controlling expression undergoes lvalue
 * conversion (top-level qualifiers dropped, arrays and functions decay); enums match their underlying type. */
#include "test.h"

#define KIND(x) _Generic((x), char: 1, signed char: 2, unsigned char: 3, short: 4, unsigned short: 5, \
  int: 6, unsigned: 7, long: 8, unsigned long: 9, long long: 10, unsigned long long: 11, _Bool: 12, default: 0)
#define PTR(x) _Generic((x), char *: 1, const char *: 2, volatile char *: 3, const volatile char *: 4, \
  signed char *: 5, unsigned char *: 6, int *: 7, const int *: 8, int **: 9, const int **: 10, int *const *: 11, \
  const int *const *: 12, void *: 13, const void *: 14, int (*)[4]: 15, int (*)(int): 17, \
  int (*)(void): 18, default: 0)

enum pos { P0, P1 };
enum neg { N0 = -1 };
struct s { int a; };
typedef int myint;
typedef const char cchar;

int f1(int x) { return x; }
int f0(void) { return 0; }

int main(void) {
  char c = 0;
  signed char sc = 0;
  unsigned char uc = 0;
  const char cc = 0;
  volatile int vi = 0;
  ASSERT(1, KIND(c));
  ASSERT(2, KIND(sc));
  ASSERT(3, KIND(uc));
  ASSERT(1, KIND(cc));          /* top-level const dropped */
  ASSERT(6, KIND(vi));          /* top-level volatile dropped */
  ASSERT(1, KIND((char)0));
  ASSERT(2, KIND((signed char)0));
  ASSERT(3, KIND((unsigned char)0));
  ASSERT(6, KIND(c + 0));       /* promoted */
  ASSERT(6, KIND('a'));
  ASSERT(4, KIND((short)1));
  ASSERT(5, KIND((unsigned short)1));
  ASSERT(7, KIND(1u));
  ASSERT(8, KIND(1L));
  ASSERT(9, KIND(1UL));
  ASSERT(10, KIND(1LL));
  ASSERT(11, KIND(1ULL));
  ASSERT(12, KIND((_Bool)1));
  ASSERT(6, KIND((myint)1));
  ASSERT(7, KIND(P1 ? (enum pos)1 : (enum pos)0)); /* enum with no negative value: unsigned int */
  ASSERT(6, KIND((enum neg)0));
  ASSERT(6, KIND(P1));          /* an enumeration constant has type int */
  ASSERT(0, KIND((struct s){ 1 }));

  char *pc = 0;
  const char *pcc = 0;
  volatile char *pvc = 0;
  const volatile char *pcvc = 0;
  char *const cpc = 0;
  cchar *ptd = 0;
  int *pi = 0;
  const int *pci = 0;
  const int *const cpci = 0;
  int **ppi = 0;
  const int **ppci = 0;
  int *const *pcpi = 0;
  const int *const *pcpci = 0;
  int arr[4];
  int mat[3][4];
  const char carr[3] = "ab";
  ASSERT(1, PTR(pc));
  ASSERT(2, PTR(pcc));
  ASSERT(3, PTR(pvc));
  ASSERT(4, PTR(pcvc));
  ASSERT(1, PTR(cpc));          /* char *const: the pointer's own const goes */
  ASSERT(2, PTR(ptd));
  ASSERT(5, PTR((signed char *)0));
  ASSERT(6, PTR((unsigned char *)0));
  ASSERT(7, PTR(pi));
  ASSERT(8, PTR(pci));
  ASSERT(8, PTR(cpci));
  ASSERT(9, PTR(ppi));
  ASSERT(10, PTR(ppci));
  ASSERT(11, PTR(pcpi));
  ASSERT(12, PTR(pcpci));
  ASSERT(13, PTR((void *)0));
  ASSERT(14, PTR((const void *)0));
  ASSERT(7, PTR(arr));          /* arrays decay */
  ASSERT(15, PTR(mat));
  ASSERT(15, PTR(&arr));
  ASSERT(2, PTR(carr));
  ASSERT(1, PTR("literal"));    /* a string literal is char[] */
  ASSERT(17, PTR(f1));          /* functions decay */
  ASSERT(18, PTR(&f0));
  ASSERT(0, PTR((long *)0));
  ASSERT(0, PTR((unsigned *)0));
  ASSERT(1, __builtin_types_compatible_p(int, const int));
  ASSERT(0, __builtin_types_compatible_p(char, signed char));
  ASSERT(0, __builtin_types_compatible_p(char, unsigned char));
  ASSERT(0, __builtin_types_compatible_p(int *, const int *));
  ASSERT(1, __builtin_types_compatible_p(int[4], int[]));
  ASSERT(0, __builtin_types_compatible_p(int, long));
  ASSERT(1, __builtin_types_compatible_p(enum pos, unsigned int));
  ASSERT(0, __builtin_types_compatible_p(enum pos, enum neg));
  return t_done("generic");
}
