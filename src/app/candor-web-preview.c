/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-web-preview.c: the generated web page, shown live (WebKitGTK, or its source). */

/*
 * The first page is loaded with webkit_web_view_load_html(); later pages replace the head
 * (only when it changed) and the body of the loaded document in place, from a script given
 * the new HTML as an argument. No navigation happens, so the scroll position stays and
 * nothing flashes white between two versions. Only one load or update is in flight at a time;
 * pages generated meanwhile collapse into the latest.
 *
 * The web view comes from a module (candor-web-backend.h), opened and made after the
 * preview's first frame: loading WebKitGTK would otherwise delay Candor's first window.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include <gmodule.h>

#include "candor-web-backend.h"
#include "candor-web-page.h"
#include "candor-web-preview.h"

struct _CandorWebPreview
{
  GtkWidget       parent_instance;

  CandorDocument *document;
  gulong          changed_id;
  guint           tick_id;
  guint           stale : 1;
  guint           loaded : 1;  /* a first page was loaded: later ones update in place */
  guint           busy : 1;    /* a load or an update is in flight */
  guint           n_crashes;   /* web process ends since the page was last shown */

  char           *pending_html; /* generated, not yet handed to the view */
  char           *shown_html;   /* handed to the view */
  GCancellable   *cancellable;

  const CandorWebBackend *backend;
  GtkWidget      *view;        /* the web view, once made */
  GtkWidget      *placeholder; /* says the page is coming, until it is shown */
  guint           first_tick_id; /* waiting for the first frame to make the view */
  guint           make_view_id;
  gboolean        renders;     /* WebKit shows the page; otherwise its source is shown */
  GtkTextView    *source;
  GtkLabel       *source_reason;

  char           *section;          /* the part of the page to show */
  char           *scrolled_section; /* the part last scrolled to */
  guint           scroll_pending : 1;

  guint           n_updates;
  gint64          last_update_usec;
};

G_DEFINE_FINAL_TYPE (CandorWebPreview, candor_web_preview, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SECTION,
  N_PROPS
};

enum {
  UPDATED,
  SHOWN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Also in the generated page; repeated here so that a page given with set_html() (from a
 * bundle, which may have been tampered with) cannot load anything either. */
#define PREVIEW_CSP "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; " \
                    "style-src 'unsafe-inline'; img-src data:; font-src data:\">"

#ifdef CANDOR_HAVE_WEBKIT
static const char update_script[] =
  "const next = new DOMParser ().parseFromString (html, 'text/html');\n"
  "const root = document.documentElement;\n"
  "const x = window.scrollX, y = window.scrollY;\n"
  "root.lang = next.documentElement.lang;\n"
  "root.dir = next.documentElement.dir;\n"
  "if (document.head.innerHTML !== next.head.innerHTML)\n"
  "  document.head.replaceWith (document.adoptNode (next.head));\n"
  "document.body.replaceWith (document.adoptNode (next.body));\n"
  "window.scrollTo (x, y);\n"
  "return window.scrollY;\n";

/* WebKitGTK's own overlay scrollbars animate while the pointer rests over a page that
 * scrolls: the web process sends a new frame many times a second and GTK repaints the whole
 * window for each (a third of a core with Mesa's llvmpipe, measured with
 * build-aux/bench-preview-hover.sh). Scrollbars styled with CSS are drawn like any other
 * box and only repaint when something changes. Preview only: the published page keeps the
 * reader's browser's scrollbars. */
static const char scrollbar_style[] =
  "::-webkit-scrollbar { width: 12px; height: 12px; background: transparent; }\n"
  "::-webkit-scrollbar-thumb { border: 3px solid transparent; border-radius: 6px;\n"
  "  background: rgba(128, 128, 128, 0.55); background-clip: padding-box; }\n"
  "::-webkit-scrollbar-thumb:hover { background-color: rgba(128, 128, 128, 0.8); }\n"
  "::-webkit-scrollbar-corner { background: transparent; }\n";
#endif

static void push_html (CandorWebPreview *self);
static void scroll_to_section (CandorWebPreview *self);

static void
remove_placeholder (CandorWebPreview *self)
{
  if (self->placeholder != NULL)
    gtk_widget_unparent (g_steal_pointer (&self->placeholder));
}

static void
content_shown (CandorWebPreview *self)
{
  remove_placeholder (self);
  self->busy = FALSE;
  self->n_crashes = 0;
  if (self->pending_html != NULL)
    push_html (self);
  else
    {
      scroll_to_section (self);
      g_signal_emit (self, signals[SHOWN], 0);
    }
}

/* ---- following the current step -------------------------------------------------------- */

/* "top" is the page's start (the product); other names are the ids of the page's element
 * sections (A1 … B3, candor-web-page.c). A name the page lacks leaves the page where it is.
 * scrollIntoView() moves no focus: the user keeps typing in the step. */
#ifdef CANDOR_HAVE_WEBKIT
static const char scroll_script[] =
  "if (id === 'top') { window.scrollTo (0, 0); return 'top'; }\n"
  "const target = document.getElementById (id);\n"
  "if (target === null) return '';\n"
  "target.scrollIntoView ({ block: 'start', inline: 'nearest', behavior: 'instant' });\n"
  "return id;\n";

static void
on_scroll_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(CandorWebPreview) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = self->backend->run_finish (GTK_WIDGET (source), result, &error);

