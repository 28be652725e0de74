/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-finding-popover.c: the popover of a readability finding in a wide and a narrow window:
 * its dismiss-reason row fits inside it and inside the window, it leaves the step's Back and
 * Next buttons uncovered, and a real Escape key press closes it and gives the text back its
 * keyboard focus at the finding. */

#include "config.h"

#include <dlfcn.h>

#include <adwaita.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#include "app-test-util.h"
#include "candor-app-resources.h"
#include "candor-editor.h"
#include "candor-element-page.h"
#include "candor-text-field.h"
#include "candor-wizard.h"

typedef struct
{
  GtkWidget       *window;
  CandorEditor    *editor;
  CandorDocument  *document;
  CandorTextField *field;
  GtkWidget       *popover;
  int              jargon;     /* offset of "firmware" in the web text */
} Fixture;

/* ---- widgets ------------------------------------------------------------------------ */

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_type (GtkWidget *root,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* @widget's bounds in the coordinates of the surface of @native, which holds it. */
static graphene_rect_t
surface_bounds (GtkWidget *widget,
                GtkNative *native)
{
  graphene_rect_t bounds;
  double sx, sy;

  g_assert_true (gtk_widget_compute_bounds (widget, GTK_WIDGET (native), &bounds));
  gtk_native_get_surface_transform (native, &sx, &sy);
  graphene_rect_offset (&bounds, sx, sy);
  return bounds;
}

/* The popover's visible bubble (its contents node, without the shadow margin) and @widget
 * inside it, in the coordinates of the window's surface. */
static graphene_rect_t
popover_bounds_in_window (Fixture   *f,
                          GtkWidget *widget)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (f->popover));
  graphene_rect_t bounds = surface_bounds (widget, GTK_NATIVE (f->popover));

  g_assert_true (GDK_IS_POPUP (surface));
  graphene_rect_offset (&bounds, gdk_popup_get_position_x (GDK_POPUP (surface)),
                        gdk_popup_get_position_y (GDK_POPUP (surface)));
  return bounds;
}

static gboolean
rect_contains (const graphene_rect_t *outer,
               const graphene_rect_t *inner)
{
  /* Half a pixel for rounding between widget and surface coordinates. */
  return inner->origin.x >= outer->origin.x - 0.5 && inner->origin.y >= outer->origin.y - 0.5 &&
         inner->origin.x + inner->size.width <= outer->origin.x + outer->size.width + 0.5 &&
         inner->origin.y + inner->size.height <= outer->origin.y + outer->size.height + 0.5;
}

static char *
rect_to_string (const graphene_rect_t *r)
{
  return g_strdup_printf ("%.0f,%.0f %.0fx%.0f", r->origin.x, r->origin.y, r->size.width, r->size.height);
}

/* ---- a real key press --------------------------------------------------------------- */

#ifdef GDK_WINDOWING_X11
typedef int (*FakeKeyEvent) (Display *, unsigned int, int, unsigned long);

static FakeKeyEvent
xtest_fake_key_event (void)
{
  static FakeKeyEvent fake = NULL;
  static gboolean tried = FALSE;

  if (!tried)
    {
      /* libXtst comes with the X libraries GTK uses; its header is not needed for one call. */
      void *lib = dlopen ("libXtst.so.6", RTLD_NOW | RTLD_LOCAL);

      tried = TRUE;
      if (lib != NULL)
        fake = (FakeKeyEvent) dlsym (lib, "XTestFakeKeyEvent");
    }
  return fake;
}
#endif

static gboolean
can_press_keys (GtkWidget *window)
{
#ifdef GDK_WINDOWING_X11
  return GDK_IS_X11_DISPLAY (gtk_widget_get_display (window)) && xtest_fake_key_event () != NULL;
#else
  return FALSE;
#endif
}

static gboolean
window_active (gpointer data)
{
  return gtk_window_is_active (data);
}

