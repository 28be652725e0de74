/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-help.h: opens a help page in the help viewer, or in the browser when there is none. */
#pragma once

#include "candor-window.h"

G_BEGIN_DECLS

/*
 * candor_help_show:
 * @window: (nullable): the window asking; it shows any message
 * @page: Mallard page id, e.g. "element-a1"
 *
 * Opens help:candor/@page. Without a viewer for help: URIs (Yelp), opens the same page as
 * HTML (built with yelp-build, in PKGDATADIR/help/C, or $CANDOR_HELP_HTML_DIR) in the web
 * browser; when that fails too, says what to install.
 *
 * Test seam: with $CANDOR_TEST_LAUNCH_LOG set, nothing is launched; each URI is appended to
 * that file, and help: URIs fail as they do without a viewer.
 */
void candor_help_show (CandorWindow *window,
                       const char   *page);

G_END_DECLS
