/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-bundle-view.c: a window for a bundle zip: its verification result (each check, the
 * signer, every file), then the disclosure it carries. */

#include "config.h"

#include <glib/gi18n.h>

#include "candor-bundle-error.h"
#include "candor-bundle-view.h"
#include "candor-text-safe.h"
#include "candor-web-preview.h"

struct _CandorBundleView
{
  AdwWindow                 parent_instance;

  GFile                    *file;
  CandorBundleVerification *verification;
  GCancellable             *cancellable;

  GtkStack                 *stack;
  /* Not an AdwStatusPage: that scrolls by itself, and this page scrolls as a whole. */
  GtkImage                 *status_icon;
  GtkLabel                 *status_title;
  GtkLabel                 *status_description;
  GtkBox                   *details;
  GtkWidget                *show_button;
  CandorWebPreview         *web_preview;
};

G_DEFINE_FINAL_TYPE (CandorBundleView, candor_bundle_view, ADW_TYPE_WINDOW)

/* Selectable subtitles (to copy a fingerprint) need libadwaita 1.3. */
static void
set_subtitle_selectable (AdwActionRow *row)
{
#if ADW_CHECK_VERSION (1, 3, 0)
  adw_action_row_set_subtitle_selectable (row, TRUE);
#endif
}

enum {
  VERIFIED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The checks in the order candor_bundle_verify() runs them, each with the errors that mean
 * it failed. A check after the failed one was not reached. */
typedef struct
{
  const char *title;
  int         codes[6];
} Check;

static const Check checks[] = {
  { N_("The zip is well formed and safe to read"),
    { CANDOR_BUNDLE_ERROR_MALFORMED, CANDOR_BUNDLE_ERROR_TOO_LARGE, -1 } },
  { N_("Every file is listed in SHA256SUMS, and none is missing"),
    { CANDOR_BUNDLE_ERROR_MISSING_FILE, CANDOR_BUNDLE_ERROR_UNLISTED_FILE, -1 } },
  { N_("Every file matches its SHA-256 checksum"),
    { CANDOR_BUNDLE_ERROR_CHECKSUM, -1 } },
  { N_("The signature over SHA256SUMS verifies with signer.pem"),
    { CANDOR_BUNDLE_ERROR_SUMS_CHANGED, CANDOR_BUNDLE_ERROR_BAD_SIGNATURE, CANDOR_BUNDLE_ERROR_OTHER_KEY,
      CANDOR_BUNDLE_ERROR_SIGNER_REPLACED, CANDOR_BUNDLE_ERROR_BAD_CERTIFICATE, -1 } },
  { N_("The certificate was valid when the bundle was signed"),
    { CANDOR_BUNDLE_ERROR_EXPIRED, CANDOR_BUNDLE_ERROR_NOT_YET_VALID, -1 } },
};

static int
failed_check (const GError *error)
{
  if (error == NULL)
    return -1;
  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    for (guint j = 0; checks[i].codes[j] >= 0; j++)
      if (g_error_matches (error, CANDOR_BUNDLE_ERROR, checks[i].codes[j]))
        return (int) i;
  /* Anything else (e.g. an unreadable zip) fails the first check. */
  return 0;
}

static GtkWidget *
status_row (const char *title,
            const char *subtitle,
            const char *icon_name,
            const char *css_class)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);
  /* file names and messages come from the bundle: no bidi control may reorder them */
  g_autofree char *safe_title = candor_text_safe (title, -1, CANDOR_TEXT_SAFE_DEFAULT);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), safe_title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  if (subtitle != NULL)
    {
      g_autofree char *safe_subtitle = candor_text_safe (subtitle, -1, CANDOR_TEXT_SAFE_KEEP_NEWLINES);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), safe_subtitle);
      set_subtitle_selectable (ADW_ACTION_ROW (row));
    }
  if (css_class != NULL)
    gtk_widget_add_css_class (icon, css_class);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  return row;
}

