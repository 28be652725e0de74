/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-format.c: reading and writing .candor drafts (DESIGN §3). */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "candor-document-private.h"
#include "candor-error.h"
#include "candor-format.h"
#include "candor-json-strict.h"
#include "candor-json-util.h"
#include "candor-migrate.h"
#include "candor-schema.h"

#define SCHEMA_NAME "candor-draft.schema.json"
/* Messages list at most this many problems. */
#define MAX_PROBLEMS 50

/* Line and column (1-based, in characters) of byte @offset in @text. */
static void
offset_to_line_column (const char *text, gsize offset, guint *line, guint *column)
{
  const char *p = text;
  const char *end = text + offset;

  *line = 1;
  *column = 1;
  while (p < end)
    {
      if (*p == '\n')
        {
          (*line)++;
          *column = 1;
          p++;
        }
      else
        {
          (*column)++;
          p = g_utf8_next_char (p);
        }
    }
}

typedef struct
{
  gsize offset;
  char *key;
} Duplicate;

/*
 * One pass over text already known to be valid JSON (candor_json_strict_check() also bounds
 * its nesting) that finds a key given twice in one object: json-glib keeps the last and
 * drops the other without a word.
 */
static void
free_key_set (gpointer set)
{
  /* Arrays push NULL: they have no keys. */
  if (set != NULL)
    g_hash_table_unref (set);
}

static gboolean
find_duplicate_key (const char *text, gsize length, Duplicate *duplicate)
{
  GPtrArray *stack = g_ptr_array_new_with_free_func (free_key_set);
  gboolean expecting_key = FALSE;
  gboolean ok = TRUE;

  for (gsize i = 0; i < length && ok; i++)
    {
      char c = text[i];

      if (c == '"')
        {
          gsize start = ++i;

          while (i < length && text[i] != '"')
            i += text[i] == '\\' ? 2 : 1;
          if (expecting_key && stack->len > 0 && i <= length)
            {
              GHashTable *keys = g_ptr_array_index (stack, stack->len - 1);
              g_autofree char *key = g_strndup (text + start, i - start);

              /* Unescape exactly as the parser does, so "a" and "\u0061" are one key. */
              if (strchr (key, '\\') != NULL)
                {
                  g_autoptr(JsonParser) parser = json_parser_new ();
                  g_autofree char *quoted = g_strndup (text + start - 1, i - start + 2);

                  g_clear_pointer (&key, g_free);
                  if (json_parser_load_from_data (parser, quoted, -1, NULL))
                    key = g_strdup (json_node_get_string (json_parser_get_root (parser)));
                }
              if (keys != NULL && key != NULL)
                {
                  if (g_hash_table_contains (keys, key))
                    {
                      duplicate->offset = start - 1;
                      duplicate->key = g_strdup (key);
                      ok = FALSE;
                    }
                  else
                    g_hash_table_add (keys, g_steal_pointer (&key));
                }
            }
          expecting_key = FALSE;
        }
      else if (c == '{' || c == '[')
        {
          g_ptr_array_add (stack, c == '{' ? g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL)
                                           : NULL);
          expecting_key = c == '{';
        }
      else if (c == '}' || c == ']')
        {
          if (stack->len > 0)
            g_ptr_array_remove_index (stack, stack->len - 1);
          expecting_key = FALSE;
        }
      else if (c == ',')
        expecting_key = stack->len > 0 && g_ptr_array_index (stack, stack->len - 1) != NULL;
    }
  g_ptr_array_unref (stack);
  return ok;
}

