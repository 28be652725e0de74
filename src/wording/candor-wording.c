/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-wording.c: entry points that pick the generator for each element. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "candor-wording-private.h"

/**
 * candor_wording_generate:
 * @document: the draft
 * @id: the element
 * @kind: label (short) or web (fuller) text
 *
 * The proposed text for @id, for the label (short) or the web page (fuller), in short active
 * sentences, translated into the current locale. Dates are written out ("31 December 2029"),
 * prices name their currency ("4.99 euros", or "4.99 PLN" for rarer ones). When A.1 says
 * the device cannot get updates, the other elements that have no answers of their own say
 * that they do not apply.
 *
 * Returns: (transfer full): the text; an empty string when there are no answers yet
 */
char *
candor_wording_generate (CandorDocument *document, CandorElementId id, CandorTextKind kind)
{
  g_return_val_if_fail (CANDOR_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (id < CANDOR_N_ELEMENTS, NULL);
  g_return_val_if_fail (kind < CANDOR_N_TEXT_KINDS, NULL);

  if (candor_wording_not_applicable (document, id))
    {
      g_autofree char *product = candor_wording_product (document, FALSE);
      /* Translators: %s is the product, e.g. "the Acme Cam 2". */
      return g_strdup_printf (_("This does not apply: %s gets no security updates."),
                              product);
    }

  switch (id)
    {
    case CANDOR_ELEMENT_A1:
      return candor_wording_generate_a1 (document, kind);
    case CANDOR_ELEMENT_A2:
      return candor_wording_generate_a2 (document, kind);
    case CANDOR_ELEMENT_A3:
      return candor_wording_generate_a3 (document, kind);
    case CANDOR_ELEMENT_B1:
      return candor_wording_generate_b1 (document, kind);
    case CANDOR_ELEMENT_B2:
      return candor_wording_generate_b2 (document, kind);
    case CANDOR_ELEMENT_B3:
      return candor_wording_generate_b3 (document, kind);
    case CANDOR_N_ELEMENTS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * candor_wording_short_answer:
 * @document: the draft
 * @id: the element
 *
 * The few words shown in the element's row of the packaging label, like a nutrition-facts
 * panel: "Yes", "Automatic, free", "At least until December 2029".
 *
 * Returns: (transfer full) (nullable): the answer, or NULL when unanswered
 */
char *
candor_wording_short_answer (CandorDocument *document, CandorElementId id)
{
  g_return_val_if_fail (CANDOR_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (id < CANDOR_N_ELEMENTS, NULL);

  if (candor_wording_not_applicable (document, id))
    return g_strdup (C_("short answer", "Does not apply"));
  if (id <= CANDOR_ELEMENT_A3)
    return candor_wording_short_a (document, id);
  return candor_wording_short_b (document, id);
}

/**
 * candor_wording_refresh_generated:
 * @document: the draft
 *
 * Makes every text that was generated (not edited by hand) say what its answers say now:
 * a draft whose answers were changed outside Candor (by a script or another editor) keeps
 * the old generated sentences, which would then contradict the answers on the box. Texts
 * edited by hand are left as they are (the consistency checks compare them with the answers).
 * All texts are generated first and set after, since one element's text may depend on
 * another's answers.
 *
 * Returns: how many texts changed
 */
guint
candor_wording_refresh_generated (CandorDocument *document)
{
  char *fresh[CANDOR_N_ELEMENTS][CANDOR_N_TEXT_KINDS] = { { NULL } };
  guint changed = 0;

  g_return_val_if_fail (CANDOR_IS_DOCUMENT (document), 0);

  for (guint id = 0; id < CANDOR_N_ELEMENTS; id++)
    for (guint kind = 0; kind < CANDOR_N_TEXT_KINDS; kind++)
      {
        CandorElement *element = candor_document_get_element (document, id);

        if (!candor_element_get_text_edited (element, kind))
          fresh[id][kind] = candor_wording_generate (document, id, kind);
      }
  for (guint id = 0; id < CANDOR_N_ELEMENTS; id++)
    for (guint kind = 0; kind < CANDOR_N_TEXT_KINDS; kind++)
      {
        CandorElement *element = candor_document_get_element (document, id);

        if (fresh[id][kind] != NULL
            && g_strcmp0 (candor_element_get_text (element, kind), fresh[id][kind]) != 0)
          {
            candor_element_set_text (element, kind, fresh[id][kind], FALSE);
            changed++;
          }
        g_free (fresh[id][kind]);
      }
  return changed;
}

gboolean
candor_wording_support_end (CandorDocument *document, GDate *end)
{
  CandorElement *a3;
  CandorPartialDate date;
  gboolean exact = FALSE;

  g_return_val_if_fail (CANDOR_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (end != NULL, FALSE);

  a3 = candor_document_get_element (document, CANDOR_ELEMENT_A3);
  if (!candor_wording_a3_end_date (a3, &date, &exact))
    return FALSE;
  g_date_clear (end, 1);
  g_date_set_julian (end, (guint32) candor_partial_date_to_julian (&date, TRUE));
  return g_date_valid (end);
}
