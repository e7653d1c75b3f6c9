/*
 * labels.c - the label before a colon, and the record of a candidate value:
 * what the line scanners of scan.c and bylines.c both build on.
 */
#include <stdlib.h>

#include "kwset.h"
#include "page.h"
#include "winnow.h"

enum lkind
label_before(const struct scan_tables *tab, const char *s, size_t e, size_t *ls)
{
	struct kwset_match m;

	while (e > 0 && s[e - 1] == ' ')
		e--;
	if (!kwset_ending_at(tab->labels, s, e, &m))
		return LK_NONE;
	*ls = m.start;
	return (enum lkind)m.tag;
}

void
scan_add_value(struct page *pg, size_t line, size_t off, size_t len, enum lkind kind, int how)
{
	struct vcand *v;

	while (len > 0 && pg->n[off] == ' ')
		off++, len--;
	while (len > 0 && pg->n[off + len - 1] == ' ')
		len--;
	if (len == 0)
		return;
	if (pg->nvc == pg->vccap) {
		pg->vccap = pg->vccap ? pg->vccap * 2 : 64;
		pg->vc = xreallocarray(pg->vc, pg->vccap, sizeof(*pg->vc));
	}
	v = &pg->vc[pg->nvc++];
	v->line = line;
	v->off = off;
	v->len = len;
	v->kind = kind;
	v->how = how;
}

