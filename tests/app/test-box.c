/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-box.c: what the app shows for the box follows the answers (issue 15): generated texts
 * regenerated when a draft is opened, and wizard examples in the product's own words. */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "candor-application.h"
#include "candor-editor.h"
#include "candor-element-page.h"
#include "candor-export-dialog.h"
#include "candor-format.h"
#include "candor-identity-dialog.h"
#include "candor-identity-validity.h"
#include "candor-label-preview.h"
#include "candor-label-private.h"
#include "candor-preview-pane.h"
#include "candor-text-field.h"
#include "candor-web-preview.h"
#include "candor-window.h"
#include "candor-wording.h"

#include "app-test-util.h"

static CandorApplication *app;
static char *tmp_root;

/* ---- helpers ------------------------------------------------------------------------ */

static void
close_all_windows (void)
{
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));

  for (GList *l = windows; l != NULL; l = l->next)
    {
      if (CANDOR_IS_WINDOW (l->data) && candor_window_get_document (l->data) != NULL)
        candor_document_set_dirty (candor_window_get_document (l->data), FALSE);
      gtk_window_destroy (l->data);
    }
}

/* The example with @patch ({"A2": {...}}, members set or, when null, removed) applied to its
 * elements, written to @name in the test folder. */
static GFile *
write_example_with (const char *name, const char *patch)
{
  g_autofree char *source = g_build_filename (g_getenv ("CANDOR_SOURCE_ROOT") ?: ".", "data",
                                              "examples", "smart-camera.candor", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) patch_parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GList) ids = NULL;
  g_autofree char *path = g_build_filename (tmp_root, name, NULL);
  JsonObject *elements, *changes;

  g_assert_true (json_parser_load_from_file (parser, source, &error));
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_data (patch_parser, patch, -1, &error));
  g_assert_no_error (error);
  elements = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                            "elements");
  changes = json_node_get_object (json_parser_get_root (patch_parser));
  ids = json_object_get_members (changes);
  for (GList *l = ids; l != NULL; l = l->next)
    {
      JsonObject *element = json_object_get_object_member (elements, l->data);
      JsonObject *members = json_object_get_object_member (changes, l->data);
      g_autoptr(GList) keys = json_object_get_members (members);

      for (GList *k = keys; k != NULL; k = k->next)
        {
          JsonNode *value = json_object_get_member (members, k->data);

          if (JSON_NODE_HOLDS_NULL (value))
            json_object_remove_member (element, k->data);
          else
            json_object_set_member (element, k->data, json_node_copy (value));
        }
    }
  json_generator_set_root (generator, json_parser_get_root (parser));
  json_generator_set_pretty (generator, TRUE);
  g_assert_true (json_generator_to_file (generator, path, &error));
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static CandorWindow *
open_file (GFile *file)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  CandorWindow *window;

  candor_application_open_async (app, file, FALSE, NULL, NULL, store_result, &result);
  wait_for_result (&result);
  window = candor_application_open_finish (app, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (window);
  g_assert_true (wait_until (is_mapped, window, 10000));
  settle (GTK_WIDGET (window));
  return window;
}

static GtkWidget *
find_descendant (GtkWidget *root, GType type)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static CandorTextField *
show_text_field (CandorWindow *window, const char *step, CandorTextKind kind)
{
  CandorEditor *editor = candor_window_get_editor (window);
  GtkWidget *page;

  candor_editor_set_visible_page (editor, step);
  page = candor_editor_get_page (editor, step);
  g_assert_true (CANDOR_IS_ELEMENT_PAGE (page));
  settle (GTK_WIDGET (window));
  return candor_element_page_get_text_field (CANDOR_ELEMENT_PAGE (page), kind);
}

static gboolean
web_shown (gpointer data)
{
  return candor_web_preview_get_shown (data);
}

/* ---- generated texts on load -------------------------------------------------------- */

/* The example with a paid plan in its answers (as a script would write it), its A.2 texts
 * still the generated "free" ones: opened, the editor and both previews show the texts the
 * answers make now, and the document counts as modified, since it now differs from the file.
 * The example as shipped opens unmodified. */
