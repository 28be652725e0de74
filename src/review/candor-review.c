/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-review.c: the review of a draft: comments and the anchors that follow edits. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "candor-anchor.h"
#include "candor-json-util.h"
#include "candor-review-private.h"

#define REVIEW_QUARK "candor-review"
#define MAX_SHORT 2000
#define MAX_BODY 20000

struct _CandorReview
{
  GObject         parent_instance;
  CandorDocument *document;   /* not owned: the document owns us */
  gboolean        resyncing;
};

G_DEFINE_FINAL_TYPE (CandorReview, candor_review, G_TYPE_OBJECT)
G_DEFINE_QUARK (candor-review-error-quark, candor_review_error)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

struct _CandorReviewSnapshot
{
  JsonObject *review;
};

static void
candor_review_class_init (CandorReviewClass *klass)
{
  /**
   * CandorReview::changed:
   * @what: (nullable): "comments", "elements", "log", "anchors"; NULL for everything
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
candor_review_init (CandorReview *self)
{
}

/* Helpers shared with candor-review-status.c. */

JsonObject *
_candor_review_section (CandorReview *self)
{
  return candor_document_edit_review (self->document);
}

JsonArray *
_candor_review_array (CandorReview *self, const char *key, gboolean create)
{
  JsonObject *review = _candor_review_section (self);
  JsonNode *node = json_object_get_member (review, key);

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    return json_node_get_array (node);
  if (!create)
    return NULL;
  json_object_set_array_member (review, key, json_array_new ());
  return json_object_get_array_member (review, key);
}

JsonObject *
_candor_review_element (CandorReview *self, CandorElementId id, gboolean create)
{
  JsonObject *review = _candor_review_section (self);
  JsonObject *elements = candor_json_object_get_object (review, "elements");
  JsonObject *element;

  if (elements == NULL)
    {
      if (!create)
        return NULL;
      json_object_set_object_member (review, "elements", json_object_new ());
      elements = json_object_get_object_member (review, "elements");
    }
  element = candor_json_object_get_object (elements, candor_element_id_to_key (id));
  if (element == NULL && create)
    {
      json_object_set_object_member (elements, candor_element_id_to_key (id), json_object_new ());
      element = json_object_get_object_member (elements, candor_element_id_to_key (id));
    }
  return element;
}

void
_candor_review_changed (CandorReview *self, const char *what)
{
  /* The document says "changed::review"; on_document_changed() passes it on. */
  candor_document_review_changed (self->document, what);
}

char *
_candor_review_stamp (GDateTime *when)
{
  g_autoptr(GDateTime) utc = when != NULL ? g_date_time_to_utc (when) : g_date_time_new_now_utc ();

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

gboolean
_candor_review_check_text (const char *text, const char *what, glong max, GError **error)
{
  const char *p = text;

  while (p != NULL && *p != '\0' && g_ascii_isspace (*p))
    p++;
  if (p == NULL || *p == '\0')
    {
      g_set_error (error, CANDOR_REVIEW_ERROR, CANDOR_REVIEW_ERROR_INVALID, _("The %s is empty"), what);
      return FALSE;
    }
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, CANDOR_REVIEW_ERROR, CANDOR_REVIEW_ERROR_INVALID, _("The %s is not valid UTF-8"), what);
      return FALSE;
    }
  if (g_utf8_strlen (text, -1) > max)
    {
      g_set_error (error, CANDOR_REVIEW_ERROR, CANDOR_REVIEW_ERROR_INVALID,
                   _("The %s is too long (at most %ld characters)"), what, max);
      return FALSE;
    }
  return TRUE;
}

const char *
_candor_review_string (JsonObject *object, const char *key)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, key) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