/* Presses and releases @keyval through the X server, as a keyboard would: GTK gets it from
 * the server and delivers it to the focused widget. */
static void
press_key (GtkWidget *window,
           guint      keyval)
{
#ifdef GDK_WINDOWING_X11
  Display *xdisplay = gdk_x11_display_get_xdisplay (gtk_widget_get_display (window));
  Window xid = gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window)));
  KeyCode code = XKeysymToKeycode (xdisplay, keyval);

  g_assert_cmpuint (code, !=, 0);
  /* No window manager under Xvfb: give the window the keyboard as one would. */
  XSetInputFocus (xdisplay, xid, RevertToParent, CurrentTime);
  XSync (xdisplay, False);
  g_assert_true (wait_until (window_active, window, 5000));
  /* Other tests may share this X server: take the focus again in the same batch of requests
   * as the key, so that the key reaches this window. */
  XSetInputFocus (xdisplay, xid, RevertToParent, CurrentTime);
  xtest_fake_key_event () (xdisplay, code, True, 0);
  xtest_fake_key_event () (xdisplay, code, False, 0);
  XSync (xdisplay, False);
  spin (150);
#else
  g_assert_not_reached ();
#endif
}

/* ---- set-up ------------------------------------------------------------------------- */

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter a, b;

  gtk_text_buffer_get_bounds (buffer, &a, &b);
  return gtk_text_buffer_get_text (buffer, &a, &b, FALSE);
}

static void
fixture_setup (Fixture *f,
               int      width,
               int      height)
{
  CandorElementPage *page;
  GtkTextBuffer *buffer;
  GtkTextIter end;
  g_autofree char *before = NULL;
  GtkScrolledWindow *scrolled;
  GtkAdjustment *adj;

  f->document = load_example ();
  f->editor = CANDOR_EDITOR (candor_editor_new ());
  candor_wizard_add_pages (f->editor);
  candor_editor_set_document (f->editor, f->document);
  /* As a CandorWindow of this width tells its editor (candor-window.c: previews beside the
   * step from 900 px, Save and Export written out from 800 px). */
  candor_editor_set_narrow (f->editor, width < 900);
  candor_editor_set_compact (f->editor, width < 800);
  f->window = adw_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), width, height);
  adw_window_set_content (ADW_WINDOW (f->window), GTK_WIDGET (f->editor));
  gtk_window_present (GTK_WINDOW (f->window));
  settle (f->window);
  /* A window as wide as the screen loses a few pixels to it. */
  g_assert_cmpint (ABS (gtk_widget_get_width (f->window) - width), <=, 16);

  candor_editor_set_visible_page (f->editor, "A1");
  page = CANDOR_ELEMENT_PAGE (candor_editor_get_page (f->editor, "A1"));
  f->field = candor_element_page_get_text_field (page, CANDOR_TEXT_WEB);
  f->popover = candor_text_field_get_popover (f->field);
  buffer = candor_text_field_get_buffer (f->field);

  /* A sentence with a jargon word at the end of the web text: its last line, just above the
   * step's Back and Next buttons. */
  before = buffer_text (buffer);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, " We send firmware fixes.", -1);
  f->jargon = g_utf8_strlen (before, -1) + (int) strlen (" We send ");
  candor_text_field_flush (f->field);
  {
    const char *rule = NULL;
    g_assert_true (candor_text_field_has_finding_at (f->field, f->jargon + 2, &rule));
    g_assert_cmpstr (rule, ==, "jargon");
  }

  /* The end of the step in view: the field's last line and the buttons below it. */
  scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (f->field), GTK_TYPE_SCROLLED_WINDOW));
  adj = gtk_scrolled_window_get_vadjustment (scrolled);
  settle (f->window);
  gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
  settle (f->window);
}

static void
fixture_teardown (Fixture *f)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  spin (50);
  g_clear_object (&f->document);
}

