/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli-export.c: "candor-cli export DRAFT... -o OUT": render, gate, sign and write bundles. */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "candor-bundle-error.h"
#include "candor-bundle-export.h"
#include "candor-identity-validity.h"
#include "candor-bundle-render.h"
#include "candor-bundle-writer.h"
#include "candor-format.h"
#include "candor-identity.h"
#include "candor-review.h"
#include "candor-wording.h"
#include "cli-commands.h"

#define MAX_PASSPHRASE 4096

typedef struct
{
  char *output;
  char *identity;
  char *key;
  char *cert;
  char *pkcs12;
  char *pkcs11;
  int passphrase_fd;
  char *passphrase_env;
  char **templates;
  char **formats;
  char *allow_incomplete;
  char *override_review;
  char *by;
} ExportOptions;

static void
export_options_clear (ExportOptions *options)
{
  g_free (options->output);
  g_free (options->identity);
  g_free (options->key);
  g_free (options->cert);
  g_free (options->pkcs12);
  g_free (options->pkcs11);
  g_free (options->passphrase_env);
  g_strfreev (options->templates);
  g_strfreev (options->formats);
  g_free (options->allow_incomplete);
  g_free (options->override_review);
  g_free (options->by);
}

static void
wipe_free (char *secret)
{
  if (secret != NULL)
    {
      for (volatile char *p = secret; *p != '\0'; p++)
        *p = '\0';
      g_free (secret);
    }
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ExportOptions, export_options_clear)

/* The passphrase (or PIN) never comes from argv, where other users could read it. */
static gboolean
read_passphrase (ExportOptions *options, char **out, GError **error)
{
  *out = NULL;
  if (options->passphrase_fd >= 0)
    {
      GString *text = g_string_new (NULL);
      char buffer[256];
      ssize_t n;

      while ((n = read (options->passphrase_fd, buffer, sizeof buffer)) != 0)
        {
          if (n < 0 && errno == EINTR)
            continue;
          if (n < 0 || text->len + (gsize) n > MAX_PASSPHRASE)
            {
              memset (text->str, 0, text->len);
              g_string_free (text, TRUE);
              g_set_error (error, CANDOR_BUNDLE_ERROR, CANDOR_BUNDLE_ERROR_PASSPHRASE,
                           _("Cannot read the passphrase from file descriptor %d"), options->passphrase_fd);
              return FALSE;
            }
          g_string_append_len (text, buffer, n);
        }
      memset (buffer, 0, sizeof buffer);
      close (options->passphrase_fd);
      /* one trailing line end, as `echo` or a here-string add */
      if (text->len > 0 && text->str[text->len - 1] == '\n')
        g_string_truncate (text, text->len - 1);
      if (text->len > 0 && text->str[text->len - 1] == '\r')
        g_string_truncate (text, text->len - 1);
      *out = g_string_free (text, FALSE);
    }
  else if (options->passphrase_env != NULL)
    {
      const char *value = g_getenv (options->passphrase_env);

      if (value == NULL)
        {
          g_set_error (error, CANDOR_BUNDLE_ERROR, CANDOR_BUNDLE_ERROR_PASSPHRASE,
                       _("The environment variable %s is not set"), options->passphrase_env);
          return FALSE;
        }
      *out = g_strdup (value);
      /* not inherited by anything this process starts */
      g_unsetenv (options->passphrase_env);
    }
  return TRUE;
}

static GBytes *
load_file (const char *path, GError **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

  return g_file_load_bytes (file, NULL, NULL, error);
}

static CandorSigner *open_signer_from (ExportOptions *options, const char *passphrase, GError **error);

/* Names the file a certificate problem comes from. */
static CandorSigner *
open_signer (ExportOptions *options, const char *passphrase, GError **error)
{
  CandorSigner *signer = open_signer_from (options, passphrase, error);

  if (signer == NULL && options->cert != NULL && error != NULL && *error != NULL &&
      g_error_matches (*error, CANDOR_BUNDLE_ERROR, CANDOR_BUNDLE_ERROR_BAD_CERTIFICATE))
    g_prefix_error (error, "%s: ", options->cert);
  return signer;
}