static void
test_regenerate_on_load (void)
{
  g_autoptr(GFile) stale = write_example_with ("stale.candor",
    "{\"A2\": {\"cost\": \"included-period\", \"included_months\": 24,"
    " \"price\": {\"amount\": \"2.99\", \"currency\": \"EUR\"}, \"price_period\": \"year\","
    " \"label_text\": \"Updates install automatically. Updates are free.\", \"label_edited\": false,"
    " \"web_text\": \"Updates install automatically. Updates are free.\", \"web_edited\": false}}");
  g_autoptr(GFile) fresh = write_example_with ("fresh.candor", "{}");
  CandorWindow *window = open_file (stale);
  CandorDocument *document = candor_window_get_document (window);
  CandorElement *a2 = candor_document_get_element (document, CANDOR_ELEMENT_A2);
  g_autofree char *label_text = candor_wording_generate (document, CANDOR_ELEMENT_A2, CANDOR_TEXT_LABEL);
  g_autofree char *web_text = candor_wording_generate (document, CANDOR_ELEMENT_A2, CANDOR_TEXT_WEB);
  g_autofree char *shown = NULL;
  CandorPreviewPane *pane;
  CandorLabelPreview *label_preview;
  CandorWebPreview *web_preview;
  CandorLabel *label;
  gboolean row_found = FALSE;

  g_assert_cmpstr (label_text, ==,
                   "Updates install automatically. Updates are free for 2 years, then 2.99 euros per year.");
  g_assert_cmpstr (candor_element_get_text (a2, CANDOR_TEXT_LABEL), ==, label_text);
  g_assert_cmpstr (candor_element_get_text (a2, CANDOR_TEXT_WEB), ==, web_text);
  g_assert_false (candor_element_get_text_edited (a2, CANDOR_TEXT_LABEL));
  g_assert_true (candor_document_get_dirty (document));

  /* The editor's text fields. */
  shown = buffer_text (candor_text_field_get_buffer (show_text_field (window, "A2", CANDOR_TEXT_LABEL)));
  g_assert_cmpstr (shown, ==, label_text);
  g_clear_pointer (&shown, g_free);
  shown = buffer_text (candor_text_field_get_buffer (show_text_field (window, "A2", CANDOR_TEXT_WEB)));
  g_assert_cmpstr (shown, ==, web_text);
  save_screenshot (GTK_WIDGET (window), "box-regenerated-a2.png");

  /* The label preview: the A.2 row and its text. */
  pane = CANDOR_PREVIEW_PANE (find_descendant (GTK_WIDGET (window), CANDOR_TYPE_PREVIEW_PANE));
  g_assert_nonnull (pane);
  label_preview = candor_preview_pane_get_label_preview (pane);
  g_assert_true (candor_label_preview_get_document (label_preview) == document);
  label = candor_label_preview_get_label (label_preview);
  g_assert_nonnull (label);
  for (guint i = 0; i < label->n_elements; i++)
    if (label->elements[i] == CANDOR_ELEMENT_A2)
      {
        row_found = TRUE;
        g_assert_cmpstr (label->rows[i].answer.text, ==, "Automatic, free for 2 years, then 2.99 euros per year");
        /* Drawn isolated from the fixed text around it (U+2068 … U+2069). */
        {
          g_autofree char *isolated = g_strconcat ("\u2068", label_text, "\u2069", NULL);
          g_assert_cmpstr (label->rows[i].text.text, ==, isolated);
        }
      }
  g_assert_true (row_found);

  /* The web preview. These tests ask it for the page's source (CANDOR_WEB_PREVIEW=source):
   * the regenerated web text is in it, the stale sentence is not. */
  web_preview = candor_preview_pane_get_web_preview (pane);
  g_assert_true (candor_web_preview_get_document (web_preview) == document);
  g_assert_false (candor_web_preview_get_renders (web_preview));
  g_assert_true (wait_until (web_shown, web_preview, 30000));
  {
    GtkWidget *source = find_descendant (GTK_WIDGET (web_preview), GTK_TYPE_TEXT_VIEW);
    g_autofree char *html = NULL;

    g_assert_nonnull (source);
    html = buffer_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (source)));
    g_assert_nonnull (strstr (html, "After that, updates cost 2.99 euros per year."));
    g_assert_null (strstr (html, "Updates are free."));
  }

  /* Nothing to regenerate: opened unmodified. */
  {
    CandorWindow *second = open_file (fresh);

    g_assert_false (candor_document_get_dirty (candor_window_get_document (second)));
  }
  close_all_windows ();
}

