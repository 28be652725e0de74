/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-schema.h: a small JSON Schema validator for the subset our schemas use. */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/*
 * Supported keywords: type, enum, const, properties, required, additionalProperties (boolean),
 * items, minItems, maxItems, uniqueItems, minLength, maxLength, pattern, minimum, maximum,
 * format ("date", "partial-date", "date-time", "uri"), $ref ("#/$defs/NAME"), and our own
 * "x-candor-expected" (the phrase used in messages, e.g. "a date YYYY-MM or YYYY-MM-DD").
 * The same schema files are checked by an independent validator (ajv) in the tests.
 */

typedef struct _CandorSchema CandorSchema;

/* Loads a schema from the core GResource, e.g. "candor-draft.schema.json". Cached; never NULL
 * for a shipped name. */
CandorSchema *candor_schema_get          (const char   *name);

/* Validates @node; appends "PATH: message" strings to @problems (if non-NULL).
 * Returns TRUE if valid. Stops after @max_problems (0 = no limit). */
gboolean      candor_schema_validate     (CandorSchema *schema,
                                          JsonNode     *node,
                                          GPtrArray    *problems,
                                          guint         max_problems);

/* Property names of an object schema at @json_path ("$", "$.product", "$.elements.A1"), in
 * schema order. Used for stable key order when writing. Returns NULL if not an object. */
const char * const *candor_schema_get_key_order (CandorSchema *schema,
                                                 const char   *json_path);

/* The "maxLength" of the string at @json_path ("$.elements.A1.web_text"), or -1 if none. */
gint64        candor_schema_get_max_length (CandorSchema *schema,
                                            const char   *json_path);

G_END_DECLS
