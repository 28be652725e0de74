/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-word-diff.c: a word-by-word difference of two texts (longest common subsequence). */
#include "config.h"

#include <string.h>

#include "candor-word-diff.h"

#define MAX_CELLS 2000000

void
candor_diff_run_free (CandorDiffRun *run)
{
  if (run == NULL)
    return;
  g_free (run->text);
  g_free (run);
}

typedef struct
{
  const char *start;
  gsize       length;
} Token;

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

static GArray *
tokenize (const char *text)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  const char *p = text;

  while (*p != '\0')
    {
      const char *start = p;
      gunichar c = g_utf8_get_char (p);

      if (is_word_char (c))
        {
          for (;;)
            {
              const char *next = g_utf8_next_char (p);
              gunichar d = g_utf8_get_char (next);

              if (is_word_char (d))
                p = next;
              else if ((d == '\'' || d == 0x2019 || d == '-') &&
                       is_word_char (g_utf8_get_char (g_utf8_next_char (next))))
                p = g_utf8_next_char (next);
              else
                {
                  p = next;
                  break;
                }
            }
        }
      else if (g_unichar_isspace (c))
        {
          while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
            p = g_utf8_next_char (p);
        }
      else
        p = g_utf8_next_char (p);
      g_array_append_val (tokens, ((Token) { start, (gsize) (p - start) }));
    }
  return tokens;
}

static gboolean
token_equal (const Token *a, const Token *b)
{
  return a->length == b->length && memcmp (a->start, b->start, a->length) == 0;
}

static gboolean
is_space_token (const Token *t)
{
  return g_unichar_isspace (g_utf8_get_char (t->start));
}

/* What a match is worth: a word far more than white space, so that "gets" lines up with
 * "gets" rather than the spaces between other words lining up. */
static guint
token_weight (const Token *t)
{
  if (is_space_token (t))
    return 1;
  return is_word_char (g_utf8_get_char (t->start)) ? 8 : 4;
}

static void
emit (GPtrArray *runs, CandorDiffOp op, const Token *token)
{
  CandorDiffRun *last = runs->len > 0 ? g_ptr_array_index (runs, runs->len - 1) : NULL;

  if (last != NULL && last->op == op)
    {
      char *joined = g_strdup_printf ("%s%.*s", last->text, (int) token->length, token->start);
      g_free (last->text);
      last->text = joined;
      return;
    }
  {
    CandorDiffRun *run = g_new0 (CandorDiffRun, 1);
    run->op = op;
    run->text = g_strndup (token->start, token->length);
    g_ptr_array_add (runs, run);
  }
}

/* Deletions first, then insertions, within each changed stretch. */
static void
emit_change (GPtrArray *runs, GArray *ops)
{
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < ops->len; i += 2)
      {
        CandorDiffOp op = (CandorDiffOp) GPOINTER_TO_UINT (g_array_index (ops, gpointer, i));
        const Token *token = g_array_index (ops, gpointer, i + 1);

        if ((pass == 0) == (op == CANDOR_DIFF_DELETE))
          emit (runs, op, token);
      }
  g_array_set_size (ops, 0);
}

static void
push_change (GArray *ops, CandorDiffOp op, const Token *token)
{
  gpointer op_p = GUINT_TO_POINTER ((guint) op);
  gpointer token_p = (gpointer) token;

  g_array_append_val (ops, op_p);
  g_array_append_val (ops, token_p);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static void
add_run (GPtrArray *runs, CandorDiffOp op, GString *text)
{
  CandorDiffRun *run;

  if (text->len == 0)
    return;
  /* Appending to the previous run of the same kind keeps runs alternating. */
  if (runs->len > 0 && ((CandorDiffRun *) runs->pdata[runs->len - 1])->op == op)
    {
      CandorDiffRun *last = runs->pdata[runs->len - 1];
      char *joined = g_strconcat (last->text, text->str, NULL);
      g_free (last->text);
      last->text = joined;
      g_string_truncate (text, 0);
      return;
    }
  run = g_new0 (CandorDiffRun, 1);
  run->op = op;
  run->text = g_strdup (text->str);
  g_ptr_array_add (runs, run);
  g_string_truncate (text, 0);
}

/* "[-The-]{+Yes.+} [-Lumen-]{+This+}" reads badly: white space alone between two changes
 * joins them into one, "[-The Lumen-]{+Yes. This+}". */
static GPtrArray *
join_changes (GPtrArray *runs)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) candor_diff_run_free);
  g_autoptr(GString) del = g_string_new (NULL);
  g_autoptr(GString) ins = g_string_new (NULL);
  gboolean in_change = FALSE;

  for (guint i = 0; i < runs->len; i++)
    {
      CandorDiffRun *run = runs->pdata[i];
      CandorDiffRun *next = i + 1 < runs->len ? runs->pdata[i + 1] : NULL;

      if (run->op == CANDOR_DIFF_DELETE || run->op == CANDOR_DIFF_INSERT)
        {
          g_string_append (run->op == CANDOR_DIFF_DELETE ? del : ins, run->text);
          in_change = TRUE;
          continue;
        }
      if (in_change && next != NULL && next->op != CANDOR_DIFF_EQUAL && is_blank (run->text))
        {
          g_string_append (del, run->text);
          g_string_append (ins, run->text);
          continue;
        }
      {
        g_autoptr(GString) same = g_string_new (run->text);
        GString *only;

        /* The same white space at the end of both sides belongs outside the change. */
        while (del->len > 0 && ins->len > 0 && del->str[del->len - 1] == ins->str[ins->len - 1]
               && g_ascii_isspace (del->str[del->len - 1]))
          {
            g_string_prepend_c (same, del->str[del->len - 1]);
            g_string_truncate (del, del->len - 1);
            g_string_truncate (ins, ins->len - 1);
          }
        /* A lone insertion or deletion that starts with the space the text after it starts
         * with reads better ending with it: "gets{+ free+} security" → "gets {+free +}security". */
        only = del->len == 0 ? ins : ins->len == 0 ? del : NULL;
        if (only != NULL && only->len > 0 && same->len > 0 && g_ascii_isspace (only->str[0])
            && only->str[0] == same->str[0])
          {
            char c = only->str[0];
            g_autoptr(GString) before = g_string_new_len (&c, 1);

            g_string_erase (only, 0, 1);
            g_string_append_c (only, c);
            g_string_erase (same, 0, 1);
            add_run (out, CANDOR_DIFF_EQUAL, before);
          }
        add_run (out, CANDOR_DIFF_DELETE, del);
        add_run (out, CANDOR_DIFF_INSERT, ins);
        in_change = FALSE;
        add_run (out, CANDOR_DIFF_EQUAL, same);
      }
    }
  add_run (out, CANDOR_DIFF_DELETE, del);
  add_run (out, CANDOR_DIFF_INSERT, ins);
  g_ptr_array_unref (runs);
  return out;
}

