/* <stdnoreturn.h> for pagoda cc. */
#ifndef _PAGODA_STDNORETURN_H
#define _PAGODA_STDNORETURN_H
#define noreturn _Noreturn
#endif