JsonObject *
_candor_review_log_append (CandorReview *self, const char *at, const char *by, const char *action,
                           int element, GError **error)
{
  JsonArray *log = _candor_review_array (self, "log", TRUE);
  JsonObject *entry;

  if (json_array_get_length (log) >= CANDOR_REVIEW_MAX_LOG)
    {
      g_set_error (error, CANDOR_REVIEW_ERROR, CANDOR_REVIEW_ERROR_LIMIT,
                   _("The review log is full (%d entries); nothing was changed"), CANDOR_REVIEW_MAX_LOG);
      return NULL;
    }
  entry = json_object_new ();
  json_object_set_string_member (entry, "at", at);
  json_object_set_string_member (entry, "by", by);
  json_object_set_string_member (entry, "action", action);
  if (element >= 0)
    json_object_set_string_member (entry, "element", candor_element_id_to_key ((CandorElementId) element));
  json_array_add_object_element (log, entry);
  return entry;
}

/* Anchors. */

static gboolean
comment_in_field (JsonObject *comment, const char *element_key, const char *field_key)
{
  return g_strcmp0 (_candor_review_string (comment, "element"), element_key) == 0
         && g_strcmp0 (_candor_review_string (comment, "field"), field_key) == 0;
}

static guint
get_uint (JsonObject *object, const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return 0;
  return (guint) CLAMP (json_node_get_int (node), 0, G_MAXUINT);
}

static gboolean
get_bool (JsonObject *object, const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN
         && json_node_get_boolean (node);
}

static void
set_span (JsonObject *comment, guint start, guint end)
{
  json_object_set_int_member (comment, "start", start);
  json_object_set_int_member (comment, "end", end);
}

static void
attach_at (JsonObject *comment, guint start, guint end)
{
  set_span (comment, start, end);
  json_object_remove_member (comment, "detached");
}

static void
detach_at (JsonObject *comment, guint point)
{
  set_span (comment, point, point);
  json_object_set_boolean_member (comment, "detached", TRUE);
}

/* After an edit inside the span, the quote becomes the text under it; the first quote is
 * kept in "original_quote". */
static gboolean
update_quote (JsonObject *comment, const char *text, guint start, guint end)
{
  g_autofree char *now = candor_anchor_substring (text, start, end);
  const char *quote = _candor_review_string (comment, "quote");

  if (g_strcmp0 (quote, now) == 0)
    return FALSE;
  if (quote != NULL && !json_object_has_member (comment, "original_quote"))
    json_object_set_string_member (comment, "original_quote", quote);
  json_object_set_string_member (comment, "quote", now);
  return TRUE;
}

/* Places @comment by its quote in @text, nearest to @near; detaches it at @near if the
 * quote is not there. TRUE if anything changed. */
static gboolean
refind (JsonObject *comment, const char *text, guint near)
{
  const char *quote = _candor_review_string (comment, "quote");
  guint found;

  if (quote != NULL && *quote != '\0' && candor_anchor_find_nearest (text, quote, near, 0, G_MAXUINT, &found))
    {
      guint end = found + (guint) g_utf8_strlen (quote, -1);

      if (!get_bool (comment, "detached") && get_uint (comment, "start") == found && get_uint (comment, "end") == end)
        return FALSE;
      attach_at (comment, found, end);
      return TRUE;
    }
  if (get_bool (comment, "detached") && get_uint (comment, "start") == near)
    return FALSE;
  detach_at (comment, MIN (near, (guint) g_utf8_strlen (text, -1)));
  return TRUE;
}

