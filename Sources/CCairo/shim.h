#ifndef SCOBRIEF_CCAIRO_SHIM_H
#define SCOBRIEF_CCAIRO_SHIM_H
#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo-ps.h>
#include <pango/pangocairo.h>
#endif
