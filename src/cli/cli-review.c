/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli-review.c: "candor-cli review …": list, comment, reply, resolve, reopen, request-changes,
 * ready, approve and revoke, for scripted review (DESIGN §8). */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "candor-format.h"
#include "candor-json-util.h"
#include "candor-review.h"
#include "candor-review-pdf.h"
#include "candor-wording.h"
#include "cli-commands.h"

typedef int (*ReviewRun) (int argc, char **argv);

/* Loads a draft with its review attached, generated texts brought up to date with the answers
 * (as check and export do, so that what is listed, commented on and approved is what export
 * publishes). */
static CandorDocument *
load_draft (const char *path, CandorReview **review)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  CandorDocument *doc = candor_format_load_file (file, NULL, &error);

  if (doc == NULL)
    {
      g_printerr ("%s: %s\n", path, error->message);
      return NULL;
    }
  *review = candor_review_get_for_document (doc);
  candor_wording_refresh_generated (doc);
  return doc;
}

static int
save_draft (CandorDocument *doc, const char *path)
{
  g_autoptr(GError) error = NULL;

  if (!candor_format_save_file (doc, candor_document_get_file (doc), NULL, &error))
    {
      g_printerr ("%s: %s\n", path, error->message);
      return CLI_EXIT_FAILED;
    }
  return CLI_EXIT_OK;
}

static gboolean
parse_element (const char *command, const char *text, CandorElementId *id)
{
  if (candor_element_id_from_key (text, id))
    return TRUE;
  cli_usage_error (command, _("“%s” is not an element: use A1, A2, A3, B1, B2 or B3"), text);
  return FALSE;
}

static gboolean
require_by (const char *command, const char *by)
{
  if (by != NULL && *g_strstrip ((char *) by) != '\0')
    return TRUE;
  cli_usage_error (command, _("say who you are with --by NAME (it is recorded with the change)"));
  return FALSE;
}

/* list */

static void
add_nullable (JsonObject *object, const char *key, const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, key, value);
  else
    json_object_set_null_member (object, key);
}

static JsonObject *
comment_to_json (CandorComment *c)
{
  JsonObject *o = json_object_new ();
  JsonArray *replies = json_array_new ();
  gboolean on_text = c->target == CANDOR_COMMENT_ON_TEXT;

  json_object_set_string_member (o, "id", c->id);
  json_object_set_string_member (o, "element", candor_element_id_to_key (c->element));
  add_nullable (o, "field", on_text ? candor_comment_field_key (c->field) : NULL);
  add_nullable (o, "answer", c->answer);
  if (on_text)
    {
      json_object_set_int_member (o, "start", c->start);
      json_object_set_int_member (o, "end", c->end);
    }
  else
    {
      json_object_set_null_member (o, "start");
      json_object_set_null_member (o, "end");
    }
  add_nullable (o, "quote", c->quote);
  add_nullable (o, "original_quote", c->original_quote);
  add_nullable (o, "author", c->author);
  add_nullable (o, "created", c->created);
  add_nullable (o, "body", c->body);
  json_object_set_boolean_member (o, "resolved", c->resolved);
  add_nullable (o, "resolved_by", c->resolved_by);
  add_nullable (o, "resolved_at", c->resolved_at);
  json_object_set_boolean_member (o, "detached", c->detached);
  for (guint i = 0; i < c->replies->len; i++)
    {
      CandorReply *r = c->replies->pdata[i];
      JsonObject *ro = json_object_new ();

      add_nullable (ro, "author", r->author);
      add_nullable (ro, "created", r->created);
      add_nullable (ro, "body", r->body);
      json_array_add_object_element (replies, ro);
    }
  json_object_set_array_member (o, "replies", replies);
  return o;
}