static const char *
file_check_text (CandorFileCheck check)
{
  switch (check)
    {
    case CANDOR_FILE_CHECK_OK:
      return _("Unchanged");
    case CANDOR_FILE_CHECK_CHANGED:
      return _("Changed since it was signed");
    case CANDOR_FILE_CHECK_MISSING:
      return _("Listed in SHA256SUMS but missing");
    case CANDOR_FILE_CHECK_UNLISTED:
      return _("Not listed in SHA256SUMS");
    case CANDOR_FILE_CHECK_NOT_CHECKED:
    default:
      return _("Not checked");
    }
}

static void
show_result (CandorBundleView *self,
             const GError     *read_error)
{
  CandorBundleVerification *v = self->verification;
  const GError *error = v != NULL ? candor_bundle_verification_get_error (v) : read_error;
  gboolean passed = v != NULL && candor_bundle_verification_get_passed (v);
  int failed = passed ? -1 : failed_check (error);
  AdwPreferencesGroup *group;
  CandorCertificate *signer = v != NULL ? candor_bundle_verification_get_signer (v) : NULL;

  gtk_image_set_from_icon_name (self->status_icon, passed ? "emblem-ok-symbolic" : "dialog-error-symbolic");
  gtk_widget_add_css_class (GTK_WIDGET (self->status_icon), passed ? "success" : "error");
  gtk_label_set_text (self->status_title, passed ? _("The Bundle Is Intact and Signed")
                                                 : _("The Bundle Failed Verification"));
  {
    g_autofree char *description = candor_text_safe (passed
      ? _("Every file is as it was signed. Check below who signed it.")
      : error != NULL ? error->message : _("The bundle could not be checked."), -1, CANDOR_TEXT_SAFE_KEEP_NEWLINES);

    gtk_label_set_text (self->status_description, description);
  }
  gtk_widget_set_visible (self->show_button, passed);
  gtk_stack_page_set_visible (gtk_stack_get_page (self->stack, GTK_WIDGET (self->web_preview)), passed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "bundle.show-disclosure", passed);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Checks"));
  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      gboolean ok = failed < 0 || (int) i < failed;
      gboolean bad = (int) i == failed;

      adw_preferences_group_add (group,
        status_row (_(checks[i].title),
                    bad ? error->message : ok ? NULL : _("Not reached: an earlier check failed"),
                    ok ? "emblem-ok-symbolic" : bad ? "dialog-error-symbolic" : "content-loading-symbolic",
                    ok ? "success" : bad ? "error" : "dim-label"));
    }
  adw_preferences_group_add (group,
    status_row (_("Trust"),
                v != NULL && candor_bundle_verification_get_trusted (v)
                  ? _("The signer chains to the trust anchor given.")
                  : _("Not checked: the signer’s name is only what the bundle claims. Compare the "
                      "fingerprint with the one your organisation publishes, or verify with its CA "
                      "file."),
                "dialog-information-symbolic", NULL));
  gtk_box_append (self->details, GTK_WIDGET (group));

  if (signer != NULL)
    {
      g_autofree char *from = g_date_time_format (candor_certificate_get_not_before (signer), "%Y-%m-%d");
      g_autofree char *to = g_date_time_format (candor_certificate_get_not_after (signer), "%Y-%m-%d");
      /* Translators: certificate validity, "2026-01-01 to 2029-01-01" */
      g_autofree char *validity = g_strdup_printf (_("%s to %s"), from, to);
      GDateTime *signed_at = candor_bundle_verification_get_signing_time (v);
      g_autofree char *when = signed_at != NULL ? g_date_time_format (signed_at, "%Y-%m-%d %H:%M UTC") : NULL;
      const struct { const char *title; const char *value; } rows[] = {
        { N_("Subject"), candor_certificate_get_subject (signer) },
        { N_("Issuer"), candor_certificate_get_issuer (signer) },
        { N_("SHA-256 fingerprint"), candor_certificate_get_fingerprint (signer) },
        { N_("Valid"), validity },
        { N_("Signed"), when },
      };

      group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      /* Before the signature verified, signer.pem is only a claim. */
      adw_preferences_group_set_title (group, !passed ? _("Signer Named in signer.pem (Not Verified)")
                                              : candor_bundle_verification_get_trusted (v) ? _("Signer")
                                              : _("Signer Claimed by the Bundle (Not Checked Against a Trust Anchor)"));
      for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
        {
          GtkWidget *row;
          g_autofree char *value = NULL;

          if (rows[i].value == NULL)
            continue;
          /* the certificate's text is the bundle's: shown escaped, as candor-cli prints it */
          value = candor_text_safe (rows[i].value, -1, CANDOR_TEXT_SAFE_DEFAULT);
          row = adw_action_row_new ();
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(rows[i].title));
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
          set_subtitle_selectable (ADW_ACTION_ROW (row));
          gtk_widget_add_css_class (row, "property");
          adw_preferences_group_add (group, row);
        }
      gtk_box_append (self->details, GTK_WIDGET (group));
    }

  if (v != NULL && candor_bundle_verification_get_n_files (v) > 0)
    {
      group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      adw_preferences_group_set_title (group, _("Files"));
      for (guint i = 0; i < candor_bundle_verification_get_n_files (v); i++)
        {
          CandorFileCheck check = candor_bundle_verification_get_file_check (v, i);
          gboolean ok = check == CANDOR_FILE_CHECK_OK;

          adw_preferences_group_add (group,
            status_row (candor_bundle_verification_get_file_name (v, i), file_check_text (check),
                        ok ? "emblem-ok-symbolic" : check == CANDOR_FILE_CHECK_NOT_CHECKED
                           ? "content-loading-symbolic" : "dialog-error-symbolic",
                        ok ? "success" : check == CANDOR_FILE_CHECK_NOT_CHECKED ? "dim-label" : "error"));
        }
      gtk_box_append (self->details, GTK_WIDGET (group));
    }

  if (passed)
    {
      GBytes *html = candor_bundle_verification_lookup_file (v, "index.html");

      if (html != NULL)
        {
          g_autofree char *text = g_strndup (g_bytes_get_data (html, NULL), g_bytes_get_size (html));

          candor_web_preview_set_html (self->web_preview, text);
        }
    }
  g_signal_emit (self, signals[VERIFIED], 0);
}

