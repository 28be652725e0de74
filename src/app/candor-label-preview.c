/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-label-preview.c: the packaging label drawn live, by the export's own drawing code. */

/*
 * Why cairo and not poppler: the exported PNG, PDF and SVG are all drawn by
 * candor_label_draw() onto a cairo surface. The preview calls the very same function onto an
 * image surface at the screen's pixel scale, so what the user sees is what the PNG export
 * rasterises (a test compares the pixels). Going through an in-memory PDF and poppler would add
 * a second rasteriser (poppler's, with its own font subsetting and hinting) and cost a PDF
 * write and parse per keystroke.
 *
 * Work per keystroke: the document's "changed" handler only marks the label stale and asks
 * for a frame; the layout runs once in the next frame's update phase, however many changes
 * came in between, and the rasterisation happens once in the following snapshot.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "candor-label-preview.h"

struct _CandorLabelPreview
{
  GtkWidget       parent_instance;

  CandorDocument *document;
  gulong          changed_id;
  char           *template_id;
  char           *size_id;
  double          zoom;

  CandorLabel    *label;
  GError         *label_error;
  guint           tick_id;
  guint           stale : 1;       /* the layout is older than the document */
  guint           needs_label : 1; /* document, template or size changed */

  GdkTexture     *texture;         /* the last rasterised label, or NULL */
  double          texture_px_per_pt;

  guint           n_updates;
  gint64          last_update_usec;
  gint64          last_draw_usec;
};

G_DEFINE_FINAL_TYPE (CandorLabelPreview, candor_label_preview, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_TEMPLATE_ID,
  PROP_SIZE_ID,
  PROP_ZOOM,
  N_PROPS
};

enum {
  UPDATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Space around the label, in logical pixels, so its edge and shadow stay visible. */
#define PADDING 16

/* g_set_str() is GLib 2.76; the minimum is 2.74. */
static gboolean
set_str (char       **slot,
         const char  *value)
{
  if (g_strcmp0 (*slot, value) == 0)
    return FALSE;
  g_free (*slot);
  *slot = g_strdup (value);
  return TRUE;
}

static void
drop_texture (CandorLabelPreview *self)
{
  g_clear_object (&self->texture);
}

static void
run_update (CandorLabelPreview *self)
{
  gint64 start = g_get_monotonic_time ();

  if (self->needs_label)
    {
      g_clear_object (&self->label);
      g_clear_error (&self->label_error);
      if (self->document != NULL)
        self->label = candor_label_new (self->document, self->template_id, self->size_id,
                                        &self->label_error);
      self->needs_label = FALSE;
      gtk_widget_queue_resize (GTK_WIDGET (self));
    }
  else if (self->label != NULL)
    candor_label_update (self->label);

  self->stale = FALSE;
  self->last_update_usec = g_get_monotonic_time () - start;
  self->n_updates++;
  drop_texture (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[UPDATED], 0);
}

static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  CandorLabelPreview *self = CANDOR_LABEL_PREVIEW (widget);

  self->tick_id = 0;
  if (self->stale || self->needs_label)
    run_update (self);
  return G_SOURCE_REMOVE;
}

/* Asks for one layout in the next frame; further calls before it are free. An unmapped
 * preview keeps the request until it is shown. */
static void
schedule_update (CandorLabelPreview *self)
{
  self->stale = TRUE;
  if (self->tick_id == 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_tick, NULL, NULL);
}

static void
on_document_changed (CandorDocument     *document,
                     const char         *section,
                     const char         *key,
                     CandorLabelPreview *self)
{
  /* Review comments, statuses and metadata are not printed on the label. */
  if (g_strcmp0 (section, "review") == 0 || g_strcmp0 (section, "metadata") == 0)
    return;
  schedule_update (self);
}

GtkWidget *
candor_label_preview_new (void)
{
  return g_object_new (CANDOR_TYPE_LABEL_PREVIEW, NULL);
}

CandorDocument *
candor_label_preview_get_document (CandorLabelPreview *self)
{
  g_return_val_if_fail (CANDOR_IS_LABEL_PREVIEW (self), NULL);
  return self->document;
}

