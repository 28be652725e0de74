/* SPDX-License-Identifier: GPL-3.0-or-later */
/* render-test-util.h: drafts and external tools shared by the render tests. */
#pragma once

#include "candor-format.h"

G_BEGIN_DECLS

/* Loads data/examples/NAME (e.g. "smart-camera.candor") or, failing that, tests/render/NAME. */
CandorDocument *render_test_load        (const char *name);
/* Writes @bytes to a new temporary file with @suffix. Returns: (transfer full): its path */
char           *render_test_write_temp  (GBytes     *bytes,
                                         const char *suffix);
/* Runs @argv; returns its exit status and (optionally) its standard output. */
int             render_test_run         (const char * const *argv,
                                         char              **out);
/* TRUE if @program is on the PATH (or an absolute path that exists). */
gboolean        render_test_have        (const char *program);

G_END_DECLS