  if (value == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Could not scroll the web preview: %s", error->message);
      return;
    }
  if (*value != '\0')
    {
      g_free (self->scrolled_section);
      self->scrolled_section = g_steal_pointer (&value);
    }
}
#endif

/* Once the page is on screen: a scroll asked for while a page was loading waits for it. */
static void
scroll_to_section (CandorWebPreview *self)
{
  if (!self->scroll_pending || self->section == NULL || self->shown_html == NULL ||
      self->busy || self->pending_html != NULL)
    return;
  self->scroll_pending = FALSE;
  /* The HTML source (the fallback without WebKitGTK) stays where the user put it: jumping a
   * freshly filled text view to a far line made GTK 4.8 draw its scrollbar before giving it a
   * size (a warning in every step change under the sanitizer run). */
  if (self->source != NULL)
    return;
#ifdef CANDOR_HAVE_WEBKIT
  if (self->view != NULL)
    {
      GVariantDict args;

      g_variant_dict_init (&args, NULL);
      g_variant_dict_insert (&args, "id", "s", self->section);
      self->backend->call_async (self->view, scroll_script, g_variant_dict_end (&args),
                                 self->cancellable, on_scroll_done, g_object_ref (self));
    }
#endif
}

const char *
candor_web_preview_get_section (CandorWebPreview *self)
{
  g_return_val_if_fail (CANDOR_IS_WEB_PREVIEW (self), NULL);
  return self->section;
}

void
candor_web_preview_set_section (CandorWebPreview *self,
                                const char       *section)
{
  g_return_if_fail (CANDOR_IS_WEB_PREVIEW (self));

  if (g_strcmp0 (self->section, section) == 0)
    return;
  g_free (self->section);
  self->section = g_strdup (section);
  self->scroll_pending = section != NULL;
  scroll_to_section (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTION]);
}

const char *
candor_web_preview_get_scrolled_section (CandorWebPreview *self)
{
  g_return_val_if_fail (CANDOR_IS_WEB_PREVIEW (self), NULL);
  return self->scrolled_section;
}

#ifdef CANDOR_HAVE_WEBKIT
static void
load_first (CandorWebPreview *self)
{
  const char *html = self->shown_html;
  const char *head = strstr (html, "<head>");
  g_autofree char *guarded = NULL;

  if (head != NULL)
    guarded = g_strdup_printf ("%.*s<head>" PREVIEW_CSP "%s", (int) (head - html), html,
                               head + strlen ("<head>"));
  else
    guarded = g_strconcat (PREVIEW_CSP, html, NULL);
  self->busy = TRUE;
  self->backend->load_html (self->view, guarded);
}