GPtrArray *
candor_word_diff (const char *old_text, const char *new_text)
{
  GPtrArray *runs = g_ptr_array_new_with_free_func ((GDestroyNotify) candor_diff_run_free);
  g_autoptr(GArray) a = NULL;
  g_autoptr(GArray) b = NULL;
  g_autoptr(GArray) ops = g_array_new (FALSE, FALSE, sizeof (gpointer));
  guint n, m, pre = 0, suf = 0;

  g_return_val_if_fail (old_text != NULL && new_text != NULL, runs);

  a = tokenize (old_text);
  b = tokenize (new_text);
  n = a->len;
  m = b->len;
  while (pre < n && pre < m && token_equal (&g_array_index (a, Token, pre), &g_array_index (b, Token, pre)))
    pre++;
  while (suf < n - pre && suf < m - pre &&
         token_equal (&g_array_index (a, Token, n - 1 - suf), &g_array_index (b, Token, m - 1 - suf)))
    suf++;

  for (guint i = 0; i < pre; i++)
    emit (runs, CANDOR_DIFF_EQUAL, &g_array_index (a, Token, i));

  {
    guint an = n - pre - suf, bm = m - pre - suf;
    const Token *ta = (const Token *) (gpointer) a->data;
    const Token *tb = (const Token *) (gpointer) b->data;
#define at(k) (&ta[pre + (k)])
#define bt(k) (&tb[pre + (k)])

    if (an == 0 || bm == 0 || (guint64) (an + 1) * (bm + 1) > MAX_CELLS)
      {
        for (guint i = 0; i < an; i++)
          push_change (ops, CANDOR_DIFF_DELETE, at (i));
        for (guint j = 0; j < bm; j++)
          push_change (ops, CANDOR_DIFF_INSERT, bt (j));
        emit_change (runs, ops);
      }
    else
      {
        /* lcs[i][j]: the longest common subsequence of at[i..] and bt[j..]. */
        guint w = bm + 1;
        guint32 *lcs = g_new0 (guint32, (gsize) (an + 1) * w);
        guint i = 0, j = 0;

        for (guint x = an; x-- > 0;)
          for (guint y = bm; y-- > 0;)
            {
              guint32 best = MAX (lcs[(x + 1) * w + y], lcs[x * w + y + 1]);
              if (token_equal (at (x), bt (y)))
                best = MAX (best, lcs[(x + 1) * w + y + 1] + token_weight (at (x)));
              lcs[x * w + y] = best;
            }
        while (i < an || j < bm)
          {
            if (i < an && j < bm && token_equal (at (i), bt (j))
                && lcs[i * w + j] == lcs[(i + 1) * w + j + 1] + token_weight (at (i)))
              {
                emit_change (runs, ops);
                emit (runs, CANDOR_DIFF_EQUAL, at (i));
                i++;
                j++;
              }
            else if (j < bm && (i == an || lcs[i * w + j + 1] >= lcs[(i + 1) * w + j]))
              {
                push_change (ops, CANDOR_DIFF_INSERT, bt (j));
                j++;
              }
            else
              {
                push_change (ops, CANDOR_DIFF_DELETE, at (i));
                i++;
              }
          }
        emit_change (runs, ops);
        g_free (lcs);
      }
#undef at
#undef bt
  }

  for (guint i = n - suf; i < n; i++)
    emit (runs, CANDOR_DIFF_EQUAL, &g_array_index (a, Token, i));
  return join_changes (runs);
}

char *
candor_word_diff_to_string (GPtrArray *runs)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; runs != NULL && i < runs->len; i++)
    {
      CandorDiffRun *run = g_ptr_array_index (runs, i);

      if (run->op == CANDOR_DIFF_DELETE)
        g_string_append_printf (out, "[-%s-]", run->text);
      else if (run->op == CANDOR_DIFF_INSERT)
        g_string_append_printf (out, "{+%s+}", run->text);
      else
        g_string_append (out, run->text);
    }
  return g_string_free (out, FALSE);
}
