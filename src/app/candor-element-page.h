/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-element-page.h: the wizard step of one element: questions, examples and texts. */
#pragma once

#include <adwaita.h>

#include "candor-document.h"
#include "candor-text-field.h"

G_BEGIN_DECLS

#define CANDOR_TYPE_ELEMENT_PAGE (candor_element_page_get_type ())
G_DECLARE_FINAL_TYPE (CandorElementPage, candor_element_page, CANDOR, ELEMENT_PAGE, AdwPreferencesPage)

GtkWidget       *candor_element_page_new            (CandorElementId    id);
CandorElementId  candor_element_page_get_element_id (CandorElementPage *self);
CandorDocument  *candor_element_page_get_document   (CandorElementPage *self);
void             candor_element_page_set_document   (CandorElementPage *self,
                                                     CandorDocument    *document);

/* The control of an answer (see candor_answer_rows_get_widget()). */
GtkWidget       *candor_element_page_get_answer_widget (CandorElementPage *self,
                                                        const char        *key,
                                                        const char        *value);
GtkWidget       *candor_element_page_get_answer_row    (CandorElementPage *self,
                                                        const char        *key);
CandorTextField *candor_element_page_get_text_field    (CandorElementPage *self,
                                                        CandorTextKind     kind);
/* Updates the consistency messages now (they otherwise follow changes at idle time). */
void             candor_element_page_flush             (CandorElementPage *self);
/* The rule ids of the consistency messages shown, NULL-terminated; free with g_strfreev(). */
char           **candor_element_page_dup_issue_rules   (CandorElementPage *self);

G_END_DECLS
