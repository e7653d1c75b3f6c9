/*
 * htmlfile.c - a file that is one HTML page (a saved .html): one record,
 * whatever its lines look like (--format html, or guessed by fmt_sniff).
 */
#include "split.h"

void
split_html(struct src *s, struct emitter *e, const struct split_opts *o)
{
	(void)o;
	if (!src_fill(s, 1))
		return;		/* an empty file holds no page */
	em_begin(e, s->path, 1, "html");
	em_html(e);
	while (src_avail(s)) {
		em_add(e, src_ptr(s), src_avail(s));
		src_skip(s, src_avail(s));
		src_more(s);
	}
	em_end(e);
}
