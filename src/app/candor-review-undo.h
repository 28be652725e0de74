/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-review-undo.h: undo and redo of review actions (comments, replies, statuses). */
#pragma once

#include <gtk/gtk.h>

#include "candor-review.h"

G_BEGIN_DECLS

/*
 * Each review action the app performs is one undoable step: take a snapshot of the review
 * before it (candor_review_snapshot()), do it, then record the snapshot here. The stacks
 * belong to the document, so every view of it shares them; a text edit does not clear them
 * (the text has its own undo in its field), and restoring re-finds anchors whose text has
 * changed since. The window's "win.review-undo" (Ctrl+Z outside a text field) and
 * "win.review-redo" (Shift+Ctrl+Z) act on them; a toast names the action with an Undo button.
 */

/* The most steps kept; older ones are dropped. */
#define CANDOR_REVIEW_UNDO_DEPTH 100

/**
 * candor_review_undo_record:
 * @from: (nullable): a widget in the window whose toast overlay says @what, or NULL for none
 * @before: (transfer full): the review as it was before the action
 * @what: (nullable): what was done, for the toast ("Comment added")
 *
 * Pushes @before on @document's undo stack and clears its redo stack.
 */
void     candor_review_undo_record   (GtkWidget            *from,
                                      CandorDocument       *document,
                                      CandorReviewSnapshot *before,
                                      const char           *what);
gboolean candor_review_undo_can_undo (CandorDocument       *document);
gboolean candor_review_undo_can_redo (CandorDocument       *document);
/* Restores the state before the last step (logged as a "restore" by @by); FALSE if none. */
gboolean candor_review_undo_undo     (CandorDocument       *document,
                                      const char           *by);
gboolean candor_review_undo_redo     (CandorDocument       *document,
                                      const char           *by);

/* Sets the window's review-undo and review-redo actions (CandorWindow's class_init). */
void     candor_review_undo_install_actions (GtkWidgetClass *widget_class);

G_END_DECLS