static void
describe_comment (GString *out, CandorComment *c)
{
  g_string_append_printf (out, "%s  %s ", c->id, candor_element_id_to_display (c->element));
  if (c->target == CANDOR_COMMENT_ON_TEXT)
    {
      if (c->detached)
        g_string_append_printf (out, _("%s (detached: its text was removed) “%s”"), candor_comment_field_key (c->field), c->quote);
      else
        g_string_append_printf (out, "%s %u–%u “%s”", candor_comment_field_key (c->field), c->start, c->end, c->quote);
      if (c->original_quote != NULL)
        g_string_append_printf (out, _(" (first made on “%s”)"), c->original_quote);
    }
  else if (c->target == CANDOR_COMMENT_ON_ANSWER)
    g_string_append_printf (out, _("answer %s"), c->answer);
  else
    g_string_append (out, _("whole element"));
  if (c->resolved)
    g_string_append_printf (out, _("  [resolved by %s]"), c->resolved_by != NULL ? c->resolved_by : "?");
  g_string_append_printf (out, "\n    %s, %s: %s\n", c->author, c->created, c->body);
  for (guint i = 0; i < c->replies->len; i++)
    {
      CandorReply *r = c->replies->pdata[i];
      g_string_append_printf (out, "      ↳ %s, %s: %s\n", r->author, r->created, r->body);
    }
}

static JsonObject *
changes_to_json (CandorReview *review, CandorElementId id, GString *text)
{
  JsonObject *changes = json_object_new ();
  g_auto(GStrv) keys = candor_review_changed_keys_since_approval (review, id);
  JsonArray *key_array = json_array_new ();

  for (CandorTextKind kind = 0; kind < CANDOR_N_TEXT_KINDS; kind++)
    {
      g_autoptr(GPtrArray) runs = candor_review_changes_since_approval (review, id, kind);
      g_autofree char *shown = candor_word_diff_to_string (runs);
      gboolean changed = runs->len > 1 || (runs->len == 1 && ((CandorDiffRun *) runs->pdata[0])->op != CANDOR_DIFF_EQUAL);

      if (changed)
        {
          json_object_set_string_member (changes, candor_comment_field_key (kind), shown);
          g_string_append_printf (text, _("    %s since approval: %s\n"), candor_comment_field_key (kind), shown);
        }
    }
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    json_array_add_string_element (key_array, keys[i]);
  if (keys != NULL && keys[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", keys);
      g_string_append_printf (text, _("    changed since approval: %s\n"), joined);
    }
  json_object_set_array_member (changes, "keys", key_array);
  return changes;
}

static int
review_list (int argc, char **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON (snake_case keys) instead of text"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("DRAFT — every comment and each element’s review status"));
  g_autoptr(CandorDocument) doc = NULL;
  g_autoptr(GPtrArray) comments = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(JsonObject) root = json_object_new ();
  JsonArray *elements = json_array_new ();
  JsonArray *comment_array = json_array_new ();
  CandorReview *review = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("For each element: status (draft, needs-work, ready, approved), who approved it and when, and "
      "whether the approval lapsed (what reaches the buyer changed since), with the changes word by "
      "word. For each comment: element, field, start and end (characters), quote, author, created, "
      "body, resolved, detached and replies. Exit status: 0 listed, 1 the draft cannot be read, "
      "2 usage error."));
  if (!cli_parse (context, &argc, &argv))
    return CLI_EXIT_USAGE;
  if (argc != 2)
    return cli_usage_error ("review list", _("expected exactly one DRAFT"));
  doc = load_draft (argv[1], &review);
  if (doc == NULL)
    return CLI_EXIT_FAILED;

  for (CandorElementId id = 0; id < CANDOR_N_ELEMENTS; id++)
    {
      g_autoptr(CandorElementReview) state = candor_review_get_element_review (review, id);
      JsonObject *eo = json_object_new ();

      json_object_set_string_member (eo, "id", candor_element_id_to_key (id));
      json_object_set_string_member (eo, "status", candor_review_status_to_key (state->status));
      add_nullable (eo, "approved_by", state->approved_by);
      add_nullable (eo, "approved_at", state->approved_at);
      json_object_set_boolean_member (eo, "lapsed", state->lapsed);
      json_object_set_int_member (eo, "open_comments", candor_review_count_open (review, (int) id));
      g_string_append_printf (text, "%s %s: ", candor_element_id_to_display (id), candor_element_id_get_title (id));
      if (state->status == CANDOR_REVIEW_STATUS_APPROVED)
        g_string_append_printf (text, state->lapsed ? _("approval lapsed (approved by %s at %s)\n")
                                                    : _("approved by %s at %s\n"),
                                state->approved_by, state->approved_at);
      else
        g_string_append_printf (text, "%s\n", candor_review_status_to_key (state->status));
      if (state->lapsed)
        json_object_set_object_member (eo, "changes_since_approval", changes_to_json (review, id, text));
      json_array_add_object_element (elements, eo);
    }

  comments = candor_review_list_comments (review, -1);
  g_string_append_printf (text, "\n%s\n", comments->len == 0 ? _("No comments.") : _("Comments:"));
  for (guint i = 0; i < comments->len; i++)
    {
      json_array_add_object_element (comment_array, comment_to_json (comments->pdata[i]));
      describe_comment (text, comments->pdata[i]);
    }

  json_object_set_string_member (root, "file", argv[1]);
  json_object_set_array_member (root, "elements", elements);
  json_object_set_array_member (root, "comments", comment_array);
  if (candor_review_get_log (review) != NULL)
    json_object_set_member (root, "log",
                            candor_json_node_deep_copy (json_object_get_member (candor_document_get_review (doc), "log")));
  else
    json_object_set_array_member (root, "log", json_array_new ());

  if (json)
    {
      g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), root);
      g_autofree char *out = candor_json_to_pretty_string (node);
      g_print ("%s", out);
    }
  else
    g_print ("%s", text->str);
  return CLI_EXIT_OK;
}

