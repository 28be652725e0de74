/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-readiness.c: one definition of "ready": complete, every text analysed, nothing open
 * that blocks; with the plain reasons when not. */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "candor-readiness.h"

/**
 * candor_readiness_finding_blocks:
 * @rule: a finding's rule id
 *
 * Whether an open finding of @rule keeps its element from being ready. Advice (wordier than
 * needed, a hedge, capitals) does not: the text field draws it with a double underline and the
 * buyer still understands the text. Every other rule does until the text is fixed or the
 * finding is dismissed with a reason (src/readability/POLICY.md, "Readiness").
 */
gboolean
candor_readiness_finding_blocks (const char *rule)
{
  g_return_val_if_fail (rule != NULL, TRUE);

  return !(g_str_equal (rule, CANDOR_RULE_WORDY_PHRASE) || g_str_equal (rule, CANDOR_RULE_HEDGE) ||
           g_str_equal (rule, CANDOR_RULE_ALL_CAPS));
}

static void
block_reason_free (CandorBlockReason *reason)
{
  g_free (reason->rule);
  g_free (reason->key);
  g_free (reason->message);
  g_free (reason);
}

static CandorBlockReason *
add_reason (GPtrArray       *reasons,
            CandorBlockKind  kind,
            CandorElementId  owner,
            const char      *rule,
            char            *message)
{
  CandorBlockReason *reason = g_new0 (CandorBlockReason, 1);

  reason->kind = kind;
  reason->owner = owner;
  reason->rule = g_strdup (rule);
  reason->message = message;
  g_ptr_array_add (reasons, reason);
  return reason;
}