static void
on_update_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  CandorWebPreview *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  value = self->backend->run_finish (GTK_WIDGET (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (value == NULL)
    {
      /* The page is gone or broken: start again from a fresh load. */
      g_debug ("In-place update of the web preview failed: %s", error->message);
      self->loaded = FALSE;
      load_first (self);
      return;
    }
  content_shown (self);
}

static void
on_view_loaded (GObject *owner)
{
  CandorWebPreview *self = CANDOR_WEB_PREVIEW (owner);

  if (!self->busy)
    return;
  self->loaded = TRUE;
  content_shown (self);
}

static void
on_view_crashed (GObject *owner)
{
  CandorWebPreview *self = CANDOR_WEB_PREVIEW (owner);

  self->loaded = FALSE;
  self->busy = FALSE;
  /* Reload once or twice; a web process that keeps dying is not restarted in a loop (the
   * next change tries again). */
  if (++self->n_crashes > 2)
    {
      g_debug ("The web preview's process ended %u times in a row; not restarting it", self->n_crashes);
      return;
    }
  if (self->shown_html != NULL && self->pending_html == NULL)
    self->pending_html = g_strdup (self->shown_html);
  push_html (self);
}
#endif

static void
push_html (CandorWebPreview *self)
{
  if (self->busy || self->pending_html == NULL)
    return;
  /* Until the view is made (after the first frame), the latest page waits. */
  if (self->renders && self->view == NULL)
    return;
  g_free (self->shown_html);
  self->shown_html = g_steal_pointer (&self->pending_html);

#ifdef CANDOR_HAVE_WEBKIT
  if (self->renders)
    {
      if (!self->loaded)
        {
          load_first (self);
          return;
        }
      {
        GVariantDict args;

        g_variant_dict_init (&args, NULL);
        g_variant_dict_insert (&args, "html", "s", self->shown_html);
        self->busy = TRUE;
        self->backend->call_async (self->view, update_script, g_variant_dict_end (&args),
                                   self->cancellable, on_update_done, self);
      }
      return;
    }
#endif
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->source);

    /* The source replaces the old one in place; the scrolled window keeps its offset. */
    gtk_text_buffer_set_text (buffer, self->shown_html, -1);
    self->busy = TRUE;
    content_shown (self);
  }
}

static void
run_update (CandorWebPreview *self)
{
  gint64 start = g_get_monotonic_time ();

  self->stale = FALSE;
  if (self->document == NULL)
    return;
  g_free (self->pending_html);
  self->pending_html = candor_web_page_generate (self->document);
  self->last_update_usec = g_get_monotonic_time () - start;
  self->n_updates++;
  g_signal_emit (self, signals[UPDATED], 0);
  push_html (self);
}