/* Commands that change the draft. */

static int
finish (CandorDocument *doc, const char *path, GError *error, const char *done)
{
  if (error != NULL)
    {
      g_printerr ("%s: %s\n", path, error->message);
      return CLI_EXIT_FAILED;
    }
  if (save_draft (doc, path) != CLI_EXIT_OK)
    return CLI_EXIT_FAILED;
  if (done != NULL)
    g_print ("%s\n", done);
  return CLI_EXIT_OK;
}

static int
review_comment (int argc, char **argv)
{
  char *field = NULL, *quote = NULL, *body = NULL, *by = NULL, *answer = NULL;
  int occurrence = 1;
  GOptionEntry entries[] = {
    { "field", 0, 0, G_OPTION_ARG_STRING, &field, N_("The text: label_text or web_text (with --quote)"), N_("F") },
    { "quote", 0, 0, G_OPTION_ARG_STRING, &quote, N_("The exact words commented on; they must be in the field"), N_("TEXT") },
    { "occurrence", 0, 0, G_OPTION_ARG_INT, &occurrence, N_("Which occurrence of the quote, from 1 (default 1: the first)"), N_("N") },
    { "answer", 0, 0, G_OPTION_ARG_STRING, &answer, N_("Comment on an answer instead, by its key (e.g. end_date)"), N_("KEY") },
    { "body", 0, 0, G_OPTION_ARG_STRING, &body, N_("The comment"), N_("TEXT") },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by, N_("Who writes it (recorded, not checked)"), N_("NAME") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("DRAFT ELEMENT — add a review comment"));
  g_autoptr(CandorDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  CandorReview *review = NULL;
  CandorElementId element;
  int status;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("With --field and --quote the comment is anchored to those words (the first place they occur, "
      "or the one --occurrence names; an error names the field when they are not there). With "
      "--answer it is on an answer; with neither, on the whole element. Prints the new comment’s id. "
      "Exit status: 0 added and saved, 1 the quote is not there or the draft cannot be read or "
      "written, 2 usage error."));
  if (!cli_parse (context, &argc, &argv))
    {
      status = CLI_EXIT_USAGE;
      goto out;
    }
  status = CLI_EXIT_USAGE;
  if (argc != 3)
    {
      cli_usage_error ("review comment", _("expected DRAFT and one ELEMENT"));
      goto out;
    }
  if (!parse_element ("review comment", argv[2], &element) || !require_by ("review comment", by))
    goto out;
  if (body == NULL || *body == '\0')
    {
      cli_usage_error ("review comment", _("give the comment with --body TEXT"));
      goto out;
    }
  if ((field != NULL) != (quote != NULL))
    {
      cli_usage_error ("review comment", _("--field and --quote go together"));
      goto out;
    }
  if (field != NULL && answer != NULL)
    {
      cli_usage_error ("review comment", _("comment on a text (--field, --quote) or on an answer (--answer), not both"));
      goto out;
    }
  if (field != NULL && strcmp (field, "label_text") != 0 && strcmp (field, "web_text") != 0)
    {
      cli_usage_error ("review comment", _("--field is label_text or web_text, not “%s”"), field);
      goto out;
    }
  if (occurrence < 1)
    {
      cli_usage_error ("review comment", _("--occurrence counts from 1"));
      goto out;
    }
  doc = load_draft (argv[1], &review);
  if (doc == NULL)
    {
      status = CLI_EXIT_FAILED;
      goto out;
    }
  if (field != NULL)
    id = candor_review_add_quote_comment (review, element,
                                          strcmp (field, "web_text") == 0 ? CANDOR_TEXT_WEB : CANDOR_TEXT_LABEL,
                                          quote, (guint) occurrence, by, body, NULL, &error);
  else
    id = candor_review_add_comment (review, element, answer, by, body, NULL, &error);
  status = finish (doc, argv[1], error, id);

out:
  g_free (field);
  g_free (quote);
  g_free (body);
  g_free (by);
  g_free (answer);
  return status;
}

