/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-autosave.c: keeps a copy of unsaved work and finds it again after a crash. */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "candor-autosave.h"
#include "candor-format.h"

#define DRAFT_SUFFIX ".candor"
#define INFO_SUFFIX ".info"
#define INFO_GROUP "Draft"
/* A recovered document remembers which draft it came from, so its autosaves replace that
 * draft instead of adding a second one. */
#define DRAFT_ID_KEY "candor-autosave-draft-id"

struct _CandorAutosave
{
  GObject         parent_instance;
  CandorDocument *document;
  GFile          *drafts_dir;
  char           *draft_id;
  guint           timeout_id;
  guint64         saved_serial;
  gboolean        have_draft;
};

G_DEFINE_FINAL_TYPE (CandorAutosave, candor_autosave, G_TYPE_OBJECT)

static GFile *
draft_file (CandorAutosave *self, const char *suffix)
{
  g_autofree char *name = g_strconcat (self->draft_id, suffix, NULL);
  return g_file_get_child (self->drafts_dir, name);
}

static void
delete_draft (CandorAutosave *self)
{
  g_autoptr(GFile) draft = draft_file (self, DRAFT_SUFFIX);
  g_autoptr(GFile) info = draft_file (self, INFO_SUFFIX);

  g_file_delete (draft, NULL, NULL);
  g_file_delete (info, NULL, NULL);
  self->have_draft = FALSE;
}

/* Drafts hold unsaved work, often of products not yet announced: the folder is 0700 and each
 * file 0600, whatever the umask (an older folder made 0755 is tightened too). */
