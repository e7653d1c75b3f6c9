/* emit.h - extract-meta's output formats for one field of struct meta. */
#ifndef EMIT_H
#define EMIT_H

#include "buf.h"
#include "meta.h"

/* -f also knows "file", the operand name. */
#define EMIT_FILE MF_NFIELDS

/* Index of the field called name[0..n), EMIT_FILE, or -1. */
int emit_field_index(const char *name, size_t n);
/* Append field f as a JSON value: string, null, or list. */
void emit_json_value(struct buf *b, const struct meta *m, int f);
/* Append {"field":[offset,length],...} for the fields that were found. */
void emit_evidence(struct buf *b, const struct meta *m);
/* Append field f as a TSV cell (lists joined by ';'; null is empty). */
void emit_tsv_value(struct buf *b, const struct meta *m, int f, const char *file);

/* What emit_object adds to the fields: "evidence", "langs" (--lang-detail). */
enum { EMIT_EVIDENCE = 1, EMIT_LANGS = 2 };
/* Append the JSON object of m: "file" first when file is not NULL; extra: EMIT_*. */
void emit_object(struct buf *b, const struct meta *m, const char *file, int extra);

#endif
