/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-text-field.h: a label or web text editor with live readability findings and a badge. */
#pragma once

#include <gtk/gtk.h>

#include "candor-document.h"

G_BEGIN_DECLS

#define CANDOR_TYPE_TEXT_FIELD (candor_text_field_get_type ())
G_DECLARE_FINAL_TYPE (CandorTextField, candor_text_field, CANDOR, TEXT_FIELD, GtkWidget)

/*
 * Properties:
 *   document: CandorDocument (nullable); the text is the element's label or web text
 *
 * The field keeps the element's text in sync with its buffer. Text the user has not edited is
 * regenerated from the answers (candor_wording_generate()); edited text is never overwritten:
 * an "Update from Answers" button is offered instead. Findings are highlighted once per idle
 * pass after each change.
 */

GtkWidget      *candor_text_field_new                 (CandorElementId  id,
                                                       CandorTextKind   kind);
CandorDocument *candor_text_field_get_document        (CandorTextField *self);
void            candor_text_field_set_document        (CandorTextField *self,
                                                       CandorDocument  *document);

GtkTextView    *candor_text_field_get_view            (CandorTextField *self);
GtkTextBuffer  *candor_text_field_get_buffer          (CandorTextField *self);
GtkWidget      *candor_text_field_get_refresh_button  (CandorTextField *self);
GtkWidget      *candor_text_field_get_badge           (CandorTextField *self);
const char     *candor_text_field_get_badge_text      (CandorTextField *self);
GtkWidget      *candor_text_field_get_popover         (CandorTextField *self);

/* Runs a pending analysis now (the field otherwise waits for an idle moment). */
void            candor_text_field_flush               (CandorTextField *self);
/* Whether the findings shown are those of the text as it is now (none pending). */
gboolean        candor_text_field_is_analysed         (CandorTextField *self);
/* The findings shown (dismissed ones left out); of CandorFinding, owned by the field. */
GPtrArray      *candor_text_field_get_findings        (CandorTextField *self);
/* Whether a highlight tag covers the character at @offset; its rule in @out_rule. */
gboolean        candor_text_field_has_finding_at      (CandorTextField *self,
                                                       int              offset,
                                                       const char     **out_rule);
/* Shows the finding's message and fix at @offset, as when the cursor enters it. */
gboolean        candor_text_field_open_finding_at     (CandorTextField *self,
                                                       int              offset);
GtkWidget      *candor_text_field_get_replace_button  (CandorTextField *self);
/* Dismisses the open finding with @reason, saved in the draft's review.dismissals. */
gboolean        candor_text_field_dismiss_open_finding (CandorTextField *self,
                                                        const char      *reason);

GtkWidget      *candor_text_field_get_counter       (CandorTextField *self);
/* The line under the field that sums up its findings ("Checking…" while a long text is
 * analysed). */
GtkWidget      *candor_text_field_get_summary       (CandorTextField *self);
GtkWidget      *candor_text_field_get_limit_message (CandorTextField *self);

G_END_DECLS