static void
on_text_edited (CandorDocument *document,
                guint           element,
                guint           kind,
                guint           offset,
                guint           removed,
                guint           inserted,
                gboolean        generated,
                CandorReview   *self)
{
  JsonArray *comments = _candor_review_array (self, "comments", FALSE);
  const char *element_key = candor_element_id_to_key ((CandorElementId) element);
  const char *field_key = candor_comment_field_key ((CandorTextKind) kind);
  const char *text = NULL;
  gboolean changed = FALSE;

  if (comments == NULL)
    return;
  for (guint i = 0; i < json_array_get_length (comments); i++)
    {
      JsonNode *node = json_array_get_element (comments, i);
      JsonObject *comment;
      guint start, end;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      comment = json_node_get_object (node);
      if (!comment_in_field (comment, element_key, field_key))
        continue;
      if (text == NULL)
        text = candor_element_get_text (candor_document_get_element (document, (CandorElementId) element),
                                        (CandorTextKind) kind);
      start = get_uint (comment, "start");
      end = get_uint (comment, "end");

      if (generated)
        {
          /* New wording from the answers: find the quote again, near where it was. Where it
           * was inside the rewritten stretch, "near" is the same proportion of the way in. */
          guint near = candor_anchor_move_point (start, offset, removed, inserted);

          if (start > offset && start < offset + removed)
            near = offset + (guint) ((guint64) (start - offset) * inserted / removed);
          changed |= refind (comment, text, near);
        }
      else if (get_bool (comment, "detached"))
        {
          const char *quote = _candor_review_string (comment, "quote");
          guint found;

          /* Text put back where a detached comment's text was (an undo, a paste) re-attaches
           * it, if its quote is in what came back. (An editor that sets the whole text lets
           * the edit be guessed a few characters off: "around" the point is enough.) */
          if (inserted > 0 && start + inserted >= offset && start <= offset + MAX (removed, inserted)
              && quote != NULL && *quote != '\0'
              && candor_anchor_find_nearest (text, quote, start, offset, offset + inserted, &found))
            {
              attach_at (comment, found, found + (guint) g_utf8_strlen (quote, -1));
              changed = TRUE;
            }
          else
            {
              guint point = candor_anchor_move_point (start, offset, removed, inserted);
              if (point != start)
                {
                  set_span (comment, point, point);
                  changed = TRUE;
                }
            }
        }
      else if (start < end)
        {
          guint s = start, e = end;

          if (candor_anchor_apply_edit (&s, &e, offset, removed, inserted) == CANDOR_ANCHOR_DELETED)
            {
              detach_at (comment, s);
              changed = TRUE;
              continue;
            }
          if (s != start || e != end)
            {
              set_span (comment, s, e);
              changed = TRUE;
            }
          /* Only an edit that touched the span changes its text. */
          if (removed > 0 ? (offset < end && offset + removed > start) : (offset > start && offset < end))
            changed |= update_quote (comment, text, s, e);
        }
    }
  if (changed)
    _candor_review_changed (self, "anchors");
}

/* Every anchor whose quote is not under it is found again (after a load, an undo, or edits
 * made while no review was attached). */
static void
resync (CandorReview *self)
{
  JsonArray *comments = _candor_review_array (self, "comments", FALSE);
  gboolean changed = FALSE;

  if (comments == NULL)
    return;
  for (guint i = 0; i < json_array_get_length (comments); i++)
    {
      JsonNode *node = json_array_get_element (comments, i);
      JsonObject *comment;
      const char *field, *element_key, *quote;
      CandorElementId id;
      CandorTextKind kind;
      const char *text;
      guint start, end;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      comment = json_node_get_object (node);
      field = _candor_review_string (comment, "field");
      element_key = _candor_review_string (comment, "element");
      quote = _candor_review_string (comment, "quote");
      if (field == NULL || element_key == NULL || !candor_element_id_from_key (element_key, &id)
          || get_bool (comment, "detached"))
        continue;
      kind = strcmp (field, "web_text") == 0 ? CANDOR_TEXT_WEB : CANDOR_TEXT_LABEL;
      text = candor_element_get_text (candor_document_get_element (self->document, id), kind);
      start = get_uint (comment, "start");
      end = get_uint (comment, "end");
      if (quote != NULL && start < end)
        {
          g_autofree char *under = candor_anchor_substring (text, start, end);
          if (strcmp (under, quote) == 0)
            continue;
        }
      changed |= refind (comment, text, start);
    }
  if (changed)
    _candor_review_changed (self, "anchors");
}