static CandorSigner *
open_signer_from (ExportOptions *options, const char *passphrase, GError **error)
{
  g_autoptr(GBytes) cert = NULL;

  if (options->cert != NULL && (cert = load_file (options->cert, error)) == NULL)
    return NULL;

  if (options->identity != NULL)
    {
      g_autoptr(CandorIdentity) identity = candor_identity_open (NULL, options->identity, error);
      g_autofree char *warning = identity != NULL ? candor_identity_key_mode_warning (identity) : NULL;

      if (warning != NULL)
        g_printerr (_("Warning: %s\n"), warning);
      return identity != NULL ? candor_identity_unlock (identity, passphrase, error) : NULL;
    }
  if (options->pkcs12 != NULL)
    {
      g_autofree char *warning = candor_key_file_mode_warning (options->pkcs12);
      g_autoptr(GBytes) p12 = NULL;

      if (warning != NULL)
        g_printerr (_("Warning: %s\n"), warning);
      p12 = load_file (options->pkcs12, error);

      return p12 != NULL ? candor_signer_new_from_pkcs12 (p12, passphrase, error) : NULL;
    }
  if (options->pkcs11 != NULL)
    return candor_signer_new_from_pkcs11 (options->pkcs11, passphrase, cert, error);

  {
    g_autofree char *warning = candor_key_file_mode_warning (options->key);
    g_autoptr(GBytes) key = NULL;

    if (warning != NULL)
      g_printerr (_("Warning: %s\n"), warning);
    key = load_file (options->key, error);

    return key != NULL ? candor_signer_new_from_pem (key, passphrase, cert, error) : NULL;
  }
}

static gboolean
write_atomically (const char *path, GBytes *bytes, GError **error)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  return g_file_set_contents_full (path, data, size, G_FILE_SET_CONTENTS_CONSISTENT, 0644, error);
}

/* A batch shares one signer. With several drafts and processors it is split between worker
 * processes (fork() after the key is unlocked): the renderers' libraries (fontconfig, Pango,
 * cairo) are not proven safe to share between threads, processes share nothing. */
typedef struct
{
  ExportOptions *options;
  CandorSigner *signer;
  gboolean into_dir;
  GHashTable *planned;  /* output paths already taken */
} Batch;

typedef struct
{
  const char *draft;
  char *target;         /* where the bundle goes */
  char *path;           /* written, on success */
  GError *error;
} Job;

/* Decides where a draft's bundle goes, refusing two drafts that would write the same file. */
static gboolean
plan_job (Batch *batch, Job *job)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (job->draft);
  g_autoptr(CandorDocument) document = NULL;
  const char *output = batch->options->output;

  if (!batch->into_dir)
    {
      job->target = g_strdup (output);
      return TRUE;
    }
  document = candor_format_load_file (file, NULL, &job->error);
  if (document == NULL)
    return FALSE;
  {
    g_autofree char *name = candor_bundle_file_name (candor_document_get_product_name (document));
    job->target = g_build_filename (output, name, NULL);
  }
  if (!g_hash_table_add (batch->planned, g_strdup (job->target)))
    {
      g_set_error (&job->error, CANDOR_BUNDLE_ERROR, CANDOR_BUNDLE_ERROR_FAILED,
                   _("%s would be written twice (two drafts with the same product name)"), job->target);
      return FALSE;
    }
  return TRUE;
}

