/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-approval.c: what an approval covers, in one canonical form, and its digest. */
#include "config.h"


#include "candor-approval.h"
#include "candor-json-util.h"

static const char *text_keys[] = { "label_text", "web_text", "label_edited", "web_edited", NULL };

JsonObject *
candor_approval_content (CandorDocument *document, CandorElementId id)
{
  CandorElement *element;
  JsonObject *content, *answers, *product;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;
  JsonArray *models;
  const char * const *model_list;

  g_return_val_if_fail (CANDOR_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (id < CANDOR_N_ELEMENTS, NULL);

  element = candor_document_get_element (document, id);
  content = json_object_new ();
  json_object_set_string_member (content, "format", CANDOR_APPROVAL_FORMAT);
  json_object_set_string_member (content, "element", candor_element_id_to_key (id));

  answers = json_object_new ();
  json_object_iter_init_ordered (&iter, candor_element_get_json (element));
  while (json_object_iter_next_ordered (&iter, &name, &member))
    if (!g_strv_contains (text_keys, name))
      json_object_set_member (answers, name, candor_json_node_deep_copy (member));
  json_object_set_object_member (content, "answers", answers);
  json_object_set_string_member (content, "label_text", candor_element_get_text (element, CANDOR_TEXT_LABEL));
  json_object_set_string_member (content, "web_text", candor_element_get_text (element, CANDOR_TEXT_WEB));

  product = json_object_new ();
  json_object_set_string_member (product, "manufacturer", candor_document_get_manufacturer (document));
  json_object_set_string_member (product, "name", candor_document_get_product_name (document));
  models = json_array_new ();
  model_list = candor_document_get_models (document);
  for (guint i = 0; model_list != NULL && model_list[i] != NULL; i++)
    json_array_add_string_element (models, model_list[i]);
  json_object_set_array_member (product, "models", models);
  json_object_set_string_member (product, "category", candor_document_get_category (document));
  json_object_set_string_member (product, "url", candor_document_get_url (document));
  json_object_set_string_member (product, "language", candor_document_get_language (document));
  json_object_set_object_member (content, "product", product);
  return content;
}

char *
candor_approval_canonical (JsonNode *node)
{
  g_return_val_if_fail (node != NULL, NULL);
  return candor_json_to_canonical_string (node);
}

char *
candor_approval_digest_content (JsonObject *content)
{
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *canonical = NULL;
  g_autofree char *hex = NULL;

  g_return_val_if_fail (content != NULL, NULL);

  node = json_node_init_object (json_node_alloc (), content);
  canonical = candor_approval_canonical (node);
  hex = g_compute_checksum_for_string (G_CHECKSUM_SHA256, canonical, -1);
  return g_strconcat ("sha256:", hex, NULL);
}

char *
candor_approval_digest (CandorDocument *document, CandorElementId id)
{
  g_autoptr(JsonObject) content = candor_approval_content (document, id);

  return candor_approval_digest_content (content);
}
