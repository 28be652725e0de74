/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-review-page.h: the last wizard step: every element's status, grades and what is left. */
#pragma once

#include <adwaita.h>

#include "candor-document.h"

G_BEGIN_DECLS

#define CANDOR_TYPE_REVIEW_PAGE (candor_review_page_get_type ())
G_DECLARE_FINAL_TYPE (CandorReviewPage, candor_review_page, CANDOR, REVIEW_PAGE, AdwPreferencesPage)

GtkWidget      *candor_review_page_new          (void);
CandorDocument *candor_review_page_get_document (CandorReviewPage *self);
void            candor_review_page_set_document (CandorReviewPage *self,
                                                 CandorDocument   *document);
/* Updates the page now (it otherwise follows changes at idle time). */
void            candor_review_page_flush        (CandorReviewPage *self);
/* The row of an element ("A1" …) or "product", for tests. */
GtkWidget      *candor_review_page_get_row      (CandorReviewPage *self,
                                                 const char       *name);
/* How many items the "left to do" list holds. */
guint           candor_review_page_get_n_left   (CandorReviewPage *self);
/* How many open readability findings it lists. */
guint           candor_review_page_get_n_findings (CandorReviewPage *self);
/* The @index-th row of the findings list and of the "left to do" list, for tests. */
GtkWidget      *candor_review_page_get_finding_row (CandorReviewPage *self,
                                                    guint             index);
GtkWidget      *candor_review_page_get_left_row    (CandorReviewPage *self,
                                                    guint             index);

G_END_DECLS