static gboolean
export_one (Batch *batch, Job *job)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (job->draft);
  g_autoptr(CandorDocument) document = NULL;
  g_autoptr(GPtrArray) render_problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GBytes) zip = NULL;
  CandorExportOptions export_options = { 0, };
  guint64 serial;

  document = candor_format_load_file (file, NULL, &job->error);
  if (document == NULL)
    return FALSE;
  /* The review first, so that comments follow regenerated texts. */
  candor_review_get_for_document (document);
  /* Generated texts follow the answers as they are now, not as they were when saved. */
  candor_wording_refresh_generated (document);
  {
    g_autofree char *expiry =
      candor_certificate_support_end_warning (candor_signer_get_certificate (batch->signer), document);

    if (expiry != NULL)
      g_printerr (_("Warning: %s: %s\n"), job->draft, expiry);
  }
  files = candor_bundle_render_files (document,
                                      (const char * const *) batch->options->templates,
                                      (const char * const *) batch->options->formats,
                                      render_problems, &job->error);
  if (files == NULL)
    return FALSE;

  export_options.override_reason = batch->options->allow_incomplete;
  export_options.review_override_reason = batch->options->override_review;
  export_options.override_by = batch->options->by;
  export_options.render_problems = render_problems;
  serial = candor_document_get_change_serial (document);
  zip = candor_bundle_export (document, files, batch->signer, &export_options, &job->error);
  if (zip == NULL || !write_atomically (job->target, zip, &job->error))
    return FALSE;
  /* A review override is logged in the draft too (who, when, why, what was not approved). */
  if (candor_document_get_change_serial (document) != serial
      && !candor_format_save_file (document, file, NULL, &job->error))
    {
      g_prefix_error (&job->error, _("the bundle %s was written, but the override could not be recorded in the draft: "),
                      job->target);
      return FALSE;
    }
  job->path = g_strdup (job->target);
  return TRUE;
}

/* In a worker: exports its share of the jobs and reports "INDEX<TAB>1<TAB>PATH" or
 * "INDEX<TAB>0<TAB>MESSAGE" lines (escaped) to @report_path after each one, so that if it
 * dies, the parent knows which draft it died on; then exits. */
G_GNUC_NORETURN static void
run_worker (Batch *batch, Job *jobs, const guint *share, guint n_share, const char *report_path)
{
  GString *report = g_string_new (NULL);
  /* A test seam: makes the worker die on the draft named, as a crash in a renderer would. */
  const char *die_on = g_getenv ("CANDOR_TEST_EXPORT_WORKER_ABORT");

  for (guint i = 0; i < n_share; i++)
    {
      Job *job = &jobs[share[i]];
      g_autofree char *text = NULL;
      g_autofree char *base = g_path_get_basename (job->draft);
      gboolean ok;

      if (die_on != NULL && strcmp (die_on, base) == 0)
        abort ();
      ok = export_one (batch, job);
      text = g_strescape (ok ? job->path : job->error->message, NULL);
      g_string_append_printf (report, "%u\t%d\t%s\n", share[i], ok, text);
      if (!g_file_set_contents (report_path, report->str, (gssize) report->len, NULL))
        _exit (1);
    }
  _exit (0);
}

static void
read_report (Job *jobs, guint n_jobs, const char *report_path)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (report_path, &contents, NULL, NULL))
    return;
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", 3);
      guint64 index;

      if (g_strv_length (fields) != 3 || !g_ascii_string_to_unsigned (fields[0], 10, 0, n_jobs - 1, &index, NULL))
        continue;
      if (jobs[index].path != NULL || jobs[index].error != NULL)
        continue;
      if (strcmp (fields[1], "1") == 0)
        jobs[index].path = g_strcompress (fields[2]);
      else
        {
          g_autofree char *message = g_strcompress (fields[2]);
          g_set_error_literal (&jobs[index].error, CANDOR_BUNDLE_ERROR, CANDOR_BUNDLE_ERROR_FAILED, message);
        }
    }
}

static char *
describe_death (int status)
{
  if (WIFSIGNALED (status))
    return g_strdup_printf (_("the export of this draft crashed (signal %d, %s); it was not written, "
                              "and the other drafts were exported without it"),
                            WTERMSIG (status), g_strsignal (WTERMSIG (status)));
  return g_strdup_printf (_("the export of this draft stopped unexpectedly (exit status %d); it was "
                            "not written, and the other drafts were exported without it"),
                          WIFEXITED (status) ? WEXITSTATUS (status) : -1);
}

