#ifndef ARMISTICE_CLIBWEBSOCKETS_SHIM_H
#define ARMISTICE_CLIBWEBSOCKETS_SHIM_H
#include <libwebsockets.h>

/// LWS_PRE is a function-like macro that Swift cannot import.
static inline size_t clws_pre(void) { return LWS_PRE; }
#endif