static void
on_document_changed (CandorDocument *document, const char *section, const char *key, CandorReview *self)
{
  CandorElementId id;

  /* A whole element replaced (candor_element_load_json()) comes without an edit: its
   * anchors are found again by their quotes. */
  if (key == NULL && section != NULL && candor_element_id_from_key (section, &id) && !self->resyncing)
    {
      self->resyncing = TRUE;
      resync (self);
      self->resyncing = FALSE;
      return;
    }
  if (g_strcmp0 (section, "review") != 0)
    return;
  if (key == NULL && !self->resyncing)
    {
      self->resyncing = TRUE;
      resync (self);
      self->resyncing = FALSE;
    }
  g_signal_emit (self, signals[CHANGED], key != NULL ? g_quark_from_string (key) : 0, key);
}

CandorReview *
candor_review_get_for_document (CandorDocument *document)
{
  CandorReview *self;

  g_return_val_if_fail (CANDOR_IS_DOCUMENT (document), NULL);

  self = g_object_get_data (G_OBJECT (document), REVIEW_QUARK);
  if (self != NULL)
    return self;
  self = g_object_new (CANDOR_TYPE_REVIEW, NULL);
  self->document = document;
  g_object_set_data_full (G_OBJECT (document), REVIEW_QUARK, self, g_object_unref);
  g_signal_connect_object (document, "text-edited", G_CALLBACK (on_text_edited), self, 0);
  g_signal_connect_object (document, "changed", G_CALLBACK (on_document_changed), self, 0);
  resync (self);
  return self;
}

CandorDocument *
candor_review_get_document (CandorReview *self)
{
  g_return_val_if_fail (CANDOR_IS_REVIEW (self), NULL);
  return self->document;
}

/* Comments. */

static char *
new_comment_id (CandorReview *self)
{
  for (;;)
    {
      g_autofree char *id = g_strdup_printf ("c%08x", g_random_int ());
      g_autoptr(CandorComment) existing = candor_review_get_comment (self, id);

      if (existing == NULL)
        return g_steal_pointer (&id);
    }
}

static JsonObject *
find_comment (CandorReview *self, const char *comment_id, GError **error)
{
  JsonArray *comments = _candor_review_array (self, "comments", FALSE);

  for (guint i = 0; comments != NULL && i < json_array_get_length (comments); i++)
    {
      JsonNode *node = json_array_get_element (comments, i);

      if (JSON_NODE_HOLDS_OBJECT (node)
          && g_strcmp0 (_candor_review_string (json_node_get_object (node), "id"), comment_id) == 0)
        return json_node_get_object (node);
    }
  g_set_error (error, CANDOR_REVIEW_ERROR, CANDOR_REVIEW_ERROR_NOT_FOUND,
               _("There is no comment “%s” in this draft"), comment_id);
  return NULL;
}

static JsonObject *
new_comment (CandorReview *self, CandorElementId element, const char *author, const char *body,
             GDateTime *when, GError **error)
{
  JsonArray *comments;
  JsonObject *comment;
  g_autofree char *stamp = NULL;
  g_autofree char *id = NULL;

  if (!_candor_review_check_text (author, _("author’s name"), MAX_SHORT, error)
      || !_candor_review_check_text (body, _("comment"), MAX_BODY, error))
    return NULL;
  comments = _candor_review_array (self, "comments", TRUE);
  if (json_array_get_length (comments) >= CANDOR_REVIEW_MAX_COMMENTS)
    {
      g_set_error (error, CANDOR_REVIEW_ERROR, CANDOR_REVIEW_ERROR_LIMIT,
                   _("The draft already holds %d comments, as many as it may"), CANDOR_REVIEW_MAX_COMMENTS);
      return NULL;
    }
  id = new_comment_id (self);
  stamp = _candor_review_stamp (when);
  comment = json_object_new ();
  json_object_set_string_member (comment, "id", id);
  json_object_set_string_member (comment, "element", candor_element_id_to_key (element));
  json_object_set_string_member (comment, "author", author);
  json_object_set_string_member (comment, "created", stamp);
  json_object_set_string_member (comment, "body", body);
  json_array_add_object_element (comments, comment);
  return comment;
}