typedef enum { ON_REPLY, ON_RESOLVE, ON_REOPEN } CommentAction;

static int
review_on_comment (int argc, char **argv, CommentAction action)
{
  char *body = NULL, *by = NULL;
  GOptionEntry reply_entries[] = {
    { "body", 0, 0, G_OPTION_ARG_STRING, &body, N_("The reply"), N_("TEXT") },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by, N_("Who replies (recorded, not checked)"), N_("NAME") },
    { NULL }
  };
  GOptionEntry by_entries[] = {
    { "by", 0, 0, G_OPTION_ARG_STRING, &by, N_("Who does it (recorded, not checked)"), N_("NAME") },
    { NULL }
  };
  const char *command = action == ON_REPLY ? "review reply" : action == ON_RESOLVE ? "review resolve" : "review reopen";
  g_autoptr(GOptionContext) context = g_option_context_new (action == ON_REPLY ? _("DRAFT COMMENT-ID — reply to a comment")
                                                            : action == ON_RESOLVE ? _("DRAFT COMMENT-ID — mark a comment resolved")
                                                            : _("DRAFT COMMENT-ID — reopen a resolved comment"));
  g_autoptr(CandorDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  CandorReview *review = NULL;
  int status = CLI_EXIT_USAGE;

  g_option_context_add_main_entries (context, action == ON_REPLY ? reply_entries : by_entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context, _("Comment ids are listed by “candor-cli review list”. Exit status: 0 saved, "
                                               "1 no such comment or the draft cannot be read or written, 2 usage error."));
  if (!cli_parse (context, &argc, &argv))
    goto out;
  if (argc != 3)
    {
      cli_usage_error (command, _("expected DRAFT and one COMMENT-ID"));
      goto out;
    }
  if (!require_by (command, by))
    goto out;
  if (action == ON_REPLY && (body == NULL || *body == '\0'))
    {
      cli_usage_error (command, _("give the reply with --body TEXT"));
      goto out;
    }
  doc = load_draft (argv[1], &review);
  if (doc == NULL)
    {
      status = CLI_EXIT_FAILED;
      goto out;
    }
  if (action == ON_REPLY)
    candor_review_reply (review, argv[2], by, body, NULL, &error);
  else if (action == ON_RESOLVE)
    candor_review_resolve (review, argv[2], by, NULL, &error);
  else
    candor_review_reopen (review, argv[2], by, NULL, &error);
  status = finish (doc, argv[1], error, NULL);

out:
  g_free (body);
  g_free (by);
  return status;
}