static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  CandorWebPreview *self = CANDOR_WEB_PREVIEW (widget);

  self->tick_id = 0;
  if (self->stale)
    run_update (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_update (CandorWebPreview *self)
{
  self->stale = TRUE;
  if (self->tick_id == 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_tick, NULL, NULL);
}

static void
on_document_changed (CandorDocument   *document,
                     const char       *section,
                     const char       *key,
                     CandorWebPreview *self)
{
  /* The published page holds no review data. */
  if (g_strcmp0 (section, "review") == 0)
    return;
  schedule_update (self);
}

GtkWidget *
candor_web_preview_new (void)
{
  return g_object_new (CANDOR_TYPE_WEB_PREVIEW, NULL);
}

CandorDocument *
candor_web_preview_get_document (CandorWebPreview *self)
{
  g_return_val_if_fail (CANDOR_IS_WEB_PREVIEW (self), NULL);
  return self->document;
}

void
candor_web_preview_set_document (CandorWebPreview *self,
                                 CandorDocument   *document)
{
  g_return_if_fail (CANDOR_IS_WEB_PREVIEW (self));
  g_return_if_fail (document == NULL || CANDOR_IS_DOCUMENT (document));

  if (self->document == document)
    return;
  g_clear_signal_handler (&self->changed_id, self->document);
  g_set_object (&self->document, document);
  if (document != NULL)
    {
      self->changed_id = g_signal_connect_object (document, "changed",
                                                  G_CALLBACK (on_document_changed), self, 0);
      schedule_update (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

void
candor_web_preview_set_html (CandorWebPreview *self,
                             const char       *html)
{
  g_return_if_fail (CANDOR_IS_WEB_PREVIEW (self));
  g_return_if_fail (html != NULL);

  candor_web_preview_set_document (self, NULL);
  self->stale = FALSE;
  g_free (self->pending_html);
  self->pending_html = g_strdup (html);
  /* Another page entirely: load it afresh rather than patching the old one. */
  self->loaded = FALSE;
  push_html (self);
}

gboolean
candor_web_preview_get_renders (CandorWebPreview *self)
{
  g_return_val_if_fail (CANDOR_IS_WEB_PREVIEW (self), FALSE);
  return self->renders;
}

gboolean
candor_web_preview_get_shown (CandorWebPreview *self)
{
  g_return_val_if_fail (CANDOR_IS_WEB_PREVIEW (self), FALSE);
  return self->shown_html != NULL && !self->busy && !self->stale && self->pending_html == NULL;
}

guint
candor_web_preview_get_n_updates (CandorWebPreview *self)
{
  g_return_val_if_fail (CANDOR_IS_WEB_PREVIEW (self), 0);
  return self->n_updates;
}

gint64
candor_web_preview_get_last_update_usec (CandorWebPreview *self)
{
  g_return_val_if_fail (CANDOR_IS_WEB_PREVIEW (self), 0);
  return self->last_update_usec;
}

static void
on_javascript_done (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CandorWebPreview *self = g_task_get_source_object (task);
  GError *error = NULL;
  char *value = self->backend->run_finish (GTK_WIDGET (source), result, &error);

  if (value == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, value, g_free);
}

void
candor_web_preview_run_javascript_async (CandorWebPreview    *self,
                                         const char          *script,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CANDOR_IS_WEB_PREVIEW (self));
  g_return_if_fail (script != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, candor_web_preview_run_javascript_async);
  if (self->renders && self->view != NULL)
    {
      self->backend->evaluate_async (self->view, script, cancellable, on_javascript_done,
                                     g_steal_pointer (&task));
      return;
    }
  if (self->renders)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                               "The web view is made after the preview's first frame");
      return;
    }
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           "This preview shows the web page as source (no WebKitGTK or no GL)");
}

char *
candor_web_preview_run_javascript_finish (CandorWebPreview  *self,
                                          GAsyncResult      *result,
                                          GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- the web view, after the first frame -------------------------------------------- */

static char *backend_error;  /* why the module could not be used */

#ifdef CANDOR_HAVE_WEBKIT
static char *
find_module (void)
{
  const char *env = g_getenv ("CANDOR_WEBKIT_MODULE");
  g_autofree char *self = NULL;

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  /* Next to the program in the build tree (and in relocated installs). */
  self = g_file_read_link ("/proc/self/exe", NULL);
  if (self != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self);
      char *sibling = g_build_filename (dir, "candor-webkit.so", NULL);

      if (g_file_test (sibling, G_FILE_TEST_IS_REGULAR))
        return sibling;
      g_free (sibling);
    }
  return g_strdup (CANDOR_WEBKIT_MODULE_PATH);
}


