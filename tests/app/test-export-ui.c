/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-export-ui.c: the export dialog under Xvfb, driven through its actions: create an
 * identity, sign and write a bundle that candor-cli verify accepts; the gate and its
 * override; an expired certificate and a wrong passphrase refused; the bundle view;
 * screenshots in light and dark. */

#include "config.h"

#include "app-test-util.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "candor-app-resources.h"
#include "candor-application.h"
#include "candor-application.h"
#include "candor-bundle-file.h"
#include "candor-bundle-verify.h"
#include "candor-bundle-view.h"
#include "candor-export-dialog.h"
#include "candor-format.h"
#include "candor-identity-dialog.h"
#include "candor-identity.h"
#include "candor-preview-pane.h"
#include "candor-review.h"
#include "candor-web-preview.h"
#include "candor-window.h"

#define PASSPHRASE "correct horse battery"

static char *tmp_root;

/* ---- helpers ------------------------------------------------------------------------ */



static GdkTexture *
render_widget (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GError) error = NULL;
  GdkTexture *texture;

  settle (widget);
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget),
                          gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  g_assert_true (gsk_renderer_realize (renderer, NULL, &error));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                                              gtk_widget_get_height (widget)));
  gsk_renderer_unrealize (renderer);
  return texture;
}

static void
save_widget_png (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = g_build_filename (g_getenv ("CANDOR_BUILD_ROOT"), "screenshots", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);

  spin (400);
  texture = render_widget (widget);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

static void
on_created (CandorIdentityDialog *dialog,
            CandorIdentity       *identity,
            const char           *passphrase,
            gpointer              user_data)
{
  *(char **) user_data = g_strdup (candor_identity_get_name (identity));
}

static gboolean
string_set (gpointer data)
{
  return *(char **) data != NULL;
}

/* Creates an identity through the dialog, as a user would. Returns its name. */
static char *
create_identity_in_dialog (const char *organisation,
                           const char *screenshot)
{
  CandorIdentityDialog *dialog = candor_identity_dialog_new (NULL, NULL);
  char *name = NULL;

  g_signal_connect (dialog, "created", G_CALLBACK (on_created), &name);
  gtk_window_present (GTK_WINDOW (dialog));
  /* Not until the form is complete and the passphrases match. */
  candor_identity_dialog_fill (dialog, organisation, "security@lumenhome.example", 2, NULL);
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (dialog), "identity.create", NULL) && name != NULL);
  candor_identity_dialog_fill (dialog, NULL, NULL, 0, PASSPHRASE);
  if (screenshot != NULL)
    save_widget_png (GTK_WIDGET (dialog), screenshot);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "identity.create", NULL));
  g_assert_true (wait_until (string_set, &name, 30000));
  return name;
}

static gboolean
dialog_has_error (gpointer data)
{
  return candor_identity_dialog_get_error (data) != NULL;
}

static gboolean
page_is_not_progress (gpointer data)
{
  return g_strcmp0 (candor_export_dialog_get_visible_page (data), "progress") != 0;
}

static int
run_cli_verify (GFile *bundle)
{
  g_autofree char *cli = g_build_filename (g_getenv ("CANDOR_BUILD_ROOT"), "src", "cli", "candor-cli", NULL);
  g_autofree char *path = g_file_get_path (bundle);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { cli, "verify", path, NULL };
  int status = -1;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                               &status, &error));
  g_assert_no_error (error);
  g_test_message ("candor-cli verify: %s%s", out, err);
  return g_spawn_check_wait_status (status, NULL) ? 0 : 1;
}

typedef struct
{
  char    *text;
  gboolean done;
} ClipboardRead;

static void
on_clipboard_read (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ClipboardRead *read = user_data;

  read->text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  read->done = TRUE;
}

static gboolean
clipboard_done (gpointer data)
{
  return ((ClipboardRead *) data)->done;
}

/* The two commands of the result page, exactly as shown, in a folder holding the bundle's
 * files: what a release engineer will run. */
