/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-json-util.h: small JSON helpers json-glib lacks (deep copies). */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* json_node_copy() shares objects and arrays; these copy all the way down. */
JsonNode   *candor_json_node_deep_copy   (JsonNode   *node);
JsonObject *candor_json_object_deep_copy (JsonObject *object);

G_END_DECLS

G_BEGIN_DECLS
/* Pretty JSON as people write it: two-space indent, "key": value, UTF-8 kept as is, a final
 * newline. Members in their stored order. */
char *candor_json_to_pretty_string (JsonNode *node);
/* The canonical form digests are taken over (its bytes are a contract; do not change them):
 * no white space; object members sorted by the bytes of their UTF-8 names; strings in double
 * quotes with only `"`, `\` and U+0000..U+001F escaped (as \", \\ and \u00xx, lower-case
 * hex), everything else as UTF-8; integers in decimal; true, false, null; any fractional
 * number with %.17g. No final newline. */
char *candor_json_to_canonical_string (JsonNode *node);
/* The member @key of @object if it is an object, else NULL (no warning for other types). */
JsonObject *candor_json_object_get_object (JsonObject *object, const char *key);
G_END_DECLS
