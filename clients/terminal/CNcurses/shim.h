#ifndef ARMISTICE_CNCURSES_SHIM_H
#define ARMISTICE_CNCURSES_SHIM_H
#define _XOPEN_SOURCE_EXTENDED 1
#include <ncurses.h>
#include <locale.h>

/// Swift 6 refuses the global `stdscr` and cannot import function-like macros: export them.
static inline WINDOW *cnc_stdscr(void) { return stdscr; }
static inline int cnc_color_pair(int n) { return COLOR_PAIR(n); }
#endif
