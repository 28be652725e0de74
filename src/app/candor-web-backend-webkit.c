/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-web-backend-webkit.c: the module that makes the web preview's WebKitGTK view. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <webkit/webkit.h>

#include "candor-web-backend.h"

typedef struct
{
  GWeakRef               owner;
  CandorWebBackendNotify loaded;
  CandorWebBackendNotify crashed;
} ViewData;

#define VIEW_DATA_KEY "candor-web-backend"

/* Refusing a navigation in "decide-policy" comes too late: WebKit has already opened a
 * connection to the host by then. Links to other pages are stopped before that, in the page;
 * links within the page (#A1) still work. */
static const char guard_script[] =
  "for (const type of ['click', 'auxclick', 'submit'])\n"
  "  document.addEventListener (type, (event) => {\n"
  "    const target = event.target instanceof Element ? event.target.closest ('a[href], area[href], form') : null;\n"
  "    if (target === null) return;\n"
  "    const href = target.getAttribute (target.tagName === 'FORM' ? 'action' : 'href') || '';\n"
  "    if (target.tagName === 'FORM' || !href.startsWith ('#')) event.preventDefault ();\n"
  "  }, true);\n";

static void
view_data_free (gpointer data)
{
  ViewData *vd = data;

  g_weak_ref_clear (&vd->owner);
  g_free (vd);
}

static void
notify_owner (WebKitWebView *view,
              gboolean       crashed)
{
  ViewData *vd = g_object_get_data (G_OBJECT (view), VIEW_DATA_KEY);
  g_autoptr(GObject) owner = vd != NULL ? g_weak_ref_get (&vd->owner) : NULL;

  if (owner != NULL)
    (crashed ? vd->crashed : vd->loaded) (owner);
}

/* WebKitGTK puts a focusable text view of its own inside the web view (for input
 * methods); screen readers would announce it without a name. */
static void
name_inner_controls (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_TEXT_VIEW (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        _("Web page preview"), -1);
      name_inner_controls (child);
    }
}

static void
on_load_changed (WebKitWebView   *view,
                 WebKitLoadEvent  event,
                 gpointer         user_data)
{
  if (event == WEBKIT_LOAD_FINISHED)
    {
      name_inner_controls (GTK_WIDGET (view));
      notify_owner (view, FALSE);
    }
}

static void
on_web_process_terminated (WebKitWebView                     *view,
                           WebKitWebProcessTerminationReason  reason,
                           gpointer                           user_data)
{
  notify_owner (view, TRUE);
}

static gboolean
is_local_uri (const char *uri)
{
  return uri == NULL || g_str_has_prefix (uri, "about:") || g_str_has_prefix (uri, "data:");
}

/* The preview never goes anywhere: links to the web are not followed, nothing opens a
 * window. Subresources are kept out by the Content-Security-Policy. */
