/*
 * enclabel.c - charset labels and declarations: canonical names for the
 * many spellings of a charset (WHATWG labels and more), the names iconv(3)
 * knows them by, byte order marks, and <meta charset>/XML declarations.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "encdetect.h"

/* Charset labels, normalised (lower case, letters and digits only). */
static const struct {
	const char *label, *name;
} labels[] = {
	{ "utf8", "UTF-8" }, { "unicode11utf8", "UTF-8" }, { "xunicode20utf8", "UTF-8" },
	{ "utf16", "UTF-16LE" }, { "utf16le", "UTF-16LE" }, { "utf16be", "UTF-16BE" },
	{ "ucs2", "UTF-16LE" }, { "unicode", "UTF-16LE" }, { "unicodefeff", "UTF-16LE" },
	{ "utf32", "UTF-32LE" }, { "utf32le", "UTF-32LE" }, { "utf32be", "UTF-32BE" },
	{ "utf7", "UTF-7" },
	{ "usascii", "ASCII" }, { "ascii", "ASCII" }, { "ansix341968", "ASCII" },
	{ "gb2312", "GB18030" }, { "gbk", "GB18030" }, { "gb18030", "GB18030" },
	{ "xgbk", "GB18030" }, { "cp936", "GB18030" }, { "ms936", "GB18030" },
	{ "windows936", "GB18030" }, { "euccn", "GB18030" }, { "xeuccn", "GB18030" },
	{ "csgb2312", "GB18030" }, { "gb231280", "GB18030" }, { "chinese", "GB18030" },
	{ "csiso58gb231280", "GB18030" }, { "iso58gb231280", "GB18030" },
	{ "hzgb2312", "HZ-GB-2312" }, { "hz", "HZ-GB-2312" },
	{ "iso2022cn", "ISO-2022-CN" }, { "iso2022cnext", "ISO-2022-CN" },
	{ "big5", "Big5" }, { "csbig5", "Big5" }, { "xxbig5", "Big5" }, { "cnbig5", "Big5" },
	{ "big5hkscs", "Big5-HKSCS" }, { "cp950", "Big5" }, { "windows950", "Big5" },
	{ "euctw", "x-EUC-TW" }, { "xeuctw", "x-EUC-TW" },
	{ "shiftjis", "Shift_JIS" }, { "sjis", "Shift_JIS" }, { "xsjis", "Shift_JIS" },
	{ "mskanji", "Shift_JIS" }, { "csshiftjis", "Shift_JIS" },
	{ "windows31j", "windows-31j" }, { "cp932", "windows-31j" }, { "ms932", "windows-31j" },
	{ "eucjp", "EUC-JP" }, { "xeucjp", "EUC-JP" }, { "cseucpkdfmtjapanese", "EUC-JP" },
	{ "ujis", "EUC-JP" },
	{ "iso2022jp", "ISO-2022-JP" }, { "csiso2022jp", "ISO-2022-JP" },
	{ "euckr", "EUC-KR" }, { "cseuckr", "EUC-KR" }, { "ksc5601", "EUC-KR" },
	{ "ksc56011987", "EUC-KR" }, { "ksc56011989", "EUC-KR" }, { "korean", "EUC-KR" },
	{ "csksc56011987", "EUC-KR" }, { "isoir149", "EUC-KR" },
	{ "windows949", "windows-949" }, { "cp949", "windows-949" }, { "uhc", "windows-949" },
	{ "iso2022kr", "ISO-2022-KR" }, { "csiso2022kr", "ISO-2022-KR" },
	{ "johab", "Johab" }, { "cp1361", "Johab" },
	{ "koi8r", "KOI8-R" }, { "koi8", "KOI8-R" }, { "cskoi8r", "KOI8-R" },
	{ "koi8u", "KOI8-U" }, { "koi8ru", "KOI8-U" },
	{ "ibm866", "IBM866" }, { "cp866", "IBM866" }, { "866", "IBM866" },
	{ "ibm855", "IBM855" }, { "cp855", "IBM855" },
	{ "xmaccyrillic", "x-mac-cyrillic" }, { "maccyrillic", "x-mac-cyrillic" },
	{ "macintosh", "macintosh" }, { "macroman", "macintosh" }, { "mac", "macintosh" },
	{ "xmacroman", "macintosh" }, { "xmacce", "x-mac-ce" }, { "maccentraleurope", "x-mac-ce" },
	{ "tis620", "TIS-620" }, { "iso885911", "ISO-8859-11" }, { "windows874", "windows-874" },
	{ "cp874", "windows-874" }, { "dos874", "windows-874" },
	{ "viscii", "VISCII" }, { "georgianacademy", "georgian-academy" },
	{ "georgianps", "georgian-ps" }, { "kz1048", "KZ-1048" }, { "rk1048", "KZ-1048" },
	{ "ptcp154", "PTCP154" }, { "pt154", "PTCP154" },
	{ "latin1", "windows-1252" }, { "iso88591", "windows-1252" }, { "l1", "windows-1252" },
	{ "cp819", "windows-1252" }, { "ibm819", "windows-1252" }, { "cp1252", "windows-1252" },
	{ "iso885911987", "windows-1252" }, { "isoir100", "windows-1252" },
	{ "csisolatin1", "windows-1252" },
	{ "latin2", "ISO-8859-2" }, { "l2", "ISO-8859-2" }, { "latin3", "ISO-8859-3" },
	{ "latin4", "ISO-8859-4" }, { "cyrillic", "ISO-8859-5" }, { "arabic", "ISO-8859-6" },
	{ "greek", "ISO-8859-7" }, { "greek8", "ISO-8859-7" }, { "hebrew", "ISO-8859-8" },
	{ "iso88598i", "ISO-8859-8" }, { "visual", "ISO-8859-8" }, { "logical", "ISO-8859-8" },
	{ "latin5", "windows-1254" }, { "iso88599", "windows-1254" }, { "l5", "windows-1254" },
	{ "latin6", "ISO-8859-10" }, { "latin7", "ISO-8859-13" }, { "latin9", "ISO-8859-15" },
	{ "ibm852", "IBM852" }, { "cp852", "IBM852" }, { "ibm437", "IBM437" }, { "cp437", "IBM437" },
	{ "ibm850", "IBM850" }, { "cp850", "IBM850" }, { "ibm865", "IBM865" }, { "cp865", "IBM865" },
	{ "ibm862", "IBM862" }, { "cp862", "IBM862" }, { "ibm869", "IBM869" }, { "cp869", "IBM869" },
	{ "ibm857", "IBM857" }, { "cp857", "IBM857" }, { "ibm775", "IBM775" }, { "cp775", "IBM775" },
	{ "ibm737", "IBM737" }, { "cp737", "IBM737" },
	{ "ibm037", "IBM037" }, { "cp037", "IBM037" }, { "ibm424", "IBM424" }, { "cp424", "IBM424" },
};