/* Turns json-glib's "<data>:3:14: Parse error: unexpected character" into our wording. */
static void
set_parse_error (GError **error, const char *json_message)
{
  g_autoptr(GRegex) regex = g_regex_new ("^.*?:(\\d+):(\\d+): Parse error: (.*)$", G_REGEX_DOTALL, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  if (regex != NULL && g_regex_match (regex, json_message, 0, &match))
    {
      g_autofree char *line = g_match_info_fetch (match, 1);
      g_autofree char *column = g_match_info_fetch (match, 2);
      g_autofree char *what = g_match_info_fetch (match, 3);

      g_set_error (error, CANDOR_ERROR, CANDOR_ERROR_PARSE,
                   _("line %s, column %s: the file is not valid JSON (%s)"), line, column, what);
    }
  else
    g_set_error (error, CANDOR_ERROR, CANDOR_ERROR_PARSE,
                 _("the file is not valid JSON (%s)"), json_message);
}

/* Parses and checks the envelope; returns the root object with the current version, and the
 * version the file was written in (@file_version, may be NULL). */
static JsonNode *
parse_draft (GBytes *bytes, gint64 *file_version, GError **error)
{
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);
  const char *bad = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;
  JsonObject *object;
  JsonNode *format, *version;
  gsize bad_offset = 0;
  Duplicate duplicate = { 0, NULL };
  guint line, column;

  if (length > CANDOR_FORMAT_MAX_SIZE)
    {
      g_set_error (error, CANDOR_ERROR, CANDOR_ERROR_TOO_LARGE,
                   _("the file is too large for a draft (%" G_GSIZE_FORMAT " MiB; at most %d MiB)"),
                   length / (1024 * 1024), CANDOR_FORMAT_MAX_SIZE / (1024 * 1024));
      return NULL;
    }
  if (length == 0)
    {
      g_set_error (error, CANDOR_ERROR, CANDOR_ERROR_PARSE, _("the file is empty"));
      return NULL;
    }

  /* A NUL-terminated copy: json-glib and the scans below need one. */
  text = g_strndup (data, length);
  if (strlen (text) != length)
    {
      gsize offset = strlen (text);
      offset_to_line_column (text, offset, &line, &column);
      g_set_error (error, CANDOR_ERROR, CANDOR_ERROR_PARSE,
                   _("line %u, column %u: the file contains a NUL byte (byte %" G_GSIZE_FORMAT "); "
                     "it is not a text file"), line, column, offset + 1);
      return NULL;
    }
  if (!g_utf8_validate (text, (gssize) length, &bad))
    {
      gsize offset = bad != NULL ? (gsize) (bad - text) : strlen (text);
      offset_to_line_column (text, offset, &line, &column);
      g_set_error (error, CANDOR_ERROR, CANDOR_ERROR_PARSE,
                   _("line %u, column %u: the file is not valid UTF-8 text (byte %" G_GSIZE_FORMAT ")"),
                   line, column, offset + 1);
      return NULL;
    }

  /* Exactly RFC 8259, bounded, and every string valid UTF-8 without NUL: json-glib alone
   * accepts more (see candor-json-strict.c). */
  if (!candor_json_strict_check (text, length, &bad_offset, &local_error))
    {
      offset_to_line_column (text, bad_offset, &line, &column);
      if (local_error->code == CANDOR_ERROR_PARSE)
        g_set_error (error, CANDOR_ERROR, CANDOR_ERROR_PARSE,
                     _("line %u, column %u: the file is not valid JSON: %s"),
                     line, column, local_error->message);
      else
        g_set_error (error, CANDOR_ERROR, local_error->code, _("line %u, column %u: %s"),
                     line, column, local_error->message);
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, text, (gssize) length, &local_error))
    {
      set_parse_error (error, local_error->message);
      return NULL;
    }

  if (!find_duplicate_key (text, length, &duplicate))
    {
      offset_to_line_column (text, duplicate.offset, &line, &column);
      g_set_error (error, CANDOR_ERROR, CANDOR_ERROR_PARSE,
                   _("line %u, column %u: the key “%s” appears twice in the same object"),
                   line, column, duplicate.key);
      g_free (duplicate.key);
      return NULL;
    }

  /* The parser gave an immutable tree; migration and loading need a private mutable one. */
  root = candor_json_node_deep_copy (json_parser_get_root (parser));
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, CANDOR_ERROR, CANDOR_ERROR_NOT_A_DRAFT,
                   _("this is not a Candor draft: expected an object { … } at the top"));
      return NULL;
    }
  object = json_node_get_object (root);

  format = json_object_get_member (object, "format");
  if (format == NULL)
    {
      g_set_error (error, CANDOR_ERROR, CANDOR_ERROR_NOT_A_DRAFT,
                   _("this is not a Candor draft: $.format is missing (expected \"%s\")"),
                   CANDOR_FORMAT_NAME);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_VALUE (format) || json_node_get_value_type (format) != G_TYPE_STRING
      || strcmp (json_node_get_string (format), CANDOR_FORMAT_NAME) != 0)
    {
      g_set_error (error, CANDOR_ERROR, CANDOR_ERROR_NOT_A_DRAFT,
                   _("this is not a Candor draft: $.format: expected \"%s\""), CANDOR_FORMAT_NAME);
      return NULL;
    }

  version = json_object_get_member (object, "version");
  if (version == NULL)
    {
      g_set_error (error, CANDOR_ERROR, CANDOR_ERROR_INVALID,
                   _("$.version: missing (expected a whole number such as %d)"), CANDOR_FORMAT_VERSION);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_VALUE (version) || json_node_get_value_type (version) != G_TYPE_INT64)
    {
      g_set_error (error, CANDOR_ERROR, CANDOR_ERROR_INVALID,
                   _("$.version: expected a whole number such as %d"), CANDOR_FORMAT_VERSION);
      return NULL;
    }
  if (json_node_get_int (version) > CANDOR_FORMAT_VERSION)
    {
      g_set_error (error, CANDOR_ERROR, CANDOR_ERROR_VERSION_TOO_NEW,
                   _("this draft was written by a newer Candor (format version %" G_GINT64_FORMAT
                     "; this Candor reads versions up to %d). Update Candor to open it."),
                   json_node_get_int (version), CANDOR_FORMAT_VERSION);
      return NULL;
    }
  if (json_node_get_int (version) < 0)
    {
      g_set_error (error, CANDOR_ERROR, CANDOR_ERROR_INVALID,
                   _("$.version: expected a whole number from 0 to %d (found %" G_GINT64_FORMAT ")"),
                   CANDOR_FORMAT_VERSION, json_node_get_int (version));
      return NULL;
    }
  if (file_version != NULL)
    *file_version = json_node_get_int (version);
  if (json_node_get_int (version) < CANDOR_FORMAT_VERSION
      && !_candor_migrate (object, json_node_get_int (version), error))
    return NULL;

  return g_steal_pointer (&root);
}

