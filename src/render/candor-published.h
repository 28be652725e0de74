/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-published.h: disclosure.json, the published, machine-readable form of a disclosure. */
#pragma once

#include <json-glib/json-glib.h>

#include "candor-document.h"

G_BEGIN_DECLS

#define CANDOR_PUBLISHED_FORMAT_NAME    "candor-published-disclosure"
#define CANDOR_PUBLISHED_FORMAT_VERSION 1

/**
 * candor_published_build:
 * @document: the draft
 *
 * The published disclosure (see data/schema/candor-disclosure.schema.json): product, and for
 * each element its title, short answer, answers, label text and web text. Never the review
 * (comments, statuses, approvals) or the authors. Keys in a fixed order.
 *
 * Returns: (transfer full): a JSON object node
 */
JsonNode *candor_published_build     (CandorDocument *document);

/* Pretty-printed UTF-8 JSON ending in a newline; the same draft gives the same bytes.
 * Returns: (transfer full) */
GBytes   *candor_published_serialize (CandorDocument *document);

G_END_DECLS
