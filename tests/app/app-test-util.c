/* SPDX-License-Identifier: GPL-3.0-or-later */
/* app-test-util.c: helpers for UI tests: waiting on the main loop, screenshots, finding widgets,
 * checking accessible names. */

#include "config.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "app-test-util.h"
#include "candor-alert.h"
#include "candor-application.h"
#include "candor-format.h"

gboolean
wait_until (Condition condition,
            gpointer  data,
            guint     timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    }
  return TRUE;
}

static gboolean
result_ready (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

GAsyncResult *
wait_for_result (GAsyncResult **slot)
{
  g_assert_true (wait_until (result_ready, slot, 20000));
  return *slot;
}

static gboolean
frames_done (gpointer data)
{
  return GPOINTER_TO_UINT (g_object_get_data (data, "test-frames")) >= 4;
}

static gboolean
count_frame (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       user_data)
{
  guint n = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "test-frames"));

  g_object_set_data (G_OBJECT (widget), "test-frames", GUINT_TO_POINTER (n + 1));
  return n + 1 < 4 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

void
settle (GtkWidget *window)
{
  gint64 until = g_get_monotonic_time () + 400 * 1000;

  g_object_set_data (G_OBJECT (window), "test-frames", GUINT_TO_POINTER (0));
  gtk_widget_add_tick_callback (window, count_frame, NULL, NULL);
  g_assert_true (wait_until (frames_done, window, 10000));
  while (g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (2000);
}

/* @window: a window, or a widget inside one (an alert dialog in libadwaita 1.5 and later is
 * drawn inside its window, so the whole window is saved, with the dialog over it). */
void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  GtkWidget *window = GTK_IS_NATIVE (widget) ? widget : GTK_WIDGET (gtk_widget_get_native (widget));
  int width, height;
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = g_build_filename (g_getenv ("CANDOR_BUILD_ROOT") ?: ".",
                                           "tests", "app", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);

  settle (window);
  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_nonnull (texture);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
  g_print ("# screenshot: %s (%dx%d)\n", path, width, height);
}

GtkWidget *
find_entry_row (GtkWidget  *root,
                const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_entry_row (child, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

/* The question (candor-alert) shown over @parent, or NULL. */
GtkWidget *
find_dialog_for (GtkWindow *parent)
{
  return candor_alert_find (GTK_WIDGET (parent));
}

typedef struct { GtkWidget *parent, *alert; } AlertWait;

static gboolean
alert_gone (gpointer data)
{
  AlertWait *wait = data;
  return candor_alert_find (wait->parent) != wait->alert;
}

/* Answers @alert as a click on @id does, and waits until it is off the screen (an alert dialog
 * closes with an animation, and until then it is still the window's visible dialog). */
void
answer_alert (GtkWidget  *alert,
              const char *id)
{
  AlertWait wait = { NULL, alert };

  wait.parent = GTK_IS_WINDOW (alert) ? GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (alert)))
                                      : GTK_WIDGET (gtk_widget_get_root (alert));
  /* Both held while answering: the answer may close the window and destroy the alert (and the
   * check below compares against the alert's address). */
  g_object_ref (alert);
  if (wait.parent != NULL)
    g_object_ref (wait.parent);
  /* An alert dialog shows its buttons from its first frame on: answer what is on the screen. */
  settle (GTK_IS_WINDOW (alert) ? alert : wait.parent);
  candor_alert_response (alert, id);
  if (wait.parent != NULL)
    {
      g_assert_true (wait_until (alert_gone, &wait, 5000));
      g_object_unref (wait.parent);
    }
  g_object_unref (alert);
}

gboolean
dialog_shown (gpointer data)
{
  return find_dialog_for (data) != NULL;
}

static gboolean
has_label_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_label_get_text (GTK_LABEL (widget))[0] != '\0')
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label_text (child))
      return TRUE;
  return FALSE;
}

static void
collect_unnamed (GtkWidget *widget,
                 GString   *unnamed)
{
  /* GTK 4.8's own minimize/maximize/close buttons have no names (fixed in later GTK): not
   * ours to fix. */
  if (!gtk_widget_get_mapped (widget) || GTK_IS_WINDOW_CONTROLS (widget))
    return;
  /* libadwaita 1.7's own toast close button has no name either (its private AdwToastWidget). */
  if (g_strcmp0 (G_OBJECT_TYPE_NAME (widget), "AdwToastWidget") == 0)
    return;

  /* Role "none" or "presentation" keeps a widget out of the accessibility tree (GTK 4.10 and
   * later give a spin button's own text and +/- buttons that role: the spin button itself is
   * the control a screen reader sees, and it is checked). */
  GtkAccessibleRole role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget));
  gboolean exposed = role != GTK_ACCESSIBLE_ROLE_NONE && role != GTK_ACCESSIBLE_ROLE_PRESENTATION;

  if (exposed &&
      (gtk_widget_get_focusable (widget) || GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget)))
    {
      GtkAccessible *accessible = GTK_ACCESSIBLE (widget);
      gboolean named = gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL) ||
                       gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY) ||
                       (!GTK_IS_TEXT (widget) && has_label_text (widget));

      if (!named)
        g_string_append_printf (unnamed, " %s (in %s)", G_OBJECT_TYPE_NAME (widget),
                                G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_unnamed (child, unnamed);
}

