/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-anchor.c: how a commented span of text follows edits (character offsets). */
#include "config.h"

#include <string.h>

#include "candor-anchor.h"

CandorAnchorResult
candor_anchor_apply_edit (guint *start, guint *end, guint offset, guint removed, guint inserted)
{
  guint s = *start, e = *end;
  guint de = offset + removed;

  g_return_val_if_fail (start != NULL && end != NULL, CANDOR_ANCHOR_KEPT);

  if (removed == 0)
    {
      if (offset <= s)
        {
          s += inserted;
          e += inserted;
        }
      else if (offset < e)
        e += inserted;
    }
  else if (de <= s)
    {
      /* Entirely before: the span moves with the text. */
      s = s - removed + inserted;
      e = e - removed + inserted;
    }
  else if (offset >= e)
    ;
  else if (offset <= s && de >= e)
    {
      *start = *end = offset;
      return CANDOR_ANCHOR_DELETED;
    }
  else if (offset < s)
    {
      /* Removes the span's beginning; what was typed in its place is outside it. */
      e = e - removed + inserted;
      s = offset + inserted;
    }
  else if (de >= e)
    /* Starts inside (or at the start) and runs past the end: the new text belongs to it. */
    e = offset + inserted;
  else
    /* Inside, or replacing from its start: the span grows or shrinks. */
    e = e - removed + inserted;

  g_assert (s < e);
  *start = s;
  *end = e;
  return CANDOR_ANCHOR_KEPT;
}

guint
candor_anchor_move_point (guint point, guint offset, guint removed, guint inserted)
{
  if (point <= offset)
    return point;
  if (point >= offset + removed)
    return point - removed + inserted;
  return offset;
}

/* Calls @func with the character offset of every occurrence of @quote, in order, until it
 * returns FALSE. strstr() on valid UTF-8 only lands on character boundaries. */
typedef gboolean (*MatchFunc) (guint char_offset, gpointer data);

static void
for_each_match (const char *text, const char *quote, MatchFunc func, gpointer data)
{
  const char *last = text;
  const char *p = text;
  guint chars = 0;

  if (*quote == '\0')
    return;
  while ((p = strstr (p, quote)) != NULL)
    {
      chars += (guint) g_utf8_strlen (last, p - last);
      if (!func (chars, data))
        return;
      last = p;
      p = g_utf8_next_char (p);
    }
}

typedef struct
{
  guint near, from, to, qchars;
  gboolean found;
  guint best;
} Nearest;

static gboolean
nearest_match (guint at, gpointer data)
{
  Nearest *n = data;
  guint distance;

  if (at < n->from)
    return TRUE;
  if (n->to != G_MAXUINT && at + n->qchars > n->to)
    return FALSE;
  distance = at > n->near ? at - n->near : n->near - at;
  if (!n->found || distance < (n->best > n->near ? n->best - n->near : n->near - n->best))
    {
      n->best = at;
      n->found = TRUE;
    }
  /* Matches only get further away once past @near. */
  return at <= n->near;
}

gboolean
candor_anchor_find_nearest (const char *text, const char *quote, guint near, guint from, guint to, guint *found)
{
  Nearest n = { near, from, to, 0, FALSE, 0 };

  g_return_val_if_fail (text != NULL && quote != NULL && found != NULL, FALSE);

  n.qchars = (guint) g_utf8_strlen (quote, -1);
  for_each_match (text, quote, nearest_match, &n);
  if (n.found)
    *found = n.best;
  return n.found;
}

typedef struct
{
  guint n, seen, at;
  gboolean found;
} Nth;

static gboolean
nth_match (guint at, gpointer data)
{
  Nth *n = data;

  if (++n->seen == n->n)
    {
      n->at = at;
      n->found = TRUE;
      return FALSE;
    }
  return TRUE;
}

gboolean
candor_anchor_find_occurrence (const char *text, const char *quote, guint n, guint *found)
{
  Nth nth = { n, 0, 0, FALSE };

  g_return_val_if_fail (text != NULL && quote != NULL && found != NULL, FALSE);
  if (n == 0)
    return FALSE;
  for_each_match (text, quote, nth_match, &nth);
  if (nth.found)
    *found = nth.at;
  return nth.found;
}

static gboolean
count_match (guint at, gpointer data)
{
  (*(guint *) data)++;
  return TRUE;
}

guint
candor_anchor_count (const char *text, const char *quote)
{
  guint count = 0;

  g_return_val_if_fail (text != NULL && quote != NULL, 0);
  for_each_match (text, quote, count_match, &count);
  return count;
}

char *
candor_anchor_substring (const char *text, guint start, guint end)
{
  glong length = g_utf8_strlen (text, -1);
  const char *a, *b;

  start = (guint) MIN ((glong) start, length);
  end = (guint) MIN ((glong) MAX (end, start), length);
  a = g_utf8_offset_to_pointer (text, start);
  b = g_utf8_offset_to_pointer (a, end - start);
  return g_strndup (a, b - a);
}
