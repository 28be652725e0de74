/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-render-util.h: helpers shared by the label, web page and disclosure.json renderers. */
#pragma once

#include "candor-document.h"

G_BEGIN_DECLS

/* Data file from data/render/ (compiled into the GResource). Returns: (transfer full) */
GBytes     *candor_render_lookup_data      (const char      *name);

/* The few words of an element's label row ("Automatic, free"). Returns: (transfer full)
 * (nullable): NULL when the element is unanswered. */
char       *candor_render_short_answer     (CandorDocument  *document,
                                            CandorElementId  id);

/* "31 December 2029" / "December 2029". Returns: (transfer full) (nullable) */
char       *candor_render_format_date      (const char      *partial_date);

/* The row name on the label, a noun phrase in plain words ("Installation"). Translated. */
const char *candor_render_row_name         (CandorElementId  id);

/* TRUE for languages written right to left (Arabic, Hebrew, Persian, Urdu, …). */
gboolean    candor_render_language_is_rtl  (const char      *language);

/* Checks that @url is an absolute http:// or https:// address with a host. */
gboolean    candor_render_check_url        (const char      *url,
                                            GError         **error);

/* The draft's modified time (else created) in UTC as "2026-11-25T14:30:00Z", or the Unix
 * epoch when the draft has neither, so that output never depends on the clock.
 * Returns: (transfer full) */
char       *candor_render_document_date    (CandorDocument  *document);

/* @text (the user's: a product name, a model, an address, an element text) between U+2068
 * FIRST STRONG ISOLATE and U+2069 POP DIRECTIONAL ISOLATE, so that its direction cannot
 * reorder the fixed text around it ("Models: …, …") nor be reordered by it. "" for NULL or
 * "". Returns: (transfer full) */
char       *candor_render_isolate          (const char      *text);
/* candor_render_isolate() where directions can mix (the context is right to left, or @text
 * has right-to-left letters), else a copy of @text: for plain-text places whose exact string
 * others read, such as a web page's <title>. Returns: (transfer full) */
char       *candor_render_isolate_if_mixed (const char      *text,
                                            gboolean         rtl_context);

G_END_DECLS
