/* pages.c - placeholder */
#include "split.h"

void
pages_boundaries(const char *text, size_t len, const size_t *line_off,
    size_t nlines, unsigned char *is_start)
{
	(void)text; (void)len; (void)line_off;
	if (nlines)
		is_start[0] = 1;
}

void
split_pages(struct src *s, struct emitter *e, const struct split_opts *o)
{
	(void)o;
	if (!src_fill(s, 1))
		return;
	em_begin(e, s->path, 1, "text");
	do {
		em_add(e, src_ptr(s), src_avail(s));
		src_skip(s, src_avail(s));
	} while (src_more(s));
	em_end(e);
}
