/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-finding-popover.c: a readability finding's message, its one-click fix and "Dismiss". */

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "candor-finding-popover.h"

struct _CandorFindingPopover
{
  GtkPopover  parent_instance;

  GtkWidget  *message;
  GtkWidget  *hint;
  GtkWidget  *replace_button;
  GtkWidget  *dismiss_button;
  GtkWidget  *buttons;
  GtkWidget  *reason_box;
  GtkWidget  *reason_entry;

  /* The finding shown, copied: its analysis may be replaced while the popover is open. */
  char       *rule;
  char       *quote;
  char       *suggestion;
  int         start;
  int         end;
};

G_DEFINE_FINAL_TYPE (CandorFindingPopover, candor_finding_popover, GTK_TYPE_POPOVER)

/* What Adwaita's popover adds around its child (padding, border, and the arrow on one side),
 * a little generously: measured on GTK 4.8 / libadwaita 1.2 as 12 + 1 on each side and 11 for
 * the arrow. A hidden popover cannot be measured, and its place is chosen before it shows. */
#define POPOVER_FRAME_WIDTH  28
#define POPOVER_FRAME_HEIGHT 40
/* The widest a message line gets, and the narrowest it is squeezed to on a phone. */
#define MESSAGE_CHARS     44
#define MESSAGE_MIN_CHARS 16
/* Room kept between the popover's bubble and the window's edge. */
#define WINDOW_MARGIN     4

enum {
  SIGNAL_REPLACE,
  SIGNAL_DISMISS,
  SIGNAL_CANCEL,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_replace_clicked (CandorFindingPopover *self)
{
  if (self->suggestion != NULL)
    g_signal_emit (self, signals[SIGNAL_REPLACE], 0);
}

static void
on_dismiss_clicked (CandorFindingPopover *self)
{
  /* Shown at once, not slid in: a popover that grows frame by frame is re-placed each time.
   * Its place was chosen for this height (measure_full). */
  gtk_widget_set_visible (self->reason_box, TRUE);
  /* GTK 4.8 does not grow the popover's surface for a child that grows: ask for it. */
  gtk_popover_present (GTK_POPOVER (self));
  gtk_widget_grab_focus (self->reason_entry);
}

static gboolean
on_key_pressed (CandorFindingPopover *self,
                guint                 keyval,
                guint                 keycode,
                GdkModifierType       state)
{
  if (keyval != GDK_KEY_Escape)
    return FALSE;
  /* Before GtkPopover's own Escape handling, which would only close it: the field also wants
   * the keyboard back at the finding. */
  g_signal_emit (self, signals[SIGNAL_CANCEL], 0);
  if (gtk_widget_get_visible (GTK_WIDGET (self)))
    gtk_popover_popdown (GTK_POPOVER (self));
  return TRUE;
}

static void
on_dismiss_confirm (CandorFindingPopover *self)
{
  if (self->rule != NULL)
    g_signal_emit (self, signals[SIGNAL_DISMISS], 0,
                   gtk_editable_get_text (GTK_EDITABLE (self->reason_entry)));
}

GtkWidget *
candor_finding_popover_new (void)
{
  return g_object_new (CANDOR_TYPE_FINDING_POPOVER, NULL);
}

/* The popover's natural size with its dismiss-reason row shown, to place it before it opens. */
static void
measure_full (CandorFindingPopover *self,
              int                  *width,
              int                  *height)
{
  GtkWidget *child;
  int w, h, reason_w = 0, reason_h = 0;

  /* The contents, measured as they will be (a hidden popover measures 0 itself). */
  child = gtk_popover_get_child (GTK_POPOVER (self));
  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &w, NULL, NULL);
  if (!gtk_widget_get_visible (self->reason_box))
    {
      gtk_widget_measure (self->reason_box, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &reason_w, NULL, NULL);
      w = MAX (w, reason_w);
    }
  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, w, NULL, &h, NULL, NULL);
  if (!gtk_widget_get_visible (self->reason_box))
    {
      gtk_widget_measure (self->reason_box, GTK_ORIENTATION_VERTICAL, w, NULL, &reason_h, NULL, NULL);
      h += reason_h + gtk_box_get_spacing (GTK_BOX (child));
    }
  /* The bubble around them: Adwaita's popover padding and border, and the arrow. */
  if (width != NULL)
    *width = w + POPOVER_FRAME_WIDTH;
  if (height != NULL)
    *height = h + POPOVER_FRAME_HEIGHT;
}

