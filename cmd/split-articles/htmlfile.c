/*
 * htmlfile.c - a file that is one HTML page (a saved .html): one record,
 * whatever its lines look like (--format html, or guessed by fmt_sniff).
 */
#include "htmlhead.h"
#include "split.h"

void
split_html(struct src *s, struct emitter *e, const struct split_opts *o)
{
	const char *cs;
	size_t n, len;

	(void)o;
	if (!src_fill(s, 1))
		return;		/* an empty file holds no page */
	em_begin(e, s->path, 1, "html");
	em_html(e);
	/*
	 * A saved page has no HTTP header: a byte order mark, else its own
	 * <meta>, names the charset.
	 */
	n = src_fill(s, HTML_PRESCAN);
	if ((cs = html_bom_charset((const char *)src_ptr(s), n, &len)) != NULL ||
	    (cs = html_prescan_charset((const char *)src_ptr(s), n, &len)) != NULL)
		em_meta(e, F_CHARSET, cs, len);
	while (src_avail(s)) {
		em_add(e, src_ptr(s), src_avail(s));
		src_skip(s, src_avail(s));
		src_more(s);
	}
	em_end(e);
}
