/*
 * pageline.h - what one line is, on its own: the classes of its words
 * and of its shape (blank, empty, a list item, an image placeholder, a
 * sentence, a lone counter token), its layout (indent, padding, width,
 * script, box drawing) and the attribute bits the model weighs.
 */
#ifndef PAGELINE_H
#define PAGELINE_H

#include <stddef.h>

#include "pagewords.h"
#include "pline.h"
#include "tokens.h"

/*
 * Describe line p[0..n) (UTF-8, any bytes safe; its newline, if any,
 * included) in l's cls, chars, style, width, indent, box, latin, digits
 * and attr; nothing else of l is touched.  *t receives its tokens and
 * glue point (tokens.h).
 */
void pl_classify(struct pline *l, struct tokens *t, const struct kwset *w,
    const unsigned char *p, size_t n);

#endif
