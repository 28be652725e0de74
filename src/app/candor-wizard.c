/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-wizard.c: the element steps and the review step of the editor, with their status icons. */

#include "config.h"

#include <glib/gi18n.h>

#include "candor-analysis-cache.h"
#include "candor-element-page.h"
#include "candor-review-page.h"
#include "candor-review.h"
#include "candor-wizard.h"

#define WIZARD_KEY "candor-wizard-status"

typedef struct
{
  CandorEditor   *editor;     /* unowned: the state lives as the editor's data */
  CandorDocument *document;
  gulong          changed_id;
  gulong          analysed_id;
  guint           update_id;
} WizardStatus;

const char *
candor_wizard_status_icon (CandorReadinessStatus status)
{
  switch (status)
    {
    case CANDOR_READINESS_MISSING:
      return "document-edit-symbolic";
    case CANDOR_READINESS_BLOCKED:
      return "dialog-warning-symbolic";
    case CANDOR_READINESS_UNCHECKED:
      return "content-loading-symbolic";
    case CANDOR_READINESS_READY:
    default:
      return "emblem-ok-symbolic";
    }
}

char *
candor_wizard_dup_status_description (CandorReadiness *readiness)
{
  const char *status;
  CandorBlockReason *first;
  guint more;

  g_return_val_if_fail (readiness != NULL, NULL);

  status = candor_readiness_status_describe (readiness->status);
  if (readiness->reasons->len == 0)
    return g_strdup (status);
  first = g_ptr_array_index (readiness->reasons, 0);
  if (readiness->status == CANDOR_READINESS_UNCHECKED)
    /* "Not ready: not yet checked" already says it all. */
    return g_strdup (status);
  more = readiness->reasons->len - 1;
  if (more == 0)
    /* Translators: a step's status and what blocks it: "Not ready: The web text is empty." */
    return g_strdup_printf (_("%s: %s"), status, first->message);
  /* Translators: "Not ready: The web text is empty. (and 2 more)" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %s (and %u more)", "%s: %s (and %u more)", more),
                          status, first->message, more);
}

/**
 * candor_wizard_dup_review_description:
 * @always: also describe an element nobody has reviewed ("Not reviewed yet")
 *
 * The review state of element @id in a few words: "Approved by Ann Lee", "Approval lapsed",
 * "Changes requested", "Waiting for review", with " · 2 open comments" after it when there
 * are any. Without @always, NULL for a draft element with no open comment.
 */
char *
candor_wizard_dup_review_description (CandorDocument  *document,
                                      CandorElementId  id,
                                      gboolean         always)
{
  CandorReview *review;
  g_autoptr(CandorElementReview) state = NULL;
  g_autofree char *status = NULL;
  guint open;

  g_return_val_if_fail (CANDOR_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (id < CANDOR_N_ELEMENTS, NULL);

  review = candor_review_get_for_document (document);
  state = candor_review_get_element_review (review, id);
  open = candor_review_count_open (review, (int) id);
  switch (state->status)
    {
    case CANDOR_REVIEW_STATUS_APPROVED:
      if (state->lapsed)
        status = g_strdup (_("Approval lapsed"));
      else if (state->approved_by != NULL && state->approved_by[0] != '\0')
        /* Translators: the review state of a step: "Approved by Ann Lee" */
        status = g_strdup_printf (_("Approved by %s"), state->approved_by);
      else
        status = g_strdup (_("Approved"));
      break;
    case CANDOR_REVIEW_STATUS_NEEDS_WORK:
      status = g_strdup (_("Changes requested"));
      break;
    case CANDOR_REVIEW_STATUS_READY:
      status = g_strdup (_("Waiting for review"));
      break;
    case CANDOR_REVIEW_STATUS_DRAFT:
    default:
      if (always || open > 0)
        status = g_strdup (_("Not reviewed yet"));
      break;
    }
  if (status == NULL)
    return NULL;
  if (open == 0)
    return g_steal_pointer (&status);
  {
    g_autofree char *comments = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open comment",
                                                              "%u open comments", open), open);
    /* Translators: a review state and the number of open comments: "Approval lapsed · 2 open comments" */
    return g_strdup_printf (_("%s · %s"), status, comments);
  }
}

CandorReadinessReport *
candor_wizard_check_readiness (CandorDocument *document)
{
  g_return_val_if_fail (CANDOR_IS_DOCUMENT (document), NULL);
  /* The analyses the text fields made; a long text still in its worker thread is "not yet
   * checked" until the cache's "analysed" signal. */
  return candor_readiness_check_all (document, candor_analysis_cache_readiness_analyse,
                                     candor_analysis_cache_get_for_document (document));
}

char *
candor_wizard_dup_step_title (CandorElementId id)
{
  /* Short enough for the list of steps at its narrowest. */
  static const char *names[CANDOR_N_ELEMENTS] = {
    N_("Gets Updates"), N_("Installing Updates"), N_("End of Support"),
    N_("Telling Owners"), N_("After Support Ends"), N_("Update Safety"),
  };

  g_return_val_if_fail (id < CANDOR_N_ELEMENTS, NULL);
  return g_strdup_printf ("%s %s", candor_element_id_to_display (id), _(names[id]));
}

