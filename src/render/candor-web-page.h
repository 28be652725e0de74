/* SPDX-License-Identifier: GPL-3.0-or-later */
/* candor-web-page.h: the disclosure as one self-contained, accessible HTML page. */
#pragma once

#include "candor-document.h"

G_BEGIN_DECLS

/* The page links to the machine-readable form under this name (DESIGN §6). */
#define CANDOR_WEB_PAGE_JSON_NAME "disclosure.json"

/**
 * candor_web_page_generate:
 * @document: the draft
 *
 * The web page: styles inline, no scripts, nothing loaded from elsewhere, every text from the
 * draft escaped. Deterministic: the same draft gives the same bytes.
 *
 * Returns: (transfer full): UTF-8 HTML
 */
char   *candor_web_page_generate       (CandorDocument *document);
/* The same as bytes, ready to write as index.html. Returns: (transfer full) */
GBytes *candor_web_page_generate_bytes (CandorDocument *document);

G_END_DECLS