static void
run_shown_commands (GFile     *bundle,
                    GPtrArray *files)
{
  g_autoptr(CandorBundleVerification) check = candor_bundle_verify_file (bundle, NULL, NULL, NULL);
  g_autofree char *dir = g_build_filename (tmp_root, "unpacked", NULL);
  const char *commands[] = { CANDOR_EXPORT_SUMS_COMMAND, CANDOR_EXPORT_CMS_COMMAND };

  g_assert_nonnull (check);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  for (guint i = 0; i < files->len; i++)
    {
      const char *name = g_ptr_array_index (files, i);
      GBytes *bytes = candor_bundle_verification_lookup_file (check, name);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_nonnull (bytes);
      g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                          (gssize) g_bytes_get_size (bytes), NULL));
    }
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(GStrv) argv = NULL;
      g_autofree char *program = NULL;
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      int status = -1;

      g_assert_true (g_shell_parse_argv (commands[i], NULL, &argv, NULL));
      program = g_find_program_in_path (argv[0]);
      if (program == NULL)
        {
          g_test_message ("%s is not installed: not run", argv[0]);
          continue;
        }
      g_assert_true (g_spawn_sync (dir, argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                                   &status, NULL));
      g_test_message ("%s: %s%s", commands[i], out, err);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
    }
}

