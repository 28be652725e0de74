/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-document.h: one disclosure draft: product, six elements, review and metadata. */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "candor-element.h"

G_BEGIN_DECLS

#define CANDOR_TYPE_DOCUMENT (candor_document_get_type ())
G_DECLARE_FINAL_TYPE (CandorDocument, candor_document, CANDOR, DOCUMENT, GObject)

/*
 * Properties (all notify only on real change):
 *   manufacturer, product-name, category, url, language: strings ("" when unset)
 *   models: GStrv
 *   title: string, read-only; product name, or "Untitled disclosure"
 *   file: GFile, where the draft was last loaded from or saved to (may be NULL)
 *   dirty: boolean, changed since the last load or save
 *
 * Signals:
 *   "changed" (detailed by section: "product", "A1".."B3", "review", "metadata"):
 *      void handler (CandorDocument *self, const char *section, const char *key, gpointer data)
 *   Emitted after every real change, so views (previews, autosave) can react to exactly what
 *   changed. @key is the property or answer key, or NULL when the whole section changed.
 *   "text-edited" (detailed by element key): void handler (CandorDocument *self, guint element,
 *      guint kind, guint offset, guint removed, guint inserted, gboolean generated, gpointer)
 *   Emitted before "changed" for every change of a label or web text, with the edit.
 */

CandorDocument  *candor_document_new              (void);

const char      *candor_document_get_manufacturer (CandorDocument *self);
void             candor_document_set_manufacturer (CandorDocument *self, const char *value);
const char      *candor_document_get_product_name (CandorDocument *self);
void             candor_document_set_product_name (CandorDocument *self, const char *value);
const char      *candor_document_get_category     (CandorDocument *self);
void             candor_document_set_category     (CandorDocument *self, const char *value);
const char      *candor_document_get_url          (CandorDocument *self);
void             candor_document_set_url          (CandorDocument *self, const char *value);
const char      *candor_document_get_language     (CandorDocument *self);
void             candor_document_set_language     (CandorDocument *self, const char *value);
const char * const *candor_document_get_models    (CandorDocument *self);
void             candor_document_set_models       (CandorDocument *self,
                                                   const char * const *models);

/* Returns a newly allocated display title. */
char            *candor_document_dup_title        (CandorDocument *self);

CandorElement   *candor_document_get_element      (CandorDocument *self,
                                                   CandorElementId id);

/* Review data (comments, statuses, approvals, dismissals), as stored in the draft. Owned by
 * the document. Change it only through candor_document_set_review(). */
JsonObject      *candor_document_get_review       (CandorDocument *self);
void             candor_document_set_review       (CandorDocument *self,
                                                   JsonObject     *review);
/* For src/review/ only: change the review section in place, then announce it. */
JsonObject      *candor_document_edit_review      (CandorDocument *self);
void             candor_document_review_changed   (CandorDocument *self,
                                                   const char     *key);

/* Metadata. */
GDateTime       *candor_document_get_created      (CandorDocument *self);
GDateTime       *candor_document_get_modified     (CandorDocument *self);
void             candor_document_set_modified     (CandorDocument *self,
                                                   GDateTime      *when);
const char * const *candor_document_get_authors   (CandorDocument *self);
void             candor_document_add_author       (CandorDocument *self,
                                                   const char     *author);

/* Where the draft lives on disk, and whether it has unsaved changes. */
GFile           *candor_document_get_file         (CandorDocument *self);
void             candor_document_set_file         (CandorDocument *self,
                                                   GFile          *file);
gboolean         candor_document_get_dirty        (CandorDocument *self);
void             candor_document_set_dirty        (CandorDocument *self,
                                                   gboolean        dirty);
/* Increases on every change; autosave compares it (tracked apart from "dirty"). */
guint64          candor_document_get_change_serial (CandorDocument *self);

G_END_DECLS