/* Opened once per process and never closed (WebKitGTK cannot be unloaded). */
static const CandorWebBackend *
load_backend (void)
{
  static gsize once;
  static const CandorWebBackend *backend;

  if (g_once_init_enter (&once))
    {
      g_autofree char *path = find_module ();
      GModule *module = g_module_open (path, G_MODULE_BIND_LOCAL);
      CandorWebBackendGetFunc get = NULL;

      if (module == NULL)
        backend_error = g_strdup (g_module_error ());
      else if (!g_module_symbol (module, CANDOR_WEB_BACKEND_SYMBOL, (gpointer *) &get) ||
               get == NULL || get ()->version != CANDOR_WEB_BACKEND_VERSION)
        backend_error = g_strdup_printf ("%s is not Candor's WebKit module of this version", path);
      else
        {
          g_module_make_resident (module);
          backend = get ();
        }
      if (backend_error != NULL)
        g_message ("The web preview shows the page's HTML: %s", backend_error);
      g_once_init_leave (&once, 1);
    }
  return backend;
}

/* Whether the page can be rendered: the module is there (loaded later, see make_view()).
 * GTK's GL is not needed: without it WebKitGTK draws the page with the CPU. */
static gboolean
backend_available (void)
{
  static int available = -1;

  if (available < 0)
    {
      g_autofree char *path = find_module ();

      available = g_file_test (path, G_FILE_TEST_IS_REGULAR);
      if (!available)
        backend_error = g_strdup_printf (_("WebKitGTK could not be loaded (%s is missing)"), path);
    }
  return available;
}
#endif

static void make_source_view (CandorWebPreview *self,
                              const char       *reason);

static gboolean
make_view (gpointer user_data)
{
  CandorWebPreview *self = user_data;

  self->make_view_id = 0;
#ifdef CANDOR_HAVE_WEBKIT
  self->backend = load_backend ();
  if (self->backend != NULL)
    {
      self->view = self->backend->new_view (G_OBJECT (self), scrollbar_style, on_view_loaded,
                                            on_view_crashed);
      /* Under the placeholder until the first page is loaded (no white flash). */
      gtk_widget_insert_before (self->view, GTK_WIDGET (self), self->placeholder);
      push_html (self);
      return G_SOURCE_REMOVE;
    }
#endif
  self->renders = FALSE;
  remove_placeholder (self);
  make_source_view (self, backend_error != NULL ? backend_error : _("WebKitGTK could not be loaded"));
  push_html (self);
  return G_SOURCE_REMOVE;
}

/* The first frame's update phase: its layout and paint follow in the same dispatch, so an
 * idle added now runs once the frame is drawn. */
static gboolean
on_first_tick (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       user_data)
{
  CandorWebPreview *self = CANDOR_WEB_PREVIEW (widget);

  self->first_tick_id = 0;
  if (self->make_view_id == 0)
    self->make_view_id = g_idle_add_full (G_PRIORITY_LOW, make_view, self, NULL);
  return G_SOURCE_REMOVE;
}

static void
candor_web_preview_map (GtkWidget *widget)
{
  CandorWebPreview *self = CANDOR_WEB_PREVIEW (widget);

  GTK_WIDGET_CLASS (candor_web_preview_parent_class)->map (widget);
  if (self->renders && self->view == NULL && self->first_tick_id == 0 && self->make_view_id == 0)
    self->first_tick_id = gtk_widget_add_tick_callback (widget, on_first_tick, NULL, NULL);
  if (self->stale && self->tick_id == 0)
    self->tick_id = gtk_widget_add_tick_callback (widget, on_tick, NULL, NULL);
}

static void
candor_web_preview_unmap (GtkWidget *widget)
{
  CandorWebPreview *self = CANDOR_WEB_PREVIEW (widget);

  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (widget, self->tick_id);
      self->tick_id = 0;
    }
  if (self->first_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (widget, self->first_tick_id);
      self->first_tick_id = 0;
    }
  GTK_WIDGET_CLASS (candor_web_preview_parent_class)->unmap (widget);
}

