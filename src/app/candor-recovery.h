/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-recovery.h: offers autosaved drafts left by a crash, one question per draft. */
#pragma once

#include "candor-application.h"

G_BEGIN_DECLS

/**
 * candor_recovery_offer:
 * @app: the application
 * @window: (nullable): the window to ask in; when %NULL a window is made only if there are
 *   drafts to offer
 *
 * Looks for drafts in candor_application_dup_drafts_dir() and asks, for each, "Recover unsaved
 * changes to <title> from <time>?". Recover opens it (dirty, tied to its original file);
 * Discard deletes it; closing the question keeps it for next time.
 *
 * Returns: the number of drafts offered
 */
guint candor_recovery_offer (CandorApplication *app,
                             CandorWindow      *window);

G_END_DECLS
