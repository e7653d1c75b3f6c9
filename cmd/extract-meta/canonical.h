/* canonical.h - a record's url and its page's canonical address (canonical.c). */
#ifndef CANONICAL_H
#define CANONICAL_H

#include "buf.h"
#include "json.h"
#include "meta.h"
#include "record.h"

/*
 * Settle m->url and m->canonical once meta_run() has read r's text (which
 * put a permalink label's address in m->canonical).  A "canonical" or
 * "og:url" in r's "html" head object (split-articles --html-to-text -j) is
 * the canonical address before the text's; "/path" and "//host/path" are
 * completed from r's url.  m->url is r's own "url" string when it has one,
 * else the canonical address.  head is r's "html" object as given_head()
 * parsed it from hs (hs NULL: r has none); tmp is scratch.  Returns 1 when r
 * has its own url: -j then leaves that member as it is, byte for byte.
 */
int canonical_fields(const struct record *r, struct meta *m, const struct json_obj *head,
    const char *hs, struct buf *tmp);

#endif
