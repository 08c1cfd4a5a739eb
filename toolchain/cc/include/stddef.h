/* <stddef.h> for pagoda cc (ilp32). */
#ifndef _PAGODA_STDDEF_H
#define _PAGODA_STDDEF_H
typedef unsigned int size_t;
typedef int ptrdiff_t;
typedef int wchar_t;
typedef struct { long long __ll; } max_align_t;
#ifndef NULL
#define NULL ((void *)0)
#endif
#define offsetof(type, member) __builtin_offsetof(type, member)
#endif