/* Starts a worker for the jobs of @share that have no result yet; its pid, 0 when there are
 * none left, -1 when fork() failed. */
static GPid
start_share (Batch *batch, Job *jobs, GArray *share, const char *report)
{
  g_autofree guint *left = g_new (guint, share->len + 1);
  guint n_left = 0;
  GPid pid;

  for (guint i = 0; i < share->len; i++)
    {
      guint j = g_array_index (share, guint, i);
      if (jobs[j].path == NULL && jobs[j].error == NULL)
        left[n_left++] = j;
    }
  if (n_left == 0)
    return 0;
  fflush (stdout);
  fflush (stderr);
  pid = fork ();
  if (pid == 0)
    run_worker (batch, jobs, left, n_left, report);
  return pid;
}

/* Splits the planned jobs between @n_workers worker processes. When a worker dies, the draft
 * it was on is reported as crashed (never retried in this process, which would die the same
 * way) and a new worker takes the rest of its share. FALSE if no worker could be started. */
static gboolean
run_workers (Batch *batch, Job *jobs, guint n_jobs, GArray *todo, guint n_workers)
{
  g_autofree char *dir = g_dir_make_tmp ("candor-export-XXXXXX", NULL);
  g_autofree GPid *pids = g_new0 (GPid, n_workers);
  g_autoptr(GPtrArray) shares = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GPtrArray) reports = g_ptr_array_new_with_free_func (g_free);
  gboolean started = FALSE;
  guint running = 0;

  if (dir == NULL)
    return FALSE;
  for (guint k = 0; k < n_workers; k++)
    {
      GArray *share = g_array_new (FALSE, FALSE, sizeof (guint));

      for (guint i = k; i < todo->len; i += n_workers)
        g_array_append_val (share, g_array_index (todo, guint, i));
      g_ptr_array_add (shares, share);
      g_ptr_array_add (reports, g_strdup_printf ("%s/%u", dir, k));
      pids[k] = start_share (batch, jobs, share, reports->pdata[k]);
      if (pids[k] > 0)
        {
          started = TRUE;
          running++;
        }
    }
  while (running > 0)
    {
      int status = 0;
      GPid pid = waitpid (-1, &status, 0);
      guint k;

      if (pid < 0 && errno == EINTR)
        continue;
      if (pid < 0)
        break;
      for (k = 0; k < n_workers && pids[k] != pid; k++)
        ;
      if (k == n_workers)
        continue;
      running--;
      read_report (jobs, n_jobs, reports->pdata[k]);
      g_unlink (reports->pdata[k]);
      if (!(WIFEXITED (status) && WEXITSTATUS (status) == 0))
        {
          GArray *share = shares->pdata[k];

          for (guint i = 0; i < share->len; i++)
            {
              Job *job = &jobs[g_array_index (share, guint, i)];

              if (job->path == NULL && job->error == NULL)
                {
                  g_autofree char *message = describe_death (status);
                  g_set_error_literal (&job->error, CANDOR_BUNDLE_ERROR, CANDOR_BUNDLE_ERROR_FAILED, message);
                  break;
                }
            }
        }
      pids[k] = start_share (batch, jobs, shares->pdata[k], reports->pdata[k]);
      if (pids[k] > 0)
        running++;
    }
  g_rmdir (dir);

  /* jobs no worker could be started for: done here, one by one */
  for (guint i = 0; i < todo->len; i++)
    {
      Job *job = &jobs[g_array_index (todo, guint, i)];

      if (job->path == NULL && job->error == NULL)
        export_one (batch, job);
    }
  return started;
}