static void
set_message_chars (CandorFindingPopover *self,
                   int                   chars)
{
  gtk_label_set_max_width_chars (GTK_LABEL (self->message), chars);
  gtk_label_set_max_width_chars (GTK_LABEL (self->hint), chars);
}

/* On a narrow window the buttons go under each other, then the message lines get shorter, so
 * that the popover is no wider than @available. */
static void
fit_width (CandorFindingPopover *self,
           int                   available)
{
  GtkOrientation orientation = GTK_ORIENTATION_HORIZONTAL;
  int width;

  for (guint attempt = 0; attempt < 2; attempt++)
    {
      gtk_orientable_set_orientation (GTK_ORIENTABLE (self->buttons), orientation);
      gtk_orientable_set_orientation (GTK_ORIENTABLE (self->reason_box), orientation);
      set_message_chars (self, MESSAGE_CHARS);
      measure_full (self, &width, NULL);
      if (width <= available)
        return;
      orientation = GTK_ORIENTATION_VERTICAL;
    }
  set_message_chars (self, MAX (MESSAGE_MIN_CHARS,
                                MESSAGE_CHARS * (available - POPOVER_FRAME_WIDTH) /
                                MAX (1, width - POPOVER_FRAME_WIDTH)));
}

/* Chooses where the popover opens, for its full height (the dismiss-reason row shown), so it
 * never has to move or grow out of the window once open: above the finding when it fits in
 * the window, since below a text come the step's Back and Next buttons (and, under a label
 * text, the web text); below only when there is more room there; and shifted sideways so it
 * stays inside the window. GDK keeps a popup on the monitor; the window is ours to keep it in. */
static void
place (CandorFindingPopover *self,
       const GdkRectangle   *rect)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));
  GtkWidget *root = parent != NULL ? GTK_WIDGET (gtk_widget_get_root (parent)) : NULL;
  graphene_rect_t bounds;
  int width, height, root_width, root_height, offset = 0;
  double cx, top, above, below;

  if (root == NULL || !gtk_widget_compute_bounds (parent, root, &bounds))
    return;
  root_width = gtk_widget_get_width (root);
  root_height = gtk_widget_get_height (root);
  fit_width (self, root_width - 2 * WINDOW_MARGIN);
  measure_full (self, &width, &height);
  cx = bounds.origin.x + rect->x + rect->width / 2.0;
  top = bounds.origin.y + rect->y;
  above = top;
  below = root_height - (top + rect->height);
  gtk_popover_set_position (GTK_POPOVER (self), above >= height || above >= below ? GTK_POS_TOP
                                                                                  : GTK_POS_BOTTOM);
  if (width >= root_width - 2 * WINDOW_MARGIN || cx - width / 2.0 < WINDOW_MARGIN)
    offset = (int) ceil (WINDOW_MARGIN + width / 2.0 - cx);
  else if (cx + width / 2.0 > root_width - WINDOW_MARGIN)
    offset = (int) floor (root_width - WINDOW_MARGIN - (cx + width / 2.0));
  gtk_popover_set_offset (GTK_POPOVER (self), offset, 0);
}