/* Puts the cursor in the finding, as a click or the arrow keys do: the popover opens. */
static void
cursor_to_finding (Fixture *f)
{
  GtkTextBuffer *buffer = candor_text_field_get_buffer (f->field);
  GtkTextIter at;

  gtk_widget_grab_focus (GTK_WIDGET (candor_text_field_get_view (f->field)));
  gtk_text_buffer_get_iter_at_offset (buffer, &at, f->jargon + 2);
  gtk_text_buffer_place_cursor (buffer, &at);
  settle (f->window);
  g_assert_true (gtk_widget_get_visible (f->popover));
}

/* The window with the popover drawn where it is on screen. */
static void
save_window_with_popover (Fixture    *f,
                          const char *name)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (f->popover));
  g_autofree char *dir = g_build_filename (g_getenv ("CANDOR_BUILD_ROOT") ?: ".", "tests", "app", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  GdkTexture *textures[2];
  GtkWidget *widgets[2] = { f->window, f->popover };
  cairo_surface_t *image;
  cairo_t *cr;
  double wx, wy;

  settle (f->window);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widgets[i]);
      GtkSnapshot *snapshot = gtk_snapshot_new ();
      g_autoptr(GskRenderNode) node = NULL;
      int w = gtk_widget_get_width (widgets[i]), h = gtk_widget_get_height (widgets[i]);

      gdk_paintable_snapshot (paintable, snapshot, w, h);
      node = gtk_snapshot_free_to_node (snapshot);
      g_assert_nonnull (node);
      textures[i] = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widgets[i])),
                                                 node, &GRAPHENE_RECT_INIT (0, 0, w, h));
    }
  image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, gdk_texture_get_width (textures[0]),
                                      gdk_texture_get_height (textures[0]));
  cr = cairo_create (image);
  gtk_native_get_surface_transform (GTK_NATIVE (f->window), &wx, &wy);
  for (guint i = 0; i < 2; i++)
    {
      int w = gdk_texture_get_width (textures[i]), h = gdk_texture_get_height (textures[i]);
      cairo_surface_t *piece = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
      double x = 0, y = 0;

      cairo_surface_flush (piece);
      gdk_texture_download (textures[i], cairo_image_surface_get_data (piece),
                            cairo_image_surface_get_stride (piece));
      cairo_surface_mark_dirty (piece);
      if (i == 1)
        {
          double px, py;
          gtk_native_get_surface_transform (GTK_NATIVE (f->popover), &px, &py);
          x = gdk_popup_get_position_x (GDK_POPUP (surface)) + px - wx;
          y = gdk_popup_get_position_y (GDK_POPUP (surface)) + py - wy;
        }
      cairo_set_source_surface (cr, piece, x, y);
      cairo_paint (cr);
      cairo_surface_destroy (piece);
      g_object_unref (textures[i]);
    }
  cairo_destroy (cr);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_cmpint (cairo_surface_write_to_png (image, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (image);
  g_print ("# screenshot: %s\n", path);
}

/* ---- the checks --------------------------------------------------------------------- */

static void
assert_fits (Fixture    *f,
             const char *what)
{
  GtkWidget *child = gtk_popover_get_child (GTK_POPOVER (f->popover));
  GtkWidget *entry = find_type (child, GTK_TYPE_ENTRY);
  GtkWidget *confirm = find_button (child, "Dis_miss");
  GtkWidget *controls[] = { entry, confirm, find_button (child, "_Dismiss…") };
  GdkSurface *window_surface = gtk_native_get_surface (GTK_NATIVE (f->window));
  graphene_rect_t inside, window_area, bubble;
  double wx, wy;

  g_assert_nonnull (entry);
  g_assert_nonnull (confirm);
  /* The visible bubble: the popover's own box, without the shadow around it. */
  bubble = popover_bounds_in_window (f, child);
  gtk_native_get_surface_transform (GTK_NATIVE (f->window), &wx, &wy);
  window_area = GRAPHENE_RECT_INIT (wx, wy, gtk_widget_get_width (f->window),
                                    gtk_widget_get_height (f->window));
  g_assert_cmpint (gdk_surface_get_width (window_surface), >=, (int) (wx + window_area.size.width));

  for (guint i = 0; i < G_N_ELEMENTS (controls); i++)
    {
      g_autofree char *a = NULL, *b = NULL, *c = NULL;
      graphene_rect_t in_popover;

      g_assert_true (gtk_widget_get_mapped (controls[i]));
      /* Inside the popover's allocation, at its full size. */
      g_assert_true (gtk_widget_compute_bounds (controls[i], child, &in_popover));
      inside = popover_bounds_in_window (f, controls[i]);
      a = rect_to_string (&in_popover);
      b = rect_to_string (&inside);
      c = rect_to_string (&window_area);
      g_test_message ("%s: control %u at %s in the popover, %s in the window (%s)", what, i, a, b, c);
      if (!rect_contains (&GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (child), gtk_widget_get_height (child)),
                          &in_popover))
        g_error ("%s: control %u (%s) is clipped by the popover (%dx%d)", what, i, a,
                 gtk_widget_get_width (child), gtk_widget_get_height (child));
      {
        int min_width = 0;
        gtk_widget_measure (controls[i], GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
        /* Bounds are the border box; the measure includes margins, which these have none of. */
        if (in_popover.size.width + 0.5 < min_width)
          g_error ("%s: control %u is narrower (%.0f) than it needs (%d)", what, i,
                   in_popover.size.width, min_width);
      }
      /* And inside the window. */
      if (!rect_contains (&window_area, &inside))
        g_error ("%s: control %u at %s is outside the window %s", what, i, b, c);
    }
  if (!rect_contains (&window_area, &bubble))
    {
      g_autofree char *a = rect_to_string (&bubble), *b = rect_to_string (&window_area);
      g_error ("%s: the popover at %s is outside the window %s", what, a, b);
    }
}

static void
assert_buttons_uncovered (Fixture    *f,
                          const char *what)
{
  GtkWidget *child = gtk_popover_get_child (GTK_POPOVER (f->popover));
  graphene_rect_t bubble = popover_bounds_in_window (f, child);
  const char *labels[] = { "_Back", "_Next" };
  GtkTextView *view = candor_text_field_get_view (f->field);
  GdkRectangle pointing, first, last;
  GtkTextIter a, b;
  graphene_rect_t target;
  double top, bottom;

  /* It points at the finding, from just above or just below its line. */
  g_assert_true (gtk_popover_get_pointing_to (GTK_POPOVER (f->popover), &pointing));
  gtk_text_buffer_get_iter_at_offset (candor_text_field_get_buffer (f->field), &a, f->jargon);
  gtk_text_buffer_get_iter_at_offset (candor_text_field_get_buffer (f->field), &b,
                                      f->jargon + (int) strlen ("firmware"));
  gtk_text_view_get_iter_location (view, &a, &first);
  gtk_text_view_get_iter_location (view, &b, &last);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, first.x, first.y, &first.x, &first.y);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, last.x, last.y, &last.x, &last.y);
  g_assert_cmpint (pointing.x, >=, first.x);
  g_assert_cmpint (pointing.x + pointing.width, <=, last.x + 1);
  g_assert_cmpint (pointing.y, ==, first.y);
  target = surface_bounds (GTK_WIDGET (view), GTK_NATIVE (f->window));
  top = target.origin.y + pointing.y;
  bottom = top + pointing.height;
  if (!((bubble.origin.y + bubble.size.height <= top + 0.5 &&
         top - (bubble.origin.y + bubble.size.height) < 24) ||
        (bubble.origin.y >= bottom - 0.5 && bubble.origin.y - bottom < 24)))
    {
      g_autofree char *r = rect_to_string (&bubble);
      g_error ("%s: the popover (%s) is not next to the finding's line (%.0f to %.0f)", what, r, top, bottom);
    }

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      /* Back and Next sit in the editor's bar under every step. */
      GtkWidget *button = find_button (GTK_WIDGET (f->editor), labels[i]);
      graphene_rect_t bounds, overlap;

      g_assert_nonnull (button);
      g_assert_true (gtk_widget_get_mapped (button));
      bounds = surface_bounds (button, GTK_NATIVE (f->window));
      if (graphene_rect_intersection (&bounds, &bubble, &overlap) &&
          overlap.size.width > 0.5 && overlap.size.height > 0.5)
        {
          g_autofree char *ra = rect_to_string (&bubble), *rb = rect_to_string (&bounds);
          g_error ("%s: the popover (%s) covers %s (%s)", what, ra, labels[i], rb);
        }
    }
}