/* Runs every job; reports in the order given. Returns the number that failed. */
static guint
run_batch (Batch *batch, Job *jobs, guint n_jobs)
{
  g_autoptr(GArray) todo = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n_workers, n_failed = 0;

  for (guint i = 0; i < n_jobs; i++)
    if (plan_job (batch, &jobs[i]))
      g_array_append_val (todo, i);

  /* A token's session does not survive fork(): PKCS #11 keys sign in this process. */
  n_workers = batch->options->pkcs11 != NULL ? 1 : MIN (MAX (g_get_num_processors (), 1), todo->len);
  if (n_workers <= 1 || !run_workers (batch, jobs, n_jobs, todo, n_workers))
    for (guint i = 0; i < todo->len; i++)
      {
        Job *job = &jobs[g_array_index (todo, guint, i)];

        if (job->path == NULL && job->error == NULL)
          export_one (batch, job);
      }

  for (guint i = 0; i < n_jobs; i++)
    {
      if (jobs[i].path != NULL)
        g_print ("%s\n", jobs[i].path);
      else
        {
          g_printerr ("%s: %s\n", jobs[i].draft,
                      jobs[i].error != NULL ? jobs[i].error->message : _("not exported"));
          n_failed++;
        }
    }
  return n_failed;
}

int
cli_export (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("DRAFT… — write signed disclosure bundles"));
  g_auto(ExportOptions) options = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(CandorSigner) signer = NULL;
  Batch batch = { 0, };
  g_autofree Job *jobs = NULL;
  char *passphrase = NULL;
  gboolean into_dir;
  guint n_sources, n_failed = 0;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &options.output,
      N_("Write the bundle to OUT.zip, or into the folder OUT (one per draft)"), N_("OUT") },
    { "identity", 0, 0, G_OPTION_ARG_STRING, &options.identity,
      N_("Sign with the stored identity NAME (or the identity folder at a path)"), N_("NAME") },
    { "key", 0, 0, G_OPTION_ARG_FILENAME, &options.key,
      N_("Sign with the private key in FILE (PEM or DER; with --cert)"), N_("FILE") },
    { "cert", 0, 0, G_OPTION_ARG_FILENAME, &options.cert,
      N_("The certificate chain of the key (PEM)"), N_("FILE") },
    { "pkcs12", 0, 0, G_OPTION_ARG_FILENAME, &options.pkcs12,
      N_("Sign with the key and chain in a PKCS #12 FILE"), N_("FILE") },
    { "pkcs11", 0, 0, G_OPTION_ARG_STRING, &options.pkcs11,
      N_("Sign with the key on a token or HSM (the certificate from --cert or the token)"), N_("URI") },
    { "passphrase-fd", 0, 0, G_OPTION_ARG_INT, &options.passphrase_fd,
      N_("Read the key’s passphrase (or the token PIN) from file descriptor N"), N_("N") },
    { "passphrase-env", 0, 0, G_OPTION_ARG_STRING, &options.passphrase_env,
      N_("Read the passphrase (or PIN) from the environment variable VAR"), N_("VAR") },
    { "template", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options.templates,
      N_("Label template to include (repeatable; default: all)"), N_("T") },
    { "format", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options.formats,
      N_("Label format: pdf, svg or png (repeatable; default: all three)"), N_("F") },
    { "allow-incomplete", 0, 0, G_OPTION_ARG_STRING, &options.allow_incomplete,
      N_("Export a draft with missing elements or blocking findings; the REASON, who and when are recorded in disclosure.json"),
      N_("REASON") },
    { "override-review", 0, 0, G_OPTION_ARG_STRING, &options.override_review,
      N_("Export although elements are not approved or their approval lapsed; the REASON, who, when and what was "
         "not approved are recorded in disclosure.json and in the draft’s review log (the draft is saved)"),
      N_("REASON") },
    { "by", 0, 0, G_OPTION_ARG_STRING, &options.by,
      N_("Who overrides, as recorded (default: your real name, or your login)"), N_("NAME") },
    { NULL }
  };

  options.passphrase_fd = -1;
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Each bundle holds disclosure.json, the labels, index.html, SHA256SUMS, SHA256SUMS.p7s and "
      "signer.pem. Check one with “candor-cli verify”, or with sha256sum -c SHA256SUMS and openssl cms "
      "-verify. Several drafts need OUT to be a folder; each bundle is named "
      "PRODUCT-disclosure.zip. A signed export needs every element approved (candor-cli review approve) "
      "and none changed since; --override-review REASON exports anyway and records it. Exit status: 0 all "
      "written, 1 a draft failed (incomplete, not approved, …), 2 usage error."));
  if (!cli_parse (context, &argc, &argv))
    return CLI_EXIT_USAGE;
  if (argc < 2)
    return cli_usage_error ("export", _("expected at least one DRAFT"));
  if (options.output == NULL)
    return cli_usage_error ("export", _("give the output with -o OUT"));
  n_sources = (options.identity != NULL) + (options.key != NULL) + (options.pkcs12 != NULL) + (options.pkcs11 != NULL);
  if (n_sources != 1)
    return cli_usage_error ("export", _("give exactly one of --identity, --key, --pkcs12 or --pkcs11"));
  if (options.key != NULL && options.cert == NULL)
    return cli_usage_error ("export", _("--key needs --cert"));
  if (options.cert != NULL && options.key == NULL && options.pkcs11 == NULL)
    return cli_usage_error ("export", _("--cert goes with --key or --pkcs11"));
  if (options.passphrase_fd >= 0 && options.passphrase_env != NULL)
    return cli_usage_error ("export", _("give --passphrase-fd or --passphrase-env, not both"));
  if (options.allow_incomplete != NULL && g_strstrip (options.allow_incomplete)[0] == '\0')
    return cli_usage_error ("export", _("--allow-incomplete needs a reason"));
  if (options.override_review != NULL && g_strstrip (options.override_review)[0] == '\0')
    return cli_usage_error ("export", _("--override-review needs a reason"));
  if (options.by != NULL && g_strstrip (options.by)[0] == '\0')
    return cli_usage_error ("export", _("--by needs a name"));

  into_dir = argc > 2 || g_file_test (options.output, G_FILE_TEST_IS_DIR) ||
             g_str_has_suffix (options.output, G_DIR_SEPARATOR_S);
  if (into_dir && g_mkdir_with_parents (options.output, 0755) != 0)
    {
      g_printerr (_("candor-cli export: cannot create the folder %s: %s\n"), options.output, g_strerror (errno));
      return CLI_EXIT_FAILED;
    }

  if (!read_passphrase (&options, &passphrase, &error))
    {
      g_printerr ("candor-cli export: %s\n", error->message);
      return CLI_EXIT_FAILED;
    }
  signer = open_signer (&options, passphrase, &error);
  wipe_free (g_steal_pointer (&passphrase));
  if (signer == NULL)
    {
      g_printerr ("candor-cli export: %s\n", error->message);
      return CLI_EXIT_FAILED;
    }

  /* What the user is about to sign with, before anything is written. */
  {
    g_autofree char *about = candor_certificate_describe (candor_signer_get_certificate (signer));
    g_printerr (_("Signing with:\n%s"), about);
  }
  if (!candor_signer_check_validity (signer, NULL, &error))
    {
      g_printerr (_("candor-cli export: cannot sign: %s\n"), error->message);
      return CLI_EXIT_FAILED;
    }

  batch.options = &options;
  batch.signer = signer;
  batch.into_dir = into_dir;
  batch.planned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  jobs = g_new0 (Job, argc - 1);
  for (int i = 1; i < argc; i++)
    jobs[i - 1].draft = argv[i];
  n_failed = run_batch (&batch, jobs, (guint) argc - 1);
  for (int i = 0; i < argc - 1; i++)
    {
      g_free (jobs[i].target);
      g_free (jobs[i].path);
      g_clear_error (&jobs[i].error);
    }
  g_hash_table_unref (batch.planned);
  return n_failed == 0 ? CLI_EXIT_OK : CLI_EXIT_FAILED;
}