void
candor_finding_popover_show_finding (CandorFindingPopover *self,
                                     const CandorFinding  *finding,
                                     const GdkRectangle   *rect)
{
  g_return_if_fail (CANDOR_IS_FINDING_POPOVER (self));
  g_return_if_fail (finding != NULL && rect != NULL);

  g_free (self->rule);
  g_free (self->quote);
  g_free (self->suggestion);
  self->rule = g_strdup (finding->rule);
  self->quote = g_strdup (finding->quote);
  self->suggestion = finding->replaceable ? g_strdup (finding->suggestion) : NULL;
  self->start = finding->start;
  self->end = finding->end;

  gtk_label_set_text (GTK_LABEL (self->message), finding->message);
  if (self->suggestion != NULL)
    {
      g_autofree char *label = self->suggestion[0] == '\0'
                                 ? g_strdup_printf (_("Remove “%s”"), finding->quote)
                                 : g_strdup_printf (_("Replace with “%s”"), self->suggestion);
      gtk_button_set_label (GTK_BUTTON (self->replace_button), label);
    }
  gtk_widget_set_visible (self->replace_button, self->suggestion != NULL);
  /* Advice that needs a fact from the user ("give the end date") is shown, not applied. */
  gtk_widget_set_visible (self->hint, self->suggestion == NULL && finding->suggestion != NULL);
  gtk_label_set_text (GTK_LABEL (self->hint), finding->suggestion != NULL ? finding->suggestion : "");
  gtk_widget_set_visible (self->reason_box, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->reason_entry), "");

  place (self, rect);
  gtk_popover_set_pointing_to (GTK_POPOVER (self), rect);
  gtk_popover_popup (GTK_POPOVER (self));
}

const char *
candor_finding_popover_get_rule (CandorFindingPopover *self)
{
  g_return_val_if_fail (CANDOR_IS_FINDING_POPOVER (self), NULL);
  return self->rule;
}

const char *
candor_finding_popover_get_quote (CandorFindingPopover *self)
{
  g_return_val_if_fail (CANDOR_IS_FINDING_POPOVER (self), NULL);
  return self->quote;
}

const char *
candor_finding_popover_get_suggestion (CandorFindingPopover *self)
{
  g_return_val_if_fail (CANDOR_IS_FINDING_POPOVER (self), NULL);
  return self->suggestion;
}

int
candor_finding_popover_get_start (CandorFindingPopover *self)
{
  g_return_val_if_fail (CANDOR_IS_FINDING_POPOVER (self), 0);
  return self->start;
}

int
candor_finding_popover_get_end (CandorFindingPopover *self)
{
  g_return_val_if_fail (CANDOR_IS_FINDING_POPOVER (self), 0);
  return self->end;
}

/**
 * candor_finding_popover_get_replace_button:
 * Returns: (transfer none): the one-click fix button
 */
GtkWidget *
candor_finding_popover_get_replace_button (CandorFindingPopover *self)
{
  g_return_val_if_fail (CANDOR_IS_FINDING_POPOVER (self), NULL);
  return self->replace_button;
}

void
candor_finding_popover_focus (CandorFindingPopover *self)
{
  g_return_if_fail (CANDOR_IS_FINDING_POPOVER (self));

  gtk_widget_grab_focus (gtk_widget_get_visible (self->replace_button)
                           ? self->replace_button : self->dismiss_button);
}

/**
 * candor_review_add_dismissal:
 * @review: (nullable): the draft's review section
 *
 * Returns: (transfer full): a copy of @review whose "dismissals" has one more entry
 */
JsonObject *
candor_review_add_dismissal (JsonObject      *review,
                             CandorElementId  element,
                             CandorTextKind   kind,
                             const char      *rule,
                             const char      *quote,
                             int              start,
                             const char      *reason)
{
  JsonObject *copy = json_object_new ();
  g_autoptr(JsonArray) dismissals = json_array_new ();
  g_autoptr(JsonObject) entry = json_object_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  const char *author = g_get_real_name ();

  g_return_val_if_fail (rule != NULL && quote != NULL, copy);

  if (review != NULL)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *node;

      json_object_iter_init (&iter, review);
      while (json_object_iter_next (&iter, &name, &node))
        {
          if (g_str_equal (name, "dismissals") && JSON_NODE_HOLDS_ARRAY (node))
            {
              JsonArray *array = json_node_get_array (node);
              for (guint i = 0; i < json_array_get_length (array); i++)
                json_array_add_element (dismissals, json_node_copy (json_array_get_element (array, i)));
            }
          else
            json_object_set_member (copy, name, json_node_copy (node));
        }
    }

  json_object_set_string_member (entry, "element", candor_element_id_to_key (element));
  json_object_set_string_member (entry, "field", kind == CANDOR_TEXT_LABEL ? "label_text" : "web_text");
  json_object_set_string_member (entry, "rule", rule);
  json_object_set_string_member (entry, "quote", quote);
  json_object_set_int_member (entry, "start", MAX (start, 0));
  if (reason != NULL && reason[0] != '\0')
    json_object_set_string_member (entry, "reason", reason);
  /* g_get_real_name() says "Unknown" when it does not know; better no author then. */
  if (author != NULL && author[0] != '\0' && !g_str_equal (author, "Unknown"))
    json_object_set_string_member (entry, "author", author);
  json_object_set_string_member (entry, "created", created);
  json_array_add_object_element (dismissals, g_steal_pointer (&entry));
  json_object_set_array_member (copy, "dismissals", g_steal_pointer (&dismissals));
  return copy;
}