static gint64
member_int (JsonObject *object, const char *key, gint64 missing)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return missing;
  return json_node_get_int (node);
}

/* What the schema cannot say about review comments: a text comment has its span and quote,
 * the span runs forwards, it is on a text or an answer (not both), and ids are unique. */
static void
check_review (JsonObject *root, GPtrArray *problems)
{
  JsonObject *review = candor_json_object_get_object (root, "review");
  JsonNode *node = review != NULL ? json_object_get_member (review, "comments") : NULL;
  g_autoptr(GHashTable) ids = NULL;
  JsonArray *comments;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return;
  comments = json_node_get_array (node);
  ids = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < json_array_get_length (comments) && problems->len < MAX_PROBLEMS; i++)
    {
      JsonNode *item = json_array_get_element (comments, i);
      JsonObject *comment;
      JsonNode *id;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        continue;
      comment = json_node_get_object (item);
      id = json_object_get_member (comment, "id");
      if (id != NULL && JSON_NODE_HOLDS_VALUE (id) && json_node_get_value_type (id) == G_TYPE_STRING
          && !g_hash_table_add (ids, (gpointer) json_node_get_string (id)))
        g_ptr_array_add (problems, g_strdup_printf (_("$.review.comments[%u].id: “%s” is the id of an earlier comment too"),
                                                    i, json_node_get_string (id)));
      if (json_object_has_member (comment, "field"))
        {
          gint64 start = member_int (comment, "start", -1);
          gint64 end = member_int (comment, "end", -1);

          if (json_object_has_member (comment, "answer"))
            g_ptr_array_add (problems, g_strdup_printf (_("$.review.comments[%u]: a comment is on a text (field) or on an answer (answer), not both"), i));
          else if (start < 0 || end < 0 || !json_object_has_member (comment, "quote"))
            g_ptr_array_add (problems, g_strdup_printf (_("$.review.comments[%u]: a comment on a text needs start, end and quote"), i));
          else if (end < start)
            g_ptr_array_add (problems, g_strdup_printf (_("$.review.comments[%u].end: %" G_GINT64_FORMAT " is before start (%" G_GINT64_FORMAT ")"),
                                                        i, end, start));
        }
    }
}

static void
collect_problems (JsonNode *root, GPtrArray *problems)
{
  if (candor_schema_validate (candor_schema_get (SCHEMA_NAME), root, problems, MAX_PROBLEMS))
    check_review (json_node_get_object (root), problems);
}

/* Splits the members of @object into known (@known_keys) and extras. */
static JsonObject *
extras_of (JsonObject *object, const char * const *known_keys)
{
  JsonObject *extras = json_object_new ();
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    if (!g_strv_contains (known_keys, name))
      json_object_set_member (extras, name, json_node_ref (member));
  return extras;
}

