/* SPDX-License-Identifier: GPL-3.0-or-later */
/* wording-test-util.h: build test drafts from compact JSON for the wording tests. */
#pragma once

#include <string.h>

#include "candor-document.h"

/* JSON in C strings reads better with single quotes; turn them into double quotes. */
static inline char *
wording_test_json (const char *text)
{
  char *copy = g_strdup (text);

  for (char *p = copy; *p != '\0'; p++)
    if (*p == '\'')
      *p = '"';
  return copy;
}

/* Applies @elements_json ({"A1": {...}, ...}) on top of what @document holds: each answer key
 * is set (or unset when null); "label_text" / "web_text" set the texts as typed by the user. */
static inline void
wording_test_apply (CandorDocument *document, const char *elements_json)
{
  g_autofree char *json = wording_test_json (elements_json);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonObject *root;
  g_autoptr (GList) sections = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  sections = json_object_get_members (root);
  for (GList *s = sections; s != NULL; s = s->next)
    {
      CandorElementId id;
      CandorElement *element;
      JsonObject *answers = json_object_get_object_member (root, s->data);
      g_autoptr (GList) keys = json_object_get_members (answers);

      g_assert_true (candor_element_id_from_key (s->data, &id));
      element = candor_document_get_element (document, id);
      for (GList *k = keys; k != NULL; k = k->next)
        {
          const char *key = k->data;
          JsonNode *node = json_object_get_member (answers, key);

          if (g_str_equal (key, "label_text"))
            candor_element_set_text (element, CANDOR_TEXT_LABEL, json_node_get_string (node), TRUE);
          else if (g_str_equal (key, "web_text"))
            candor_element_set_text (element, CANDOR_TEXT_WEB, json_node_get_string (node), TRUE);
          else if (JSON_NODE_HOLDS_NULL (node))
            candor_element_unset_answer (element, key);
          else
            candor_element_set_answer_node (element, key, node);
        }
    }
}

static inline CandorDocument *
wording_test_document (const char *manufacturer, const char *name, const char *elements_json)
{
  CandorDocument *document = candor_document_new ();

  if (manufacturer != NULL)
    candor_document_set_manufacturer (document, manufacturer);
  if (name != NULL)
    candor_document_set_product_name (document, name);
  if (elements_json != NULL)
    wording_test_apply (document, elements_json);
  return document;
}