const char *
candor_wizard_help_page (CandorElementId id)
{
  static const char *pages[CANDOR_N_ELEMENTS] = {
    "element-a1", "element-a2", "element-a3", "element-b1", "element-b2", "element-b3",
  };

  g_return_val_if_fail (id < CANDOR_N_ELEMENTS, "index");
  return pages[id];
}

static gboolean
update_status (gpointer data)
{
  WizardStatus *ws = data;

  g_autoptr(CandorReadinessReport) report = NULL;

  ws->update_id = 0;
  if (ws->document != NULL)
    report = candor_wizard_check_readiness (ws->document);
  for (CandorElementId id = 0; id < CANDOR_N_ELEMENTS; id++)
    {
      const char *name = candor_element_id_to_key (id);

      if (report == NULL)
        {
          candor_editor_set_page_status (ws->editor, name, NULL, NULL);
          candor_editor_set_page_caption (ws->editor, name, NULL);
        }
      else
        {
          CandorReadiness *readiness = report->elements[id];
          g_autofree char *description = candor_wizard_dup_status_description (readiness);
          g_autofree char *review = candor_wizard_dup_review_description (ws->document, id, FALSE);
          g_autofree char *both = NULL;

          if (review != NULL)
            /* Translators: a step's readiness, then its review state: "Ready. Approval lapsed" */
            both = g_strdup_printf (_("%s. %s"), description, review);
          candor_editor_set_page_status (ws->editor, name, candor_wizard_status_icon (readiness->status),
                                         both != NULL ? both : description);
          candor_editor_set_page_caption (ws->editor, name, review);
        }
    }
  return G_SOURCE_REMOVE;
}

static void
on_document_changed (CandorDocument *document,
                     const char     *section,
                     const char     *key,
                     WizardStatus   *ws)
{
  if (ws->update_id == 0)
    ws->update_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 10, update_status, ws, NULL);
}

static void
on_analysed (WizardStatus *ws)
{
  if (ws->update_id == 0)
    ws->update_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 10, update_status, ws, NULL);
}

static void
on_editor_document (CandorEditor *editor,
                    GParamSpec   *pspec,
                    WizardStatus *ws)
{
  CandorDocument *document = candor_editor_get_document (editor);

  if (ws->document == document)
    return;
  if (ws->document != NULL)
    {
      g_clear_signal_handler (&ws->changed_id, ws->document);
      g_clear_signal_handler (&ws->analysed_id, candor_analysis_cache_get_for_document (ws->document));
    }
  g_set_object (&ws->document, document);
  if (document != NULL)
    {
      ws->changed_id = g_signal_connect (document, "changed", G_CALLBACK (on_document_changed), ws);
      ws->analysed_id = g_signal_connect_swapped (candor_analysis_cache_get_for_document (document), "analysed",
                                                  G_CALLBACK (on_analysed), ws);
    }
  update_status (ws);
}

static void
wizard_status_stop (WizardStatus *ws)
{
  g_clear_handle_id (&ws->update_id, g_source_remove);
  if (ws->document != NULL)
    {
      g_clear_signal_handler (&ws->changed_id, ws->document);
      g_clear_signal_handler (&ws->analysed_id, candor_analysis_cache_get_for_document (ws->document));
    }
  g_clear_object (&ws->document);
}

static void
on_editor_destroy (CandorEditor *editor,
                   WizardStatus *ws)
{
  g_signal_handlers_disconnect_by_data (editor, ws);
  wizard_status_stop (ws);
}

static void
wizard_status_free (gpointer data)
{
  WizardStatus *ws = data;

  g_clear_handle_id (&ws->update_id, g_source_remove);
  if (ws->document != NULL)
    {
      g_clear_signal_handler (&ws->changed_id, ws->document);
      g_clear_signal_handler (&ws->analysed_id, candor_analysis_cache_get_for_document (ws->document));
    }
  g_clear_object (&ws->document);
  g_free (ws);
}

void
candor_wizard_add_pages (CandorEditor *editor)
{
  WizardStatus *ws;

  g_return_if_fail (CANDOR_IS_EDITOR (editor));

  if (g_object_get_data (G_OBJECT (editor), WIZARD_KEY) != NULL)
    return;

  for (CandorElementId id = 0; id < CANDOR_N_ELEMENTS; id++)
    {
      g_autofree char *title = candor_wizard_dup_step_title (id);
      candor_editor_add_page (editor, candor_element_id_to_key (id), title,
                              candor_wizard_help_page (id), candor_element_page_new (id));
    }
  candor_editor_add_page (editor, "review", _("Review"), "review", candor_review_page_new ());

  ws = g_new0 (WizardStatus, 1);
  ws->editor = editor;
  g_object_set_data_full (G_OBJECT (editor), WIZARD_KEY, ws, wizard_status_free);
  g_signal_connect (editor, "notify::document", G_CALLBACK (on_editor_document), ws);
  g_signal_connect (editor, "destroy", G_CALLBACK (on_editor_destroy), ws);
  on_editor_document (editor, NULL, ws);
}
