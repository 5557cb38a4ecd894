#ifndef SCOBRIEF_CCAIRO_SHIM_H
#define SCOBRIEF_CCAIRO_SHIM_H
#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo-ps.h>
#include <pango/pangocairo.h>
/* pangocairo's pkg-config entry does not link fontconfig itself (module.modulemap does). */
#include <fontconfig/fontconfig.h>
#endif