CandorDocument *
candor_format_load_bytes (GBytes *bytes, GError **error)
{
  static const char *root_keys[] = { "format", "version", "product", "elements", "review", "metadata", NULL };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(CandorDocument) document = NULL;
  g_autoptr(JsonObject) root_extras = NULL;
  g_autoptr(JsonObject) element_extras = NULL;
  g_autoptr(GStrvBuilder) element_keys = NULL;
  g_auto(GStrv) element_keyv = NULL;
  JsonObject *object, *elements;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  root = parse_draft (bytes, NULL, error);
  if (root == NULL)
    return NULL;

  problems = g_ptr_array_new_with_free_func (g_free);
  collect_problems (root, problems);
  if (problems->len > 0)
    {
      if (problems->len == 1)
        g_set_error_literal (error, CANDOR_ERROR, CANDOR_ERROR_INVALID, problems->pdata[0]);
      else
        g_set_error (error, CANDOR_ERROR, CANDOR_ERROR_INVALID,
                     g_dngettext (GETTEXT_PACKAGE, "%s (and %u more problem)",
                                  "%s (and %u more problems)", problems->len - 1),
                     (const char *) problems->pdata[0], problems->len - 1);
      return NULL;
    }

  object = json_node_get_object (root);
  elements = candor_json_object_get_object (object, "elements");
  document = candor_document_new ();

  element_keys = g_strv_builder_new ();
  for (guint i = 0; i < CANDOR_N_ELEMENTS; i++)
    {
      const char *key = candor_element_id_to_key ((CandorElementId) i);
      JsonObject *element = elements ? candor_json_object_get_object (elements, key) : NULL;

      g_strv_builder_add (element_keys, key);
      if (element != NULL)
        candor_element_load_json (candor_document_get_element (document, (CandorElementId) i), element);
    }
  element_keyv = g_strv_builder_end (element_keys);

  root_extras = extras_of (object, root_keys);
  element_extras = elements ? extras_of (elements, (const char * const *) element_keyv) : NULL;
  _candor_document_load (document,
                         candor_json_object_get_object (object, "product"),
                         candor_json_object_get_object (object, "metadata"),
                         candor_json_object_get_object (object, "review"),
                         root_extras, element_extras);
  candor_document_set_dirty (document, FALSE);
  return g_steal_pointer (&document);
}

GPtrArray *
candor_format_check_bytes (GBytes *bytes)
{
  return candor_format_check_bytes_version (bytes, NULL);
}

/**
 * candor_format_check_bytes_version:
 * @bytes: the file contents
 * @out_version: (out) (optional): the format version the file says it is written in, when
 *   that could be read (else left alone)
 *
 * candor_format_check_bytes(), also telling the file's own version: a draft of an older
 * version (0) is checked as it is read, that is after migration to the current version,
 * since the schema describes the current version only.
 *
 * Returns: (transfer full): array of messages (char *), empty when valid
 */
GPtrArray *
candor_format_check_bytes_version (GBytes *bytes, gint64 *out_version)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (bytes != NULL, problems);

  root = parse_draft (bytes, out_version, &error);
  if (root == NULL)
    g_ptr_array_add (problems, g_strdup (error->message));
  else
    collect_problems (root, problems);
  return problems;
}

