/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-readability.h: the readability engine's public API (include this one). */
#pragma once

#include "candor-dismissal.h"
#include "candor-finding.h"
#include "candor-metrics.h"
#include "candor-syllables.h"
#include "candor-text-analysis.h"
#include "candor-tokenizer.h"