char *
candor_review_add_text_comment (CandorReview   *self,
                                CandorElementId element,
                                CandorTextKind  field,
                                guint           start,
                                guint           end,
                                const char     *author,
                                const char     *body,
                                GDateTime      *when,
                                GError        **error)
{
  const char *text;
  glong length;
  JsonObject *comment;
  g_autofree char *quote = NULL;

  g_return_val_if_fail (CANDOR_IS_REVIEW (self), NULL);
  g_return_val_if_fail (element < CANDOR_N_ELEMENTS && field < CANDOR_N_TEXT_KINDS, NULL);

  text = candor_element_get_text (candor_document_get_element (self->document, element), field);
  length = g_utf8_strlen (text, -1);
  if (start >= end || end > length)
    {
      g_set_error (error, CANDOR_REVIEW_ERROR, CANDOR_REVIEW_ERROR_INVALID,
                   _("%s %s: characters %u to %u are not a span of the text (it has %ld characters)"),
                   candor_element_id_to_display (element), candor_comment_field_key (field), start, end, length);
      return NULL;
    }
  comment = new_comment (self, element, author, body, when, error);
  if (comment == NULL)
    return NULL;
  quote = candor_anchor_substring (text, start, end);
  json_object_set_string_member (comment, "field", candor_comment_field_key (field));
  set_span (comment, start, end);
  json_object_set_string_member (comment, "quote", quote);
  _candor_review_changed (self, "comments");
  return g_strdup (_candor_review_string (comment, "id"));
}

char *
candor_review_add_quote_comment (CandorReview   *self,
                                 CandorElementId element,
                                 CandorTextKind  field,
                                 const char     *quote,
                                 guint           occurrence,
                                 const char     *author,
                                 const char     *body,
                                 GDateTime      *when,
                                 GError        **error)
{
  const char *text;
  guint found;

  g_return_val_if_fail (CANDOR_IS_REVIEW (self), NULL);
  g_return_val_if_fail (element < CANDOR_N_ELEMENTS && field < CANDOR_N_TEXT_KINDS, NULL);

  if (quote == NULL || *quote == '\0' || !g_utf8_validate (quote, -1, NULL))
    {
      g_set_error (error, CANDOR_REVIEW_ERROR, CANDOR_REVIEW_ERROR_INVALID, _("The quote is empty"));
      return NULL;
    }
  text = candor_element_get_text (candor_document_get_element (self->document, element), field);
  if (!candor_anchor_find_occurrence (text, quote, MAX (occurrence, 1), &found))
    {
      guint count = candor_anchor_count (text, quote);

      if (count == 0)
        g_set_error (error, CANDOR_REVIEW_ERROR, CANDOR_REVIEW_ERROR_NOT_FOUND,
                     _("%s %s: the quote “%s” is not in this text"),
                     candor_element_id_to_display (element), candor_comment_field_key (field), quote);
      else
        g_set_error (error, CANDOR_REVIEW_ERROR, CANDOR_REVIEW_ERROR_NOT_FOUND,
                     g_dngettext (GETTEXT_PACKAGE,
                                  "%s %s: the quote “%s” occurs only %u time, not %u",
                                  "%s %s: the quote “%s” occurs only %u times, not %u", count),
                     candor_element_id_to_display (element), candor_comment_field_key (field), quote,
                     count, occurrence);
      return NULL;
    }
  return candor_review_add_text_comment (self, element, field, found, found + (guint) g_utf8_strlen (quote, -1),
                                         author, body, when, error);
}

