/*
 * encdetect.c - first cut of the encoding detector: BOMs, UTF-8 validity,
 * pure ASCII, else GB18030.  detect-encoding's issue replaces the guess
 * with a model-based one behind the same interface.
 */
#include <string.h>
#include <strings.h>

#include "encdetect.h"
#include "utf8.h"

static const struct {
	const char *label, *name;
} labels[] = {
	{ "utf-8", "UTF-8" }, { "utf8", "UTF-8" },
	{ "gb2312", "GB18030" }, { "gbk", "GB18030" }, { "gb18030", "GB18030" },
	{ "x-gbk", "GB18030" }, { "cp936", "GB18030" },
	{ "big5", "Big5" }, { "big5-hkscs", "Big5-HKSCS" }, { "cp950", "Big5" },
	{ "shift_jis", "Shift_JIS" }, { "sjis", "Shift_JIS" },
	{ "euc-jp", "EUC-JP" }, { "euc-kr", "EUC-KR" },
	{ "iso-2022-jp", "ISO-2022-JP" },
	{ "us-ascii", "ASCII" }, { "ascii", "ASCII" },
	{ "iso-8859-1", "windows-1252" }, { "latin1", "windows-1252" },
	{ "windows-1252", "windows-1252" },
};

const char *
enc_canonical(const char *label)
{
	size_t i;

	for (i = 0; i < sizeof labels / sizeof labels[0]; i++)
		if (!strcasecmp(label, labels[i].label))
			return labels[i].name;
	return NULL;
}

void
enc_detect(const unsigned char *s, size_t n, int final, const char *hint,
    struct enc_guess *g)
{
	size_t valid, i;

	(void)hint;
	memset(g, 0, sizeof *g);
	g->confidence = 100;
	if (n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3)) {
		g->name = "UTF-8";
		return;
	}
	valid = utf8_valid_prefix(s, n);
	if (valid == n || (!final && utf8_complete_prefix(s, n) == valid)) {
		for (i = 0; i < n && s[i] < 0x80; i++)
			;
		g->name = i == n ? "ASCII" : "UTF-8";
		return;
	}
	g->name = "GB18030";
	g->confidence = 50;
}
