/*
 * months.c - the names of the months and weekdays as the languages of
 * crawled pages write them: full names, the genitive forms of languages that
 * decline them after a day ("13 января", "7 sierpnia", "19 Αυγούστου"), and
 * the abbreviations their newspapers print.  Facts of the languages; the
 * date grammar (date.c) decides where a name may stand.
 */
#include <stdint.h>
#include <string.h>

#include "months.h"

/*
 * Month names, lower case, month number after each.  A name shared by two
 * languages is listed once; no name means two different months in two of
 * these languages (Croatian, where "listopad" is October, is left out for
 * that reason).
 */
#define M(w, m) { w, MONTH_KEY(w, sizeof(w) - 1), sizeof(w) - 1, m }
/*
 * A word's length wl and its first three bytes as one number, computed for
 * each name as the table is compiled and for a word as month_word reads it:
 * month_word compares keys and reads a name only when its key is the word's.
 */
#define MONTH_KEY(w, wl) ((uint32_t)(wl) | (uint32_t)(unsigned char)(w)[0] << 8 | \
	(uint32_t)(unsigned char)(w)[1] << 16 | (uint32_t)(unsigned char)(w)[2] << 24)
static const struct month_name {
	const char *name;
	uint32_t key;
	unsigned char len, month;
} months[] = {
	/* English */
	M("january", 1), M("february", 2), M("march", 3), M("april", 4),
	M("may", 5), M("june", 6), M("july", 7), M("august", 8),
	M("september", 9), M("october", 10), M("november", 11), M("december", 12),
	M("jan", 1), M("feb", 2), M("mar", 3), M("apr", 4), M("jun", 6),
	M("jul", 7), M("aug", 8), M("sep", 9), M("sept", 9), M("oct", 10),
	M("nov", 11), M("dec", 12),
	/* German (and Austrian Jänner, Feber) */
	M("januar", 1), M("jänner", 1), M("februar", 2), M("feber", 2),
	M("märz", 3), M("maerz", 3), M("mai", 5), M("juni", 6), M("juli", 7),
	M("oktober", 10), M("dezember", 12), M("mär", 3), M("mrz", 3),
	M("okt", 10), M("dez", 12),
	/* French */
	M("janvier", 1), M("février", 2), M("fevrier", 2), M("mars", 3),
	M("avril", 4), M("juin", 6), M("juillet", 7), M("août", 8),
	M("aout", 8), M("septembre", 9), M("octobre", 10), M("novembre", 11),
	M("décembre", 12), M("decembre", 12), M("janv", 1), M("févr", 2),
	M("fév", 2), M("fevr", 2), M("avr", 4), M("juil", 7), M("déc", 12),
	/* Spanish */
	M("enero", 1), M("febrero", 2), M("marzo", 3), M("abril", 4),
	M("mayo", 5), M("junio", 6), M("julio", 7), M("agosto", 8),
	M("septiembre", 9), M("setiembre", 9), M("octubre", 10),
	M("noviembre", 11), M("diciembre", 12), M("ene", 1), M("abr", 4),
	M("ago", 8), M("dic", 12), M("set", 9),
	/* Italian */
	M("gennaio", 1), M("febbraio", 2), M("aprile", 4), M("maggio", 5),
	M("giugno", 6), M("luglio", 7), M("settembre", 9), M("ottobre", 10),
	M("dicembre", 12), M("gen", 1), M("mag", 5), M("giu", 6),
	M("lug", 7), M("ott", 10),
	/* Portuguese, Galician */
	M("janeiro", 1), M("fevereiro", 2), M("março", 3), M("marco", 3),
	M("maio", 5), M("junho", 6), M("julho", 7), M("setembro", 9),
	M("outubro", 10), M("novembro", 11), M("dezembro", 12), M("fev", 2),
	M("out", 10), M("xaneiro", 1), M("febreiro", 2), M("xuño", 6),
	M("xullo", 7), M("decembro", 12),
	/* Dutch, Indonesian, the Scandinavian languages */
	M("januari", 1), M("februari", 2), M("maart", 3), M("mei", 5),
	M("augustus", 8), M("mrt", 3), M("maret", 3), M("agustus", 8),
	M("desember", 12), M("des", 12), M("marts", 3), M("maj", 5),
	M("augusti", 8),
	/* Catalan (abril, octubre, novembre, the abbreviations: above) */
	M("gener", 1), M("febrer", 2), M("març", 3), M("maig", 5),
	M("juny", 6), M("juliol", 7), M("agost", 8), M("setembre", 9),
	M("desembre", 12),
	/* Russian: genitive after a day, nominative; Ukrainian genitive */
	M("января", 1), M("февраля", 2), M("марта", 3), M("апреля", 4),
	M("мая", 5), M("июня", 6), M("июля", 7), M("августа", 8),
	M("сентября", 9), M("октября", 10), M("ноября", 11), M("декабря", 12),
	M("январь", 1), M("февраль", 2), M("март", 3), M("апрель", 4),
	M("май", 5), M("июнь", 6), M("июль", 7), M("август", 8),
	M("сентябрь", 9), M("октябрь", 10), M("ноябрь", 11), M("декабрь", 12),
	M("січня", 1), M("лютого", 2), M("березня", 3), M("квітня", 4),
	M("травня", 5), M("червня", 6), M("липня", 7), M("серпня", 8),
	M("вересня", 9), M("жовтня", 10), M("листопада", 11), M("грудня", 12),
	/* Polish: genitive, nominative */
	M("stycznia", 1), M("lutego", 2), M("marca", 3), M("kwietnia", 4),
	M("maja", 5), M("czerwca", 6), M("lipca", 7), M("sierpnia", 8),
	M("września", 9), M("października", 10), M("listopada", 11),
	M("grudnia", 12), M("styczeń", 1), M("luty", 2), M("marzec", 3),
	M("kwiecień", 4), M("czerwiec", 6), M("lipiec", 7), M("sierpień", 8),
	M("wrzesień", 9), M("październik", 10), M("listopad", 11),
	M("grudzień", 12),
	/* Czech: genitive */
	M("ledna", 1), M("února", 2), M("března", 3), M("dubna", 4),
	M("května", 5), M("června", 6), M("července", 7), M("srpna", 8),
	M("září", 9), M("října", 10), M("listopadu", 11), M("prosince", 12),
	/* Turkish */
	M("ocak", 1), M("şubat", 2), M("mart", 3), M("nisan", 4),
	M("mayıs", 5), M("haziran", 6), M("temmuz", 7), M("ağustos", 8),
	M("eylül", 9), M("ekim", 10), M("kasım", 11), M("aralık", 12),
	/* Finnish: partitive after a day */
	M("tammikuuta", 1), M("helmikuuta", 2), M("maaliskuuta", 3),
	M("huhtikuuta", 4), M("toukokuuta", 5), M("kesäkuuta", 6),
	M("heinäkuuta", 7), M("elokuuta", 8), M("syyskuuta", 9),
	M("lokakuuta", 10), M("marraskuuta", 11), M("joulukuuta", 12),
	/* Hungarian, with its abbreviations */
	M("január", 1), M("február", 2), M("március", 3), M("április", 4),
	M("május", 5), M("június", 6), M("július", 7), M("augusztus", 8),
	M("szeptember", 9), M("október", 10), M("febr", 2), M("márc", 3),
	M("ápr", 4), M("máj", 5), M("jún", 6), M("júl", 7), M("szept", 9),
	/* Romanian */
	M("ianuarie", 1), M("februarie", 2), M("martie", 3), M("aprilie", 4),
	M("iunie", 6), M("iulie", 7), M("septembrie", 9), M("octombrie", 10),
	M("noiembrie", 11), M("decembrie", 12),
	/* Greek: genitive */
	M("ιανουαρίου", 1), M("φεβρουαρίου", 2), M("μαρτίου", 3),
	M("απριλίου", 4), M("μαΐου", 5), M("ιουνίου", 6), M("ιουλίου", 7),
	M("αυγούστου", 8), M("σεπτεμβρίου", 9), M("οκτωβρίου", 10),
	M("νοεμβρίου", 11), M("δεκεμβρίου", 12),
};
#undef M