static void
candor_finding_popover_finalize (GObject *object)
{
  CandorFindingPopover *self = CANDOR_FINDING_POPOVER (object);

  g_free (self->rule);
  g_free (self->quote);
  g_free (self->suggestion);

  G_OBJECT_CLASS (candor_finding_popover_parent_class)->finalize (object);
}

static void
candor_finding_popover_class_init (CandorFindingPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = candor_finding_popover_finalize;

  signals[SIGNAL_REPLACE] = g_signal_new ("replace", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_DISMISS] = g_signal_new ("dismiss", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[SIGNAL_CANCEL] = g_signal_new ("cancel", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static GtkWidget *
wrapped_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), MESSAGE_CHARS);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  return label;
}

static void
candor_finding_popover_init (CandorFindingPopover *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *reason_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkWidget *confirm = gtk_button_new_with_mnemonic (_("Dis_miss"));

  self->message = wrapped_label ();
  gtk_box_append (GTK_BOX (box), self->message);
  self->hint = wrapped_label ();
  gtk_widget_add_css_class (self->hint, "dim-label");
  gtk_box_append (GTK_BOX (box), self->hint);

  self->replace_button = gtk_button_new_with_label ("");
  gtk_widget_add_css_class (self->replace_button, "suggested-action");
  g_signal_connect_swapped (self->replace_button, "clicked", G_CALLBACK (on_replace_clicked), self);
  gtk_box_append (GTK_BOX (buttons), self->replace_button);
  self->dismiss_button = gtk_button_new_with_mnemonic (_("_Dismiss…"));
  gtk_widget_set_tooltip_text (self->dismiss_button, _("Keep the text as it is and say why"));
  g_signal_connect_swapped (self->dismiss_button, "clicked", G_CALLBACK (on_dismiss_clicked), self);
  gtk_box_append (GTK_BOX (buttons), self->dismiss_button);
  gtk_box_append (GTK_BOX (box), buttons);
  self->buttons = buttons;

  self->reason_entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->reason_entry), _("Why this text is right"));
  gtk_widget_set_hexpand (self->reason_entry, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->reason_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason for dismissing"), -1);
  /* GTK 4.8 focuses the entry's inner text, which a screen reader announces. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (self->reason_entry))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason for dismissing"), -1);
  g_signal_connect_swapped (self->reason_entry, "activate", G_CALLBACK (on_dismiss_confirm), self);
  g_signal_connect_swapped (confirm, "clicked", G_CALLBACK (on_dismiss_confirm), self);
  gtk_box_append (GTK_BOX (reason_box), self->reason_entry);
  gtk_box_append (GTK_BOX (reason_box), confirm);
  self->reason_box = reason_box;
  gtk_widget_set_visible (reason_box, FALSE);
  gtk_box_append (GTK_BOX (box), reason_box);

  gtk_popover_set_child (GTK_POPOVER (self), box);
  /* It must not take the keyboard from the text while the user reads or types. */
  gtk_popover_set_autohide (GTK_POPOVER (self), FALSE);
  gtk_popover_set_position (GTK_POPOVER (self), GTK_POS_TOP);

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}