void
candor_label_preview_set_document (CandorLabelPreview *self,
                                   CandorDocument     *document)
{
  g_return_if_fail (CANDOR_IS_LABEL_PREVIEW (self));
  g_return_if_fail (document == NULL || CANDOR_IS_DOCUMENT (document));

  if (self->document == document)
    return;
  g_clear_signal_handler (&self->changed_id, self->document);
  g_set_object (&self->document, document);
  if (document != NULL)
    self->changed_id = g_signal_connect_object (document, "changed",
                                                G_CALLBACK (on_document_changed), self, 0);
  self->needs_label = TRUE;
  schedule_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

const char *
candor_label_preview_get_template_id (CandorLabelPreview *self)
{
  g_return_val_if_fail (CANDOR_IS_LABEL_PREVIEW (self), NULL);
  return self->template_id;
}

void
candor_label_preview_set_template_id (CandorLabelPreview *self,
                                      const char         *template_id)
{
  g_return_if_fail (CANDOR_IS_LABEL_PREVIEW (self));
  g_return_if_fail (template_id != NULL);

  if (set_str (&self->template_id, template_id))
    {
      /* Sizes belong to a template: start from the new one's default. */
      g_clear_pointer (&self->size_id, g_free);
      self->needs_label = TRUE;
      schedule_update (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEMPLATE_ID]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIZE_ID]);
    }
}

const char *
candor_label_preview_get_size_id (CandorLabelPreview *self)
{
  g_return_val_if_fail (CANDOR_IS_LABEL_PREVIEW (self), NULL);
  return self->size_id;
}

void
candor_label_preview_set_size_id (CandorLabelPreview *self,
                                  const char         *size_id)
{
  g_return_if_fail (CANDOR_IS_LABEL_PREVIEW (self));

  if (set_str (&self->size_id, size_id))
    {
      self->needs_label = TRUE;
      schedule_update (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIZE_ID]);
    }
}

double
candor_label_preview_get_zoom (CandorLabelPreview *self)
{
  g_return_val_if_fail (CANDOR_IS_LABEL_PREVIEW (self), 1.0);
  return self->zoom;
}

void
candor_label_preview_set_zoom (CandorLabelPreview *self,
                               double              zoom)
{
  g_return_if_fail (CANDOR_IS_LABEL_PREVIEW (self));

  zoom = zoom <= 0 ? CANDOR_LABEL_PREVIEW_ZOOM_FIT : CLAMP (zoom, 0.25, 8.0);
  if (self->zoom == zoom)
    return;
  self->zoom = zoom;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

static double
fitted_zoom (CandorLabelPreview *self,
             int                 width,
             int                 height)
{
  double w, h, zx, zy;

  if (self->label == NULL)
    return 1.0;
  w = candor_label_get_width (self->label) * CANDOR_LABEL_PREVIEW_PX_PER_PT;
  h = candor_label_get_height (self->label) * CANDOR_LABEL_PREVIEW_PX_PER_PT;
  zx = (width - 2.0 * PADDING) / w;
  zy = (height - 2.0 * PADDING) / h;
  return CLAMP (MIN (zx, zy), 0.1, 4.0);
}

double
candor_label_preview_get_effective_zoom (CandorLabelPreview *self)
{
  g_return_val_if_fail (CANDOR_IS_LABEL_PREVIEW (self), 1.0);

  if (self->zoom > 0)
    return self->zoom;
  return fitted_zoom (self, gtk_widget_get_width (GTK_WIDGET (self)),
                      gtk_widget_get_height (GTK_WIDGET (self)));
}

CandorLabel *
candor_label_preview_get_label (CandorLabelPreview *self)
{
  g_return_val_if_fail (CANDOR_IS_LABEL_PREVIEW (self), NULL);
  return self->label;
}

GPtrArray *
candor_label_preview_get_problems (CandorLabelPreview *self)
{
  g_return_val_if_fail (CANDOR_IS_LABEL_PREVIEW (self), NULL);
  return self->label != NULL ? candor_label_get_problems (self->label) : NULL;
}

guint
candor_label_preview_get_n_updates (CandorLabelPreview *self)
{
  g_return_val_if_fail (CANDOR_IS_LABEL_PREVIEW (self), 0);
  return self->n_updates;
}

gint64
candor_label_preview_get_last_update_usec (CandorLabelPreview *self)
{
  g_return_val_if_fail (CANDOR_IS_LABEL_PREVIEW (self), 0);
  return self->last_update_usec;
}

gint64
candor_label_preview_get_last_draw_usec (CandorLabelPreview *self)
{
  g_return_val_if_fail (CANDOR_IS_LABEL_PREVIEW (self), 0);
  return self->last_draw_usec;
}

/* Rasterises the label exactly as the PNG export does (candor_label_render): an image
 * surface of ceil(size × scale) pixels, scaled user space, candor_label_draw(). */
static GdkTexture *
rasterise (CandorLabel *label,
           double       px_per_pt)
{
  int width = (int) ceil (candor_label_get_width (label) * px_per_pt - 0.001);
  int height = (int) ceil (candor_label_get_height (label) * px_per_pt - 0.001);
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autoptr(GBytes) bytes = NULL;
  GdkTexture *texture;

  width = MAX (width, 1);
  height = MAX (height, 1);
  /* Opaque black first: the PNG export's RGB24 surface starts black, which shows in the
   * partly covered last row and column; the label's own black border sits there anyway. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_paint (cr);
  cairo_scale (cr, px_per_pt, px_per_pt);
  candor_label_draw (label, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) cairo_image_surface_get_stride (surface) * height,
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  /* CAIRO_FORMAT_ARGB32 is premultiplied ARGB in native order: B8G8R8A8 on little endian. */
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
  texture = gdk_memory_texture_new (width, height, GDK_MEMORY_B8G8R8A8_PREMULTIPLIED, bytes,
                                    (gsize) cairo_image_surface_get_stride (surface));
#else
  texture = gdk_memory_texture_new (width, height, GDK_MEMORY_A8R8G8B8_PREMULTIPLIED, bytes,
                                    (gsize) cairo_image_surface_get_stride (surface));
#endif
  return texture;
}

static void
candor_label_preview_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  CandorLabelPreview *self = CANDOR_LABEL_PREVIEW (widget);
  double extent = 0;
  double zoom = self->zoom > 0 ? self->zoom : 1.0;

  if (self->label != NULL)
    extent = (orientation == GTK_ORIENTATION_HORIZONTAL ? candor_label_get_width (self->label)
                                                        : candor_label_get_height (self->label))
             * CANDOR_LABEL_PREVIEW_PX_PER_PT * zoom;
  *natural = (int) ceil (extent) + 2 * PADDING;
  /* Fitted, the label shrinks with the space; zoomed, it needs its full size (and a
   * scrolled window around it). */
  *minimum = self->zoom > 0 ? *natural : MIN (*natural, 2 * PADDING + 32);
}