GBytes *
candor_format_read_file (GFile *file, GCancellable *cancellable, GError **error)
{
  const char *path;
  g_autofree char *shown = NULL;
  struct stat st;
  GByteArray *data;
  int fd;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  path = g_file_peek_path (file);
  if (path == NULL)
    {
      /* Not a local file (a GVfs location): GIO checks the type, the size is checked after. */
      GBytes *bytes = g_file_load_bytes (file, cancellable, NULL, error);
      if (bytes != NULL && g_bytes_get_size (bytes) > CANDOR_FORMAT_MAX_SIZE)
        {
          g_set_error (error, CANDOR_ERROR, CANDOR_ERROR_TOO_LARGE,
                       _("the file is too large for a draft (%" G_GSIZE_FORMAT " MiB; at most %d MiB)"),
                       g_bytes_get_size (bytes) / (1024 * 1024), CANDOR_FORMAT_MAX_SIZE / (1024 * 1024));
          g_clear_pointer (&bytes, g_bytes_unref);
        }
      return bytes;
    }
  shown = g_filename_display_name (path);

  /* O_NONBLOCK: opening a FIFO must not wait for a writer. */
  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Could not open %s: %s"),
                   shown, g_strerror (saved));
      return NULL;
    }
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      if (S_ISDIR (st.st_mode))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, _("%s is a folder, not a draft"), shown);
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                     _("%s is not a regular file (a device, pipe or socket), so it cannot be a draft"), shown);
      close (fd);
      return NULL;
    }
  /* Refuse a huge file before reading any of it. */
  if (st.st_size > CANDOR_FORMAT_MAX_SIZE)
    {
      g_set_error (error, CANDOR_ERROR, CANDOR_ERROR_TOO_LARGE,
                   _("the file is too large for a draft (%" G_GINT64_FORMAT " MiB; at most %d MiB)"),
                   (gint64) st.st_size / (1024 * 1024), CANDOR_FORMAT_MAX_SIZE / (1024 * 1024));
      close (fd);
      return NULL;
    }

  /* Read at most one byte past the limit, in case the file grows while it is read. */
  data = g_byte_array_sized_new ((guint) st.st_size + 1);
  for (;;)
    {
      guint8 buffer[65536];
      ssize_t n = read (fd, buffer, sizeof buffer);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Could not read %s: %s"),
                       shown, g_strerror (saved));
          g_byte_array_unref (data);
          close (fd);
          return NULL;
        }
      if (n == 0)
        break;
      g_byte_array_append (data, buffer, (guint) n);
      if (data->len > CANDOR_FORMAT_MAX_SIZE)
        {
          g_set_error (error, CANDOR_ERROR, CANDOR_ERROR_TOO_LARGE,
                       _("the file is too large for a draft (more than %d MiB)"),
                       CANDOR_FORMAT_MAX_SIZE / (1024 * 1024));
          g_byte_array_unref (data);
          close (fd);
          return NULL;
        }
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          g_byte_array_unref (data);
          close (fd);
          return NULL;
        }
    }
  close (fd);
  return g_byte_array_free_to_bytes (data);
}

/**
 * candor_format_get_text_max_length:
 *
 * How many characters the loader accepts in an element's label or web text: the schema's
 * "maxLength", read from the schema itself so that editors and the loader cannot disagree.
 */
gint64
candor_format_get_text_max_length (CandorElementId id, CandorTextKind kind)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (id < CANDOR_N_ELEMENTS, -1);
  g_return_val_if_fail (kind < CANDOR_N_TEXT_KINDS, -1);

  path = g_strdup_printf ("$.elements.%s.%s_text", candor_element_id_to_key (id),
                          candor_text_kind_to_key (kind));
  return candor_schema_get_max_length (candor_schema_get (SCHEMA_NAME), path);
}

/* Every save reloads: bytes the loader would refuse are never written. */
static gboolean
check_reloads (GBytes *bytes, GError **error)
{
  g_autoptr(GError) load_error = NULL;
  g_autoptr(CandorDocument) reloaded = candor_format_load_bytes (bytes, &load_error);

  if (reloaded != NULL)
    return TRUE;
  /* In two halves, so that candor_error_dup_summary() can find the loader's reason. */
  g_set_error (error, CANDOR_ERROR, CANDOR_ERROR_INVALID, "%s%s%s", _candor_error_not_saved_prefix (),
               load_error->message, _candor_error_not_saved_suffix ());
  return FALSE;
}

CandorDocument *
candor_format_load_file (GFile *file, GCancellable *cancellable, GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  CandorDocument *document;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  bytes = candor_format_read_file (file, cancellable, error);
  if (bytes == NULL)
    return NULL;

  document = candor_format_load_bytes (bytes, error);
  if (document != NULL)
    candor_document_set_file (document, file);
  return document;
}

static void
load_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  GError *error = NULL;
  CandorDocument *document = candor_format_load_file (task_data, cancellable, &error);

  if (document == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, document, g_object_unref);
}