static void
on_verified (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  CandorBundleView *self = user_data;
  g_autoptr(GError) error = NULL;

  self->verification = candor_bundle_verify_file_finish (result, &error);
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_result (self, error);
  g_object_unref (self);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CandorBundleView *self = CANDOR_BUNDLE_VIEW (widget);

  gtk_stack_set_visible_child_name (self->stack,
                                    g_str_equal (action_name, "bundle.show-disclosure")
                                    ? "disclosure" : "verification");
}

CandorBundleView *
candor_bundle_view_new (GtkApplication *application,
                        GFile          *file)
{
  CandorBundleView *self;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (CANDOR_TYPE_BUNDLE_VIEW, "application", application, NULL);
  self->file = g_object_ref (file);
  name = g_file_get_basename (file);
  gtk_window_set_title (GTK_WINDOW (self), name);
  candor_bundle_verify_file_async (file, NULL, self->cancellable, on_verified, g_object_ref (self));
  return self;
}

gboolean
candor_bundle_view_handles_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = name != NULL ? g_ascii_strdown (name, -1) : NULL;

  return lower != NULL && g_str_has_suffix (lower, ".zip");
}

GFile *
candor_bundle_view_get_file (CandorBundleView *self)
{
  g_return_val_if_fail (CANDOR_IS_BUNDLE_VIEW (self), NULL);
  return self->file;
}

CandorBundleVerification *
candor_bundle_view_get_verification (CandorBundleView *self)
{
  g_return_val_if_fail (CANDOR_IS_BUNDLE_VIEW (self), NULL);
  return self->verification;
}

