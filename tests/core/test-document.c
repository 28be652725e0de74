/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-document.c: the document model: properties, answers, texts, change signals. */
#include "config.h"

#include <glib/gstdio.h>

#include "candor-document.h"
#include "candor-error.h"
#include "candor-format.h"

typedef struct
{
  GPtrArray *sections;
  GPtrArray *keys;
} Changes;

static void
on_changed (CandorDocument *doc, const char *section, const char *key, Changes *changes)
{
  g_ptr_array_add (changes->sections, g_strdup (section));
  g_ptr_array_add (changes->keys, g_strdup (key ? key : "(all)"));
}

static void
count_notify (GObject *object, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

static void
test_new (void)
{
  CandorDocument *doc = candor_document_new ();
  g_autofree char *title = candor_document_dup_title (doc);

  g_assert_cmpstr (candor_document_get_product_name (doc), ==, "");
  g_assert_cmpstr (candor_document_get_language (doc), ==, "en");
  g_assert_cmpstr (title, ==, "Untitled Disclosure");
  g_assert_nonnull (candor_document_get_created (doc));
  g_assert_cmpuint (g_strv_length ((GStrv) candor_document_get_models (doc)), ==, 0);
  g_assert_false (candor_document_get_dirty (doc));
  for (guint i = 0; i < CANDOR_N_ELEMENTS; i++)
    {
      CandorElement *element = candor_document_get_element (doc, i);
      g_assert_cmpint (candor_element_get_id (element), ==, i);
      g_assert_cmpstr (candor_element_get_text (element, CANDOR_TEXT_LABEL), ==, "");
    }
  g_assert_finalize_object (doc);
}

static void
test_properties_notify_once (void)
{
  CandorDocument *doc = candor_document_new ();
  guint name_notifies = 0, title_notifies = 0, dirty_notifies = 0;
  const char *models[] = { "LC2-100", "LC2-100W", NULL };

  g_signal_connect (doc, "notify::product-name", G_CALLBACK (count_notify), &name_notifies);
  g_signal_connect (doc, "notify::title", G_CALLBACK (count_notify), &title_notifies);
  g_signal_connect (doc, "notify::dirty", G_CALLBACK (count_notify), &dirty_notifies);

  candor_document_set_product_name (doc, "Lumen Cam 2");
  candor_document_set_product_name (doc, "Lumen Cam 2");
  g_assert_cmpuint (name_notifies, ==, 1);
  g_assert_cmpuint (title_notifies, ==, 1);
  g_assert_cmpuint (dirty_notifies, ==, 1);
  g_assert_true (candor_document_get_dirty (doc));

  g_object_set (doc, "manufacturer", "Lumen Home Ltd.", NULL);
  g_assert_cmpstr (candor_document_get_manufacturer (doc), ==, "Lumen Home Ltd.");

  candor_document_set_models (doc, models);
  candor_document_set_models (doc, models);
  g_assert_cmpstrv (candor_document_get_models (doc), models);

  /* Clearing a field removes it rather than storing an empty string. */
  candor_document_set_url (doc, "https://example.com");
  candor_document_set_url (doc, "");
  g_assert_cmpstr (candor_document_get_url (doc), ==, "");
  g_assert_finalize_object (doc);
}

static void
test_changed_signal_detail (void)
{
  CandorDocument *doc = candor_document_new ();
  Changes changes = { g_ptr_array_new_with_free_func (g_free), g_ptr_array_new_with_free_func (g_free) };
  Changes a3_only = { g_ptr_array_new_with_free_func (g_free), g_ptr_array_new_with_free_func (g_free) };
  CandorElement *a3 = candor_document_get_element (doc, CANDOR_ELEMENT_A3);
  guint64 serial = candor_document_get_change_serial (doc);

  g_signal_connect (doc, "changed", G_CALLBACK (on_changed), &changes);
  g_signal_connect (doc, "changed::A3", G_CALLBACK (on_changed), &a3_only);

  candor_element_set_answer_string (a3, "end_date", "2030-12-31");
  candor_element_set_answer_string (a3, "end_date", "2030-12-31"); /* no change */
  candor_document_set_category (doc, "camera");
  candor_element_set_text (candor_document_get_element (doc, CANDOR_ELEMENT_B1), CANDOR_TEXT_WEB,
                           "The app tells you.", TRUE);

  g_assert_cmpuint (changes.sections->len, ==, 3);
  g_assert_cmpstr (changes.sections->pdata[0], ==, "A3");
  g_assert_cmpstr (changes.keys->pdata[0], ==, "end_date");
  g_assert_cmpstr (changes.sections->pdata[1], ==, "product");
  g_assert_cmpstr (changes.keys->pdata[1], ==, "category");
  g_assert_cmpstr (changes.sections->pdata[2], ==, "B1");
  g_assert_cmpstr (changes.keys->pdata[2], ==, "web_text");
  /* A preview of A.3 hears only about A.3. */
  g_assert_cmpuint (a3_only.sections->len, ==, 1);
  g_assert_cmpuint (candor_document_get_change_serial (doc), ==, serial + 3);

  g_ptr_array_unref (changes.sections);
  g_ptr_array_unref (changes.keys);
  g_ptr_array_unref (a3_only.sections);
  g_ptr_array_unref (a3_only.keys);
  g_assert_finalize_object (doc);
}

static void
test_element_answers (void)
{
  CandorElement *b1 = candor_element_new (CANDOR_ELEMENT_B1);
  const char *channels[] = { "app", "email", NULL };
  g_auto(GStrv) got = NULL;

  g_assert_false (candor_element_has_answer (b1, "channels"));
  g_assert_null (candor_element_dup_answer_strv (b1, "channels"));
  candor_element_set_answer_strv (b1, "channels", channels);
  got = candor_element_dup_answer_strv (b1, "channels");
  g_assert_cmpstrv (got, channels);
  g_assert_true (candor_element_answer_strv_contains (b1, "channels", "email"));
  g_assert_false (candor_element_answer_strv_contains (b1, "channels", "sms"));

  candor_element_set_answer_boolean (b1, "warns_before_end", TRUE);
  g_assert_true (candor_element_get_answer_boolean (b1, "warns_before_end", FALSE));
  /* Asking for the wrong type gives the default, not garbage. */
  g_assert_cmpint (candor_element_get_answer_int (b1, "warns_before_end", -7), ==, -7);
  g_assert_null (candor_element_get_answer_string (b1, "channels"));

  candor_element_set_answer_int (b1, "period", 60);
  g_assert_cmpint (candor_element_get_answer_int (b1, "period", 0), ==, 60);
  candor_element_unset_answer (b1, "period");
  g_assert_false (candor_element_has_answer (b1, "period"));
  candor_element_set_answer_string (b1, "schedule", NULL);
  g_assert_false (candor_element_has_answer (b1, "schedule"));
  g_assert_finalize_object (b1);
}

static void
count_element_change (CandorElement *element, const char *key, guint *count)
{
  (*count)++;
}

static void
test_text_edited_flag (void)
{
  CandorElement *a1 = candor_element_new (CANDOR_ELEMENT_A1);
  guint changes = 0;

  g_signal_connect (a1, "changed::label_text", G_CALLBACK (count_element_change), &changes);
  candor_element_set_text (a1, CANDOR_TEXT_LABEL, "Yes.", FALSE);
  g_assert_false (candor_element_get_text_edited (a1, CANDOR_TEXT_LABEL));
  candor_element_set_text (a1, CANDOR_TEXT_LABEL, "Yes.", TRUE);
  g_assert_true (candor_element_get_text_edited (a1, CANDOR_TEXT_LABEL));
  candor_element_set_text (a1, CANDOR_TEXT_LABEL, "Yes.", TRUE);
  g_assert_cmpuint (changes, ==, 2);
  g_assert_cmpstr (candor_element_get_text (a1, CANDOR_TEXT_WEB), ==, "");
  g_assert_finalize_object (a1);
}

static void
test_authors_and_review (void)
{
  CandorDocument *doc = candor_document_new ();
  g_autoptr(JsonObject) review = json_object_new ();
  const char *expected[] = { "Priya Shah", "Dana Legal", NULL };

  candor_document_add_author (doc, "Priya Shah");
  candor_document_add_author (doc, "Dana Legal");
  candor_document_add_author (doc, "Priya Shah");
  g_assert_cmpstrv (candor_document_get_authors (doc), expected);

  json_object_set_array_member (review, "comments", json_array_new ());
  candor_document_set_dirty (doc, FALSE);
  candor_document_set_review (doc, review);
  g_assert_true (candor_document_get_dirty (doc));
  g_assert_true (json_object_has_member (candor_document_get_review (doc), "comments"));
  /* The document keeps its own copy. */
  json_object_set_boolean_member (review, "changed-after", TRUE);
  g_assert_false (json_object_has_member (candor_document_get_review (doc), "changed-after"));
  g_assert_finalize_object (doc);
}

static void
test_element_ids (void)
{
  CandorElementId id;

  g_assert_true (candor_element_id_from_key ("B2", &id));
  g_assert_cmpint (id, ==, CANDOR_ELEMENT_B2);
  g_assert_true (candor_element_id_from_key ("A.3", &id));
  g_assert_cmpint (id, ==, CANDOR_ELEMENT_A3);
  g_assert_false (candor_element_id_from_key ("C1", &id));
  g_assert_false (candor_element_id_from_key (NULL, &id));
  g_assert_cmpstr (candor_element_id_to_display (CANDOR_ELEMENT_B3), ==, "B.3");
  g_assert_true (candor_element_id_is_label (CANDOR_ELEMENT_A3));
  g_assert_false (candor_element_id_is_label (CANDOR_ELEMENT_B1));
}

static char *
text_of_length (gint64 n)
{
  /* Multi-byte characters: the limit counts characters, not bytes. */
  GString *text = g_string_new (NULL);

  for (gint64 i = 0; i < n; i++)
    g_string_append (text, i % 10 == 9 ? " " : "\xc3\xa9");
  return g_string_free (text, FALSE);
}

static void
on_saved (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GAsyncResult **out = user_data;
  *out = g_object_ref (result);
}

/* ISSUE-15: a web text past the limit was saved, and the file then refused to open. */
static void
test_save_refuses_what_does_not_reload (void)
{
  g_autofree char *dir = g_dir_make_tmp ("candor-save-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "draft.candor", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CandorDocument) doc = candor_document_new ();
  CandorElement *a1 = candor_document_get_element (doc, CANDOR_ELEMENT_A1);
  gint64 limit = candor_format_get_text_max_length (CANDOR_ELEMENT_A1, CANDOR_TEXT_WEB);
  g_autofree char *at_limit = text_of_length (limit);
  g_autofree char *over = text_of_length (limit + 17);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CandorDocument) reloaded = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  /* The limit is the schema's, for every text. */
  g_assert_cmpint (limit, >, 0);
  for (guint i = 0; i < CANDOR_N_ELEMENTS; i++)
    for (guint k = 0; k < CANDOR_N_TEXT_KINDS; k++)
      g_assert_cmpint (candor_format_get_text_max_length (i, k), ==, limit);

  candor_document_set_product_name (doc, "Lumen Cam 2");
  candor_element_set_text (a1, CANDOR_TEXT_WEB, at_limit, TRUE);
  g_assert_true (candor_format_save_file (doc, file, NULL, &error));
  g_assert_no_error (error);
  reloaded = candor_format_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (candor_element_get_text (candor_document_get_element (reloaded, CANDOR_ELEMENT_A1),
                                            CANDOR_TEXT_WEB), ==, at_limit);
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));

  /* One past the limit: refused with a message naming the problem; the old file stays and the
   * document stays modified (so autosave keeps it). */
  candor_element_set_text (a1, CANDOR_TEXT_WEB, over, TRUE);
  g_assert_true (candor_document_get_dirty (doc));
  g_assert_false (candor_format_save_file (doc, file, NULL, &error));
  g_assert_error (error, CANDOR_ERROR, CANDOR_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "web_text"));
  g_assert_nonnull (strstr (error->message, "too long"));
  g_clear_error (&error);
  g_assert_true (candor_document_get_dirty (doc));
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (candor_element_get_text (a1, CANDOR_TEXT_WEB), ==, over);

  /* The async path (the app's Ctrl+S) checks the same way. */
  candor_format_save_file_async (doc, file, NULL, on_saved, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (candor_format_save_file_finish (doc, result, &error));
  g_assert_error (error, CANDOR_ERROR, CANDOR_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&after, g_free);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
  g_assert_true (candor_document_get_dirty (doc));

  /* A new file is not created at all. */
  {
    g_autofree char *other = g_build_filename (dir, "new.candor", NULL);
    g_autoptr(GFile) other_file = g_file_new_for_path (other);

    g_assert_false (candor_format_save_file (doc, other_file, NULL, &error));
    g_assert_error (error, CANDOR_ERROR, CANDOR_ERROR_INVALID);
    g_assert_false (g_file_test (other, G_FILE_TEST_EXISTS));
  }

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/candor/core/document/new", test_new);
  g_test_add_func ("/candor/core/document/properties-notify-once", test_properties_notify_once);
  g_test_add_func ("/candor/core/document/changed-detail", test_changed_signal_detail);
  g_test_add_func ("/candor/core/document/authors-review", test_authors_and_review);
  g_test_add_func ("/candor/core/element/answers", test_element_answers);
  g_test_add_func ("/candor/core/element/text-edited", test_text_edited_flag);
  g_test_add_func ("/candor/core/element/ids", test_element_ids);
  g_test_add_func ("/candor/core/document/save-refuses-what-does-not-reload",
                   test_save_refuses_what_does_not_reload);
  return g_test_run ();
}