static CandorBlockReason *
add_text_reason (GPtrArray       *reasons,
                 CandorBlockKind  kind,
                 CandorElementId  id,
                 CandorTextKind   field,
                 const char      *rule,
                 char            *message)
{
  CandorBlockReason *reason = add_reason (reasons, kind, id, rule, message);

  reason->has_field = TRUE;
  reason->field = field;
  return reason;
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

static gboolean
issue_involves (const CandorIssue *issue,
                CandorElementId    id)
{
  for (guint i = 0; i < issue->n_elements; i++)
    if (issue->elements[i] == id)
      return TRUE;
  return FALSE;
}

static CandorTextAnalysis *
analyse_now (CandorElementId  id,
             CandorTextKind   kind,
             const char      *text,
             gpointer         user_data)
{
  /* NULL for text that is not UTF-8: reported as "could not be checked". */
  return candor_text_analysis_new (text, -1, kind, CANDOR_ANALYSIS_NONE, NULL);
}

/* The reasons one text gives, once its analysis is known. */
static void
check_text (CandorReadiness *self,
            CandorDocument  *document,
            CandorTextKind   kind)
{
  CandorTextAnalysis *analysis = self->analyses[kind];
  g_autoptr(GPtrArray) dismissals = NULL;
  guint n_blocking = 0;
  double grade;

  if (analysis == NULL)
    {
      add_text_reason (self->reasons, CANDOR_BLOCK_NOT_CHECKED, self->id, kind, "not-checked",
                       g_strdup (kind == CANDOR_TEXT_LABEL ? _("The label text is not yet checked.")
                                                           : _("The web text is not yet checked.")));
      return;
    }

  dismissals = candor_dismissals_from_review (candor_document_get_review (document), self->id, kind);
  self->open_findings[kind] = candor_dismissals_filter (candor_text_analysis_get_findings (analysis),
                                                        dismissals);
  for (guint i = 0; i < self->open_findings[kind]->len; i++)
    {
      CandorFinding *f = g_ptr_array_index (self->open_findings[kind], i);

      if (candor_readiness_finding_blocks (f->rule))
        n_blocking++;
    }

  if (candor_text_analysis_get_grade (analysis, &grade) && grade > CANDOR_READY_MAX_GRADE)
    {
      int shown = (int) MAX (0, ceil (grade));

      add_text_reason (self->reasons, CANDOR_BLOCK_GRADE, self->id, kind, "readability-grade",
                       g_strdup_printf (kind == CANDOR_TEXT_LABEL
                                        ? _("The label text reads at grade %d: make it grade %d or lower (the target is %d) with shorter sentences and everyday words.")
                                        : _("The web text reads at grade %d: make it grade %d or lower (the target is %d) with shorter sentences and everyday words."),
                                        shown, (int) CANDOR_READY_MAX_GRADE, (int) CANDOR_TARGET_GRADE));
    }
  if (n_blocking > 0)
    {
      CandorBlockReason *reason;

      reason = add_text_reason (self->reasons, CANDOR_BLOCK_FINDINGS, self->id, kind, "readability-findings",
                                g_strdup_printf (kind == CANDOR_TEXT_LABEL
                                                 ? g_dngettext (GETTEXT_PACKAGE,
                                                                "The label text has %u open readability finding: fix it or dismiss it with a reason.",
                                                                "The label text has %u open readability findings: fix them or dismiss each with a reason.",
                                                                n_blocking)
                                                 : g_dngettext (GETTEXT_PACKAGE,
                                                                "The web text has %u open readability finding: fix it or dismiss it with a reason.",
                                                                "The web text has %u open readability findings: fix them or dismiss each with a reason.",
                                                                n_blocking),
                                                 n_blocking));
      reason->n_findings = n_blocking;
    }
}

/**
 * candor_readiness_check:
 * @document: the draft
 * @id: the element
 * @issues: (nullable) (element-type CandorIssue): from candor_wording_check(), to check the
 *   answers once for all six elements; %NULL checks them here
 * @analyse: (nullable) (scope call): supplies each text's analysis; %NULL analyses each text
 *   now, as finished (what the command line and the export do)
 * @user_data: for @analyse
 *
 * Whether @id is ready, and why not. An element is ready when its required answers are given,
 * no blocking issue involves it (consistency and contradiction rules included), neither of its
 * texts is empty, both texts have been analysed, neither reads above #CANDOR_READY_MAX_GRADE,
 * and no open finding that blocks (candor_readiness_finding_blocks()) is left: dismissed
 * findings do not count.
 *
 * Returns: (transfer full): the readiness; free with candor_readiness_free()
 */
CandorReadiness *
candor_readiness_check (CandorDocument         *document,
                        CandorElementId         id,
                        GPtrArray              *issues,
                        CandorReadinessAnalyse  analyse,
                        gpointer                user_data)
{
  g_autoptr(GPtrArray) own_issues = NULL;
  CandorReadiness *self;
  CandorElement *element;
  gboolean missing = FALSE;
  gboolean blocked = FALSE;
  gboolean unchecked = FALSE;

  g_return_val_if_fail (CANDOR_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (id < CANDOR_N_ELEMENTS, NULL);

  if (issues == NULL)
    issues = own_issues = candor_wording_check (document);
  if (analyse == NULL)
    analyse = analyse_now;

  self = g_new0 (CandorReadiness, 1);
  self->id = id;
  self->reasons = g_ptr_array_new_with_free_func ((GDestroyNotify) block_reason_free);

  for (guint i = 0; i < issues->len; i++)
    {
      CandorIssue *issue = g_ptr_array_index (issues, i);
      CandorBlockReason *reason;
      /* Rules for a required answer not given all end in "-missing" (candor-wording-check.c). */
      gboolean is_missing = g_str_has_suffix (issue->rule, "-missing");

      if (issue->severity != CANDOR_SEVERITY_BLOCKING || !issue_involves (issue, id))
        continue;
      if (is_missing && issue->elements[0] == id)
        missing = TRUE;
      else
        blocked = TRUE;
      reason = add_reason (self->reasons, is_missing ? CANDOR_BLOCK_MISSING : CANDOR_BLOCK_PROBLEM,
                           issue->elements[0], issue->rule, g_strdup (issue->message));
      reason->key = g_strdup (issue->key);
    }

  element = candor_document_get_element (document, id);
  for (CandorTextKind kind = 0; kind < CANDOR_N_TEXT_KINDS; kind++)
    {
      const char *text = candor_element_get_text (element, kind);
      guint before;

      if (is_blank (text))
        {
          /* With answers missing, the text appears once they are given: one reason is enough. */
          if (!missing)
            {
              add_text_reason (self->reasons, CANDOR_BLOCK_EMPTY_TEXT, id, kind, "empty-text",
                               g_strdup (kind == CANDOR_TEXT_LABEL
                                         ? _("The label text is empty: answer the questions or write it.")
                                         : _("The web text is empty: answer the questions or write it.")));
              blocked = TRUE;
            }
          continue;
        }
      self->analyses[kind] = analyse (id, kind, text, user_data);
      before = self->reasons->len;
      check_text (self, document, kind);
      if (self->analyses[kind] == NULL)
        unchecked = TRUE;
      else if (self->reasons->len > before)
        blocked = TRUE;
    }

  self->status = missing ? CANDOR_READINESS_MISSING
               : blocked ? CANDOR_READINESS_BLOCKED
               : unchecked ? CANDOR_READINESS_UNCHECKED
               : CANDOR_READINESS_READY;
  return self;
}

void
candor_readiness_free (CandorReadiness *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < CANDOR_N_TEXT_KINDS; i++)
    {
      g_clear_pointer (&self->open_findings[i], g_ptr_array_unref);
      g_clear_object (&self->analyses[i]);
    }
  g_clear_pointer (&self->reasons, g_ptr_array_unref);
  g_free (self);
}

/**
 * candor_readiness_check_all:
 * @document: the draft
 * @analyse: (nullable) (scope call): as for candor_readiness_check()
 * @user_data: for @analyse
 *
 * The readiness of every element, checking the answers once.
 *
 * Returns: (transfer full): free with candor_readiness_report_free()
 */
CandorReadinessReport *
candor_readiness_check_all (CandorDocument         *document,
                            CandorReadinessAnalyse  analyse,
                            gpointer                user_data)
{
  g_autoptr(GPtrArray) issues = NULL;
  CandorReadinessReport *report;

  g_return_val_if_fail (CANDOR_IS_DOCUMENT (document), NULL);

  issues = candor_wording_check (document);
  report = g_new0 (CandorReadinessReport, 1);
  report->general = g_ptr_array_new_with_free_func ((GDestroyNotify) block_reason_free);
  report->ready = TRUE;
  for (guint i = 0; i < issues->len; i++)
    {
      CandorIssue *issue = g_ptr_array_index (issues, i);
      CandorBlockReason *reason;

      if (issue->severity != CANDOR_SEVERITY_BLOCKING || issue->n_elements > 0)
        continue;
      reason = add_reason (report->general, CANDOR_BLOCK_PROBLEM, CANDOR_N_ELEMENTS, issue->rule,
                           g_strdup (issue->message));
      reason->key = g_strdup (issue->key);
      report->ready = FALSE;
    }
  for (CandorElementId id = 0; id < CANDOR_N_ELEMENTS; id++)
    {
      report->elements[id] = candor_readiness_check (document, id, issues, analyse, user_data);
      if (report->elements[id]->status != CANDOR_READINESS_READY)
        report->ready = FALSE;
    }
  return report;
}

void
candor_readiness_report_free (CandorReadinessReport *report)
{
  if (report == NULL)
    return;
  for (guint i = 0; i < CANDOR_N_ELEMENTS; i++)
    candor_readiness_free (report->elements[i]);
  g_clear_pointer (&report->general, g_ptr_array_unref);
  g_free (report);
}

/**
 * candor_readiness_report_problems:
 *
 * Every reason of @report once, each an issue under the element it belongs to first:
 * "A.1 Can it get security updates?: The web text reads at grade 20: …". What the export gate
 * lists and records with an override.
 *
 * Returns: (transfer full) (element-type utf8)
 */
GPtrArray *
candor_readiness_report_problems (CandorReadinessReport *report)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (report != NULL, problems);

  for (CandorElementId id = 0; id < CANDOR_N_ELEMENTS; id++)
    {
      GPtrArray *reasons = report->elements[id]->reasons;

      for (guint i = 0; i < reasons->len; i++)
        {
          CandorBlockReason *reason = g_ptr_array_index (reasons, i);

          if (reason->owner != id)
            continue;
          g_ptr_array_add (problems, g_strdup_printf ("%s %s: %s", candor_element_id_to_display (id),
                                                      candor_element_id_get_title (id), reason->message));
        }
    }
  for (guint i = 0; i < report->general->len; i++)
    {
      CandorBlockReason *reason = g_ptr_array_index (report->general, i);
      g_ptr_array_add (problems, g_strdup (reason->message));
    }
  return problems;
}

const char *
candor_readiness_status_to_key (CandorReadinessStatus status)
{
  switch (status)
    {
    case CANDOR_READINESS_MISSING:
      return "missing";
    case CANDOR_READINESS_BLOCKED:
      return "needs-work";
    case CANDOR_READINESS_UNCHECKED:
      return "not-checked";
    case CANDOR_READINESS_READY:
    default:
      return "ready";
    }
}

const char *
candor_readiness_status_describe (CandorReadinessStatus status)
{
  switch (status)
    {
    case CANDOR_READINESS_MISSING:
      return _("Missing answers");
    case CANDOR_READINESS_BLOCKED:
      return _("Not ready");
    case CANDOR_READINESS_UNCHECKED:
      return _("Not ready: not yet checked");
    case CANDOR_READINESS_READY:
    default:
      return _("Ready");
    }
}

const char *
candor_block_reason_field_key (const CandorBlockReason *reason)
{
  g_return_val_if_fail (reason != NULL, NULL);
  return reason->has_field ? candor_text_kind_to_key (reason->field) : NULL;
}
