/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-json-strict.h: an RFC 8259 grammar check run before json-glib builds a tree. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Real drafts nest five levels deep; this stops a hostile file from exhausting the stack of
 * the (recursive) JSON parser. */
#define CANDOR_JSON_MAX_DEPTH 64
/* The schema's lists hold at most a few hundred items of a few dozen values each (comments:
 * 500, log entries: 200, …); far more values than that cannot be a draft, and refusing them
 * before a tree is built keeps memory to a small multiple of the file size. */
#define CANDOR_JSON_MAX_VALUES 50000

/**
 * candor_json_strict_check:
 * @text: UTF-8 text without NUL bytes (the caller checks both)
 * @length: its length in bytes
 * @error_offset: (out) (optional): byte offset of the problem
 * @error: set to a CANDOR_ERROR_PARSE (not JSON), _TOO_LARGE or _INVALID (a whole number past
 *   64 bits, or -0) error whose message says what is wrong,
 *   without the position (the caller turns @error_offset into a line and column)
 *
 * Accepts exactly one RFC 8259 JSON value with nothing after it, whose strings decode to
 * valid UTF-8 without NUL (no "\u0000", no unpaired surrogates), nested at most
 * %CANDOR_JSON_MAX_DEPTH levels and holding at most %CANDOR_JSON_MAX_VALUES values.
 * Returns: %TRUE if @text is such a value
 */
gboolean candor_json_strict_check (const char *text,
                                   gsize       length,
                                   gsize      *error_offset,
                                   GError    **error);

G_END_DECLS
