/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-element-content.h: what each wizard page asks and explains, element by element. */
#pragma once

#include "candor-answer-rows.h"
#include "candor-element-id.h"

G_BEGIN_DECLS

/* All strings are N_() marked: translate with _() when shown. */
typedef struct
{
  const char             *question;  /* the question in plain words */
  const char             *why;       /* why buyers care, one or two sentences */
  const char             *good;      /* a good example text; a %s in it is the product's
                                      * kind ("smart plug"), see candor_category_get_noun() */
  const char             *poor;      /* a poor example text */
  const char             *poor_why;  /* what is wrong with the poor one */
  const CandorAnswerSpec *specs;
  guint                   n_specs;
} CandorElementContent;

const CandorElementContent *candor_element_content_get (CandorElementId id);

G_END_DECLS
