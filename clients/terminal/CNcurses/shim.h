#ifndef ARMISTICE_CNCURSES_SHIM_H
#define ARMISTICE_CNCURSES_SHIM_H
#define _XOPEN_SOURCE_EXTENDED 1
#include <ncurses.h>
#include <locale.h>
#include <wchar.h>

/// Swift 6 refuses the global `stdscr` and cannot import function-like macros: export them.
static inline WINDOW *cnc_stdscr(void) { return stdscr; }
static inline int cnc_color_pair(int n) { return COLOR_PAIR(n); }

/// The screen size (LINES and COLS are mutable globals, which Swift 6 refuses).
static inline int cnc_lines(void) { return LINES; }
static inline int cnc_cols(void) { return COLS; }

/// Attributes (macros built from NCURSES_BITS, not imported).
static inline int cnc_a_normal(void) { return (int)A_NORMAL; }
static inline int cnc_a_bold(void) { return (int)A_BOLD; }
static inline int cnc_a_reverse(void) { return (int)A_REVERSE; }
static inline int cnc_a_dim(void) { return (int)A_DIM; }

/// Sets the attributes, moves and writes a UTF-8 string (macros in ncurses.h).
static inline void cnc_attrset(int attributes) { attrset(attributes); }
static inline void cnc_mvaddstr(int y, int x, const char *text) { mvaddstr(y, x, text); }

/// Reads one key or character: returns ERR (none within the timeout), KEY_CODE_YES (a function key in *out)
/// or OK (a character in *out).
static inline int cnc_get_wch(unsigned int *out) {
    wint_t c = 0;
    int result = get_wch(&c);
    *out = (unsigned int)c;
    return result;
}

enum {
    CNC_ERR = ERR, CNC_KEY_CODE_YES = KEY_CODE_YES,
    CNC_KEY_UP = KEY_UP, CNC_KEY_DOWN = KEY_DOWN, CNC_KEY_LEFT = KEY_LEFT, CNC_KEY_RIGHT = KEY_RIGHT,
    CNC_KEY_BTAB = KEY_BTAB, CNC_KEY_ENTER = KEY_ENTER, CNC_KEY_BACKSPACE = KEY_BACKSPACE, CNC_KEY_DC = KEY_DC,
    CNC_KEY_PPAGE = KEY_PPAGE, CNC_KEY_NPAGE = KEY_NPAGE, CNC_KEY_HOME = KEY_HOME, CNC_KEY_END = KEY_END,
    CNC_KEY_RESIZE = KEY_RESIZE,
};
#endif