/* ---- wizard examples in the product's words ----------------------------------------- */

static void
collect_row_titles (GtkWidget *root, GString *titles)
{
  if (ADW_IS_PREFERENCES_ROW (root))
    g_string_append_printf (titles, "%s\n", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)));
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_row_titles (child, titles);
}

static char *
page_row_titles (CandorWindow *window, const char *step)
{
  GString *titles = g_string_new (NULL);

  collect_row_titles (candor_editor_get_page (candor_window_get_editor (window), step), titles);
  return g_string_free (titles, FALSE);
}

/* A smart plug's wizard gives its good examples for a smart plug, not a camera, and follows
 * a change of category at once. */
static void
test_examples_use_category (void)
{
  g_autoptr(GFile) plug = NULL;
  CandorWindow *window;
  CandorDocument *document;
  const struct { const char *step, *plug, *camera; } examples[] = {
    { "A1", "“Yes. This smart plug gets security updates.”", "“Yes. This camera gets security updates.”" },
    { "B2", "“After support ends, the smart plug keeps working", "“After support ends, the camera keeps working" },
    { "B3", "“The smart plug checks that each update really comes from us", "“The camera checks that each update" },
  };

  {
    g_autofree char *source = g_build_filename (g_getenv ("CANDOR_SOURCE_ROOT") ?: ".", "data",
                                                "examples", "smart-camera.candor", NULL);
    g_autofree char *contents = NULL;
    g_autofree char *path = g_build_filename (tmp_root, "plug.candor", NULL);
    g_autoptr(GRegex) category = g_regex_new ("\"category\": \"camera\"", 0, 0, NULL);
    g_autofree char *changed = NULL;

    g_assert_true (g_file_get_contents (source, &contents, NULL, NULL));
    changed = g_regex_replace_literal (category, contents, -1, 0, "\"category\": \"smart-plug\"", 0, NULL);
    g_assert_cmpstr (changed, !=, contents);
    g_assert_true (g_file_set_contents (path, changed, -1, NULL));
    plug = g_file_new_for_path (path);
  }
  window = open_file (plug);
  document = candor_window_get_document (window);
  g_assert_cmpstr (candor_document_get_category (document), ==, "smart-plug");

  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      g_autofree char *titles = page_row_titles (window, examples[i].step);

      g_test_message ("%s: %s", examples[i].step, titles);
      g_assert_nonnull (strstr (titles, examples[i].plug));
      g_assert_null (strstr (titles, "camera"));
    }
  candor_editor_set_visible_page (candor_window_get_editor (window), "A1");
  settle (GTK_WIDGET (window));
  save_screenshot (GTK_WIDGET (window), "box-smart-plug-a1.png");

  /* Another category, and the examples follow. */
  candor_document_set_category (document, "camera");
  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      g_autofree char *titles = page_row_titles (window, examples[i].step);
      g_assert_nonnull (strstr (titles, examples[i].camera));
    }
  /* No category: "device". */
  candor_document_set_category (document, "");
  {
    g_autofree char *titles = page_row_titles (window, "A1");
    g_assert_nonnull (strstr (titles, "“Yes. This device gets security updates.”"));
  }
  close_all_windows ();
}

static void
collect_subtitles (GtkWidget *root, GString *out)
{
  if (ADW_IS_ACTION_ROW (root) && adw_action_row_get_subtitle (ADW_ACTION_ROW (root)) != NULL)
    g_string_append_printf (out, "%s\n", adw_action_row_get_subtitle (ADW_ACTION_ROW (root)));
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_subtitles (child, out);
}

/* The export dialog warns, under the certificate's validity, when the chosen identity ends
 * before the draft's security updates do (31 December 2030 for the example), and not when it
 * covers them; its "new identity" proposes a validity that covers them. */