static int
cursor_offset (Fixture *f)
{
  GtkTextBuffer *buffer = candor_text_field_get_buffer (f->field);
  GtkTextIter cursor;

  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  return gtk_text_iter_get_offset (&cursor);
}

static void
check_size (int         width,
            int         height,
            const char *name)
{
  Fixture f = { 0 };
  g_autofree char *shot = NULL;
  GtkWidget *dismiss;

  fixture_setup (&f, width, height);
  cursor_to_finding (&f);
  assert_buttons_uncovered (&f, name);

  /* "Dismiss…" opens the reason row: the entry gets the keyboard. */
  dismiss = find_button (gtk_popover_get_child (GTK_POPOVER (f.popover)), "_Dismiss…");
  g_assert_nonnull (dismiss);
  g_signal_emit_by_name (dismiss, "clicked");
  settle (f.window);
  g_assert_true (gtk_widget_get_visible (f.popover));
  shot = g_strdup_printf ("finding-popover-%s.png", name);
  save_window_with_popover (&f, shot);
  assert_fits (&f, name);
  assert_buttons_uncovered (&f, name);
  /* Every control in it has a name a screen reader can read. */
  assert_all_named (f.popover);
  fixture_teardown (&f);
}

static void
test_wide (void)
{
  check_size (1400, 1000, "wide");
}

