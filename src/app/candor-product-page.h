/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-product-page.h: the wizard's first step: which product the disclosure is about. */
#pragma once

#include <adwaita.h>

#include "candor-document.h"

G_BEGIN_DECLS

#define CANDOR_TYPE_PRODUCT_PAGE (candor_product_page_get_type ())
G_DECLARE_FINAL_TYPE (CandorProductPage, candor_product_page, CANDOR, PRODUCT_PAGE, AdwPreferencesPage)

GtkWidget      *candor_product_page_new          (void);
CandorDocument *candor_product_page_get_document (CandorProductPage *self);
void            candor_product_page_set_document (CandorProductPage *self,
                                                  CandorDocument    *document);

/* Parsing helpers shared with the tests. */
char          **candor_product_page_split_models (const char *text);
gboolean        candor_product_page_url_is_valid (const char *text);

G_END_DECLS
