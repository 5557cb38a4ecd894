#ifndef SCOBRIEF_CDEFLATE_SHIM_H
#define SCOBRIEF_CDEFLATE_SHIM_H
#include <libdeflate.h>
#endif
