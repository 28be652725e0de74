/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-split-view.h: sidebar + content that folds into one pane on narrow windows. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CANDOR_TYPE_SPLIT_VIEW (candor_split_view_get_type ())
G_DECLARE_FINAL_TYPE (CandorSplitView, candor_split_view, CANDOR, SPLIT_VIEW, GtkWidget)

/*
 * Properties:
 *   sidebar, content: GtkWidget (construct in .ui files with <property name="sidebar">)
 *   show-content: boolean, which pane is visible when folded
 *   folded: boolean, read-only, TRUE when only one pane fits
 *
 * The panes fold when the window is narrower than what they need side by side, measured as
 * they are at that moment. So what a pane needs must never shrink when it folds (a header
 * that dropped buttons on folding made the window fold and unfold without end): keep the
 * same controls in both states, or swap them within one slot of fixed width.
 *
 * This is the one place that chooses the adaptive container: AdwLeaflet works on every
 * libadwaita 1.x (deprecated, not removed, in 1.4). To move to AdwNavigationSplitView, change
 * only this file (behind ADW_CHECK_VERSION (1, 4, 0)).
 */

GtkWidget *candor_split_view_new              (void);
GtkWidget *candor_split_view_get_sidebar      (CandorSplitView *self);
void       candor_split_view_set_sidebar      (CandorSplitView *self,
                                               GtkWidget       *sidebar);
GtkWidget *candor_split_view_get_content      (CandorSplitView *self);
void       candor_split_view_set_content      (CandorSplitView *self,
                                               GtkWidget       *content);
gboolean   candor_split_view_get_show_content (CandorSplitView *self);
void       candor_split_view_set_show_content (CandorSplitView *self,
                                               gboolean         show_content);
gboolean   candor_split_view_get_folded       (CandorSplitView *self);

G_END_DECLS