static CandorExportDialog *
new_dialog (CandorDocument *document,
            const char     *identity,
            const char     *bundle_name)
{
  CandorExportDialog *dialog = candor_export_dialog_new (NULL, document, NULL);
  g_autofree char *path = g_build_filename (tmp_root, bundle_name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  gtk_window_present (GTK_WINDOW (dialog));
  if (identity != NULL)
    g_assert_true (candor_export_dialog_select_identity (dialog, identity));
  candor_export_dialog_set_destination (dialog, file);
  return dialog;
}

/* ---- tests ------------------------------------------------------------------------------ */

/* The example with every element approved: a signed export needs that (DESIGN §7). */
static CandorDocument *
approved_example (void)
{
  CandorDocument *document = load_example ();
  CandorReview *review = candor_review_get_for_document (document);

  for (CandorElementId id = 0; id < CANDOR_N_ELEMENTS; id++)
    g_assert_true (candor_review_approve (review, id, "Test Reviewer", NULL, NULL));
  return document;
}

static void
test_export_flow (void)
{
  g_autoptr(CandorDocument) document = approved_example ();
  g_autofree char *identity = create_identity_in_dialog ("Lumen Home Ltd.", "identity-dialog-new.png");
  CandorExportDialog *dialog = new_dialog (document, identity, "lumen-cam-2-disclosure.zip");
  GPtrArray *files;
  GPtrArray *gate;
  const char *expected[] = { "disclosure.json", "index.html", "label-compact.pdf", "label-full.png",
                             "SHA256SUMS", "SHA256SUMS.p7s", "signer.pem" };

  /* Everything but the passphrase: Export stays off and says why. */
  g_assert_nonnull (candor_export_dialog_get_blocker (dialog));
  candor_export_dialog_set_passphrase (dialog, PASSPHRASE);
  gate = candor_export_dialog_get_gate_problems (dialog);
  if (gate->len > 0)
    {
      /* The example should be complete; if the wording checks disagree, say which. */
      for (guint i = 0; i < gate->len; i++)
        g_test_message ("gate: %s", (char *) g_ptr_array_index (gate, i));
      candor_export_dialog_set_override (dialog, "Example export in the test suite");
    }
  g_assert_null (candor_export_dialog_get_blocker (dialog));
  save_widget_png (GTK_WIDGET (dialog), "export-dialog-light.png");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.export", NULL));
  g_assert_true (wait_until (page_is_not_progress, dialog, 60000));
  g_assert_cmpstr (candor_export_dialog_get_blocker (dialog), ==, NULL);
  g_assert_cmpstr (candor_export_dialog_get_visible_page (dialog), ==, "result");

  files = candor_export_dialog_get_result_files (dialog);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < files->len; j++)
        found |= g_str_equal (g_ptr_array_index (files, j), expected[i]);
      g_assert_true (found);
    }
  g_assert_cmpint (run_cli_verify (candor_export_dialog_get_destination (dialog)), ==, 0);
  run_shown_commands (candor_export_dialog_get_destination (dialog), files);

  /* The copy buttons put the command on the clipboard. */
  {
    ClipboardRead read = { NULL, FALSE };

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.copy-command", "s",
                                               CANDOR_EXPORT_CMS_COMMAND));
    gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (dialog)), NULL,
                                   on_clipboard_read, &read);
    g_assert_true (wait_until (clipboard_done, &read, 5000));
    g_assert_cmpstr (read.text, ==, CANDOR_EXPORT_CMS_COMMAND);
    g_free (read.text);
  }
  save_widget_png (GTK_WIDGET (dialog), "export-result-light.png");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  save_widget_png (GTK_WIDGET (dialog), "export-result-dark.png");
  gtk_window_destroy (GTK_WINDOW (dialog));

  dialog = new_dialog (document, identity, "second.zip");
  candor_export_dialog_set_passphrase (dialog, PASSPHRASE);
  save_widget_png (GTK_WIDGET (dialog), "export-dialog-dark.png");
  gtk_window_destroy (GTK_WINDOW (dialog));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_gate_and_override (void)
{
  g_autoptr(CandorDocument) document = load_example ();
  g_autofree char *identity = create_identity_in_dialog ("Gate Test Ltd", NULL);
  CandorExportDialog *dialog;
  GPtrArray *gate;
  gboolean names_a1 = FALSE;
  gboolean names_unapproved = FALSE;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(CandorBundleVerification) check = NULL;
  g_autoptr(GError) error = NULL;
  GBytes *json;
  g_autofree char *text = NULL;

  candor_element_set_text (candor_document_get_element (document, CANDOR_ELEMENT_A1),
                           CANDOR_TEXT_LABEL, "", TRUE);
  dialog = new_dialog (document, identity, "incomplete.zip");
  candor_export_dialog_set_passphrase (dialog, PASSPHRASE);
  gate = candor_export_dialog_get_gate_problems (dialog);
  g_assert_cmpuint (gate->len, >, 0);
  for (guint i = 0; i < gate->len; i++)
    {
      names_a1 |= g_str_has_prefix (g_ptr_array_index (gate, i), "A.1");
      names_unapproved |= strstr (g_ptr_array_index (gate, i), "not approved") != NULL;
    }
  g_assert_true (names_a1);
  g_assert_true (names_unapproved);

  /* Closed, then open only with a reason. */
  g_assert_nonnull (candor_export_dialog_get_blocker (dialog));
  candor_export_dialog_set_override (dialog, "   ");
  g_assert_nonnull (candor_export_dialog_get_blocker (dialog));
  candor_export_dialog_set_override (dialog, "Draft for the legal review");
  g_assert_null (candor_export_dialog_get_blocker (dialog));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.export", NULL));
  g_assert_true (wait_until (page_is_not_progress, dialog, 60000));
  g_assert_cmpstr (candor_export_dialog_get_visible_page (dialog), ==, "result");

  path = g_build_filename (tmp_root, "incomplete.zip", NULL);
  file = g_file_new_for_path (path);
  check = candor_bundle_verify_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (candor_bundle_verification_get_passed (check));
  json = candor_bundle_verification_lookup_file (check, "disclosure.json");
  g_assert_nonnull (json);
  text = g_strndup (g_bytes_get_data (json, NULL), g_bytes_get_size (json));
  g_assert_nonnull (strstr (text, "\"export_override\""));
  g_assert_nonnull (strstr (text, "Draft for the legal review"));
  /* The example is not approved either: the gate listed it, the same reason overrode it, and
   * the override is in the bundle and in the document's review log. */
  g_assert_nonnull (strstr (text, "\"not_approved\""));
  {
    JsonArray *log = candor_review_get_log (candor_review_get_for_document (document));
    JsonObject *entry;

    g_assert_nonnull (log);
    entry = json_array_get_object_element (log, json_array_get_length (log) - 1);
    g_assert_cmpstr (json_object_get_string_member (entry, "action"), ==, "export-override");
    g_assert_cmpstr (json_object_get_string_member (entry, "reason"), ==, "Draft for the legal review");
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (entry, "not_approved")), ==, 6);
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_expired_refused (void)
{
  g_autoptr(CandorDocument) document = load_example ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) long_ago = g_date_time_add_days (now, -400);
  g_autoptr(GError) error = NULL;
  g_autoptr(CandorIdentity) expired =
    candor_identity_create (NULL, "expired-test", "Expired Ltd", "old@example.org", long_ago, 1,
                            PASSPHRASE, &error);
  CandorExportDialog *dialog;
  const char *blocker;

  g_assert_no_error (error);
  g_assert_nonnull (expired);
  dialog = new_dialog (document, "expired-test", "expired.zip");
  candor_export_dialog_set_passphrase (dialog, PASSPHRASE);
  candor_export_dialog_set_override (dialog, "test");
  blocker = candor_export_dialog_get_blocker (dialog);
  g_assert_nonnull (blocker);
  g_assert_nonnull (strstr (blocker, "certificate"));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "export.export", NULL);
  spin (200);
  g_assert_cmpstr (candor_export_dialog_get_visible_page (dialog), ==, "settings");
  {
    g_autofree char *path = g_build_filename (tmp_root, "expired.zip", NULL);

    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  }
  save_widget_png (GTK_WIDGET (dialog), "export-dialog-expired.png");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_wrong_passphrase (void)
{
  g_autoptr(CandorDocument) document = load_example ();
  g_autofree char *identity = create_identity_in_dialog ("Passphrase Test Ltd", NULL);
  CandorExportDialog *dialog = new_dialog (document, identity, "wrong.zip");
  g_autofree char *path = g_build_filename (tmp_root, "wrong.zip", NULL);

  candor_export_dialog_set_passphrase (dialog, "not the passphrase");
  candor_export_dialog_set_override (dialog, "test");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.export", NULL));
  g_assert_true (wait_until (page_is_not_progress, dialog, 60000));
  g_assert_cmpstr (candor_export_dialog_get_visible_page (dialog), ==, "settings");
  g_assert_nonnull (candor_export_dialog_get_blocker (dialog));
  g_test_message ("wrong passphrase: %s", candor_export_dialog_get_blocker (dialog));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
run_openssl (const char *dir,
             const char *args)
{
  g_autofree char *command = g_strdup_printf ("openssl %s", args);
  g_auto(GStrv) argv = NULL;
  int status = -1;

  g_assert_true (g_shell_parse_argv (command, NULL, &argv, NULL));
  return g_spawn_sync (dir, argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                       G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, NULL) &&
         g_spawn_check_wait_status (status, NULL);
}

static void
test_import_pkcs12 (void)
{
  g_autoptr(CandorDocument) document = load_example ();
  g_autofree char *dir = g_build_filename (tmp_root, "org", NULL);
  g_autofree char *p12_path = g_build_filename (dir, "Imported Org.p12", NULL);
  g_autoptr(GFile) p12 = g_file_new_for_path (p12_path);
  CandorIdentityDialog *identity_dialog;
  CandorExportDialog *dialog;
  char *name = NULL;
  g_autofree char *owned_name = NULL;

  g_autofree char *openssl = g_find_program_in_path ("openssl");

  if (openssl == NULL)
    {
      g_test_skip ("openssl is not installed");
      return;
    }
  /* The organisation's identity, as its IT department would issue it. */
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (run_openssl (dir, "req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes "
                                   "-keyout key.pem -out cert.pem -days 30 "
                                   "-subj \"/O=Imported Org/CN=Imported Org\""));
  g_assert_true (run_openssl (dir, "pkcs12 -export -inkey key.pem -in cert.pem "
                                   "-out \"Imported Org.p12\" -passout pass:file-password"));

  identity_dialog = candor_identity_dialog_new (NULL, NULL);
  g_signal_connect (identity_dialog, "created", G_CALLBACK (on_created), &name);
  gtk_window_present (GTK_WINDOW (identity_dialog));
  candor_identity_dialog_set_import_file (identity_dialog, p12, "wrong password");
  candor_identity_dialog_fill (identity_dialog, NULL, NULL, 0, PASSPHRASE);
  save_widget_png (GTK_WIDGET (identity_dialog), "identity-dialog-import.png");
  /* A wrong file password: an error in the dialog, nothing stored. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (identity_dialog), "identity.create", NULL));
  g_assert_true (wait_until (dialog_has_error, identity_dialog, 30000));
  g_test_message ("wrong file password: %s", candor_identity_dialog_get_error (identity_dialog));
  candor_identity_dialog_set_import_file (identity_dialog, p12, "file-password");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (identity_dialog), "identity.create", NULL));
  g_assert_true (wait_until (string_set, &name, 30000));
  owned_name = name;
  g_assert_cmpstr (owned_name, ==, "imported-org");

  dialog = new_dialog (document, owned_name, "imported.zip");
  candor_export_dialog_set_passphrase (dialog, PASSPHRASE);
  if (candor_export_dialog_get_gate_problems (dialog)->len > 0)
    candor_export_dialog_set_override (dialog, "test");
  g_assert_null (candor_export_dialog_get_blocker (dialog));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.export", NULL));
  g_assert_true (wait_until (page_is_not_progress, dialog, 60000));
  g_assert_cmpstr (candor_export_dialog_get_visible_page (dialog), ==, "result");
  g_assert_cmpint (run_cli_verify (candor_export_dialog_get_destination (dialog)), ==, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static int
run_tool (const char * const *argv)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = -1;

  g_assert_true (g_spawn_sync (tmp_root, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &status, NULL));
  if (!g_spawn_check_wait_status (status, NULL))
    g_test_message ("%s: %s%s", argv[0], out, err);
  return g_spawn_check_wait_status (status, NULL) ? 0 : 1;
}

static gboolean
not_reading_token (gpointer data)
{
  const char *blocker = candor_export_dialog_get_blocker (data);

  return blocker == NULL || strstr (blocker, "Reading the certificate") == NULL;
}

#define TOKEN_PIN "246810"

/* A key generated on a SoftHSM2 token, its certificate stored there: read it, sign, verify. */
static void
test_pkcs11_token (void)
{
  g_autoptr(CandorDocument) document = load_example ();
  g_autofree char *softhsm = g_find_program_in_path ("softhsm2-util");
  g_autofree char *p11tool = g_find_program_in_path ("p11tool");
  g_autofree char *certtool = g_find_program_in_path ("certtool");
  g_autofree char *template = g_build_filename (tmp_root, "cert.cfg", NULL);
  g_autofree char *cert_path = g_build_filename (tmp_root, "token-cert.pem", NULL);
  const char *key_uri = "pkcs11:token=candor-ui;object=signer;type=private";
  const char *init[] = { "softhsm2-util", "--init-token", "--free", "--label", "candor-ui",
                         "--pin", TOKEN_PIN, "--so-pin", "13579", NULL };
  const char *generate[] = { "p11tool", "--generate-privkey=ecdsa", "--curve=secp256r1", "--label=signer",
                             "--id=01", "--login", "--set-pin=" TOKEN_PIN, "pkcs11:token=candor-ui", NULL };
  const char *self_sign[] = { "certtool", "--generate-self-signed", "--load-privkey", key_uri,
                              "--template", template, "--outfile", cert_path, NULL };
  const char *store[] = { "p11tool", "--write", "--load-certificate", cert_path, "--label=signer",
                          "--id=01", "--login", "--set-pin=" TOKEN_PIN, "pkcs11:token=candor-ui", NULL };
  CandorExportDialog *dialog;

  if (softhsm == NULL || p11tool == NULL || certtool == NULL)
    {
      g_test_skip ("softhsm2-util, p11tool or certtool is not installed");
      return;
    }
  g_assert_true (g_file_set_contents (template, "organization = \"Token Org\"\ncn = \"Token Org\"\n"
                                      "expiration_days = 30\nsigning_key\ncode_signing_key\n", -1, NULL));
  g_assert_cmpint (run_tool (init), ==, 0);
  g_assert_cmpint (run_tool (generate), ==, 0);
  g_setenv ("GNUTLS_PIN", TOKEN_PIN, TRUE);
  g_assert_cmpint (run_tool (self_sign), ==, 0);
  g_unsetenv ("GNUTLS_PIN");
  g_assert_cmpint (run_tool (store), ==, 0);

  dialog = new_dialog (document, NULL, "token.zip");
  if (candor_export_dialog_get_gate_problems (dialog)->len > 0)
    candor_export_dialog_set_override (dialog, "test");
  candor_export_dialog_use_token (dialog, key_uri);
  g_assert_nonnull (candor_export_dialog_get_blocker (dialog));

  /* A wrong PIN: said so, no certificate, no export. */
  candor_export_dialog_set_passphrase (dialog, "000000");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.read-token", NULL));
  g_assert_true (wait_until (not_reading_token, dialog, 30000));
  g_assert_nonnull (candor_export_dialog_get_blocker (dialog));
  g_test_message ("wrong PIN: %s", candor_export_dialog_get_blocker (dialog));

  candor_export_dialog_set_passphrase (dialog, TOKEN_PIN);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.read-token", NULL));
  g_assert_true (wait_until (not_reading_token, dialog, 30000));
  g_assert_cmpstr (candor_export_dialog_get_blocker (dialog), ==, NULL);
  save_widget_png (GTK_WIDGET (dialog), "export-dialog-token.png");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.export", NULL));
  g_assert_true (wait_until (page_is_not_progress, dialog, 60000));
  g_assert_cmpstr (candor_export_dialog_get_visible_page (dialog), ==, "result");
  g_assert_cmpint (run_cli_verify (candor_export_dialog_get_destination (dialog)), ==, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
bundle_verified (gpointer data)
{
  return candor_bundle_view_get_verification (data) != NULL;
}

static gboolean
web_shown (gpointer data)
{
  return candor_web_preview_get_shown (data);
}

typedef struct
{
  char    *result;
  gboolean done;
} JsCall;

static void
on_js_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  JsCall *call = user_data;

  call->result = candor_web_preview_run_javascript_finish (CANDOR_WEB_PREVIEW (source), result, NULL);
  call->done = TRUE;
}

static gboolean
js_done (gpointer data)
{
  return ((JsCall *) data)->done;
}

static void
test_bundle_view (void)
{
  g_autoptr(CandorDocument) document = load_example ();
  g_autofree char *identity = create_identity_in_dialog ("Bundle View Ltd", NULL);
  CandorExportDialog *dialog = new_dialog (document, identity, "view.zip");
  g_autofree char *path = g_build_filename (tmp_root, "view.zip", NULL);
  g_autofree char *tampered_path = g_build_filename (tmp_root, "tampered.zip", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) tampered = g_file_new_for_path (tampered_path);
  CandorBundleVerification *v;
  CandorBundleView *view;
  CandorWebPreview *web;
  g_autofree char *data = NULL;
  gsize length;

  candor_export_dialog_set_passphrase (dialog, PASSPHRASE);
  if (candor_export_dialog_get_gate_problems (dialog)->len > 0)
    candor_export_dialog_set_override (dialog, "test");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.export", NULL));
  g_assert_true (wait_until (page_is_not_progress, dialog, 60000));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (candor_bundle_view_handles_file (file));

  view = candor_bundle_view_new (NULL, file);
  gtk_window_present (GTK_WINDOW (view));
  g_assert_true (wait_until (bundle_verified, view, 30000));
  v = candor_bundle_view_get_verification (view);
  g_assert_true (candor_bundle_verification_get_passed (v));
  g_assert_nonnull (strstr (candor_certificate_get_subject (candor_bundle_verification_get_signer (v)),
                            "Bundle View Ltd"));
  save_widget_png (GTK_WIDGET (view), "bundle-view-verified.png");

  /* Then the disclosure it carries. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "bundle.show-disclosure", NULL));
  g_assert_cmpstr (candor_bundle_view_get_visible_page (view), ==, "disclosure");
  web = CANDOR_WEB_PREVIEW (candor_bundle_view_get_web_preview (view));
  g_assert_true (wait_until (web_shown, web, 30000));
  if (candor_web_preview_get_renders (web))
    {
      JsCall call = { NULL, FALSE };

      candor_web_preview_run_javascript_async (web, "document.title", NULL, on_js_done, &call);
      g_assert_true (wait_until (js_done, &call, 10000));
      g_assert_cmpstr (call.result, ==, "Security updates: Lumen Cam 2");
      g_free (call.result);
    }
  save_widget_png (GTK_WIDGET (view), "bundle-view-disclosure.png");
  gtk_window_destroy (GTK_WINDOW (view));

  /* A changed byte near the end (the central directory or the signer): refused, no disclosure. */
  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  data[length / 2] ^= 0x55;
  g_assert_true (g_file_set_contents (tampered_path, data, (gssize) length, NULL));
  view = candor_bundle_view_new (NULL, tampered);
  gtk_window_present (GTK_WINDOW (view));
  g_assert_true (wait_until (bundle_verified, view, 30000));
  v = candor_bundle_view_get_verification (view);
  g_assert_false (candor_bundle_verification_get_passed (v));
  g_assert_nonnull (candor_bundle_verification_get_error (v));
  gtk_widget_activate_action (GTK_WIDGET (view), "bundle.show-disclosure", NULL);
  g_assert_cmpstr (candor_bundle_view_get_visible_page (view), ==, "verification");
  save_widget_png (GTK_WIDGET (view), "bundle-view-tampered.png");
  gtk_window_destroy (GTK_WINDOW (view));

  /* A well-formed zip whose index.html was edited after signing: that file is named. */
  {
    g_autoptr(GBytes) original = g_file_load_bytes (file, NULL, NULL, NULL);
    g_autoptr(GPtrArray) files = candor_bundle_zip_read (original, NULL);
    g_autoptr(GBytes) edited_zip = NULL;
    CandorBundleFile *page;
    gboolean named = FALSE;

    g_assert_nonnull (files);
    page = candor_bundle_file_list_find (files, "index.html");
    g_assert_nonnull (page);
    g_bytes_unref (page->bytes);
    page->bytes = g_bytes_new_static ("<!DOCTYPE html><title>Nothing to see</title>", 45);
    edited_zip = candor_bundle_zip_write (files, 315532800 + 86400, NULL);
    g_assert_nonnull (edited_zip);
    g_assert_true (g_file_set_contents (tampered_path, g_bytes_get_data (edited_zip, NULL),
                                        (gssize) g_bytes_get_size (edited_zip), NULL));
    view = candor_bundle_view_new (NULL, tampered);
    gtk_window_present (GTK_WINDOW (view));
    g_assert_true (wait_until (bundle_verified, view, 30000));
    v = candor_bundle_view_get_verification (view);
    g_assert_false (candor_bundle_verification_get_passed (v));
    g_assert_cmpstr (candor_bundle_verification_get_failed_file (v), ==, "index.html");
    for (guint i = 0; i < candor_bundle_verification_get_n_files (v); i++)
      if (g_str_equal (candor_bundle_verification_get_file_name (v, i), "index.html"))
        named = candor_bundle_verification_get_file_check (v, i) == CANDOR_FILE_CHECK_CHANGED;
    g_assert_true (named);
    save_widget_png (GTK_WIDGET (view), "bundle-view-changed-file.png");
    gtk_window_destroy (GTK_WINDOW (view));
  }
}


/* ---- in the application ------------------------------------------------------------ */

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* owned by GTK */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
toplevel_shown (gpointer data)
{
  return find_toplevel (GPOINTER_TO_SIZE (data)) != NULL;
}

/* The window's previews follow the draft; Ctrl+E opens the export dialog; a .zip opened in the
 * app shows the bundle view. */
static void
test_in_application (void)
{
  g_autoptr(CandorApplication) app = candor_application_new ();
  g_autoptr(CandorDocument) document = load_example ();
  g_autofree char *identity = create_identity_in_dialog ("In App Ltd", NULL);
  g_autofree char *path = g_build_filename (tmp_root, "in-app.zip", NULL);
  g_autoptr(GFile) zip = g_file_new_for_path (path);
  CandorWindow *window;
  CandorExportDialog *dialog;
  CandorBundleView *view;
  GtkWidget *pane;
  g_auto(GStrv) accels = NULL;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.export");
  g_assert_cmpstr (accels[0], ==, "<Control>e");

  window = candor_window_new (GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1360, 860);
  candor_window_set_document (window, document);
  gtk_window_present (GTK_WINDOW (window));
  pane = find_descendant (GTK_WIDGET (window), CANDOR_TYPE_PREVIEW_PANE);
  g_assert_nonnull (pane);
  g_assert_true (candor_preview_pane_get_document (CANDOR_PREVIEW_PANE (pane)) == document);
  g_assert_true (wait_until (web_shown, candor_preview_pane_get_web_preview (CANDOR_PREVIEW_PANE (pane)), 30000));
  save_widget_png (GTK_WIDGET (window), "window-with-previews.png");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  g_assert_true (wait_until (toplevel_shown, GSIZE_TO_POINTER (CANDOR_TYPE_EXPORT_DIALOG), 5000));
  dialog = CANDOR_EXPORT_DIALOG (find_toplevel (CANDOR_TYPE_EXPORT_DIALOG));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_true (candor_export_dialog_select_identity (dialog, identity));
  candor_export_dialog_set_passphrase (dialog, PASSPHRASE);
  candor_export_dialog_set_destination (dialog, zip);
  if (candor_export_dialog_get_gate_problems (dialog)->len > 0)
    candor_export_dialog_set_override (dialog, "test");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.export", NULL));
  g_assert_true (wait_until (page_is_not_progress, dialog, 60000));
  g_assert_cmpstr (candor_export_dialog_get_visible_page (dialog), ==, "result");
  gtk_window_destroy (GTK_WINDOW (dialog));

  candor_application_open (app, zip, window);
  g_assert_true (wait_until (toplevel_shown, GSIZE_TO_POINTER (CANDOR_TYPE_BUNDLE_VIEW), 5000));
  view = CANDOR_BUNDLE_VIEW (find_toplevel (CANDOR_TYPE_BUNDLE_VIEW));
  g_assert_true (wait_until (bundle_verified, view, 30000));
  g_assert_true (candor_bundle_verification_get_passed (candor_bundle_view_get_verification (view)));
  gtk_window_destroy (GTK_WINDOW (view));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  /* g_test_init() names the program after the full argv[0]; WebKit and GTK use the name for
   * folders and the X class. */
  g_set_prgname ("candor-test");
  app_test_private_display ();
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("No display: skipping (run under xvfb-run)\n");
      return 77;
    }
  /* Identities go to a private store, never the user's; before GLib reads the variable. */
  tmp_root = g_dir_make_tmp ("candor-export-ui-XXXXXX", NULL);
  g_assert_nonnull (tmp_root);
  data_home = g_build_filename (tmp_root, "data", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  /* A private SoftHSM2 token store, before GnuTLS loads the PKCS #11 modules. */
  {
    g_autofree char *conf = g_build_filename (tmp_root, "softhsm2.conf", NULL);
    g_autofree char *tokens = g_build_filename (tmp_root, "tokens", NULL);
    g_autofree char *text = g_strdup_printf ("directories.tokendir = %s\nobjectstore.backend = file\n"
                                             "log.level = ERROR\n", tokens);

    g_assert_cmpint (g_mkdir_with_parents (tokens, 0700), ==, 0);
    g_assert_true (g_file_set_contents (conf, text, -1, NULL));
    g_setenv ("SOFTHSM2_CONF", conf, TRUE);
  }
  /* No keyring here: do not let libsecret autolaunch a session bus. */
  g_unsetenv ("DBUS_SESSION_BUS_ADDRESS");

  app_test_init_gtk_for_previews ();

  g_test_add_func ("/candor/app/export/flow", test_export_flow);
  g_test_add_func ("/candor/app/export/gate-override", test_gate_and_override);
  g_test_add_func ("/candor/app/export/expired-refused", test_expired_refused);
  g_test_add_func ("/candor/app/export/wrong-passphrase", test_wrong_passphrase);
  g_test_add_func ("/candor/app/export/import-pkcs12", test_import_pkcs12);
  g_test_add_func ("/candor/app/export/pkcs11-token", test_pkcs11_token);
  g_test_add_func ("/candor/app/bundle-view/verify-then-disclosure", test_bundle_view);
  g_test_add_func ("/candor/app/export/in-application", test_in_application);
  status = g_test_run ();

  {
    g_autofree char *quoted = g_shell_quote (tmp_root);
    g_autofree char *command = g_strdup_printf ("rm -rf %s", quoted);

    if (system (command) != 0)
      g_printerr ("could not remove %s\n", tmp_root);
  }
  g_free (tmp_root);
  return status;
}
