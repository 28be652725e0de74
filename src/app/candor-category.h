/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-category.h: the product categories a draft may name, with their display names. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The category values in schema order ("" first, meaning "not set"), read from the draft
 * schema so the app never offers a value the file format rejects. Owned by the app. */
const char * const *candor_category_get_values (void);

/* Translated display name for @value; unknown values are shown as they are. */
const char         *candor_category_get_label  (const char *value);

/* Translated noun for one product of @value inside a sentence ("smart plug"; "device" when
 * unset, other or unknown). */
const char         *candor_category_get_noun   (const char *value);

G_END_DECLS
