/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-document-private.h: what the file format needs to see inside a document. */
#pragma once

#include "candor-document.h"

G_BEGIN_DECLS

/* Sections as stored in the draft (owned by the document; known and unknown keys). */
JsonObject *_candor_document_get_product_json  (CandorDocument *self);
JsonObject *_candor_document_get_metadata_json (CandorDocument *self);
/* Unknown top-level keys, and unknown keys inside "elements", kept for round trips. */
JsonObject *_candor_document_get_root_extras   (CandorDocument *self);
JsonObject *_candor_document_get_elements_extras (CandorDocument *self);

/* Replaces the sections with deep copies of validated JSON (NULL = empty). Does not mark
 * the document dirty. */
void        _candor_document_load              (CandorDocument *self,
                                                JsonObject     *product,
                                                JsonObject     *metadata,
                                                JsonObject     *review,
                                                JsonObject     *root_extras,
                                                JsonObject     *elements_extras);

G_END_DECLS