static int review_reply (int argc, char **argv) { return review_on_comment (argc, argv, ON_REPLY); }
static int review_resolve (int argc, char **argv) { return review_on_comment (argc, argv, ON_RESOLVE); }
static int review_reopen (int argc, char **argv) { return review_on_comment (argc, argv, ON_REOPEN); }

typedef enum { SET_APPROVE, SET_READY, SET_REQUEST, SET_REVOKE } StatusAction;

static int
review_set_status (int argc, char **argv, StatusAction action)
{
  char *by = NULL, *body = NULL, *reason = NULL;
  GOptionEntry entries[] = {
    { "by", 0, 0, G_OPTION_ARG_STRING, &by, N_("Who does it (recorded, not checked)"), N_("NAME") },
    { NULL }
  };
  GOptionEntry request_entries[] = {
    { "by", 0, 0, G_OPTION_ARG_STRING, &by, N_("Who asks (recorded, not checked)"), N_("NAME") },
    { "body", 0, 0, G_OPTION_ARG_STRING, &body, N_("What needs to change (added as a comment on the element)"), N_("TEXT") },
    { NULL }
  };
  GOptionEntry revoke_entries[] = {
    { "by", 0, 0, G_OPTION_ARG_STRING, &by, N_("Who revokes (recorded, not checked)"), N_("NAME") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why (recorded in the review log)"), N_("TEXT") },
    { NULL }
  };
  static const char *commands[] = { "review approve", "review ready", "review request-changes", "review revoke" };
  const char *command = commands[action];
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CandorDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) done = g_string_new (NULL);
  CandorReview *review = NULL;
  int status = CLI_EXIT_USAGE;
  CandorElementId ids[CANDOR_N_ELEMENTS * 4];
  int n_ids = 0;

  switch (action)
    {
    case SET_APPROVE:
      context = g_option_context_new (_("DRAFT ELEMENT… — approve elements as they are now"));
      g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
      g_option_context_set_description (context,
        _("Records the reviewer, the time and a SHA-256 digest of everything of the element that reaches "
          "the buyer (its answers, label text, web text and the product fields printed with it). Any later "
          "change to those lapses the approval. Generated texts are first brought up to date with the "
          "answers, as export does. Candor records the name given; it does not check who you are. "
          "Exit status: 0 approved and saved, 1 the draft cannot be read or written, 2 usage error."));
      break;
    case SET_READY:
      context = g_option_context_new (_("DRAFT ELEMENT… — ask for review: mark elements ready"));
      g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
      g_option_context_set_description (context, _("An approved element must be revoked first. Exit status: 0 saved, "
                                                   "1 refused or the draft cannot be read or written, 2 usage error."));
      break;
    case SET_REQUEST:
      context = g_option_context_new (_("DRAFT ELEMENT — ask for changes (status needs-work)"));
      g_option_context_add_main_entries (context, request_entries, GETTEXT_PACKAGE);
      g_option_context_set_description (context, _("The request is added as a comment on the whole element; its id is "
                                                   "printed. Exit status: 0 saved, 1 the draft cannot be read or written, "
                                                   "2 usage error."));
      break;
    case SET_REVOKE:
    default:
      context = g_option_context_new (_("DRAFT ELEMENT — withdraw an approval (back to ready)"));
      g_option_context_add_main_entries (context, revoke_entries, GETTEXT_PACKAGE);
      g_option_context_set_description (context, _("Exit status: 0 saved, 1 not approved or the draft cannot be read "
                                                   "or written, 2 usage error."));
      break;
    }
  if (!cli_parse (context, &argc, &argv))
    goto out;
  if (argc < 3 || ((action == SET_REQUEST || action == SET_REVOKE) && argc != 3))
    {
      cli_usage_error (command, action == SET_REQUEST || action == SET_REVOKE ? _("expected DRAFT and one ELEMENT")
                                                                               : _("expected DRAFT and at least one ELEMENT"));
      goto out;
    }
  if (argc - 2 > (int) G_N_ELEMENTS (ids))
    {
      cli_usage_error (command, _("too many elements"));
      goto out;
    }
  for (int i = 2; i < argc; i++)
    if (!parse_element (command, argv[i], &ids[n_ids++]))
      goto out;
  if (!require_by (command, by))
    goto out;
  if (action == SET_REQUEST && (body == NULL || *body == '\0'))
    {
      cli_usage_error (command, _("say what needs to change with --body TEXT"));
      goto out;
    }
  doc = load_draft (argv[1], &review);
  if (doc == NULL)
    {
      status = CLI_EXIT_FAILED;
      goto out;
    }
  for (int i = 0; i < n_ids && error == NULL; i++)
    {
      g_autofree char *comment = NULL;

      switch (action)
        {
        case SET_APPROVE:
          if (candor_review_approve (review, ids[i], by, NULL, &error))
            g_string_append_printf (done, _("%s approved\n"), candor_element_id_to_display (ids[i]));
          break;
        case SET_READY:
          if (candor_review_mark_ready (review, ids[i], by, NULL, &error))
            g_string_append_printf (done, _("%s ready for review\n"), candor_element_id_to_display (ids[i]));
          break;
        case SET_REQUEST:
          comment = candor_review_request_changes (review, ids[i], by, body, NULL, &error);
          if (comment != NULL)
            g_string_append_printf (done, "%s\n", comment);
          break;
        case SET_REVOKE:
        default:
          if (candor_review_revoke (review, ids[i], by, reason, NULL, &error))
            g_string_append_printf (done, _("%s approval revoked\n"), candor_element_id_to_display (ids[i]));
          break;
        }
    }
  /* Nothing is saved when one element fails: the command does all or nothing. */
  if (done->len > 0)
    g_string_truncate (done, done->len - 1);
  status = finish (doc, argv[1], error, done->str);

out:
  g_free (by);
  g_free (body);
  g_free (reason);
  return status;
}