static void
test_narrow (void)
{
  check_size (620, 800, "narrow");
}

/* Phone-sized, as the wizard's own narrow check (test-wizard.c). */
static void
test_phone (void)
{
  check_size (400, 800, "phone");
}

/* A finding at the left edge of a narrow window that is not at the left of the screen: the
 * popover, centred on the word, would stick out of the window (GDK keeps it on the monitor
 * only). */
static void
test_narrow_left_edge (void)
{
  Fixture f = { 0 };
  CandorElementPage *page;
  GtkTextBuffer *buffer;
  GtkTextIter start;

  fixture_setup (&f, 620, 800);
  if (!can_press_keys (f.window))
    {
      g_test_skip ("needs an X display to move the window");
      fixture_teardown (&f);
      return;
    }
#ifdef GDK_WINDOWING_X11
  {
    Display *xdisplay = gdk_x11_display_get_xdisplay (gtk_widget_get_display (f.window));
    Window xid = gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (f.window)));

    XMoveWindow (xdisplay, xid, 600, 100);
    XSync (xdisplay, False);
    settle (f.window);
  }
#endif
  page = CANDOR_ELEMENT_PAGE (candor_editor_get_page (f.editor, "A1"));
  f.field = candor_element_page_get_text_field (page, CANDOR_TEXT_LABEL);
  f.popover = candor_text_field_get_popover (f.field);
  buffer = candor_text_field_get_buffer (f.field);
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_insert (buffer, &start, "Firmware fixes come often. ", -1);
  f.jargon = 0;
  candor_text_field_flush (f.field);
  settle (f.window);
  cursor_to_finding (&f);
  g_signal_emit_by_name (find_button (gtk_popover_get_child (GTK_POPOVER (f.popover)), "_Dismiss…"), "clicked");
  settle (f.window);
  save_window_with_popover (&f, "finding-popover-narrow-left.png");
  assert_fits (&f, "narrow, left edge");
  assert_buttons_uncovered (&f, "narrow, left edge");
  fixture_teardown (&f);
}

