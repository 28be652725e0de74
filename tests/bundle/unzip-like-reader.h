/* SPDX-License-Identifier: GPL-3.0-or-later */
/* unzip-like-reader.h: a second, independent zip reader for the tests and the fuzzer. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * test_unzip_like_read:
 *
 * Reads @zip the way `unzip` and most extractors do, trusting the central directory: the end
 * record is the last one in the file, each entry's name, sizes and offset come from the
 * directory, and its data follows the local header found at that offset (whose own name is
 * skipped, not read). Stored and deflated entries only; checks bounds and CRC-32, nothing
 * else. Shares no code with src/bundle.
 * Returns: (transfer full) (nullable): of CandorBundleFile in directory order, or %NULL when
 * the zip cannot be read that way
 */
GPtrArray *test_unzip_like_read (GBytes *zip);

G_END_DECLS
