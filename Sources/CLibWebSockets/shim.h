#ifndef ARMISTICE_CLIBWEBSOCKETS_SHIM_H
#define ARMISTICE_CLIBWEBSOCKETS_SHIM_H
#include <libwebsockets.h>
#include <ev.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
/* malloc_trim, which Swift's Glibc module does not export (the server's MemoryReturn). */
#include <malloc.h>

/// A libev loop on epoll for lws to run on as a foreign loop (its libwebsockets-evlib_ev plugin), or NULL.
static inline void *clws_ev_loop_new(void) { return ev_loop_new(EVBACKEND_EPOLL); }
/// Waits for and handles one round of events on the loop.
static inline int clws_ev_run_once(void *loop) { return ev_run((struct ev_loop *)loop, EVRUN_ONCE); }
static inline void clws_ev_loop_destroy(void *loop) { ev_loop_destroy((struct ev_loop *)loop); }

/// LWS_PRE is a function-like macro that Swift cannot import.
static inline size_t clws_pre(void) { return LWS_PRE; }

/// SIG_IGN is a cast macro that Swift cannot import: ignore SIGPIPE so a peer
/// that vanishes mid-write (plain or TLS) cannot kill the process.
static inline void clws_ignore_sigpipe(void) { signal(SIGPIPE, SIG_IGN); }

/// Appends header pairs to [*p, end). `pairs` holds `count` pairs of
/// NUL-terminated strings laid out name, value, name, value; names end in ':'.
/// Returns 0 on success, 1 when the buffer is too small.
static inline int clws_add_header_pairs(struct lws *wsi, const char *pairs, int count,
                                        unsigned char **p, unsigned char *end) {
    const char *cursor = pairs;
    for (int i = 0; i < count; i++) {
        const char *name = cursor;
        cursor += strlen(cursor) + 1;
        const char *value = cursor;
        cursor += strlen(cursor) + 1;
        if (lws_add_http_header_by_name(wsi, (const unsigned char *)name,
                                        (const unsigned char *)value, (int)strlen(value), p, end))
            return 1;
    }
    return 0;
}

/// Writes an HTTP response status line and headers (common ones plus `pairs`).
/// Must be called from LWS_CALLBACK_HTTP (or body completion). Returns 0 on success.
static inline int clws_write_http_headers(struct lws *wsi, unsigned int status,
                                          const char *content_type, unsigned long content_length,
                                          const char *pairs, int count) {
    unsigned char buffer[LWS_PRE + 8192];
    unsigned char *start = &buffer[LWS_PRE];
    unsigned char *p = start;
    unsigned char *end = &buffer[sizeof(buffer) - 1];
    if (lws_add_http_common_headers(wsi, status, content_type, (lws_filepos_t)content_length, &p, end))
        return 1;
    if (clws_add_header_pairs(wsi, pairs, count, &p, end))
        return 1;
    if (lws_finalize_write_http_header(wsi, start, &p, end))
        return 1;
    return 0;
}

/// Formats header pairs into `out` for lws_serve_http_file's `other_headers`.
/// Returns the number of bytes written, or -1 when `out` is too small.
static inline int clws_format_header_pairs(struct lws *wsi, const char *pairs, int count,
                                           unsigned char *out, size_t out_len) {
    unsigned char *p = out;
    if (clws_add_header_pairs(wsi, pairs, count, &p, out + out_len - 1))
        return -1;
    return (int)(p - out);
}

/// glibc declares pthread_setname_np only under _GNU_SOURCE, which Swift's Glibc module is not built with; this is
/// its prototype. Names the calling thread for the kernel (at most 15 bytes); returns 0 on success.
extern int pthread_setname_np(pthread_t thread, const char *name);
static inline int clws_set_thread_name(const char *name) { return pthread_setname_np(pthread_self(), name); }

#endif