char *
candor_review_add_comment (CandorReview   *self,
                           CandorElementId element,
                           const char     *answer,
                           const char     *author,
                           const char     *body,
                           GDateTime      *when,
                           GError        **error)
{
  JsonObject *comment;

  g_return_val_if_fail (CANDOR_IS_REVIEW (self), NULL);
  g_return_val_if_fail (element < CANDOR_N_ELEMENTS, NULL);

  if (answer != NULL && !g_regex_match_simple ("^[a-z][a-z0-9_]{0,99}$", answer, 0, 0))
    {
      g_set_error (error, CANDOR_REVIEW_ERROR, CANDOR_REVIEW_ERROR_INVALID,
                   _("“%s” is not the key of an answer"), answer);
      return NULL;
    }
  comment = new_comment (self, element, author, body, when, error);
  if (comment == NULL)
    return NULL;
  if (answer != NULL)
    json_object_set_string_member (comment, "answer", answer);
  _candor_review_changed (self, "comments");
  return g_strdup (_candor_review_string (comment, "id"));
}

gboolean
candor_review_reply (CandorReview *self, const char *comment_id, const char *author, const char *body,
                     GDateTime *when, GError **error)
{
  JsonObject *comment, *reply;
  JsonNode *replies;
  g_autofree char *stamp = NULL;

  g_return_val_if_fail (CANDOR_IS_REVIEW (self), FALSE);
  g_return_val_if_fail (comment_id != NULL, FALSE);

  comment = find_comment (self, comment_id, error);
  if (comment == NULL
      || !_candor_review_check_text (author, _("author’s name"), MAX_SHORT, error)
      || !_candor_review_check_text (body, _("reply"), MAX_BODY, error))
    return FALSE;
  replies = json_object_get_member (comment, "replies");
  if (replies == NULL || !JSON_NODE_HOLDS_ARRAY (replies))
    {
      json_object_set_array_member (comment, "replies", json_array_new ());
      replies = json_object_get_member (comment, "replies");
    }
  if (json_array_get_length (json_node_get_array (replies)) >= CANDOR_REVIEW_MAX_REPLIES)
    {
      g_set_error (error, CANDOR_REVIEW_ERROR, CANDOR_REVIEW_ERROR_LIMIT,
                   _("This comment already has %d replies, as many as it may"), CANDOR_REVIEW_MAX_REPLIES);
      return FALSE;
    }
  stamp = _candor_review_stamp (when);
  reply = json_object_new ();
  json_object_set_string_member (reply, "author", author);
  json_object_set_string_member (reply, "created", stamp);
  json_object_set_string_member (reply, "body", body);
  json_array_add_object_element (json_node_get_array (replies), reply);
  _candor_review_changed (self, "comments");
  return TRUE;
}

static gboolean
set_resolved (CandorReview *self, const char *comment_id, gboolean resolved, const char *by, GDateTime *when,
              GError **error)
{
  JsonObject *comment, *entry;
  g_autofree char *stamp = NULL;

  g_return_val_if_fail (CANDOR_IS_REVIEW (self), FALSE);
  g_return_val_if_fail (comment_id != NULL, FALSE);

  comment = find_comment (self, comment_id, error);
  if (comment == NULL || !_candor_review_check_text (by, _("name"), MAX_SHORT, error))
    return FALSE;
  if (get_bool (comment, "resolved") == resolved)
    return TRUE;
  stamp = _candor_review_stamp (when);
  {
    CandorElementId id = CANDOR_ELEMENT_A1;
    candor_element_id_from_key (_candor_review_string (comment, "element"), &id);
    entry = _candor_review_log_append (self, stamp, by, resolved ? "resolve" : "reopen", (int) id, error);
  }
  if (entry == NULL)
    return FALSE;
  json_object_set_string_member (entry, "comment", comment_id);
  json_object_set_boolean_member (comment, "resolved", resolved);
  json_object_set_string_member (comment, resolved ? "resolved_by" : "reopened_by", by);
  json_object_set_string_member (comment, resolved ? "resolved_at" : "reopened_at", stamp);
  _candor_review_changed (self, "comments");
  return TRUE;
}