/*
 * The lower case of the two-byte letter cp of the Latin-1, Latin
 * Extended-A, Greek and Cyrillic blocks; cp itself when it has none.
 */
static uint32_t
lower2(uint32_t cp)
{
	if ((cp >= 0xc0 && cp <= 0xde && cp != 0xd7) || (cp >= 0x391 && cp <= 0x3a9) ||
	    (cp >= 0x410 && cp <= 0x42f))
		return cp + 0x20;
	if (cp >= 0x400 && cp <= 0x40f)
		return cp + 0x50;
	if (((cp >= 0x100 && cp <= 0x137) || (cp >= 0x14a && cp <= 0x177)) && !(cp & 1))
		return cp + 1;
	if (cp >= 0x139 && cp <= 0x148 && (cp & 1))
		return cp + 1;
	return cp;
}

/*
 * The word of letters at s[i] (ASCII letters and two-byte UTF-8 letters of
 * the blocks lower2 knows), lower-cased into w[0..cap): its length in s,
 * with *wl its length in w; 0 when there is none or it does not fit.
 */
static size_t
lower_word(const char *s, size_t n, size_t i, char *w, size_t cap, size_t *wl)
{
	size_t j = i, k = 0;

	while (j < n) {
		unsigned char c = (unsigned char)s[j];

		if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
			if (k + 1 > cap)
				return 0;
			w[k++] = (char)(c | 0x20);
			j++;
		} else if (c >= 0xc3 && c <= 0xd4 && j + 1 < n &&
		    ((unsigned char)s[j + 1] & 0xc0) == 0x80) {
			uint32_t cp = lower2(((uint32_t)(c & 0x1f) << 6) |
			    ((unsigned char)s[j + 1] & 0x3f));

			if (cp == 0xd7 || cp == 0xf7)
				break;	/* the signs × and ÷ */
			if (k + 2 > cap)
				return 0;
			w[k++] = (char)(0xc0 | (cp >> 6));
			w[k++] = (char)(0x80 | (cp & 0x3f));
			j += 2;
		} else
			break;
	}
	*wl = k;
	return j - i;
}

