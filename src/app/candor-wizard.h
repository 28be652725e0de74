/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-wizard.h: the element steps and the review step of the editor, with their status icons. */
#pragma once

#include "candor-editor.h"
#include "candor-readiness.h"

G_BEGIN_DECLS

/* Appends A.1 … B.3 and Review to @editor (once; later calls do nothing) and keeps the
 * status icon of each step in the list up to date with the editor's document. */
void        candor_wizard_add_pages          (CandorEditor        *editor);

/* Icon name for a step's readiness. */
const char *candor_wizard_status_icon        (CandorReadinessStatus  status);
/* Tooltip and screen-reader text: "Ready", or the status and what blocks it ("Not ready: The
 * web text reads at grade 34: …", "and 2 more"). Returns: (transfer full) */
char       *candor_wizard_dup_status_description (CandorReadiness   *readiness);

/* The readiness of every element of @document from the analyses its text fields made (a text
 * still being analysed in the background is "not yet checked"), texts without a field analysed
 * now. Returns: (transfer full) */
CandorReadinessReport *candor_wizard_check_readiness (CandorDocument *document);

/* The review state of element @id in a few words, with its open comments; NULL for a draft
 * element with no open comment unless @always. */
char       *candor_wizard_dup_review_description (CandorDocument  *document,
                                                  CandorElementId  id,
                                                  gboolean         always);

/* The step's short name for lists, translated: "A.1 Gets Updates". Returns: (transfer full) */
char       *candor_wizard_dup_step_title     (CandorElementId      id);

/* The Mallard page id of an element's help: "element-a1" … */
const char *candor_wizard_help_page          (CandorElementId      id);

G_END_DECLS