/* Escape, again if the key went to a window of another test sharing the X server (the X
 * focus can move between taking it and the key): the popover must close. */
static void
press_escape (Fixture *f)
{
  for (guint attempt = 0; attempt < 3 && gtk_widget_get_visible (f->popover); attempt++)
    press_key (f->window, GDK_KEY_Escape);
}

static void
test_escape (void)
{
  Fixture f = { 0 };
  GtkWidget *view;

  fixture_setup (&f, 1400, 1000);
  if (!can_press_keys (f.window))
    {
      g_test_skip ("needs an X display with the XTEST extension");
      fixture_teardown (&f);
      return;
    }
  view = GTK_WIDGET (candor_text_field_get_view (f.field));
  /* "Focus" below is the window's focus widget: other tests sharing the X server may hold the
   * X keyboard focus between key presses. */

  /* Opened by moving the cursor onto the finding: the text keeps the keyboard. */
  cursor_to_finding (&f);
  g_assert_true (gtk_widget_is_focus (view));
  press_escape (&f);
  g_assert_false (gtk_widget_get_visible (f.popover));
  g_assert_true (gtk_widget_is_focus (view));
  g_assert_cmpint (cursor_offset (&f), ==, f.jargon + 2);
  /* It stays closed until the cursor moves again. */
  spin (600);
  g_assert_false (gtk_widget_get_visible (f.popover));

  /* Opened from the keyboard (Ctrl+.), with the keyboard in the reason entry. */
  g_assert_true (gtk_widget_activate_action (view, "field.show-fix", NULL));
  settle (f.window);
  g_assert_true (gtk_widget_get_visible (f.popover));
  g_signal_emit_by_name (find_button (gtk_popover_get_child (GTK_POPOVER (f.popover)), "_Dismiss…"), "clicked");
  settle (f.window);
  g_assert_false (gtk_widget_is_focus (view));
  press_escape (&f);
  g_assert_false (gtk_widget_get_visible (f.popover));
  g_assert_true (gtk_widget_is_focus (view));
  g_assert_cmpint (cursor_offset (&f), >=, f.jargon);
  g_assert_cmpint (cursor_offset (&f), <=, f.jargon + (int) strlen ("firmware"));

  /* Opened by the pointer resting on it elsewhere: Escape puts the cursor at the finding. */
  {
    GtkTextBuffer *buffer = candor_text_field_get_buffer (f.field);
    GtkTextIter start;

    gtk_text_buffer_get_start_iter (buffer, &start);
    gtk_text_buffer_place_cursor (buffer, &start);
    settle (f.window);
    g_assert_true (candor_text_field_open_finding_at (f.field, f.jargon + 3));
    settle (f.window);
    press_escape (&f);
    g_assert_false (gtk_widget_get_visible (f.popover));
    g_assert_true (gtk_widget_is_focus (view));
    g_assert_cmpint (cursor_offset (&f), >=, f.jargon);
    g_assert_cmpint (cursor_offset (&f), <=, f.jargon + (int) strlen ("firmware"));
  }
  fixture_teardown (&f);
}

int
main (int   argc,
      char *argv[])
{
  app_test_private_display ();
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display: run under xvfb-run\n");
      return 77;
    }
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  app_test_disable_gl ();
  /* GTK's test accessibility backend records accessible names. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP cannot open the display\n");
      return 77;
    }
  adw_init ();
  candor_app_register_resource ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/candor/app/finding-popover/wide", test_wide);
  g_test_add_func ("/candor/app/finding-popover/narrow", test_narrow);
  g_test_add_func ("/candor/app/finding-popover/phone", test_phone);
  g_test_add_func ("/candor/app/finding-popover/narrow-left-edge", test_narrow_left_edge);
  g_test_add_func ("/candor/app/finding-popover/escape", test_escape);
  return g_test_run ();
}