void
candor_format_load_file_async (GFile               *file,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, candor_format_load_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

/**
 * candor_format_load_file_finish:
 *
 * Returns: (transfer full) (nullable): the document, with its file set
 */
CandorDocument *
candor_format_load_file_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* A copy of @node with object members in schema order (then unknown ones as read). */
static JsonNode *
canonicalize (CandorSchema *schema, JsonNode *node, const char *path)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      const char * const *order = path ? candor_schema_get_key_order (schema, path) : NULL;
      JsonObject *out = json_object_new ();
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;
      JsonNode *result;

      for (guint i = 0; order != NULL && order[i] != NULL; i++)
        {
          member = json_object_get_member (object, order[i]);
          if (member != NULL)
            {
              g_autofree char *child = g_strconcat (path, ".", order[i], NULL);
              json_object_set_member (out, order[i], canonicalize (schema, member, child));
            }
        }
      json_object_iter_init_ordered (&iter, object);
      while (json_object_iter_next_ordered (&iter, &name, &member))
        if (!json_object_has_member (out, name))
          {
            /* Unknown keys keep their content verbatim; known keys of unknown objects have
             * no schema path to follow. */
            g_autofree char *child = order ? g_strconcat (path, ".", name, NULL) : NULL;
            json_object_set_member (out, name, canonicalize (schema, member, child));
          }
      result = json_node_alloc ();
      json_node_take_object (json_node_init (result, JSON_NODE_OBJECT), out);
      return result;
    }
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      JsonArray *out = json_array_sized_new (json_array_get_length (array));
      g_autofree char *child = path ? g_strconcat (path, ".[]", NULL) : NULL;
      JsonNode *result;

      for (guint i = 0; i < json_array_get_length (array); i++)
        json_array_add_element (out, canonicalize (schema, json_array_get_element (array, i), child));
      result = json_node_alloc ();
      json_node_take_array (json_node_init (result, JSON_NODE_ARRAY), out);
      return result;
    }
  return json_node_copy (node);
}

static void
set_object (JsonObject *into, const char *key, JsonObject *value)
{
  json_object_set_object_member (into, key, json_object_ref (value));
}

/* The whole draft as one JSON tree (members not yet in canonical order). */
static JsonNode *
document_to_json (CandorDocument *document)
{
  JsonObject *root = json_object_new ();
  JsonObject *elements = json_object_new ();
  JsonObject *extras;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;
  JsonNode *node;

  json_object_set_string_member (root, "format", CANDOR_FORMAT_NAME);
  json_object_set_int_member (root, "version", CANDOR_FORMAT_VERSION);
  set_object (root, "product", _candor_document_get_product_json (document));

  for (guint i = 0; i < CANDOR_N_ELEMENTS; i++)
    {
      CandorElement *element = candor_document_get_element (document, (CandorElementId) i);
      set_object (elements, candor_element_id_to_key ((CandorElementId) i), candor_element_get_json (element));
    }
  extras = _candor_document_get_elements_extras (document);
  json_object_iter_init_ordered (&iter, extras);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    json_object_set_member (elements, name, json_node_ref (member));
  json_object_set_object_member (root, "elements", elements);

  if (json_object_get_size (candor_document_get_review (document)) > 0)
    set_object (root, "review", candor_document_get_review (document));
  set_object (root, "metadata", _candor_document_get_metadata_json (document));

  extras = _candor_document_get_root_extras (document);
  json_object_iter_init_ordered (&iter, extras);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    json_object_set_member (root, name, json_node_ref (member));

  node = json_node_alloc ();
  json_node_take_object (json_node_init (node, JSON_NODE_OBJECT), root);
  return node;
}

/**
 * candor_format_serialize:
 *
 * Returns: (transfer full): the draft's canonical bytes
 */
GBytes *
candor_format_serialize (CandorDocument *document)
{
  g_autoptr(JsonNode) tree = NULL;
  g_autoptr(JsonNode) canonical = NULL;
  char *text;

  g_return_val_if_fail (CANDOR_IS_DOCUMENT (document), NULL);

  tree = document_to_json (document);
  canonical = canonicalize (candor_schema_get (SCHEMA_NAME), tree, "$");
  text = candor_json_to_pretty_string (canonical);
  return g_bytes_new_take (text, strlen (text));
}

/* Stamps what saving records in the metadata, and returns the bytes to write. */
static GBytes *
prepare_save (CandorDocument *document)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  JsonObject *metadata = _candor_document_get_metadata_json (document);

  candor_document_set_modified (document, now);
  json_object_set_string_member (metadata, "generator", "Candor " PACKAGE_VERSION);
  return candor_format_serialize (document);
}

