/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-element.h: one disclosure element: structured answers, label text and web text. */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "candor-element-id.h"

G_BEGIN_DECLS

#define CANDOR_TYPE_ELEMENT (candor_element_get_type ())
G_DECLARE_FINAL_TYPE (CandorElement, candor_element, CANDOR, ELEMENT, GObject)

/*
 * Answers are stored by key, as in the draft file (see data/schema/candor-draft.schema.json,
 * which lists every key of every element). Keeping them keyed rather than as C struct fields
 * makes the model easy to extend: a new question is a new schema entry, and unknown keys from
 * newer minor versions survive a round trip.
 *
 * Signals:
 *   "changed" (detailed by the answer key, or "label_text" / "web_text"):
 *      void handler (CandorElement *self, const char *key, gpointer user_data)
 *   Emitted only on a real change.
 *   "text-edited": void handler (CandorElement *self, guint kind, guint offset, guint removed,
 *      guint inserted, gboolean generated, gpointer user_data)
 *   Emitted before "changed" whenever a text changes: the edit in characters, so that
 *   anchors in the text (review comments) can follow it.
 */

CandorElement   *candor_element_new                 (CandorElementId  id);
CandorElementId  candor_element_get_id              (CandorElement   *self);

/* Texts. A text set with @edited = TRUE was typed by the user; generated text passes FALSE. */
const char      *candor_element_get_text            (CandorElement   *self,
                                                     CandorTextKind   kind);
gboolean         candor_element_get_text_edited     (CandorElement   *self,
                                                     CandorTextKind   kind);
void             candor_element_set_text            (CandorElement   *self,
                                                     CandorTextKind   kind,
                                                     const char      *text,
                                                     gboolean         edited);
void             candor_element_replace_text        (CandorElement   *self,
                                                     CandorTextKind   kind,
                                                     guint            offset,
                                                     guint            removed,
                                                     const char      *inserted,
                                                     gboolean         edited);

/* Answers: getters return the default (or NULL) when the key is unset or of another type. */
gboolean         candor_element_has_answer          (CandorElement   *self,
                                                     const char      *key);
const char      *candor_element_get_answer_string   (CandorElement   *self,
                                                     const char      *key);
gboolean         candor_element_get_answer_boolean  (CandorElement   *self,
                                                     const char      *key,
                                                     gboolean         default_value);
gint64           candor_element_get_answer_int      (CandorElement   *self,
                                                     const char      *key,
                                                     gint64           default_value);
char           **candor_element_dup_answer_strv     (CandorElement   *self,
                                                     const char      *key);
gboolean         candor_element_answer_strv_contains (CandorElement  *self,
                                                     const char      *key,
                                                     const char      *value);

/* Setters take a copy; a NULL string or strv unsets the key. */
void             candor_element_set_answer_string   (CandorElement   *self,
                                                     const char      *key,
                                                     const char      *value);
void             candor_element_set_answer_boolean  (CandorElement   *self,
                                                     const char      *key,
                                                     gboolean         value);
void             candor_element_set_answer_int      (CandorElement   *self,
                                                     const char      *key,
                                                     gint64           value);
void             candor_element_set_answer_strv     (CandorElement   *self,
                                                     const char      *key,
                                                     const char * const *value);
void             candor_element_set_answer_node     (CandorElement   *self,
                                                     const char      *key,
                                                     JsonNode        *value);
void             candor_element_unset_answer        (CandorElement   *self,
                                                     const char      *key);

/* The element as stored in the draft (answers, texts and any unknown keys), owned by the
 * element: do not modify it. Used by the file format and by renderers. */
JsonObject      *candor_element_get_json            (CandorElement   *self);

/* Replace everything from a validated JSON object (used when loading); emits "changed" once
 * with key NULL. */
void             candor_element_load_json           (CandorElement   *self,
                                                     JsonObject      *object);

G_END_DECLS