static void
test_export_warns_identity_expiry (void)
{
  g_autofree char *store = g_build_filename (tmp_root, "identities", NULL);
  g_autofree char *source = g_build_filename (g_getenv ("CANDOR_SOURCE_ROOT") ?: ".", "data",
                                              "examples", "smart-camera.candor", NULL);
  g_autoptr(GFile) example = g_file_new_for_path (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(CandorDocument) document = candor_format_load_file (example, NULL, &error);
  g_autoptr(CandorIdentity) short_lived = NULL;
  g_autoptr(CandorIdentity) covering = NULL;
  CandorExportDialog *dialog;
  const char *blocker;

  g_assert_no_error (error);
  short_lived = candor_identity_create (store, "short", "Lumen Home Ltd.", "security@lumenhome.example",
                                        NULL, 30, "a long passphrase", &error);
  g_assert_no_error (error);
  covering = candor_identity_create (store, "covering", "Lumen Home Ltd.", "security@lumenhome.example",
                                     NULL, candor_identity_validity_days_for_document (NULL, document),
                                     "a long passphrase", &error);
  g_assert_no_error (error);

  dialog = candor_export_dialog_new (NULL, document, store);
  gtk_window_present (GTK_WINDOW (dialog));
  settle (GTK_WIDGET (dialog));

  g_assert_true (candor_export_dialog_select_identity (dialog, "short"));
  settle (GTK_WIDGET (dialog));
  {
    g_autoptr(GString) subtitles = g_string_new (NULL);

    collect_subtitles (GTK_WIDGET (dialog), subtitles);
    g_assert_nonnull (strstr (subtitles->str, "The signing certificate expires on"));
    g_assert_nonnull (strstr (subtitles->str, "before security updates end on 31 December 2030."));
  }
  /* A warning, not a refusal: signing still works. */
  candor_export_dialog_set_passphrase (dialog, "a long passphrase");
  blocker = candor_export_dialog_get_blocker (dialog);
  g_assert_true (blocker == NULL || strstr (blocker, "certificate") == NULL);
  {
    /* Down to the certificate's rows, for the screenshot. */
    GtkWidget *scrolled = find_descendant (GTK_WIDGET (dialog), GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

    gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
    settle (GTK_WIDGET (dialog));
  }
  save_screenshot (GTK_WIDGET (dialog), "box-export-identity-expiry.png");

  g_assert_true (candor_export_dialog_select_identity (dialog, "covering"));
  settle (GTK_WIDGET (dialog));
  {
    g_autoptr(GString) subtitles = g_string_new (NULL);

    collect_subtitles (GTK_WIDGET (dialog), subtitles);
    g_assert_null (strstr (subtitles->str, "The signing certificate expires on"));
  }

  /* "New identity" opens the dialog with a validity that covers 31 December 2030. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.new-identity", NULL));
  settle (GTK_WIDGET (dialog));
  {
    CandorIdentityDialog *identity_dialog = NULL;
    GListModel *toplevels = gtk_window_get_toplevels (); /* owned by GTK */
    g_autoptr(GString) subtitles = g_string_new (NULL);
    GtkSpinButton *years;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);
        if (CANDOR_IS_IDENTITY_DIALOG (item))
          identity_dialog = CANDOR_IDENTITY_DIALOG (item);
      }
    g_assert_nonnull (identity_dialog);
    years = GTK_SPIN_BUTTON (find_descendant (GTK_WIDGET (identity_dialog), GTK_TYPE_SPIN_BUTTON));
    g_assert_cmpint (gtk_spin_button_get_value_as_int (years) * 365, >=,
                     (int) candor_identity_validity_days_for_document (NULL, document));
    collect_subtitles (GTK_WIDGET (identity_dialog), subtitles);
    g_assert_nonnull (strstr (subtitles->str, "Covers security updates until 31 December 2030"));
    gtk_window_destroy (GTK_WINDOW (identity_dialog));
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* ---- hand-edited texts checked against the answers ---------------------------------- */

static gboolean
page_shows (gpointer data)
{
  const char **args = data;
  g_autofree char *titles = page_row_titles ((CandorWindow *) args[0], args[1]);

  return strstr (titles, args[2]) != NULL;
}

/* A.1 text "cannot be updated" while the answer says it can, and an A.3 text naming another
 * end date: each element's page shows the blocking problem under "Check These", and the
 * element needs work. */
static void
test_edited_contradictions_shown (void)
{
  g_autoptr(GFile) file = write_example_with ("contradicts.candor",
    "{\"A1\": {\"label_text\": \"This camera cannot be updated.\", \"label_edited\": true},"
    " \"A3\": {\"web_text\": \"The Lumen Cam 2 gets security updates until at least 31 December 2032.\","
    " \"web_edited\": true}}");
  CandorWindow *window = open_file (file);
  CandorDocument *document = candor_window_get_document (window);
  const char *a1[] = { (const char *) window, "A1",
                       "The label text says the device cannot get updates, but the answers say it can." };
  const char *a3[] = { (const char *) window, "A3",
                       "The web text names “31 December 2032”, but the answers give 31 December 2030 as the end of security updates." };

  g_assert_cmpint (candor_wording_element_status (document, CANDOR_ELEMENT_A1), ==, CANDOR_ELEMENT_STATUS_NEEDS_WORK);
  g_assert_cmpint (candor_wording_element_status (document, CANDOR_ELEMENT_A3), ==, CANDOR_ELEMENT_STATUS_NEEDS_WORK);
  candor_editor_set_visible_page (candor_window_get_editor (window), "A3");
  g_assert_true (wait_until (page_shows, a3, 5000));
  g_assert_true (wait_until (page_shows, a1, 5000));
  settle (GTK_WIDGET (window));
  save_screenshot (GTK_WIDGET (window), "box-a3-contradiction.png");
  close_all_windows ();
}

/* ---- a signing identity valid as long as the draft needs ----------------------------- */

/* The new-identity dialog proposes three years, or, given the end of security updates of the
 * draft, enough whole years to cover it and a year more, and says so. */
static void
test_identity_dialog_covers_end (void)
{
  CandorIdentityDialog *dialog = candor_identity_dialog_new (NULL, tmp_root);
  g_autoptr(GDate) end = g_date_new_dmy (31, G_DATE_DECEMBER, 2030);
  g_autoptr(GString) subtitles = g_string_new (NULL);
  GtkSpinButton *years;
  guint days = candor_identity_validity_days_for (NULL, end);

  gtk_window_present (GTK_WINDOW (dialog));
  settle (GTK_WIDGET (dialog));
  years = GTK_SPIN_BUTTON (find_descendant (GTK_WIDGET (dialog), GTK_TYPE_SPIN_BUTTON));
  g_assert_nonnull (years);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (years), ==, 3);

  candor_identity_dialog_set_support_end (dialog, end);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (years), ==, (int) ((days + 364) / 365));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (years) * 365, >=, (int) days);
  collect_subtitles (GTK_WIDGET (dialog), subtitles);
  g_assert_nonnull (strstr (subtitles->str, "Covers security updates until 31 December 2030, and a year more"));
  settle (GTK_WIDGET (dialog));
  save_screenshot (GTK_WIDGET (dialog), "box-identity-dialog.png");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int argc, char *argv[])
{
  GTestDBus *bus = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  g_set_prgname ("candor-test");
  app_test_private_display ();
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display: run under xvfb-run\n");
      return 77;
    }

  /* Own data and config folders per process. */
  {
    tmp_root = app_test_private_folders ("candor-box-test-XXXXXX");
    g_setenv ("GTK_A11Y", "test", TRUE);
    /* The web preview shows its source, which the test reads (WebKitGTK, which renders with
     * GL off too, is covered by the preview tests). */
    app_test_disable_gl ();
    g_setenv ("CANDOR_WEB_PREVIEW", "source", TRUE);
    bus = app_test_private_bus ();
  }
  app_test_init_gtk_for_previews ();

  app = candor_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/candor/app/box/regenerate-on-load", test_regenerate_on_load);
  g_test_add_func ("/candor/app/box/examples-use-category", test_examples_use_category);
  g_test_add_func ("/candor/app/box/identity-dialog-covers-end", test_identity_dialog_covers_end);
  g_test_add_func ("/candor/app/box/edited-contradictions-shown", test_edited_contradictions_shown);
  g_test_add_func ("/candor/app/box/export-warns-identity-expiry", test_export_warns_identity_expiry);
  status = g_test_run ();

  close_all_windows ();
  g_clear_object (&app);
  if (bus != NULL)
    g_test_dbus_stop (bus);
  {
    g_autoptr(GFile) root = g_file_new_for_path (tmp_root);
    remove_tree (root);
  }
  g_free (tmp_root);
  return status;
}