static gboolean
on_decide_policy (WebKitWebView            *view,
                  WebKitPolicyDecision     *decision,
                  WebKitPolicyDecisionType  type,
                  gpointer                  user_data)
{
  if (type == WEBKIT_POLICY_DECISION_TYPE_NAVIGATION_ACTION ||
      type == WEBKIT_POLICY_DECISION_TYPE_NEW_WINDOW_ACTION)
    {
      WebKitNavigationAction *action =
        webkit_navigation_policy_decision_get_navigation_action (WEBKIT_NAVIGATION_POLICY_DECISION (decision));
      WebKitURIRequest *request = webkit_navigation_action_get_request (action);
      const char *uri = webkit_uri_request_get_uri (request);

      if (type == WEBKIT_POLICY_DECISION_TYPE_NEW_WINDOW_ACTION || !is_local_uri (uri))
        {
          webkit_policy_decision_ignore (decision);
          return TRUE;
        }
      webkit_policy_decision_use (decision);
      return TRUE;
    }
  if (type == WEBKIT_POLICY_DECISION_TYPE_RESPONSE)
    {
      WebKitURIResponse *response =
        webkit_response_policy_decision_get_response (WEBKIT_RESPONSE_POLICY_DECISION (decision));

      if (!is_local_uri (webkit_uri_response_get_uri (response)))
        {
          webkit_policy_decision_ignore (decision);
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
on_context_menu (WebKitWebView       *view,
                 WebKitContextMenu   *menu,
                 WebKitHitTestResult *hit,
                 gpointer             user_data)
{
  /* "Reload", "Open Link" and "Inspect" make no sense for a preview. */
  return TRUE;
}

static GtkWidget *
backend_new_view (GObject                *owner,
                  const char             *style_sheet,
                  CandorWebBackendNotify  loaded,
                  CandorWebBackendNotify  crashed)
{
  static WebKitNetworkSession *session;
  WebKitWebView *view;
  WebKitSettings *settings;
  WebKitUserContentManager *content;
  g_autoptr(WebKitUserScript) guard = NULL;
  ViewData *vd;

  /* Ephemeral: a preview keeps no cookies, caches or storage on disk. One for all previews,
   * so they share one network process. */
  if (session == NULL)
    session = webkit_network_session_new_ephemeral ();
  view = g_object_new (WEBKIT_TYPE_WEB_VIEW, "network-session", session, NULL);

  content = webkit_web_view_get_user_content_manager (view);
  guard = webkit_user_script_new_for_world (guard_script, WEBKIT_USER_CONTENT_INJECT_ALL_FRAMES,
                                            WEBKIT_USER_SCRIPT_INJECT_AT_DOCUMENT_START,
                                            "candor:preview", NULL, NULL);
  webkit_user_content_manager_add_script (content, guard);
  if (style_sheet != NULL)
    {
      g_autoptr(WebKitUserStyleSheet) sheet =
        webkit_user_style_sheet_new (style_sheet, WEBKIT_USER_CONTENT_INJECT_TOP_FRAME,
                                     WEBKIT_USER_STYLE_LEVEL_USER, NULL, NULL);
      webkit_user_content_manager_add_style_sheet (content, sheet);
    }

  settings = webkit_web_view_get_settings (view);
  /* The page has no scripts; our own updates run through the API, which this allows. */
  webkit_settings_set_enable_javascript_markup (settings, FALSE);
  webkit_settings_set_enable_developer_extras (settings, FALSE);
  webkit_settings_set_enable_back_forward_navigation_gestures (settings, FALSE);
  webkit_settings_set_enable_page_cache (settings, FALSE);
  webkit_settings_set_enable_webaudio (settings, FALSE);
  webkit_settings_set_enable_webgl (settings, FALSE);
  webkit_settings_set_enable_media (settings, FALSE);
  /* A static page needs no GPU compositing; without it the preview also works where GTK
   * has no GL (WebKit would otherwise warn and fall back by itself). */
  webkit_settings_set_hardware_acceleration_policy (settings, WEBKIT_HARDWARE_ACCELERATION_POLICY_NEVER);

  vd = g_new0 (ViewData, 1);
  g_weak_ref_init (&vd->owner, owner);
  vd->loaded = loaded;
  vd->crashed = crashed;
  g_object_set_data_full (G_OBJECT (view), VIEW_DATA_KEY, vd, view_data_free);
  g_signal_connect (view, "decide-policy", G_CALLBACK (on_decide_policy), NULL);
  g_signal_connect (view, "load-changed", G_CALLBACK (on_load_changed), NULL);
  g_signal_connect (view, "web-process-terminated", G_CALLBACK (on_web_process_terminated), NULL);
  g_signal_connect (view, "context-menu", G_CALLBACK (on_context_menu), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Web page preview"), -1);
  name_inner_controls (GTK_WIDGET (view));
  return GTK_WIDGET (view);
}

static void
backend_load_html (GtkWidget  *view,
                   const char *html)
{
  webkit_web_view_load_html (WEBKIT_WEB_VIEW (view), html, "about:blank");
}

static void
return_value (GTask    *task,
              JSCValue *value,
              GError   *error)
{
  if (value == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, jsc_value_to_string (value), g_free);
}

static void
on_call_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  g_autoptr(JSCValue) value =
    webkit_web_view_call_async_javascript_function_finish (WEBKIT_WEB_VIEW (source), result, &error);

  return_value (task, value, error);
}

static void
backend_call_async (GtkWidget           *view,
                    const char          *body,
                    GVariant            *arguments,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  GTask *task = g_task_new (view, cancellable, callback, user_data);

  webkit_web_view_call_async_javascript_function (WEBKIT_WEB_VIEW (view), body, -1, arguments,
                                                  "candor:preview", NULL, cancellable,
                                                  on_call_done, task);
}

static void
on_evaluate_done (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  g_autoptr(JSCValue) value =
    webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (source), result, &error);

  return_value (task, value, error);
}

static void
backend_evaluate_async (GtkWidget           *view,
                        const char          *script,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  GTask *task = g_task_new (view, cancellable, callback, user_data);

  webkit_web_view_evaluate_javascript (WEBKIT_WEB_VIEW (view), script, -1, NULL, "candor:test",
                                       cancellable, on_evaluate_done, task);
}

static char *
backend_run_finish (GtkWidget     *view,
                    GAsyncResult  *result,
                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, view), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static const CandorWebBackend backend = {
  .version = CANDOR_WEB_BACKEND_VERSION,
  .new_view = backend_new_view,
  .load_html = backend_load_html,
  .call_async = backend_call_async,
  .evaluate_async = backend_evaluate_async,
  .run_finish = backend_run_finish,
};

G_MODULE_EXPORT const CandorWebBackend *candor_web_backend_get (void);

const CandorWebBackend *
candor_web_backend_get (void)
{
  return &backend;
}