void
assert_all_named (GtkWidget *root)
{
  g_autoptr(GString) unnamed = g_string_new (NULL);

  collect_unnamed (root, unnamed);
  if (unnamed->len > 0)
    g_error ("Controls without an accessible name:%s", unnamed->str);
}

void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children =
    g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                               G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  GFileInfo *info;

  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autoptr(GFile) child = g_file_get_child (file, g_file_info_get_name (info));
      remove_tree (child);
      g_object_unref (info);
    }
  g_file_delete (file, NULL, NULL);
}

void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

CandorDocument *
load_example (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("CANDOR_SOURCE_ROOT"), "data", "examples",
                                            "smart-camera.candor", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CandorDocument *document = candor_format_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return document;
}

#if defined(__SANITIZE_ADDRESS__)
#define CANDOR_TEST_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CANDOR_TEST_ASAN 1
#endif
#endif

/* WebKitGTK's JavaScript engine keeps allocations for the life of the process (its heap and
 * JIT); they are not ours to free. Read by LeakSanitizer in sanitizer builds. */
const char *__lsan_default_suppressions (void);

const char *
__lsan_default_suppressions (void)
{
  /* _dl_init: one-time allocations of a library's constructor, made at start-up. */
  return "leak:libjavascriptcoregtk-6.0.so\nleak:libwebkitgtk-6.0.so\nleak:_dl_init\n";
}

/* Gives this test process folders of its own for data (drafts, autosave), configuration
 * (recent files) and cache under a new temporary folder, and settings in memory; set before
 * GLib caches them. Returns the temporary folder (remove it with remove_tree() at the end).
 * @name_template: as for g_dir_make_tmp(), e.g. "candor-app-test-XXXXXX". */
char *
app_test_private_folders (const char *name_template)
{
  char *root = g_dir_make_tmp (name_template, NULL);
  g_autofree char *data = NULL;
  g_autofree char *config = NULL;
  g_autofree char *cache = NULL;

  g_assert_nonnull (root);
  data = g_build_filename (root, "data", NULL);
  config = g_build_filename (root, "config", NULL);
  cache = g_build_filename (root, "cache", NULL);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  return root;
}

/* A private session bus, so the app registers as it would on a desktop; NULL when the
 * environment already has one. Stop it with g_test_dbus_down() at the end. */
GTestDBus *
app_test_private_bus (void)
{
  g_autofree char *display = NULL;
  GTestDBus *bus;

  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") != NULL)
    return NULL;
  display = g_strdup (g_getenv ("DISPLAY"));
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  /* g_test_dbus_up() unsets DISPLAY (against D-Bus autolaunch); the tests need it. */
  g_test_dbus_up (bus);
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);
  return bus;
}

static GPid private_display_pid;

static void
stop_private_display (void)
{
  if (private_display_pid > 0)
    kill (private_display_pid, SIGTERM);
}

