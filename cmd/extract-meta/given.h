/* given.h - fields a -j record carries, used as evidence by extract-meta. */
#ifndef GIVEN_H
#define GIVEN_H

#include "buf.h"
#include "meta.h"
#include "record.h"

/* The crawl time of record r, if it has one; 1 and *d set, else 0. */
int given_crawl_time(const struct record *r, struct buf *tmp, struct mdate *d);
/* Take r's title into m (its url: canonical.h). */
void given_fields(const struct record *r, struct meta *m, struct buf *tmp);

#endif
