#ifndef SCOBRIEF_CZLIB_SHIM_H
#define SCOBRIEF_CZLIB_SHIM_H
#include <zlib.h>
#endif