static void
normalise_label(const char *label, char *out, size_t cap)
{
	size_t n = 0;

	for (; *label && n + 1 < cap; label++)
		if (isalnum((unsigned char)*label))
			out[n++] = (char)tolower((unsigned char)*label);
	out[n] = '\0';
}

const char *
enc_canonical(const char *label)
{
	char key[64];
	size_t i;

	normalise_label(label, key, sizeof key);
	for (i = 0; i < sizeof labels / sizeof labels[0]; i++)
		if (!strcmp(key, labels[i].label))
			return labels[i].name;
	/* windows-125x, cp125x, iso-8859-x: spelled many ways. */
	static const char *const win[] = { "windows-1250", "windows-1251", "windows-1252",
	    "windows-1253", "windows-1254", "windows-1255", "windows-1256", "windows-1257",
	    "windows-1258" };
	static const char *const iso[] = { NULL, "windows-1252", "ISO-8859-2", "ISO-8859-3",
	    "ISO-8859-4", "ISO-8859-5", "ISO-8859-6", "ISO-8859-7", "ISO-8859-8",
	    "windows-1254", "ISO-8859-10", "ISO-8859-11", NULL, "ISO-8859-13", "ISO-8859-14",
	    "ISO-8859-15", "ISO-8859-16" };
	const char *p = NULL;
	if (!strncmp(key, "windows", 7))
		p = key + 7;
	else if (!strncmp(key, "xcp", 3))
		p = key + 3;
	else if (!strncmp(key, "cp", 2) || !strncmp(key, "ms", 2))
		p = key + 2;
	if (p && strlen(p) == 4 && !strncmp(p, "125", 3) && p[3] >= '0' && p[3] <= '8')
		return win[p[3] - '0'];
	if (!strncmp(key, "iso8859", 7) && strlen(key) <= 9) {
		int k = key[7] ? (int)strtol(key + 7, NULL, 10) : 0;

		if (k > 0 && k <= 16)
			return iso[k];
	}
	return NULL;
}