static void
append_problem_box (GtkSnapshot              *snapshot,
                    const CandorLabelProblem *problem,
                    double                    x0,
                    double                    y0,
                    double                    scale)
{
  GskRoundedRect outline;
  const GdkRGBA red = { 0.88, 0.11, 0.14, 1.0 };
  const GdkRGBA colours[4] = { red, red, red, red };
  const float widths[4] = { 2, 2, 2, 2 };

  if (problem->width <= 0 || problem->height <= 0)
    return;
  gsk_rounded_rect_init_from_rect (&outline,
                                   &GRAPHENE_RECT_INIT ((float) (x0 + problem->x * scale - 2),
                                                        (float) (y0 + problem->y * scale - 2),
                                                        (float) (problem->width * scale + 4),
                                                        (float) (problem->height * scale + 4)),
                                   3);
  gtk_snapshot_append_border (snapshot, &outline, widths, colours);
}

/* One texture pixel per device pixel, on whole device pixels: crisp, never resampled. */
static void
place_label (CandorLabelPreview *self,
             double             *x0,
             double             *y0,
             double             *w,
             double             *h)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int scale_factor = gtk_widget_get_scale_factor (widget);
  double px_per_pt = CANDOR_LABEL_PREVIEW_PX_PER_PT * candor_label_preview_get_effective_zoom (self);

  *w = ceil (candor_label_get_width (self->label) * px_per_pt * scale_factor - 0.001) / scale_factor;
  *h = ceil (candor_label_get_height (self->label) * px_per_pt * scale_factor - 0.001) / scale_factor;
  *x0 = floor (MAX (PADDING, (gtk_widget_get_width (widget) - *w) / 2) * scale_factor) / scale_factor;
  *y0 = floor (MAX (PADDING, (gtk_widget_get_height (widget) - *h) / 2) * scale_factor) / scale_factor;
}

gboolean
candor_label_preview_get_label_bounds (CandorLabelPreview *self,
                                       graphene_rect_t    *bounds)
{
  double x0, y0, w, h;

  g_return_val_if_fail (CANDOR_IS_LABEL_PREVIEW (self), FALSE);
  g_return_val_if_fail (bounds != NULL, FALSE);

  if (self->label == NULL)
    return FALSE;
  place_label (self, &x0, &y0, &w, &h);
  graphene_rect_init (bounds, (float) x0, (float) y0, (float) w, (float) h);
  return TRUE;
}

