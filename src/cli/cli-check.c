/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli-check.c: "candor-cli check [--json] DRAFT": completeness and readability per element. */
#include "config.h"

#include <glib/gi18n.h>

#include "candor-dismissal.h"
#include "candor-format.h"
#include "candor-json-util.h"
#include "candor-readiness.h"
#include "candor-review.h"
#include "candor-text-analysis.h"
#include "candor-wording.h"
#include "cli-commands.h"

static const char *
severity_key (CandorSeverity severity)
{
  switch (severity)
    {
    case CANDOR_SEVERITY_BLOCKING:
      return "blocking";
    case CANDOR_SEVERITY_WARNING:
      return "warning";
    case CANDOR_SEVERITY_INFO:
    default:
      return "info";
    }
}

static gboolean
issue_involves (CandorIssue *issue, CandorElementId id)
{
  for (guint i = 0; i < issue->n_elements; i++)
    if (issue->elements[i] == id)
      return TRUE;
  return FALSE;
}

/* Each reason as {"kind", "rule", "field", "key", "message"}: field is "label", "web" or
 * null (the answers), key the answer most at fault or null. */
static JsonArray *
reasons_to_json (GPtrArray *reasons)
{
  static const char *kinds[] = { "missing", "problem", "empty-text", "findings", "grade", "not-checked" };
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < reasons->len; i++)
    {
      CandorBlockReason *reason = reasons->pdata[i];
      JsonObject *ro = json_object_new ();

      json_object_set_string_member (ro, "kind", kinds[reason->kind]);
      json_object_set_string_member (ro, "rule", reason->rule);
      if (reason->has_field)
        json_object_set_string_member (ro, "field", candor_block_reason_field_key (reason));
      else
        json_object_set_null_member (ro, "field");
      if (reason->key != NULL)
        json_object_set_string_member (ro, "key", reason->key);
      else
        json_object_set_null_member (ro, "key");
      json_object_set_string_member (ro, "message", reason->message);
      json_array_add_object_element (array, ro);
    }
  return array;
}

/* Readability of one text, with the draft's dismissals applied. */
static JsonObject *
check_text (CandorDocument *doc, CandorElementId id, CandorTextKind kind, GString *report)
{
  CandorElement *element = candor_document_get_element (doc, id);
  const char *text = candor_element_get_text (element, kind);
  g_autoptr(GError) error = NULL;
  g_autoptr(CandorTextAnalysis) analysis = NULL;
  g_autoptr(GPtrArray) dismissals = NULL;
  g_autoptr(GPtrArray) open = NULL;
  JsonObject *result;

  if (text == NULL)
    text = "";
  analysis = candor_text_analysis_new (text, -1, kind, CANDOR_ANALYSIS_NONE, &error);
  JsonArray *findings;
  double grade = 0;
  gboolean has_grade;

  if (analysis == NULL)
    {
      result = json_object_new ();
      json_object_set_string_member (result, "error", error->message);
      g_string_append_printf (report, "    %s: %s\n", candor_text_kind_to_key (kind), error->message);
      return result;
    }

  dismissals = candor_dismissals_from_review (candor_document_get_review (doc), id, kind);
  open = candor_dismissals_filter (candor_text_analysis_get_findings (analysis), dismissals);

  result = candor_text_analysis_to_json (analysis);
  findings = json_array_new ();
  for (guint i = 0; i < open->len; i++)
    json_array_add_object_element (findings, candor_finding_to_json (open->pdata[i]));
  json_object_set_array_member (result, "findings", findings);
  json_object_set_int_member (result, "dismissed", candor_text_analysis_get_findings (analysis)->len - open->len);

  has_grade = candor_text_analysis_get_grade (analysis, &grade);
  if (*text == '\0')
    g_string_append_printf (report, "    %s: %s\n", candor_text_kind_to_key (kind), _("no text yet"));
  else if (has_grade)
    {
      g_autofree char *findings_text = g_strdup_printf (ngettext ("%u finding", "%u findings", open->len), open->len);
      g_string_append_printf (report, "    %s: %s %.1f, %s; %s\n", candor_text_kind_to_key (kind), _("grade"),
                              grade, candor_text_analysis_get_verdict (analysis), findings_text);
    }
  else
    {
      g_autofree char *findings_text = g_strdup_printf (ngettext ("%u finding", "%u findings", open->len), open->len);
      g_string_append_printf (report, "    %s: %s; %s\n", candor_text_kind_to_key (kind),
                              candor_text_analysis_get_verdict (analysis), findings_text);
    }
  for (guint i = 0; i < open->len; i++)
    {
      CandorFinding *f = open->pdata[i];
      g_string_append_printf (report, "      %u–%u %s: %s\n", f->start, f->end, f->rule, f->message);
    }
  return result;
}