/* Is the month name k the word w[0..wl), whose MONTH_KEY is key? */
static int
month_is(size_t k, uint32_t key, const char *w, size_t wl)
{
	return months[k].key == key && memcmp(months[k].name, w, wl) == 0;
}

int
month_word(const char *s, size_t n, size_t *i)
{
	const size_t count = sizeof(months) / sizeof(months[0]);
	char w[32];
	size_t wl, len = lower_word(s, n, *i, w, sizeof(w), &wl), k;
	uint32_t key;

	if (len < 3)
		return 0;
	/* lower_word writes a byte for each it reads: wl is len, three at least. */
	key = MONTH_KEY(w, wl);
	for (k = 0; k < count;) {
		size_t end;

		/* Most words are no month: eight keys at a test, none the word's. */
		while (k + 8 <= count && !((months[k].key == key) | (months[k + 1].key == key) |
		    (months[k + 2].key == key) | (months[k + 3].key == key) |
		    (months[k + 4].key == key) | (months[k + 5].key == key) |
		    (months[k + 6].key == key) | (months[k + 7].key == key)))
			k += 8;
		for (end = k + 8 < count ? k + 8 : count; k < end; k++)
			if (month_is(k, key, w, wl)) {
				*i += len;
				if (*i < n && s[*i] == '.')
					(*i)++;
				return months[k].month;
			}
	}
	return 0;
}

int
weekday_word(const char *s, size_t n, size_t i)
{
	/* English, German, French, Spanish, Italian, Portuguese, Turkish. */
	static const char *const days[] = {
		"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
		"sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri",
		"sat", "sun", "montag", "dienstag", "mittwoch", "donnerstag", "freitag",
		"samstag", "sonntag", "lundi", "mardi", "mercredi", "jeudi", "vendredi",
		"samedi", "dimanche", "lunes", "martes", "miércoles", "jueves",
		"viernes", "sábado", "domingo", "lunedì", "martedì", "mercoledì",
		"giovedì", "venerdì", "sabato", "domenica", "segunda", "terça", "quarta",
		"quinta", "sexta", "pazartesi", "salı", "çarşamba", "perşembe", "cuma",
		"cumartesi", "pazar",
	};
	char w[24];
	size_t wl, len = lower_word(s, n, i, w, sizeof(w), &wl), k;

	if (len < 3)
		return 0;
	for (k = 0; k < sizeof(days) / sizeof(days[0]); k++)
		if (strlen(days[k]) == wl && memcmp(days[k], w, wl) == 0)
			return (int)len;
	return 0;
}
