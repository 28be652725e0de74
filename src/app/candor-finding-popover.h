/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-finding-popover.h: a readability finding's message, its one-click fix and "Dismiss". */
#pragma once

#include <gtk/gtk.h>
#include <json-glib/json-glib.h>

#include "candor-element-id.h"
#include "candor-finding.h"

G_BEGIN_DECLS

#define CANDOR_TYPE_FINDING_POPOVER (candor_finding_popover_get_type ())
G_DECLARE_FINAL_TYPE (CandorFindingPopover, candor_finding_popover, CANDOR, FINDING_POPOVER, GtkPopover)

/*
 * Signals:
 *   "replace": the user chose the fix; read the span and text with the getters.
 *   "dismiss" (const char *reason): the user dismissed the finding, with a reason (maybe "").
 *   "cancel": Escape was pressed in the popover; it closes right after.
 */

GtkWidget  *candor_finding_popover_new            (void);
/* Shows @finding (copied) pointing at @rect, in the parent's coordinates. */
void        candor_finding_popover_show_finding   (CandorFindingPopover *self,
                                                   const CandorFinding  *finding,
                                                   const GdkRectangle   *rect);
const char *candor_finding_popover_get_rule       (CandorFindingPopover *self);
const char *candor_finding_popover_get_quote      (CandorFindingPopover *self);
const char *candor_finding_popover_get_suggestion (CandorFindingPopover *self);
int         candor_finding_popover_get_start      (CandorFindingPopover *self);
int         candor_finding_popover_get_end        (CandorFindingPopover *self);
GtkWidget  *candor_finding_popover_get_replace_button (CandorFindingPopover *self);
/* Moves the keyboard into the popover (the fix button, or Dismiss when there is no fix). */
void        candor_finding_popover_focus          (CandorFindingPopover *self);

/* A copy of @review with one more entry in "dismissals" (schema: $defs/dismissal).
 * Returns: (transfer full) */
JsonObject *candor_review_add_dismissal           (JsonObject           *review,
                                                   CandorElementId       element,
                                                   CandorTextKind        kind,
                                                   const char           *rule,
                                                   const char           *quote,
                                                   int                   start,
                                                   const char           *reason);

G_END_DECLS