static int review_approve (int argc, char **argv) { return review_set_status (argc, argv, SET_APPROVE); }
static int review_ready (int argc, char **argv) { return review_set_status (argc, argv, SET_READY); }
static int review_request (int argc, char **argv) { return review_set_status (argc, argv, SET_REQUEST); }
static int review_revoke (int argc, char **argv) { return review_set_status (argc, argv, SET_REVOKE); }

/* export: the PDF review copy */

static int
review_export (int argc, char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *paper_key = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Where to write the review copy (a .pdf file)"), N_("REVIEW.pdf") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper_key, N_("Paper size: a4 or letter (default: from the locale)"), N_("SIZE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("DRAFT -o REVIEW.pdf"));
  g_autoptr(CandorDocument) doc = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  CandorReviewPaper paper = candor_review_paper_from_locale ();
  CandorReview *review = NULL;

  g_option_context_set_summary (context, _("Writes a PDF review copy of the draft: a cover with each element’s status, then one "
                                           "section per element (question, answers, label text, web text, the label). Every "
                                           "comment is a PDF annotation; reviewers mark it up in any PDF viewer."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!cli_parse (context, &argc, &argv))
    return CLI_EXIT_USAGE;
  if (argc != 2)
    return cli_usage_error (argv[0], _("give one draft"));
  if (output == NULL)
    return cli_usage_error (argv[0], _("say where to write the review copy with -o REVIEW.pdf"));
  if (paper_key != NULL && !candor_review_paper_from_key (paper_key, &paper))
    return cli_usage_error (argv[0], _("“%s” is not a paper size: use a4 or letter"), paper_key);
  doc = load_draft (argv[1], &review);
  if (doc == NULL)
    return CLI_EXIT_FAILED;
  pdf = candor_review_pdf_export (doc, paper, NULL, &error);
  if (pdf == NULL)
    {
      g_printerr ("%s: %s\n", output, error->message);
      return CLI_EXIT_FAILED;
    }
  file = g_file_new_for_commandline_arg (output);
  if (!g_file_replace_contents (file, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &error))
    {
      g_printerr ("%s: %s\n", output, error->message);
      return CLI_EXIT_FAILED;
    }
  return CLI_EXIT_OK;
}

