/*
 * lang_cld2.cc - the C shim over CLD2's C++ interface (Debian libcld2-dev):
 * one call, plain text, the record's hints, its best effort on short texts.  CLD2
 * reads past the end of its input: the caller pads it (lang.h).  Nothing
 * may unwind into the C caller: an exception (only an allocation can
 * throw) is an unknown language.
 */
#include <climits>
#include <cstdio>	/* compact_lang_det.h names FILE without it */
#include <cstring>

#include <cld2/public/compact_lang_det.h>

#include "lang.h"

int
lang_cld2_detect(const char *s, size_t n, const struct lang_hints *h,
    struct lang_guess out[3], int *reliable)
{
	CLD2::CLDHints hints = { h ? h->tags : NULL, h ? h->tld : NULL,
		23 /* UNKNOWN_ENCODING */, CLD2::UNKNOWN_LANGUAGE };
	CLD2::Language lang3[3];
	int percent3[3], text_bytes, valid, k, got = 0;
	double score3[3];
	bool is_reliable = false;

	*reliable = 0;
	if (n > INT_MAX)
		n = INT_MAX;
	try {
		CLD2::ExtDetectLanguageSummaryCheckUTF8(s, (int)n, true, &hints,
		    CLD2::kCLDFlagBestEffort, lang3, percent3, score3, NULL,
		    &text_bytes, &is_reliable, &valid);
		if (valid < (int)n)
			return 0;
	} catch (...) {
		return 0;
	}
	for (k = 0; k < 3; k++) {
		const char *code = CLD2::LanguageCode(lang3[k]);

		if (lang3[k] == CLD2::UNKNOWN_LANGUAGE || percent3[k] <= 0 || !code ||
		    strlen(code) >= sizeof(out[got].code))
			continue;
		memcpy(out[got].code, code, strlen(code) + 1);
		out[got].percent = percent3[k];
		got++;
	}
	*reliable = is_reliable;
	return got;
}