const char *
enc_iconv_name(const char *canonical)
{
	static const struct {
		const char *name, *iconv;
	} names[] = {
		{ "x-mac-cyrillic", "MAC-CYRILLIC" }, { "x-mac-ce", "MAC-CENTRALEUROPE" },
		{ "macintosh", "MACINTOSH" }, { "x-EUC-TW", "EUC-TW" }, { "windows-31j", "CP932" },
		{ "windows-949", "CP949" }, { "KZ-1048", "RK1048" }, { "PTCP154", "PT154" },
		{ "Johab", "JOHAB" }, { "ASCII", "ASCII" }, { "IBM737", "CP737" },
		{ "IBM775", "CP775" },
	};
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (!strcmp(canonical, names[i].name))
			return names[i].iconv;
	return canonical;
}

size_t
enc_bom_length(const unsigned char *s, size_t n)
{
	if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
		return 3;
	if (n >= 4 && !memcmp(s, "\xFF\xFE\0\0", 4))
		return 4;
	if (n >= 4 && !memcmp(s, "\0\0\xFE\xFF", 4))
		return 4;
	if (n >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF)))
		return 2;
	return 0;
}

/*
 * The label after "name" [spaces] "=" [spaces] [quote] in s[0..n), copied
 * into buf; *at is set to where it starts in the input.
 */
static const char *
label_after(const unsigned char *p, const unsigned char *end, char *buf, size_t cap,
    const unsigned char **at)
{
	size_t k = 0;

	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	if (p >= end || *p != '=')
		return NULL;
	p++;
	while (p < end && (*p == ' ' || *p == '\t' || *p == '"' || *p == '\''))
		p++;
	*at = p;
	while (p < end && k + 1 < cap && (isalnum(*p) || *p == '-' || *p == '_' ||
	    *p == ':' || *p == '.'))
		buf[k++] = (char)*p++;
	buf[k] = '\0';
	return k ? buf : NULL;
}

const char *
enc_declared(const unsigned char *s, size_t n)
{
	size_t at, len;

	return enc_declaration(s, n, &at, &len);
}

const char *
enc_declaration(const unsigned char *s, size_t n, size_t *at, size_t *len)
{
	const unsigned char *p, *end, *label;
	char buf[48];
	const char *l;

	if (n > 4096)
		n = 4096;
	end = s + n;
	if (n > 5 && !memcmp(s, "<?xml", 5)) {
		const unsigned char *close = (const unsigned char *)find_ci(
		    (const char *)s, n, "?>");

		p = (const unsigned char *)find_ci((const char *)s,
		    close ? (size_t)(close - s) : n, "encoding");
		if (p && (l = label_after(p + 8, end, buf, sizeof buf, &label))) {
			*at = (size_t)(label - s);
			*len = strlen(l);
			return enc_canonical(l);
		}
	}
	for (p = s; (p = (const unsigned char *)find_ci((const char *)p,
	    (size_t)(end - p), "charset")); p += 7) {
		/* Only inside markup: a <meta ...> or an XML/CSS declaration. */
		const unsigned char *q = p;

		while (q > s && q[-1] != '<' && q[-1] != '>' && p - q < 200)
			q--;
		if (q == s || q[-1] != '<')
			continue;
		if ((l = label_after(p + 7, end, buf, sizeof buf, &label))) {
			*at = (size_t)(label - s);
			*len = strlen(l);
			return enc_canonical(l);
		}
	}
	return NULL;
}

