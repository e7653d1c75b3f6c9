/*
 * entity.h - HTML character references (&amp; &#151; &#x20AC; &eacute)
 * read as the WHATWG tokenizer reads them: the 2,231 named references of
 * entities_gen.c, legacy names without their ';', numeric references with
 * &#128;..&#159; taken as windows-1252 the way browsers take them.
 */
#ifndef ENTITY_H
#define ENTITY_H

#include <stddef.h>

#include "buf.h"

/* Where a reference stands: attribute values refuse "&copy=" and "&copyx". */
enum charref_ctx { CHARREF_TEXT, CHARREF_ATTR };

/* The longest value of one reference, in UTF-8 bytes (two code points). */
#define CHARREF_MAX 8

/*
 * p[0] is '&'.  Decode the reference at p[0..n) into u[0..*ulen) (UTF-8)
 * and return how many bytes of p it takes; 0 when none starts there (the
 * '&' is then text).  Never reads past n.
 */
size_t html_charref(const char *p, size_t n, enum charref_ctx ctx,
    char u[CHARREF_MAX], size_t *ulen);

/* Append p[0..n) to out with every character reference decoded. */
void html_decode(const char *p, size_t n, enum charref_ctx ctx, struct buf *out);

#endif