static void
candor_web_preview_dispose (GObject *object)
{
  CandorWebPreview *self = CANDOR_WEB_PREVIEW (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->make_view_id, g_source_remove);
  g_clear_signal_handler (&self->changed_id, self->document);
  g_clear_object (&self->document);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->view = NULL;
  self->placeholder = NULL;
  self->source = NULL;
  self->source_reason = NULL;

  G_OBJECT_CLASS (candor_web_preview_parent_class)->dispose (object);
}

static void
candor_web_preview_finalize (GObject *object)
{
  CandorWebPreview *self = CANDOR_WEB_PREVIEW (object);

  g_free (self->pending_html);
  g_free (self->shown_html);
  g_free (self->section);
  g_free (self->scrolled_section);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (candor_web_preview_parent_class)->finalize (object);
}

static void
candor_web_preview_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CandorWebPreview *self = CANDOR_WEB_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_SECTION:
      g_value_set_string (value, self->section);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
candor_web_preview_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CandorWebPreview *self = CANDOR_WEB_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      candor_web_preview_set_document (self, g_value_get_object (value));
      break;
    case PROP_SECTION:
      candor_web_preview_set_section (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
candor_web_preview_class_init (CandorWebPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = candor_web_preview_dispose;
  object_class->finalize = candor_web_preview_finalize;
  object_class->get_property = candor_web_preview_get_property;
  object_class->set_property = candor_web_preview_set_property;
  widget_class->map = candor_web_preview_map;
  widget_class->unmap = candor_web_preview_unmap;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, CANDOR_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SECTION] =
    g_param_spec_string ("section", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[UPDATED] = g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SHOWN] = g_signal_new ("shown", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "web-preview");
}

/* Without WebKitGTK the page's HTML is shown, under a line that says why, so that nobody
 * takes it for the page buyers will see. */
static void
make_source_view (CandorWebPreview *self,
                  const char       *reason)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scroller;
  GtkWidget *label;
  g_autofree char *text = NULL;

  /* Translators: %s says why, e.g. "Candor was built without WebKitGTK". */
  text = g_strdup_printf (_("The web page cannot be shown here, only its HTML: %s."), reason);
  label = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 8);
  gtk_widget_set_margin_bottom (label, 8);
  gtk_widget_add_css_class (label, "dim-label");
  self->source_reason = GTK_LABEL (label);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  self->source = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_editable (self->source, FALSE);
  gtk_text_view_set_monospace (self->source, TRUE);
  gtk_text_view_set_wrap_mode (self->source, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (self->source, 12);
  gtk_text_view_set_right_margin (self->source, 12);
  gtk_text_view_set_top_margin (self->source, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->source),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Web page source (web pages cannot be shown here)"),
                                  -1);
  scroller = gtk_scrolled_window_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (scroller), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Web page source"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->source));
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_widget_set_parent (box, GTK_WIDGET (self));
}

static void
candor_web_preview_init (CandorWebPreview *self)
{
  self->cancellable = g_cancellable_new ();

  /* The view itself is made after the first frame (make_view()). CANDOR_WEB_PREVIEW=source
   * shows the HTML instead (the sanitizer test run, where WebKitGTK's leaks would hide ours). */
#ifdef CANDOR_HAVE_WEBKIT
  if (g_strcmp0 (g_getenv ("CANDOR_WEB_PREVIEW"), "source") == 0)
    make_source_view (self, _("CANDOR_WEB_PREVIEW=source is set"));
  else if (!(self->renders = backend_available ()))
    make_source_view (self, backend_error);
  else
    {
      self->placeholder = gtk_label_new (_("Preparing the web page…"));
      gtk_widget_add_css_class (self->placeholder, "dim-label");
      gtk_widget_set_parent (self->placeholder, GTK_WIDGET (self));
    }
#else
  make_source_view (self, _("Candor was built without WebKitGTK"));
#endif
}