/* Writes @bytes to a new file beside @path and renames it over @path only once every byte is
 * on disk. GIO's g_file_replace_contents() may rewrite an existing file in place (we saw a
 * failed write truncate the old draft), so local files are handled here explicitly. */
static gboolean
write_local_atomically (const char *path, GBytes *bytes, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmp_name = g_strdup_printf (".%s.XXXXXX", base);
  g_autofree char *tmp_path = g_build_filename (dir, tmp_name, NULL);
  const guint8 *data;
  gsize length, done = 0;
  struct stat old_stat;
  int saved_errno;
  int fd;

  fd = g_mkstemp_full (tmp_path, O_WRONLY | O_CLOEXEC, 0644);
  if (fd < 0)
    {
      saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create a file in %s: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  /* Keep the permissions of the draft being replaced. */
  if (g_stat (path, &old_stat) == 0)
    (void) fchmod (fd, old_stat.st_mode & 07777);

  data = g_bytes_get_data (bytes, &length);
  while (done < length)
    {
      gssize n = write (fd, data + done, length - done);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        goto fail;
      done += (gsize) n;
    }
  if (fsync (fd) != 0)
    goto fail;
  if (close (fd) != 0)
    {
      fd = -1;
      goto fail;
    }
  fd = -1;
  if (g_rename (tmp_path, path) != 0)
    goto fail;
  return TRUE;

fail:
  saved_errno = errno != 0 ? errno : EIO;
  if (fd >= 0)
    close (fd);
  g_unlink (tmp_path);
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Could not save %s: %s. The previous version was kept."), path, g_strerror (saved_errno));
  return FALSE;
}

/**
 * candor_format_write_atomically:
 *
 * Replaces @file with @bytes through a temporary file and a rename: after a failure the old
 * contents are intact. A symbolic link is followed, so the link itself stays.
 */
gboolean
candor_format_write_atomically (GFile *file, GBytes *bytes, GCancellable *cancellable, GError **error)
{
  const char *path = g_file_peek_path (file);

  if (path != NULL)
    {
      g_autofree char *real = realpath (path, NULL);
      return write_local_atomically (real != NULL ? real : path, bytes, error);
    }

  /* Remote locations: ask for a replace through a temporary file. */
  return g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL,
                                  cancellable, error);
}

gboolean
candor_format_save_file (CandorDocument *document,
                         GFile          *file,
                         GCancellable   *cancellable,
                         GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;
  guint64 serial;

  g_return_val_if_fail (CANDOR_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  serial = candor_document_get_change_serial (document);
  bytes = prepare_save (document);
  if (!check_reloads (bytes, error)
      || !candor_format_write_atomically (file, bytes, cancellable, error))
    return FALSE;

  candor_document_set_file (document, file);
  if (candor_document_get_change_serial (document) == serial)
    candor_document_set_dirty (document, FALSE);
  return TRUE;
}

typedef struct
{
  GFile   *file;
  GBytes  *bytes;
  guint64  serial;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_free (data);
}

static void
save_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  SaveData *data = task_data;
  GError *error = NULL;

  if (check_reloads (data->bytes, &error)
      && candor_format_write_atomically (data->file, data->bytes, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
candor_format_save_file_async (CandorDocument      *document,
                               GFile               *file,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveData *data;

  g_return_if_fail (CANDOR_IS_DOCUMENT (document));
  g_return_if_fail (G_IS_FILE (file));

  /* Serialise now, on the caller's thread (the model is not thread-safe); write elsewhere. */
  data = g_new0 (SaveData, 1);
  data->file = g_object_ref (file);
  data->serial = candor_document_get_change_serial (document);
  data->bytes = prepare_save (document);

  task = g_task_new (document, cancellable, callback, user_data);
  g_task_set_source_tag (task, candor_format_save_file_async);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);
  g_task_run_in_thread (task, save_thread);
}

/**
 * candor_format_save_file_finish:
 *
 * On success sets the document's file and, if nothing changed while writing, clears dirty.
 */
gboolean
candor_format_save_file_finish (CandorDocument *document, GAsyncResult *result, GError **error)
{
  SaveData *data;

  g_return_val_if_fail (g_task_is_valid (result, document), FALSE);

  data = g_task_get_task_data (G_TASK (result));
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  candor_document_set_file (document, data->file);
  if (candor_document_get_change_serial (document) == data->serial)
    candor_document_set_dirty (document, FALSE);
  return TRUE;
}
