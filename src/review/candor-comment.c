/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-comment.c: one review comment (or its reply), as the views read it. */
#include "config.h"

#include <string.h>

#include "candor-comment.h"

static void
reply_free (CandorReply *reply)
{
  g_free (reply->author);
  g_free (reply->created);
  g_free (reply->body);
  g_free (reply);
}

void
candor_comment_free (CandorComment *comment)
{
  if (comment == NULL)
    return;
  g_free (comment->id);
  g_free (comment->answer);
  g_free (comment->quote);
  g_free (comment->original_quote);
  g_free (comment->author);
  g_free (comment->created);
  g_free (comment->body);
  g_free (comment->resolved_by);
  g_free (comment->resolved_at);
  g_free (comment->reopened_by);
  g_free (comment->reopened_at);
  g_clear_pointer (&comment->replies, g_ptr_array_unref);
  g_free (comment);
}

const char *
candor_comment_field_key (CandorTextKind kind)
{
  return kind == CANDOR_TEXT_LABEL ? "label_text" : "web_text";
}

static char *
dup_member (JsonObject *object, const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return g_strdup (json_node_get_string (node));
}

static gint64
int_member (JsonObject *object, const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return 0;
  return json_node_get_int (node);
}

static gboolean
bool_member (JsonObject *object, const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN
         && json_node_get_boolean (node);
}

CandorComment *
candor_comment_from_json (JsonObject *object)
{
  CandorComment *comment;
  g_autofree char *element = NULL;
  g_autofree char *field = NULL;
  JsonNode *replies;

  g_return_val_if_fail (object != NULL, NULL);

  element = dup_member (object, "element");
  comment = g_new0 (CandorComment, 1);
  if (element == NULL || !candor_element_id_from_key (element, &comment->element))
    {
      g_free (comment);
      return NULL;
    }
  comment->id = dup_member (object, "id");
  field = dup_member (object, "field");
  comment->answer = dup_member (object, "answer");
  if (field != NULL)
    {
      comment->target = CANDOR_COMMENT_ON_TEXT;
      comment->field = strcmp (field, "web_text") == 0 ? CANDOR_TEXT_WEB : CANDOR_TEXT_LABEL;
    }
  else if (comment->answer != NULL)
    comment->target = CANDOR_COMMENT_ON_ANSWER;
  else
    comment->target = CANDOR_COMMENT_ON_ELEMENT;
  comment->start = (guint) CLAMP (int_member (object, "start"), 0, G_MAXUINT);
  comment->end = (guint) CLAMP (int_member (object, "end"), 0, G_MAXUINT);
  comment->quote = dup_member (object, "quote");
  comment->original_quote = dup_member (object, "original_quote");
  comment->detached = bool_member (object, "detached");
  comment->author = dup_member (object, "author");
  comment->created = dup_member (object, "created");
  comment->body = dup_member (object, "body");
  comment->resolved = bool_member (object, "resolved");
  comment->resolved_by = dup_member (object, "resolved_by");
  comment->resolved_at = dup_member (object, "resolved_at");
  comment->reopened_by = dup_member (object, "reopened_by");
  comment->reopened_at = dup_member (object, "reopened_at");
  comment->replies = g_ptr_array_new_with_free_func ((GDestroyNotify) reply_free);
  replies = json_object_get_member (object, "replies");
  if (replies != NULL && JSON_NODE_HOLDS_ARRAY (replies))
    {
      JsonArray *array = json_node_get_array (replies);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);
          CandorReply *reply;

          if (!JSON_NODE_HOLDS_OBJECT (item))
            continue;
          reply = g_new0 (CandorReply, 1);
          reply->author = dup_member (json_node_get_object (item), "author");
          reply->created = dup_member (json_node_get_object (item), "created");
          reply->body = dup_member (json_node_get_object (item), "body");
          g_ptr_array_add (comment->replies, reply);
        }
    }
  return comment;
}
