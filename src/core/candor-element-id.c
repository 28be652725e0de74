/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-element-id.c: names of the six disclosure elements and the text kinds. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "candor-element-id.h"

static const struct
{
  const char *key;
  const char *display;
  const char *title;
} element_names[CANDOR_N_ELEMENTS] = {
  { "A1", "A.1", N_("Can it get security updates?") },
  { "A2", "A.2", N_("How are updates installed?") },
  { "A3", "A.3", N_("Until when?") },
  { "B1", "B.1", N_("How owners are told") },
  { "B2", "B.2", N_("When support ends") },
  { "B3", "B.3", N_("How updates are protected") },
};

const char *
candor_element_id_to_key (CandorElementId id)
{
  g_return_val_if_fail (id < CANDOR_N_ELEMENTS, NULL);
  return element_names[id].key;
}

const char *
candor_element_id_to_display (CandorElementId id)
{
  g_return_val_if_fail (id < CANDOR_N_ELEMENTS, NULL);
  return element_names[id].display;
}

const char *
candor_element_id_get_title (CandorElementId id)
{
  g_return_val_if_fail (id < CANDOR_N_ELEMENTS, NULL);
  return g_dgettext (GETTEXT_PACKAGE, element_names[id].title);
}

/**
 * candor_element_id_from_key:
 * @key: "A1" as in the file format, or "A.1" as shown to people
 * @out_id: (out) (optional): the element
 *
 * Returns: TRUE if @key names an element
 */
gboolean
candor_element_id_from_key (const char *key, CandorElementId *out_id)
{
  if (key == NULL)
    return FALSE;
  for (guint i = 0; i < CANDOR_N_ELEMENTS; i++)
    if (strcmp (key, element_names[i].key) == 0 || strcmp (key, element_names[i].display) == 0)
      {
        if (out_id != NULL)
          *out_id = (CandorElementId) i;
        return TRUE;
      }
  return FALSE;
}

gboolean
candor_element_id_is_label (CandorElementId id)
{
  return id <= CANDOR_ELEMENT_A3;
}

const char *
candor_text_kind_to_key (CandorTextKind kind)
{
  g_return_val_if_fail (kind < CANDOR_N_TEXT_KINDS, NULL);
  return kind == CANDOR_TEXT_LABEL ? "label" : "web";
}