static void
die_with_parent (gpointer data)
{
  (void) data;
  /* The server goes when the test process goes, even when it is killed or aborts. */
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

void
app_test_private_display (void)
{
  g_autofree char *xvfb = NULL;
  g_autofree char *fd_arg = NULL;
  g_autoptr(GError) error = NULL;
  char number[32] = { 0 };
  gsize len = 0;
  int fds[2];

  if (g_strcmp0 (g_getenv ("CANDOR_TEST_SHARED_DISPLAY"), "1") == 0)
    return;
  xvfb = g_find_program_in_path ("Xvfb");
  if (xvfb == NULL)
    return;
  g_assert_cmpint (pipe (fds), ==, 0);
  fd_arg = g_strdup_printf ("%d", fds[1]);
  {
    const char *argv[] = { xvfb, "-displayfd", fd_arg, "-screen", "0", "1400x1000x24",
                           "-nolisten", "tcp", "-noreset", NULL };
    GSpawnFlags flags = G_SPAWN_LEAVE_DESCRIPTORS_OPEN | G_SPAWN_STDOUT_TO_DEV_NULL |
                        G_SPAWN_STDERR_TO_DEV_NULL | G_SPAWN_DO_NOT_REAP_CHILD;

    if (!g_spawn_async (NULL, (char **) argv, NULL, flags, die_with_parent, NULL,
                        &private_display_pid, &error))
      g_error ("could not start %s: %s", xvfb, error->message);
  }
  close (fds[1]);
  /* Xvfb writes its display number and a newline once it accepts clients. */
  while (len < sizeof number - 1 && strchr (number, '\n') == NULL)
    {
      struct pollfd pfd = { .fd = fds[0], .events = POLLIN };
      ssize_t n;
      int ready = poll (&pfd, 1, 20000);

      if (ready < 0 && errno == EINTR)
        continue;
      if (ready <= 0)
        g_error ("Xvfb did not start within 20 s");
      n = read (fds[0], number + len, sizeof number - 1 - len);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        g_error ("Xvfb ended before it gave its display number");
      len += (gsize) n;
    }
  close (fds[0]);
  g_strstrip (number);
  {
    g_autofree char *display = g_strdup_printf (":%s", number);

    g_setenv ("DISPLAY", display, TRUE);
  }
  g_unsetenv ("WAYLAND_DISPLAY");
  g_unsetenv ("XAUTHORITY");
  atexit (stop_private_display);
}

/* Makes GTK draw with cairo and no GL, unless the caller's environment already chose: the
 * variable is GDK_DEBUG=gl-disable up to GTK 4.14 and GDK_DISABLE=gl from GTK 4.16 on (4.16
 * and later only warn about the old value and keep GL on). Call before gtk_init(), or before
 * starting a child process that should inherit it. */
void
app_test_disable_gl (void)
{
#if GTK_CHECK_VERSION (4, 16, 0)
  if (g_getenv ("GDK_DISABLE") == NULL)
    g_setenv ("GDK_DISABLE", "gl", TRUE);
#else
  if (g_getenv ("GDK_DEBUG") == NULL)
    g_setenv ("GDK_DEBUG", "gl-disable", TRUE);
#endif
  /* WebKitGTK then draws the preview with the CPU: say so before it probes GTK's GL. */
  app_test_web_preview_without_gl ();
}

/* For tests that turn GTK's GL off (GDK_DEBUG=gl-disable) before GTK starts: WebKitGTK
 * then draws the web preview with the CPU; told so beforehand, it does not first probe GTK's
 * GL and warn (fatal in a test). The sanitizer run shows the preview's HTML instead (see
 * below). Call before any thread starts. */
void
app_test_web_preview_without_gl (void)
{
  if (g_getenv ("WEBKIT_DISABLE_COMPOSITING_MODE") == NULL)
    g_setenv ("WEBKIT_DISABLE_COMPOSITING_MODE", "1", TRUE);
#ifdef CANDOR_TEST_ASAN
  if (g_getenv ("CANDOR_WEB_PREVIEW") == NULL)
    g_setenv ("CANDOR_WEB_PREVIEW", "source", TRUE);
#endif
}

/* Shared by the tests that show the web preview (WebKitGTK needs GL). */
void
app_test_init_gtk_for_previews (void)
{
  /* Render with cairo: screenshots do not depend on the GPU or Mesa. (GL itself stays on,
   * for WebKitGTK's usual path; test-preview's web-renders-without-gl covers the other.) */
  if (g_getenv ("GSK_RENDERER") == NULL)
    g_setenv ("GSK_RENDERER", "cairo", TRUE);
#ifdef CANDOR_TEST_ASAN
  /* Under AddressSanitizer, Mesa and WebKitGTK together (with the editor's wizard pages)
   * leak from library constructors that LeakSanitizer cannot attribute. The sanitizer run
   * checks our code with GL off and the web preview showing its source (WebKitGTK itself
   * renders without GL); the gcc run exercises WebKitGTK. */
  app_test_disable_gl ();
  if (g_getenv ("CANDOR_WEB_PREVIEW") == NULL)
    g_setenv ("CANDOR_WEB_PREVIEW", "source", TRUE);
#endif
  /* Mesa's llvmpipe leaks from JIT code that LeakSanitizer cannot attribute; softpipe
   * compiles nothing and leaks nothing. */
  if (g_getenv ("GALLIUM_DRIVER") == NULL)
    g_setenv ("GALLIUM_DRIVER", "softpipe", TRUE);

  gtk_init ();
  adw_init ();
  /* Screenshots show the finished state, not a transition. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  /* The application class registers the app's resources, once (registering them twice
   * corrupts GLib's list of static resources). */
  g_type_class_unref (g_type_class_ref (CANDOR_TYPE_APPLICATION));
}