static const struct
{
  const char *name;
  ReviewRun   run;
  const char *synopsis;
} subcommands[] = {
  { "list", review_list, N_("list [--json] DRAFT                          comments and each element’s status (incl. lapsed)") },
  { "comment", review_comment, N_("comment DRAFT ELEMENT [--field F --quote TEXT [--occurrence N] | --answer KEY] --body TEXT --by NAME") },
  { "reply", review_reply, N_("reply DRAFT COMMENT-ID --body TEXT --by NAME") },
  { "resolve", review_resolve, N_("resolve DRAFT COMMENT-ID --by NAME") },
  { "reopen", review_reopen, N_("reopen DRAFT COMMENT-ID --by NAME") },
  { "request-changes", review_request, N_("request-changes DRAFT ELEMENT --body TEXT --by NAME") },
  { "ready", review_ready, N_("ready DRAFT ELEMENT… --by NAME") },
  { "approve", review_approve, N_("approve DRAFT ELEMENT… --by NAME") },
  { "revoke", review_revoke, N_("revoke DRAFT ELEMENT --by NAME [--reason TEXT]") },
  { "export", review_export, N_("export DRAFT -o REVIEW.pdf [--paper a4|letter]  a PDF review copy, comments as annotations") },
};

static void
print_review_help (gboolean to_stderr)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_string_append_printf (out, "%s\n\n", _("Usage: candor-cli review SUBCOMMAND [OPTIONS…]"));
  g_string_append_printf (out, "%s\n\n", _("Comments, statuses and approvals in a draft. Elements are written A1 … B3."));
  for (gsize i = 0; i < G_N_ELEMENTS (subcommands); i++)
    g_string_append_printf (out, "  %s\n", _(subcommands[i].synopsis));
  g_string_append_printf (out, "\n%s\n", _("Not in this version: review import (annotations from a review copy back into the draft)."));
  g_string_append_printf (out, "%s\n", _("Names given with --by are recorded as given: Candor does not authenticate anyone."));
  g_string_append_printf (out, "%s\n", _("Run “candor-cli review SUBCOMMAND --help” for its options."));
  if (to_stderr)
    g_printerr ("%s", out->str);
  else
    g_print ("%s", out->str);
}

int
cli_review (int argc, char **argv)
{
  if (argc < 2)
    {
      print_review_help (TRUE);
      return CLI_EXIT_USAGE;
    }
  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 || strcmp (argv[1], "help") == 0)
    {
      print_review_help (FALSE);
      return CLI_EXIT_OK;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (subcommands); i++)
    if (strcmp (argv[1], subcommands[i].name) == 0)
      {
        g_autofree char *name = g_strdup_printf ("review %s", argv[1]);
        char *saved = argv[1];
        int status;

        /* GOptionContext names the program after argv[0] in its messages. */
        argv[1] = name;
        status = subcommands[i].run (argc - 1, argv + 1);
        argv[1] = saved;
        return status;
      }
  if (strcmp (argv[1], "import") == 0)
    {
      g_printerr (_("candor-cli review %s: the PDF review copy is not in this version of Candor\n"), argv[1]);
      return CLI_EXIT_USAGE;
    }
  g_printerr (_("candor-cli review: unknown subcommand “%s”\n"), argv[1]);
  print_review_help (TRUE);
  return CLI_EXIT_USAGE;
}