gboolean
candor_review_resolve (CandorReview *self, const char *comment_id, const char *by, GDateTime *when, GError **error)
{
  return set_resolved (self, comment_id, TRUE, by, when, error);
}

gboolean
candor_review_reopen (CandorReview *self, const char *comment_id, const char *by, GDateTime *when, GError **error)
{
  return set_resolved (self, comment_id, FALSE, by, when, error);
}

GPtrArray *
candor_review_list_comments (CandorReview *self, int element)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) candor_comment_free);
  JsonArray *comments;

  g_return_val_if_fail (CANDOR_IS_REVIEW (self), list);

  comments = _candor_review_array (self, "comments", FALSE);
  for (guint i = 0; comments != NULL && i < json_array_get_length (comments); i++)
    {
      JsonNode *node = json_array_get_element (comments, i);
      CandorComment *comment = JSON_NODE_HOLDS_OBJECT (node) ? candor_comment_from_json (json_node_get_object (node)) : NULL;

      if (comment == NULL)
        continue;
      if (element >= 0 && comment->element != (CandorElementId) element)
        candor_comment_free (comment);
      else
        g_ptr_array_add (list, comment);
    }
  return list;
}

CandorComment *
candor_review_get_comment (CandorReview *self, const char *comment_id)
{
  JsonObject *comment;

  g_return_val_if_fail (CANDOR_IS_REVIEW (self), NULL);
  g_return_val_if_fail (comment_id != NULL, NULL);

  comment = find_comment (self, comment_id, NULL);
  return comment != NULL ? candor_comment_from_json (comment) : NULL;
}

guint
candor_review_count_open (CandorReview *self, int element)
{
  g_autoptr(GPtrArray) comments = candor_review_list_comments (self, element);
  guint open = 0;

  for (guint i = 0; i < comments->len; i++)
    if (!((CandorComment *) comments->pdata[i])->resolved)
      open++;
  return open;
}

/* Undo. */

CandorReviewSnapshot *
candor_review_snapshot (CandorReview *self)
{
  CandorReviewSnapshot *snapshot;

  g_return_val_if_fail (CANDOR_IS_REVIEW (self), NULL);

  snapshot = g_new0 (CandorReviewSnapshot, 1);
  snapshot->review = candor_json_object_deep_copy (candor_document_get_review (self->document));
  return snapshot;
}

void
candor_review_snapshot_free (CandorReviewSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;
  g_clear_pointer (&snapshot->review, json_object_unref);
  g_free (snapshot);
}

void
candor_review_restore (CandorReview *self, CandorReviewSnapshot *snapshot, const char *by, GDateTime *when)
{
  g_autoptr(JsonObject) restored = NULL;
  JsonArray *log;
  JsonObject *entry;
  g_autofree char *stamp = NULL;

  g_return_if_fail (CANDOR_IS_REVIEW (self));
  g_return_if_fail (snapshot != NULL);

  restored = candor_json_object_deep_copy (snapshot->review);
  /* The log is the one thing undo never takes back. */
  log = _candor_review_array (self, "log", FALSE);
  if (log != NULL)
    {
      JsonArray *copy = json_array_new ();
      for (guint i = 0; i < json_array_get_length (log); i++)
        json_array_add_element (copy, candor_json_node_deep_copy (json_array_get_element (log, i)));
      json_object_set_array_member (restored, "log", copy);
    }
  else
    json_object_remove_member (restored, "log");
  {
    g_autoptr(JsonNode) a = json_node_init_object (json_node_alloc (), restored);
    g_autoptr(JsonNode) b = json_node_init_object (json_node_alloc (), candor_document_get_review (self->document));
    if (json_node_equal (a, b))
      return;
  }
  candor_document_set_review (self->document, restored);
  stamp = _candor_review_stamp (when);
  entry = _candor_review_log_append (self, stamp, by != NULL && *by != '\0' ? by : g_get_user_name (),
                                     "restore", -1, NULL);
  if (entry != NULL)
    _candor_review_changed (self, "log");
}