int
cli_check (int argc, char **argv)
{
  gboolean json = FALSE;
  gboolean require_approval = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON (snake_case keys) instead of text"), NULL },
    { "require-approval", 0, 0, G_OPTION_ARG_NONE, &require_approval,
      N_("Also fail (exit 1) when an element is not approved or its approval lapsed"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("DRAFT — completeness and readability per element"));
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CandorDocument) doc = NULL;
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(JsonObject) root = json_object_new ();
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(CandorReadinessReport) readiness = NULL;
  JsonArray *elements = json_array_new ();
  gboolean all_ready;
  gboolean all_approved = TRUE;
  CandorReview *review;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("An element is ready when its answers are complete, no blocking problem involves it, "
      "neither text is empty or reads above grade 10, and no open readability finding blocks it "
      "(dismissed findings do not count; wordy phrases, hedges and capitals are advice). Each "
      "element that is not lists why, on lines starting “not ready:” (\"reasons\" in --json).\n\n"
      "Each element also shows its review: approved, approval lapsed (what reaches the buyer changed "
      "since it was approved), or not approved with its status. The review does not change the exit "
      "status unless --require-approval is given (a signed export refuses unapproved drafts anyway).\n\n"
      "Exit status: 0 when every element is ready (and, with --require-approval, approved), 1 when "
      "one is missing or needs work (or not approved), or the draft is invalid, 2 usage error."));
  if (!cli_parse (context, &argc, &argv))
    return CLI_EXIT_USAGE;
  if (argc != 2)
    return cli_usage_error ("check", _("expected exactly one DRAFT"));

  file = g_file_new_for_commandline_arg (argv[1]);
  doc = candor_format_load_file (file, NULL, &error);
  if (doc == NULL)
    {
      g_printerr ("%s: %s\n", argv[1], error->message);
      return CLI_EXIT_FAILED;
    }
  /* Generated texts follow the answers as they are now, not as they were when saved (the
   * review is attached first, so its anchors follow). */
  review = candor_review_get_for_document (doc);
  candor_wording_refresh_generated (doc);

  issues = candor_wording_check (doc);
  readiness = candor_readiness_check_all (doc, NULL, NULL);
  for (guint i = 0; i < CANDOR_N_ELEMENTS; i++)
    {
      CandorElementId id = (CandorElementId) i;
      CandorReadiness *ready = readiness->elements[id];
      const char *status = candor_readiness_status_to_key (ready->status);
      JsonObject *eo = json_object_new ();
      JsonArray *issue_array = json_array_new ();

      g_string_append_printf (report, "%s %s: %s\n", candor_element_id_to_display (id),
                              candor_element_id_get_title (id), status);
      json_object_set_string_member (eo, "id", candor_element_id_to_key (id));
      json_object_set_string_member (eo, "status", status);
      /* What keeps the element from being ready, the same reasons the app shows. */
      for (guint j = 0; j < ready->reasons->len; j++)
        {
          CandorBlockReason *reason = ready->reasons->pdata[j];
          g_string_append_printf (report, "  %s %s\n", _("not ready:"), reason->message);
        }
      json_object_set_array_member (eo, "reasons", reasons_to_json (ready->reasons));

      for (guint j = 0; j < issues->len; j++)
        {
          CandorIssue *issue = issues->pdata[j];
          JsonObject *io;

          if (!issue_involves (issue, id))
            continue;
          io = json_object_new ();
          json_object_set_string_member (io, "rule", issue->rule);
          json_object_set_string_member (io, "severity", severity_key (issue->severity));
          if (issue->key != NULL)
            json_object_set_string_member (io, "key", issue->key);
          else
            json_object_set_null_member (io, "key");
          json_object_set_string_member (io, "message", issue->message);
          json_array_add_object_element (issue_array, io);
          g_string_append_printf (report, "    %s (%s): %s\n", severity_key (issue->severity), issue->rule,
                                  issue->message);
        }
      json_object_set_array_member (eo, "issues", issue_array);
      {
        g_autoptr(CandorElementReview) state = candor_review_get_element_review (review, id);
        JsonObject *ro = json_object_new ();
        gboolean approved = state->status == CANDOR_REVIEW_STATUS_APPROVED && !state->lapsed;

        if (!approved)
          all_approved = FALSE;
        json_object_set_string_member (ro, "status", candor_review_status_to_key (state->status));
        json_object_set_boolean_member (ro, "approved", approved);
        json_object_set_boolean_member (ro, "lapsed", state->lapsed);
        if (state->approved_by != NULL)
          json_object_set_string_member (ro, "approved_by", state->approved_by);
        else
          json_object_set_null_member (ro, "approved_by");
        if (state->approved_at != NULL)
          json_object_set_string_member (ro, "approved_at", state->approved_at);
        else
          json_object_set_null_member (ro, "approved_at");
        json_object_set_int_member (ro, "open_comments", candor_review_count_open (review, (int) id));
        json_object_set_object_member (eo, "review", ro);
        if (state->lapsed)
          g_string_append_printf (report, "    %s\n", _("review: approval lapsed (changed since it was approved)"));
        else if (approved)
          g_string_append_printf (report, _("    review: approved by %s\n"), state->approved_by);
        else
          g_string_append_printf (report, _("    review: not approved (%s)\n"), candor_review_status_to_key (state->status));
      }
      json_object_set_object_member (eo, "label", check_text (doc, id, CANDOR_TEXT_LABEL, report));
      json_object_set_object_member (eo, "web", check_text (doc, id, CANDOR_TEXT_WEB, report));
      json_array_add_object_element (elements, eo);
    }
  for (guint j = 0; j < readiness->general->len; j++)
    {
      CandorBlockReason *reason = readiness->general->pdata[j];
      g_string_append_printf (report, "%s %s\n", _("not ready:"), reason->message);
    }
  all_ready = readiness->ready;

  json_object_set_string_member (root, "file", argv[1]);
  json_object_set_boolean_member (root, "ready", all_ready);
  json_object_set_array_member (root, "reasons", reasons_to_json (readiness->general));
  json_object_set_boolean_member (root, "approved", all_approved);
  json_object_set_array_member (root, "elements", elements);

  if (json)
    {
      g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), root);
      g_autofree char *text = candor_json_to_pretty_string (node);
      g_print ("%s", text);
    }
  else
    {
      g_print ("%s", report->str);
      g_print ("%s\n", all_ready ? _("Every element is ready.") : _("Some elements are missing or need work."));
      g_print ("%s\n", all_approved ? _("Every element is approved.")
                                    : _("Some elements are not approved, or their approval lapsed: a signed export needs every approval."));
    }
  if (!all_ready || (require_approval && !all_approved))
    return CLI_EXIT_FAILED;
  return CLI_EXIT_OK;
}