static gboolean
make_private_folder (GFile *folder, GError **error)
{
  const char *path = g_file_peek_path (folder);
  int saved_errno;

  g_return_val_if_fail (path != NULL, FALSE);
  if (g_mkdir_with_parents (path, 0700) != 0 || g_chmod (path, 0700) != 0)
    {
      saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder for autosaved drafts, %s: %s"), path,
                   g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_private (GFile *file, GBytes *bytes, GError **error)
{
  const char *path = g_file_peek_path (file);
  int saved_errno;

  /* The atomic write keeps the mode of the file it replaces: make that 0600 first, and set it
   * on a new file right after (the folder is already private, so it is never exposed). */
  (void) g_chmod (path, 0600);
  if (!candor_format_write_atomically (file, bytes, NULL, error))
    return FALSE;
  if (g_chmod (path, 0600) != 0)
    {
      saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not make the autosaved draft %s private: %s"), path,
                   g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_draft (CandorAutosave *self, GError **error)
{
  g_autoptr(GFile) draft = draft_file (self, DRAFT_SUFFIX);
  g_autoptr(GFile) info_file = draft_file (self, INFO_SUFFIX);
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) info_bytes = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format_iso8601 (now);
  g_autofree char *info_data = NULL;
  g_autofree char *title = candor_document_dup_title (self->document);
  GFile *original = candor_document_get_file (self->document);
  gsize info_length;

  if (!make_private_folder (self->drafts_dir, error))
    return FALSE;

  bytes = candor_format_serialize (self->document);
  g_key_file_set_string (info, INFO_GROUP, "title", title);
  g_key_file_set_string (info, INFO_GROUP, "saved", stamp);
  if (original != NULL)
    {
      g_autofree char *uri = g_file_get_uri (original);
      g_key_file_set_string (info, INFO_GROUP, "original", uri);
    }
  info_data = g_key_file_to_data (info, &info_length, NULL);

  /* The info file first: one without its draft is ignored at recovery, while a draft whose
   * info file is missing or stale is still found (its title is then read from the draft). */
  info_bytes = g_bytes_new_take (g_steal_pointer (&info_data), info_length);
  if (!write_private (info_file, info_bytes, error) || !write_private (draft, bytes, error))
    return FALSE;

  self->have_draft = TRUE;
  return TRUE;
}

static gboolean
on_timeout (gpointer user_data)
{
  CandorAutosave *self = user_data;
  g_autoptr(GError) error = NULL;

  self->timeout_id = 0;
  if (!candor_autosave_flush (self, &error))
    g_warning ("Could not autosave “%s”: %s", self->draft_id, error->message);
  return G_SOURCE_REMOVE;
}

static void
on_document_changed (CandorDocument *document, const char *section, const char *key, CandorAutosave *self)
{
  /* Restart the clock on every change: write once the user pauses. */
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add (CANDOR_AUTOSAVE_DELAY_MS, on_timeout, self);
}

static void
on_dirty_changed (CandorDocument *document, GParamSpec *pspec, CandorAutosave *self)
{
  if (!candor_document_get_dirty (document))
    {
      /* Saved for real: the copy is no longer needed. */
      g_clear_handle_id (&self->timeout_id, g_source_remove);
      self->saved_serial = candor_document_get_change_serial (document);
      delete_draft (self);
    }
}

static void
candor_autosave_dispose (GObject *object)
{
  CandorAutosave *self = CANDOR_AUTOSAVE (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_object (&self->drafts_dir);
  G_OBJECT_CLASS (candor_autosave_parent_class)->dispose (object);
}

static void
candor_autosave_finalize (GObject *object)
{
  CandorAutosave *self = CANDOR_AUTOSAVE (object);

  g_free (self->draft_id);
  G_OBJECT_CLASS (candor_autosave_parent_class)->finalize (object);
}

static void
candor_autosave_class_init (CandorAutosaveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = candor_autosave_dispose;
  object_class->finalize = candor_autosave_finalize;
}

static void
candor_autosave_init (CandorAutosave *self)
{
}

/**
 * candor_autosave_new:
 * @document: the document to protect
 * @drafts_dir: where drafts are kept (created when first needed)
 *
 * Returns: (transfer full): the autosave, active until disposed
 */
CandorAutosave *
candor_autosave_new (CandorDocument *document, GFile *drafts_dir)
{
  CandorAutosave *self;
  const char *id;

  g_return_val_if_fail (CANDOR_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (G_IS_FILE (drafts_dir), NULL);

  self = g_object_new (CANDOR_TYPE_AUTOSAVE, NULL);
  self->document = g_object_ref (document);
  self->drafts_dir = g_object_ref (drafts_dir);
  id = g_object_get_data (G_OBJECT (document), DRAFT_ID_KEY);
  self->draft_id = id != NULL ? g_strdup (id) : g_uuid_string_random ();
  self->have_draft = id != NULL;
  self->saved_serial = candor_document_get_change_serial (document);

  g_signal_connect (document, "changed", G_CALLBACK (on_document_changed), self);
  g_signal_connect (document, "notify::dirty", G_CALLBACK (on_dirty_changed), self);

  /* A recovered document is dirty from the start: keep its draft fresh. */
  if (candor_document_get_dirty (document))
    self->timeout_id = g_timeout_add (CANDOR_AUTOSAVE_DELAY_MS, on_timeout, self);
  return self;
}

/**
 * candor_autosave_flush:
 *
 * Writes the draft now if the document has unsaved changes. Returns: FALSE on a write error
 */
gboolean
candor_autosave_flush (CandorAutosave *self, GError **error)
{
  g_return_val_if_fail (CANDOR_IS_AUTOSAVE (self), FALSE);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (!candor_document_get_dirty (self->document))
    return TRUE;
  return write_draft (self, error);
}

void
candor_autosave_discard (CandorAutosave *self)
{
  g_return_if_fail (CANDOR_IS_AUTOSAVE (self));

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  delete_draft (self);
}

/**
 * candor_autosave_get_draft_file:
 *
 * Returns: (transfer full): where the draft is (or would be) written
 */
GFile *
candor_autosave_get_draft_file (CandorAutosave *self)
{
  g_return_val_if_fail (CANDOR_IS_AUTOSAVE (self), NULL);
  return draft_file (self, DRAFT_SUFFIX);
}

void
candor_recoverable_free (CandorRecoverable *r)
{
  if (r == NULL)
    return;
  g_clear_object (&r->draft);
  g_clear_object (&r->original);
  g_clear_pointer (&r->title, g_free);
  g_clear_pointer (&r->saved, g_date_time_unref);
  g_free (r);
}

static int
compare_newest_first (gconstpointer a, gconstpointer b)
{
  const CandorRecoverable *ra = *(CandorRecoverable * const *) a;
  const CandorRecoverable *rb = *(CandorRecoverable * const *) b;

  return g_date_time_compare (rb->saved, ra->saved);
}

static CandorRecoverable *
read_recoverable (GFile *drafts_dir, const char *name)
{
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autoptr(GFile) info_file = NULL;
  g_autofree char *info_name = NULL;
  g_autofree char *id = NULL;
  g_autofree char *original = NULL;
  g_autofree char *saved = NULL;
  CandorRecoverable *r;

  id = g_strndup (name, strlen (name) - strlen (DRAFT_SUFFIX));
  info_name = g_strconcat (id, INFO_SUFFIX, NULL);
  info_file = g_file_get_child (drafts_dir, info_name);

  r = g_new0 (CandorRecoverable, 1);
  r->draft = g_file_get_child (drafts_dir, name);
  if (g_key_file_load_from_file (keys, g_file_peek_path (info_file), G_KEY_FILE_NONE, NULL))
    {
      r->title = g_key_file_get_string (keys, INFO_GROUP, "title", NULL);
      original = g_key_file_get_string (keys, INFO_GROUP, "original", NULL);
      saved = g_key_file_get_string (keys, INFO_GROUP, "saved", NULL);
    }
  if (original != NULL && *original != '\0')
    r->original = g_file_new_for_uri (original);
  if (saved != NULL)
    r->saved = g_date_time_new_from_iso8601 (saved, NULL);
  if (r->saved == NULL)
    {
      g_autoptr(GFileInfo) stat = g_file_query_info (r->draft, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                                     G_FILE_QUERY_INFO_NONE, NULL, NULL);
      r->saved = stat ? g_file_info_get_modification_date_time (stat) : NULL;
      if (r->saved == NULL)
        r->saved = g_date_time_new_from_unix_utc (0);
    }
  if (r->title == NULL)
    {
      g_autoptr(CandorDocument) document = candor_format_load_file (r->draft, NULL, NULL);
      r->title = document != NULL ? candor_document_dup_title (document)
                                  : g_strdup (g_dgettext (GETTEXT_PACKAGE, "Untitled Disclosure"));
    }
  return r;
}

/**
 * candor_autosave_list_recoverable:
 *
 * Returns: (transfer full) (element-type CandorRecoverable): drafts found, newest first
 */
GPtrArray *
candor_autosave_list_recoverable (GFile *drafts_dir)
{
  GPtrArray *found = g_ptr_array_new_with_free_func ((GDestroyNotify) candor_recoverable_free);
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  g_return_val_if_fail (G_IS_FILE (drafts_dir), found);

  children = g_file_enumerate_children (drafts_dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NONE, NULL, NULL);
  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      const char *name = g_file_info_get_name (info);

      if (g_str_has_suffix (name, DRAFT_SUFFIX) && name[0] != '.')
        g_ptr_array_add (found, read_recoverable (drafts_dir, name));
      g_object_unref (info);
    }
  g_ptr_array_sort (found, compare_newest_first);
  return found;
}

/**
 * candor_autosave_recover:
 *
 * Returns: (transfer full) (nullable): the recovered document, dirty, with the original file
 */
CandorDocument *
candor_autosave_recover (CandorRecoverable *r, GError **error)
{
  g_autoptr(CandorDocument) document = NULL;
  g_autofree char *basename = NULL;

  g_return_val_if_fail (r != NULL, NULL);

  document = candor_format_load_file (r->draft, NULL, error);
  if (document == NULL)
    return NULL;

  candor_document_set_file (document, r->original);
  candor_document_set_dirty (document, TRUE);
  basename = g_file_get_basename (r->draft);
  g_object_set_data_full (G_OBJECT (document), DRAFT_ID_KEY,
                          g_strndup (basename, strlen (basename) - strlen (DRAFT_SUFFIX)), g_free);
  return g_steal_pointer (&document);
}

void
candor_autosave_delete_recoverable (CandorRecoverable *r)
{
  g_autofree char *basename = NULL;
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GFile) info = NULL;

  g_return_if_fail (r != NULL);

  basename = g_file_get_basename (r->draft);
  parent = g_file_get_parent (r->draft);
  g_file_delete (r->draft, NULL, NULL);
  if (g_str_has_suffix (basename, DRAFT_SUFFIX))
    {
      g_autofree char *id = g_strndup (basename, strlen (basename) - strlen (DRAFT_SUFFIX));
      g_autofree char *name = g_strconcat (id, INFO_SUFFIX, NULL);
      info = g_file_get_child (parent, name);
      g_file_delete (info, NULL, NULL);
    }
}
