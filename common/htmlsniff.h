/* htmlsniff.h - does a text start like an HTML page? */
#ifndef HTMLSNIFF_H
#define HTMLSNIFF_H

#include <stddef.h>

/*
 * 1 if p[0..n) starts, after a UTF-8 BOM, white space and comments, with
 * "<!doctype html", "<html" or "<head" (any case).  Reads nothing past n.
 */
int html_sniff(const char *p, size_t n);

#endif
