/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-approval.h: what an approval covers, in one canonical form, and its digest. */
#pragma once

#include <json-glib/json-glib.h>

#include "candor-document.h"

G_BEGIN_DECLS

#define CANDOR_APPROVAL_FORMAT "candor-approval-1"

/**
 * candor_approval_content:
 * @document: the draft
 * @id: the element
 *
 * Everything of the element that reaches the buyer, as one JSON object:
 * `{"format": "candor-approval-1", "element": "A3", "answers": {…every key of the
 * element except its texts and the label_edited/web_edited flags…}, "label_text": …,
 * "web_text": …, "product": {"manufacturer", "name", "models", "category", "url",
 * "language"}}`. The product fields are in every element's content because they are printed
 * with every element (label, web page, disclosure.json). Whether a text was typed or
 * generated is not in it: it does not change what the buyer reads.
 * Returns: (transfer full)
 */
JsonObject *candor_approval_content     (CandorDocument *document,
                                         CandorElementId id);

/**
 * candor_approval_canonical:
 * @node: any JSON
 *
 * The canonical serialisation the digest is taken over: no white space; object members
 * sorted by the bytes of their UTF-8 names; strings in double quotes with only `"`, `\`
 * and U+0000..U+001F escaped (as \", \\ and \u00xx, lower-case hex), everything else as
 * UTF-8; integers in decimal; true, false, null. (Drafts hold no fractional numbers in
 * these fields; if one appears it is written with %.17g.)
 * Returns: (transfer full)
 */
char       *candor_approval_canonical   (JsonNode       *node);

/**
 * candor_approval_digest_content:
 * Returns: (transfer full): "sha256:" and the lower-case SHA-256 of the canonical form
 */
char       *candor_approval_digest_content (JsonObject  *content);

/* candor_approval_digest_content (candor_approval_content (document, id)). */
char       *candor_approval_digest      (CandorDocument *document,
                                         CandorElementId id);

G_END_DECLS