const char *
candor_bundle_view_get_visible_page (CandorBundleView *self)
{
  g_return_val_if_fail (CANDOR_IS_BUNDLE_VIEW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

GtkWidget *
candor_bundle_view_get_web_preview (CandorBundleView *self)
{
  g_return_val_if_fail (CANDOR_IS_BUNDLE_VIEW (self), NULL);
  return GTK_WIDGET (self->web_preview);
}

static void
candor_bundle_view_dispose (GObject *object)
{
  CandorBundleView *self = CANDOR_BUNDLE_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  G_OBJECT_CLASS (candor_bundle_view_parent_class)->dispose (object);
}

static void
candor_bundle_view_finalize (GObject *object)
{
  CandorBundleView *self = CANDOR_BUNDLE_VIEW (object);

  g_clear_object (&self->file);
  g_clear_object (&self->verification);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (candor_bundle_view_parent_class)->finalize (object);
}

static void
candor_bundle_view_class_init (CandorBundleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = candor_bundle_view_dispose;
  object_class->finalize = candor_bundle_view_finalize;

  signals[VERIFIED] = g_signal_new ("verified", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "bundle.show-disclosure", NULL, show_page_action);
  gtk_widget_class_install_action (widget_class, "bundle.show-verification", NULL, show_page_action);
}

static void
candor_bundle_view_init (CandorBundleView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *switcher = gtk_stack_switcher_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);

  self->cancellable = g_cancellable_new ();
  gtk_window_set_default_size (GTK_WINDOW (self), 720, 820);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_stack_switcher_set_stack (GTK_STACK_SWITCHER (switcher), self->stack);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), switcher);
  gtk_box_append (GTK_BOX (box), header);

  {
    GtkWidget *summary = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

    gtk_widget_set_margin_top (summary, 36);
    self->status_icon = GTK_IMAGE (gtk_image_new_from_icon_name ("content-loading-symbolic"));
    gtk_image_set_pixel_size (self->status_icon, 64);
    gtk_widget_add_css_class (GTK_WIDGET (self->status_icon), "dim-label");
    self->status_title = GTK_LABEL (gtk_label_new (_("Checking the Bundle…")));
    gtk_label_set_wrap (self->status_title, TRUE);
    gtk_label_set_justify (self->status_title, GTK_JUSTIFY_CENTER);
    gtk_widget_add_css_class (GTK_WIDGET (self->status_title), "title-1");
    self->status_description = GTK_LABEL (gtk_label_new (NULL));
    gtk_label_set_wrap (self->status_description, TRUE);
    gtk_label_set_justify (self->status_description, GTK_JUSTIFY_CENTER);
    gtk_label_set_selectable (self->status_description, TRUE);
    self->show_button = gtk_button_new_with_mnemonic (_("_Show the Disclosure"));
    gtk_actionable_set_action_name (GTK_ACTIONABLE (self->show_button), "bundle.show-disclosure");
    gtk_widget_add_css_class (self->show_button, "suggested-action");
    gtk_widget_add_css_class (self->show_button, "pill");
    gtk_widget_set_halign (self->show_button, GTK_ALIGN_CENTER);
    gtk_widget_set_visible (self->show_button, FALSE);
    gtk_box_append (GTK_BOX (summary), GTK_WIDGET (self->status_icon));
    gtk_box_append (GTK_BOX (summary), GTK_WIDGET (self->status_title));
    gtk_box_append (GTK_BOX (summary), GTK_WIDGET (self->status_description));
    gtk_box_append (GTK_BOX (summary), self->show_button);
    gtk_box_append (GTK_BOX (content), summary);
  }

  self->details = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 24));
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->details), 24);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->details));
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_widget_set_margin_start (clamp, 12);
  gtk_widget_set_margin_end (clamp, 12);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_stack_add_titled (self->stack, scroller, "verification", _("Verification"));

  self->web_preview = CANDOR_WEB_PREVIEW (candor_web_preview_new ());
  gtk_stack_add_titled (self->stack, GTK_WIDGET (self->web_preview), "disclosure", _("Disclosure"));
  /* Only a bundle that passed every check shows what it says. */
  gtk_stack_page_set_visible (gtk_stack_get_page (self->stack, GTK_WIDGET (self->web_preview)), FALSE);

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "bundle.show-disclosure", FALSE);
}
