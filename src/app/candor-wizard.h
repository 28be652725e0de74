/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-wizard.h: the element steps and the review step of the editor, with their status icons. */
#pragma once

#include "candor-editor.h"
#include "candor-wording.h"

G_BEGIN_DECLS

/* Appends A.1 … B.3 and Review to @editor (once; later calls do nothing) and keeps the
 * status icon of each step in the list up to date with the editor's document. */
void        candor_wizard_add_pages          (CandorEditor        *editor);

/* Icon name and screen-reader text for a step's status. */
const char *candor_wizard_status_icon        (CandorElementStatus  status);
const char *candor_wizard_status_description (CandorElementStatus  status);

/* The step's short name for lists, translated: "A.1 Gets Updates". Returns: (transfer full) */
char       *candor_wizard_dup_step_title     (CandorElementId      id);

/* The Mallard page id of an element's help: "element-a1" … */
const char *candor_wizard_help_page          (CandorElementId      id);

G_END_DECLS