static void
candor_label_preview_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  CandorLabelPreview *self = CANDOR_LABEL_PREVIEW (widget);
  int scale_factor = gtk_widget_get_scale_factor (widget);
  double zoom, px_per_pt, device_px_per_pt, w, h, x0, y0;
  GskRoundedRect paper;
  const GdkRGBA shadow = { 0, 0, 0, 0.25 };
  GPtrArray *problems;

  if (self->label == NULL)
    return;

  zoom = candor_label_preview_get_effective_zoom (self);
  px_per_pt = CANDOR_LABEL_PREVIEW_PX_PER_PT * zoom;
  device_px_per_pt = px_per_pt * scale_factor;
  if (self->texture == NULL || self->texture_px_per_pt != device_px_per_pt)
    {
      gint64 start = g_get_monotonic_time ();

      drop_texture (self);
      self->texture = rasterise (self->label, device_px_per_pt);
      self->last_draw_usec = g_get_monotonic_time () - start;
      self->texture_px_per_pt = device_px_per_pt;
    }

  place_label (self, &x0, &y0, &w, &h);

  gsk_rounded_rect_init_from_rect (&paper, &GRAPHENE_RECT_INIT ((float) x0, (float) y0,
                                                                (float) w, (float) h), 0);
  gtk_snapshot_append_outset_shadow (snapshot, &paper, &shadow, 0, 1, 0, 4);
  gtk_snapshot_append_texture (snapshot, self->texture,
                               &GRAPHENE_RECT_INIT ((float) x0, (float) y0, (float) w, (float) h));

  /* The "too long" report at the element that caused it. */
  problems = candor_label_get_problems (self->label);
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    append_problem_box (snapshot, g_ptr_array_index (problems, i), x0, y0, px_per_pt);
}

static void
candor_label_preview_map (GtkWidget *widget)
{
  CandorLabelPreview *self = CANDOR_LABEL_PREVIEW (widget);

  GTK_WIDGET_CLASS (candor_label_preview_parent_class)->map (widget);
  if ((self->stale || self->needs_label) && self->tick_id == 0)
    self->tick_id = gtk_widget_add_tick_callback (widget, on_tick, NULL, NULL);
}

static void
candor_label_preview_unmap (GtkWidget *widget)
{
  CandorLabelPreview *self = CANDOR_LABEL_PREVIEW (widget);

  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (widget, self->tick_id);
      self->tick_id = 0;
    }
  GTK_WIDGET_CLASS (candor_label_preview_parent_class)->unmap (widget);
}

static void
candor_label_preview_dispose (GObject *object)
{
  CandorLabelPreview *self = CANDOR_LABEL_PREVIEW (object);

  g_clear_signal_handler (&self->changed_id, self->document);
  g_clear_object (&self->document);
  g_clear_object (&self->label);
  drop_texture (self);

  G_OBJECT_CLASS (candor_label_preview_parent_class)->dispose (object);
}

static void
candor_label_preview_finalize (GObject *object)
{
  CandorLabelPreview *self = CANDOR_LABEL_PREVIEW (object);

  g_free (self->template_id);
  g_free (self->size_id);
  g_clear_error (&self->label_error);

  G_OBJECT_CLASS (candor_label_preview_parent_class)->finalize (object);
}

static void
candor_label_preview_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CandorLabelPreview *self = CANDOR_LABEL_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_TEMPLATE_ID:
      g_value_set_string (value, self->template_id);
      break;
    case PROP_SIZE_ID:
      g_value_set_string (value, self->size_id);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
candor_label_preview_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CandorLabelPreview *self = CANDOR_LABEL_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      candor_label_preview_set_document (self, g_value_get_object (value));
      break;
    case PROP_TEMPLATE_ID:
      candor_label_preview_set_template_id (self, g_value_get_string (value));
      break;
    case PROP_SIZE_ID:
      candor_label_preview_set_size_id (self, g_value_get_string (value));
      break;
    case PROP_ZOOM:
      candor_label_preview_set_zoom (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
candor_label_preview_class_init (CandorLabelPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = candor_label_preview_dispose;
  object_class->finalize = candor_label_preview_finalize;
  object_class->get_property = candor_label_preview_get_property;
  object_class->set_property = candor_label_preview_set_property;

  widget_class->measure = candor_label_preview_measure;
  widget_class->snapshot = candor_label_preview_snapshot;
  widget_class->map = candor_label_preview_map;
  widget_class->unmap = candor_label_preview_unmap;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, CANDOR_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEMPLATE_ID] =
    g_param_spec_string ("template-id", NULL, NULL, "compact",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SIZE_ID] =
    g_param_spec_string ("size-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, 0.0, 8.0, 0.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[UPDATED] = g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "label-preview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
candor_label_preview_init (CandorLabelPreview *self)
{
  self->template_id = g_strdup ("compact");
  self->zoom = CANDOR_LABEL_PREVIEW_ZOOM_FIT;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Label preview"),
                                  -1);
}
