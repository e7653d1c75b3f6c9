/*
 * date.c - dates as crawled pages write them: ISO-like numeric dates with
 * - / . separators, 2019年09月09日 18:13, Chinese numerals, 9时30分 and
 * 下午3点, month names, D/M/Y, bare M月D日 and (09-24), relative phrases
 * (刚刚, 3小时前, 昨天 14:20, 2 hours ago), and time zones.
 * The input is a line already folded to ASCII digits and colons.
 */
#include <stdint.h>
#include <string.h>

#include "bytes.h"
#include "date.h"
#include "months.h"

static int
isdig(int c)
{
	return c >= '0' && c <= '9';
}

static int
isalpha_ascii(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Does s[i..n) start with the literal w? */
static int
at(const char *s, size_t n, size_t i, const char *w, size_t wl)
{
	return i <= n && n - i >= wl && memcmp(s + i, w, wl) == 0;
}

/* Read up to max digits at *i; returns the count and stores the value. */
static int
digits(const char *s, size_t n, size_t *i, int max, int *val)
{
	int k = 0, v = 0;

	while (*i < n && k < max && isdig((unsigned char)s[*i])) {
		v = v * 10 + (s[*i] - '0');
		(*i)++;
		k++;
	}
	*val = v;
	return k;
}

/* Past at most max spaces from s[i]: a date's parts stand one blank apart at most. */
static size_t
skip_blanks(const char *s, size_t n, size_t i, size_t max)
{
	size_t k = 0;

	while (i < n && k < max && s[i] == ' ') {
		i++;
		k++;
	}
	return i;
}

/* No ASCII letter or digit at s[j]: a word or number ends there. */
static int
is_word_end(const char *s, size_t n, size_t j)
{
	return j >= n || !(isdig((unsigned char)s[j]) || isalpha_ascii((unsigned char)s[j]));
}

static int
days_in_month(int y, int m)
{
	static const int dm[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (m == 2 && y && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return m >= 1 && m <= 12 ? dm[m - 1] : 31;
}

static int
valid_ymd(int y, int m, int d)
{
	return (y == 0 || (y >= 1970 && y <= 2099)) && m >= 1 && m <= 12 &&
	    d >= 1 && d <= days_in_month(y ? y : 2000, m);
}

/* Chinese numeral digit at s[i]: 〇一二...九 (and 零, ○); -1 if none. */
static int
han_digit(const char *s, size_t n, size_t i, size_t *len)
{
	static const char *const d[] = { "〇", "一", "二", "三", "四", "五",
		"六", "七", "八", "九" };
	int k;

	for (k = 0; k < 10; k++)
		if (at(s, n, i, d[k], 3)) {
			*len = 3;
			return k;
		}
	if (at(s, n, i, LIT("零")) || at(s, n, i, LIT("○"))) {
		*len = 3;
		return 0;
	}
	return -1;
}

/* A Chinese number 1..39 (十, 十二, 二十, 三十一) at *i. */
static int
han_small_number(const char *s, size_t n, size_t *i, int *val)
{
	size_t j = *i, l;
	int v = 0, d;

	d = han_digit(s, n, j, &l);
	if (d > 0) {
		v = d;
		j += l;
	}
	if (at(s, n, j, LIT("十"))) {
		v = (v ? v : 1) * 10;
		j += 3;
		d = han_digit(s, n, j, &l);
		if (d > 0) {
			v += d;
			j += l;
		}
	}
	if (j == *i || v == 0)
		return 0;
	*i = j;
	*val = v;
	return 1;
}

/* 二〇二四年八月六日 at *i. */
static int
han_date(const char *s, size_t n, size_t *i, struct mdate *d)
{
	size_t j = *i, l;
	int y = 0, k, dg, mo, dd;

	for (k = 0; k < 4; k++) {
		if ((dg = han_digit(s, n, j, &l)) < 0)
			return 0;
		y = y * 10 + dg;
		j += l;
	}
	if (!at(s, n, j, LIT("年")))
		return 0;
	j += 3;
	if (!han_small_number(s, n, &j, &mo) || !at(s, n, j, LIT("月")))
		return 0;
	j += 3;
	d->year = y;
	d->month = mo;
	d->prec = DP_MONTH;
	if (han_small_number(s, n, &j, &dd) &&
	    (at(s, n, j, LIT("日")) || at(s, n, j, LIT("号")))) {
		j += 3;
		d->day = dd;
		d->prec = DP_DAY;
	}
	if (!valid_ymd(y, mo, d->prec == DP_DAY ? d->day : 1))
		return 0;
	*i = j;
	return 1;
}

static long long days_from_civil(long long, int, int);

/*
 * Is the day y-m-d in United States daylight saving time?  Since 2007 from
 * the second Sunday of March to the first Sunday of November; 1987-2006
 * from the first Sunday of April to the last Sunday of October.  (The
 * switch happens at 2 a.m.; the day is near enough for a page's date.)
 */
static int
us_dst(int y, int m, int d)
{
	int from_m = y >= 2007 ? 3 : 4, to_m = y >= 2007 ? 11 : 10;
	int first, from_d, to_d;

	if (m < from_m || m > to_m)
		return 0;
	if (m > from_m && m < to_m)
		return 1;
	/* Day of the week of the 1st, 0 = Sunday (1970-01-01 was a Thursday). */
	first = (int)(((days_from_civil(y, m, 1) % 7) + 11) % 7);
	if (m == from_m) {
		from_d = 1 + (7 - first) % 7 + (y >= 2007 ? 7 : 0);
		return d >= from_d;
	}
	to_d = 1 + (7 - first) % 7;
	if (y < 2007)
		while (to_d + 7 <= 31)
			to_d += 7;
	return d < to_d;
}

/* Does a zone name end at s[j]?  "ESTUpdated": w3m ran two words together. */
static int
zone_end(const char *s, size_t n, size_t j)
{
	return j >= n || !isalpha_ascii((unsigned char)s[j]) ||
	    (s[j] >= 'A' && s[j] <= 'Z' && j + 1 < n && s[j + 1] >= 'a' && s[j + 1] <= 'z');
}

/*
 * Time zone after a time: +08:00, +0800, Z, GMT+8, UTC, (北京时间), EST...
 * CST and IST are left alone: each names zones hours apart (China or US
 * Central; India, Israel or Ireland).  ET, CT, MT and PT take the offset the
 * date has in the United States, so only after a date.
 */
static void
scan_tz(const char *s, size_t n, size_t *i, struct mdate *d)
{
	static const struct {
		const char *name;
		int min;
	} zones[] = {
		{ "GMT", 0 }, { "UTC", 0 }, { "EST", -300 }, { "EDT", -240 },
		{ "CDT", -300 }, { "MST", -420 }, { "MDT", -360 },
		{ "PST", -480 }, { "PDT", -420 }, { "BST", 60 }, { "CET", 60 },
		{ "CEST", 120 }, { "JST", 540 }, { "KST", 540 }, { "HKT", 480 },
		{ "AEST", 600 }, { "AEDT", 660 },
	}, us[] = {
		{ "ET", -300 }, { "CT", -360 }, { "MT", -420 }, { "PT", -480 },
	};
	size_t j = skip_blanks(s, n, *i, 1), k;
	int sign, h, m = 0;

	if (j < n && s[j] == 'Z' && (j + 1 == n || !isalpha_ascii((unsigned char)s[j + 1]))) {
		d->has_tz = 1;
		d->tz_min = 0;
		*i = j + 1;
		return;
	}
	for (k = 0; k < sizeof(zones) / sizeof(zones[0]); k++) {
		size_t zl = strlen(zones[k].name);

		if (at(s, n, j, zones[k].name, zl) && zone_end(s, n, j + zl)) {
			d->has_tz = 1;
			d->tz_min = zones[k].min;
			j += zl;
			*i = j;
			break;
		}
	}
	for (k = 0; d->year && d->prec >= DP_DAY && k < sizeof(us) / sizeof(us[0]); k++)
		if (at(s, n, j, us[k].name, 2) && zone_end(s, n, j + 2)) {
			d->has_tz = 1;
			d->tz_min = us[k].min + (us_dst(d->year, d->month, d->day) ? 60 : 0);
			*i = j + 2;
			return;
		}
	if (j < n && (s[j] == '+' || s[j] == '-')) {
		size_t t = j + 1;
		int nd;

		sign = s[j] == '-' ? -1 : 1;
		nd = digits(s, n, &t, 2, &h);
		if (nd == 0 || h > 14)
			return;
		if (t < n && s[t] == ':')
			t++;
		if (nd == 2 && t + 1 < n && isdig((unsigned char)s[t]) &&
		    isdig((unsigned char)s[t + 1])) {
			digits(s, n, &t, 2, &m);
			if (m > 59)
				return;
		}
		d->has_tz = 1;
		d->tz_min = sign * (h * 60 + m);
		*i = t;
		return;
	}
	if (at(s, n, j, LIT("(北京时间)")) || at(s, n, j, LIT("(北京時間)")) ||
	    at(s, n, j, LIT("北京时间")) || at(s, n, j, LIT("(京港台时间)"))) {
		d->has_tz = 1;
		d->tz_min = 480;
		*i = j + (s[j] == '(' ? 14 : 12);
		if (at(s, n, j, LIT("(京港台时间)")))
			*i = j + 17;
	}
}

/* am/pm after a time, English or Chinese. */
static void
scan_ampm(const char *s, size_t n, size_t *i, struct mdate *d)
{
	size_t j = skip_blanks(s, n, *i, 1);
	int pm = -1;

	if (at(s, n, j, LIT("pm")) || at(s, n, j, LIT("PM")) ||
	    at(s, n, j, LIT("p.m.")))
		pm = 1;
	else if (at(s, n, j, LIT("am")) || at(s, n, j, LIT("AM")) ||
	    at(s, n, j, LIT("a.m.")))
		pm = 0;
	if (pm < 0)
		return;
	j += s[j + 1] == '.' ? 4 : 2;
	if (pm && d->hour < 12)
		d->hour += 12;
	else if (!pm && d->hour == 12)
		d->hour = 0;
	*i = j;
}

/* The index of the 3-byte character at s[t] in set (UTF-8, 3 bytes each), or -1. */
static int
char3_in(const char *s, size_t n, size_t t, const char *set, size_t setlen)
{
	size_t p;

	for (p = 0; p + 3 <= setlen; p += 3)
		if (at(s, n, t, set + p, 3))
			return (int)(p / 3);
	return -1;
}

/*
 * "2008年10月26日 星期日 下午 06:04", "2019年3月5日(火) 08時15分",
 * "2019.2.28 Thu 8:15", "30 Ekim 2020 Cuma 18:28": the weekday between a
 * date and its time, 星期日, 周日, 禮拜日, Japanese 月..日 in brackets, or
 * a weekday's name (months.c), bare or in brackets.  Returns where the
 * time may start: after it and the blanks, or j when there is none.
 */
static size_t
skip_weekday(const char *s, size_t n, size_t j)
{
	static const char *const pre[] = { "星期", "礼拜", "禮拜", "周", "週" };
	static const char days[] = "一二三四五六日天";
	static const char ja_days[] = "月火水木金土日";
	size_t t = j, k;
	int open = 0, w;

	if (at(s, n, t, LIT("(")))
		t++, open = 1;
	if ((w = weekday_word(s, n, t)) > 0) {
		t += (size_t)w;
		if (t < n && s[t] == '.')
			t++;
	} else if (open && char3_in(s, n, t, ja_days, sizeof(ja_days) - 1) >= 0 &&
	    at(s, n, t + 3, LIT(")"))) {
		t += 3;
	} else {
		for (k = 0; k < sizeof(pre) / sizeof(pre[0]); k++)
			if (at(s, n, t, pre[k], strlen(pre[k])))
				break;
		if (k == sizeof(pre) / sizeof(pre[0]))
			return j;
		t += strlen(pre[k]);
		if (char3_in(s, n, t, days, sizeof(days) - 1) < 0)
			return j;
		t += 3;
	}
	if (open) {
		if (!at(s, n, t, LIT(")")))
			return j;
		t++;
	}
	return skip_blanks(s, n, t, 3);
}

/* "Uhr" after a time (German), or a blank and "Uhr": where it ends, else i. */
static size_t
skip_uhr(const char *s, size_t n, size_t i)
{
	size_t j = skip_blanks(s, n, i, 1);

	return at(s, n, j, LIT("Uhr")) && is_word_end(s, n, j + 3) ? j + 3 : i;
}

/*
 * The minutes of a time whose hour ended at s[t], written other than
 * H:MM: 9时30分, 下午3点(半), 14h52 (French, Portuguese), 14.52 Uhr or
 * 5.30 pm (a dot only with Uhr or am/pm after it, so that no decimal
 * number is a time), 2pm (the hour alone with am/pm).  Returns where they
 * end and stores them, or returns 0.
 */
static size_t
minutes_other(const char *s, size_t n, size_t t, int *min)
{
	size_t u;
	int m = 0;

	if (at(s, n, t, LIT("时")) || at(s, n, t, LIT("時")) ||
	    at(s, n, t, LIT("点")) || at(s, n, t, LIT("點"))) {
		t += 3;
		u = t;
		if (digits(s, n, &u, 2, &m) > 0 && at(s, n, u, LIT("分")) && m <= 59)
			t = u + 3;
		else if (at(s, n, t, LIT("半")))
			m = 30, t += 3;
		else
			m = 0;
		*min = m;
		return t;
	}
	if (t < n && (s[t] == 'h' || s[t] == '.')) {
		u = t + 1;
		if (digits(s, n, &u, 2, &m) != 2 || m > 59 ||
		    (s[t] == 'h' && !is_word_end(s, n, u)))
			return 0;
		if (s[t] == '.') {
			size_t v = skip_blanks(s, n, u, 1);

			if (skip_uhr(s, n, u) == u && !at(s, n, v, LIT("am")) &&
			    !at(s, n, v, LIT("pm")) && !at(s, n, v, LIT("a.m.")) &&
			    !at(s, n, v, LIT("p.m.")))
				return 0;
		}
		*min = m;
		return u;
	}
	u = skip_blanks(s, n, t, 1);
	if ((at(s, n, u, LIT("pm")) || at(s, n, u, LIT("am"))) && is_word_end(s, n, u + 2)) {
		*min = 0;
		return t;
	}
	return 0;
}

/*
 * The time after a date: 18:13[:22], 9时30分, 下午3点, 오후 8:06,
 * T08:00:00Z, 14h52, 14.52 Uhr, 2pm.
 */
static void
scan_time(const char *s, size_t n, size_t *i, struct mdate *d)
{
	static const struct {
		const char *w;
		int add;
	} parts[] = {
		{ "上午", 0 }, { "凌晨", 0 }, { "早上", 0 }, { "中午", 12 },
		{ "下午", 12 }, { "晚上", 12 }, { "傍晚", 12 }, { "午前", 0 },
		{ "午後", 12 }, { "오전", 0 }, { "오후", 12 },
	};
	size_t j = skip_blanks(s, n, *i, 4), t, k;
	int h, m, sec, add = -1;

	if (j + 1 < n && s[j] == 'T' && isdig((unsigned char)s[j + 1]))
		j++;
	else if (j < n && s[j] == ',')
		j = skip_blanks(s, n, j + 1, 2);
	else
		j = skip_weekday(s, n, j);
	for (k = 0; k < sizeof(parts) / sizeof(parts[0]); k++)
		if (at(s, n, j, parts[k].w, 6)) {
			add = parts[k].add;
			j = skip_blanks(s, n, j + 6, 2);
			break;
		}
	t = j;
	if (digits(s, n, &t, 2, &h) == 0 || h > 24)
		return;
	if (t < n && s[t] == ':') {
		t++;
		if (digits(s, n, &t, 2, &m) != 2 || m > 59)
			return;
		d->hour = h;
		d->min = m;
		d->prec = DP_MINUTE;
		if (t + 2 < n && s[t] == ':' && isdig((unsigned char)s[t + 1]) &&
		    digits(s, n, &(size_t){ t + 1 }, 2, &sec) == 2 && sec <= 60) {
			d->sec = sec;
			d->prec = DP_SECOND;
			t += 3;
		}
		if (t + 1 < n && s[t] == '.' && isdig((unsigned char)s[t + 1]))
			for (t++; t < n && isdig((unsigned char)s[t]); t++)
				;	/* fractions of a second */
	} else if ((t = minutes_other(s, n, t, &m)) > 0) {
		d->hour = h;
		d->min = m;
		d->prec = DP_MINUTE;
	} else
		return;
	if (add > 0 && d->hour < 12)
		d->hour += add;
	if (d->hour == 24)
		d->hour = 0;
	*i = skip_uhr(s, n, t);
	scan_ampm(s, n, i, d);
	scan_tz(s, n, i, d);
}

/*
 * Past the word or sign that joins a time to the date ending at s[j]:
 * "October 9, 2018 at 9:40 am", "November 18, 2019 | 4:10pm",
 * "03. März 2022 - 19:05", "24.04.2024 • 11:31 Uhr", "Nov 8, 2023 / 02:40
 * PM", "1 mars 2019 à 12:54", "24. Februar 2009 um 19:44", "a las 10:00".
 * Returns where the time may start, or j when no joiner is there.
 */
static size_t
skip_joiner(const char *s, size_t n, size_t j)
{
	static const char *const signs[] = { "|", "@", "-", "/", "–", "—", "·", "•" };
	static const char *const words[] = { "at", "um", "à", "às", "a las", "a la",
		"alle", "kl.", "klo", "o godz." };
	size_t t = skip_blanks(s, n, j, 2), k, l;

	if (t < n && s[t] == ',')	/* "April 21, 2015, at 11:29 a.m." */
		t = skip_blanks(s, n, t + 1, 2);
	for (k = 0; k < sizeof(signs) / sizeof(signs[0]); k++)
		if (at(s, n, t, signs[k], (l = strlen(signs[k]))))
			return skip_blanks(s, n, t + l, 2);
	for (k = 0; k < sizeof(words) / sizeof(words[0]); k++)
		if (at(s, n, t, words[k], (l = strlen(words[k]))) &&
		    t + l < n && (s[t + l] == ' ' || isdig((unsigned char)s[t + l])))
			return skip_blanks(s, n, t + l, 2);
	return j;
}

/*
 * HH.MM at s[*i], the way Austrian, Swiss and Nordic pages write a time
 * one blank after a date ("22.11.2024 07.57") or after "klo" / "kl."
 * ("2.9.2020 klo 12.45"); a blank, the end of the line or a zone follows.
 * Elsewhere a dotted pair is a decimal number, and minutes_other wants
 * "Uhr" or am/pm after it.
 */
static int
dot_time(const char *s, size_t n, size_t *i, struct mdate *d)
{
	size_t t = *i;
	int h, m;

	if (digits(s, n, &t, 2, &h) != 2 || h > 23 || t >= n || s[t] != '.' ||
	    (t++, digits(s, n, &t, 2, &m)) != 2 || m > 59 || (t < n && s[t] != ' '))
		return 0;
	d->hour = h, d->min = m, d->prec = DP_MINUTE;
	*i = t;
	scan_tz(s, n, i, d);
	return 1;
}

/*
 * The time after the date that ends at s[*i]: straight after it (scan_time)
 * or after a joiner (skip_joiner); a '.' that ends the date ("2023.11.02.
 * 오후 8:06", "2020. 08. 18. 21:35") is passed over.  Only a whole time
 * is taken; without one, d and *i are left as they are.
 */
static void
time_after_date(const char *s, size_t n, size_t *i, struct mdate *d)
{
	size_t j = *i;
	struct mdate tm = *d;

	if (j + 1 < n && s[j] == '.' && s[j + 1] == ' ')
		j++;
	scan_time(s, n, &j, &tm);
	if (tm.prec < DP_MINUTE && !(j + 1 < n && s[j] == ' ' &&
	    (++j, dot_time(s, n, &j, &tm)))) {
		size_t t = skip_joiner(s, n, *i);

		if (t == *i)
			return;
		j = t;
		scan_time(s, n, &j, &tm);
		if (tm.prec < DP_MINUTE && t >= 4 && (at(s, n, t - 4, LIT("klo ")) ||
		    at(s, n, t - 4, LIT("kl. "))))
			dot_time(s, n, &j, &tm);
	}
	if (tm.prec >= DP_MINUTE) {
		*d = tm;
		*i = j;
	}
}

int
mdate_time_in_next_cell(const char *s, size_t n, size_t i, struct mdate *d)
{
	size_t j = i, k;
	struct mdate t = *d;

	while (j < n && s[j] == ' ')
		j++;
	if (j - i < 2 || j - i > 16 || d->prec != DP_DAY)
		return 0;
	k = j - 1;
	time_after_date(s, n, &k, &t);
	if (t.prec < DP_MINUTE || (k < n && !(k + 1 < n && s[k] == ' ' && s[k + 1] == ' ')))
		return 0;
	*d = t;
	return 1;
}

/*
 * Can a month name written before its day (month_word: English, German,
 * Spanish, Italian, Portuguese, Dutch, French where its first three
 * letters are ASCII) or an English relative word (yesterday, today, just
 * now: relative_word) start at s[i]?  Most words of a page are neither,
 * and their first three letters tell.
 */
static inline int
date_word_start(const char *s, size_t n, size_t i)
{
#define W3(a, b, c) ((uint32_t)(a) << 16 | (uint32_t)(b) << 8 | (uint32_t)(c))
	const unsigned char *u = (const unsigned char *)s + i;

	if (n - i < 3)
		return 0;
	/* Folding with 0x20 makes no byte but a capital a small letter. */
	switch (W3(u[0] | 0x20, u[1] | 0x20, u[2] | 0x20)) {
	case W3('j', 'a', 'n'): case W3('f', 'e', 'b'): case W3('m', 'a', 'r'):
	case W3('a', 'p', 'r'): case W3('m', 'a', 'y'): case W3('j', 'u', 'n'):
	case W3('j', 'u', 'l'): case W3('a', 'u', 'g'): case W3('s', 'e', 'p'):
	case W3('o', 'c', 't'): case W3('n', 'o', 'v'): case W3('d', 'e', 'c'):
	case W3('m', 'a', 'i'): case W3('o', 'k', 't'): case W3('d', 'e', 'z'):
	case W3('e', 'n', 'e'): case W3('a', 'b', 'r'): case W3('a', 'g', 'o'):
	case W3('d', 'i', 'c'): case W3('a', 'v', 'r'): case W3('j', 'u', 'i'):
	case W3('g', 'e', 'n'): case W3('m', 'a', 'g'): case W3('g', 'i', 'u'):
	case W3('l', 'u', 'g'): case W3('s', 'e', 't'): case W3('o', 't', 't'):
	case W3('f', 'e', 'v'): case W3('o', 'u', 't'): case W3('m', 'r', 't'):
	case W3('m', 'e', 'i'): case W3('m', 'a', 'a'):
	case W3('y', 'e', 's'): case W3('t', 'o', 'd'): case W3('j', 'u', 's'):
		return 1;
	}
	return 0;
#undef W3
}

/* 1st 2nd 3rd 4th after a day number. */
static size_t
skip_ordinal(const char *s, size_t n, size_t i)
{
	if (at(s, n, i, LIT("st")) || at(s, n, i, LIT("nd")) ||
	    at(s, n, i, LIT("rd")) || at(s, n, i, LIT("th")))
		return i + 2;
	return i;
}

/*
 * "September 10th, 2005", "Sep. 10, 2005", "Januar 20, 2022", "Diciembre 6,
 * 2020" at *i.  The name may follow a small letter when it starts with a
 * capital: w3m runs a byline's name and its date together ("By Craig
 * HaleDecember 22, 2023", "updatedSep 4, 2023").
 */
static int
english_mdy(const char *s, size_t n, size_t *i, struct mdate *d)
{
	size_t j = *i;
	int m, dd, y;

	if (j > 0 && isalpha_ascii((unsigned char)s[j - 1]) &&
	    !(s[j - 1] >= 'a' && s[j - 1] <= 'z' && s[j] >= 'A' && s[j] <= 'Z'))
		return 0;
	if (!(m = month_word(s, n, &j)))
		return 0;
	j = skip_blanks(s, n, j, 2);
	if (digits(s, n, &j, 2, &dd) == 0)
		return 0;
	j = skip_ordinal(s, n, j);
	if (j < n && s[j] == ',')
		j++;
	j = skip_blanks(s, n, j, 2);
	if (digits(s, n, &j, 4, &y) != 4)
		return 0;
	/*
	 * "Nov 20 20194:29 AM": w3m runs the year and the time of two
	 * adjacent elements together; a year followed by H:MM is that.
	 */
	if (j < n && isdig((unsigned char)s[j]) && !(y >= 1990 && y <= 2099 &&
	    (at(s, n, j + 1, LIT(":")) || (isdig((unsigned char)s[j + 1]) &&
	    at(s, n, j + 2, LIT(":"))))))
		return 0;
	if (!valid_ymd(y, m, dd))
		return 0;
	d->year = y, d->month = m, d->day = dd, d->prec = DP_DAY;
	*i = j;
	time_after_date(s, n, i, d);
	return 1;
}

/* A time followed by a date in words, at *i (a digit). */
static int
time_then_date(const char *s, size_t n, size_t *i, struct mdate *d)
{
	struct mdate tm = { 0 };
	size_t j = *i, k;

	scan_time(s, n, &j, &tm);
	if (tm.prec < DP_MINUTE)
		return 0;
	/* Then blanks, a comma, perhaps a weekday. */
	for (k = 0; k < 3 && j < n && (s[j] == ' ' || s[j] == ','); k++)
		j++;
	for (k = 0; k < 2 && j < n && isalpha_ascii((unsigned char)s[j]) &&
	    !month_word(s, n, &(size_t){ j }); k++) {
		/* a zone we do not know (ET) or a weekday */
		while (j < n && isalpha_ascii((unsigned char)s[j]))
			j++;
		while (j < n && (s[j] == ',' || s[j] == ' ' || s[j] == '.'))
			j++;
	}
	if (!english_mdy(s, n, &j, d))
		return 0;
	d->hour = tm.hour, d->min = tm.min, d->sec = tm.sec;
	d->prec = tm.prec;
	d->has_tz = tm.has_tz, d->tz_min = tm.tz_min;
	*i = j;
	return 1;
}

/* Relative phrases with a number: 3分钟前, 2 hours ago, 1年前. */
static int
relative_number(const char *s, size_t n, size_t *i, struct mdate *d)
{
#define U(w, u) { w, sizeof(w) - 1, u }
	static const struct {
		const char *w;
		size_t wl;
		char unit;
	} units[] = {
		U("秒前", 's'), U("秒钟前", 's'), U("分钟前", 'm'), U("分鐘前", 'm'),
		U("小时前", 'h'), U("小時前", 'h'), U("个小时前", 'h'),
		U("天前", 'd'), U("日前", 'd'), U("周前", 'w'), U("週前", 'w'),
		U("星期前", 'w'), U("个月前", 'M'), U("個月前", 'M'), U("月前", 'M'),
		U("年前", 'y'),
		U(" seconds ago", 's'), U(" minutes ago", 'm'), U(" minute ago", 'm'),
		U(" mins ago", 'm'), U(" hours ago", 'h'), U(" hour ago", 'h'),
		U(" days ago", 'd'), U(" day ago", 'd'), U(" weeks ago", 'w'),
		U(" months ago", 'M'), U(" years ago", 'y'), U(" year ago", 'y'),
	};
#undef U
	size_t j = *i, k;
	int v;

	if (digits(s, n, &j, 3, &v) == 0 || j >= n || isdig((unsigned char)s[j]) ||
	    (s[j] != ' ' && ((unsigned char)s[j] < 0xe4 || (unsigned char)s[j] > 0xe9)))
		return 0;
	for (k = 0; k < sizeof(units) / sizeof(units[0]); k++) {
		size_t wl = units[k].wl;

		/* Two bytes first: a number and a blank start twelve of them. */
		if (units[k].w[0] == s[j] && j + 1 < n && units[k].w[1] == s[j + 1] &&
		    at(s, n, j, units[k].w, wl)) {
			/* "3日前" can be "3日" + "前": only take it as relative. */
			d->flags |= MF_RELATIVE;
			d->rel_unit = units[k].unit;
			d->rel_n = v;
			*i = j + wl;
			return 1;
		}
	}
	return 0;
}

/* Relative words: 刚刚, 今天/昨天/前天 [HH:MM], yesterday. */
static int
relative_word(const char *s, size_t n, size_t *i, struct mdate *d)
{
#define W(w, days) { w, sizeof(w) - 1, days }
	static const struct {
		const char *w;
		size_t wl;
		int days;
	} words[] = {
		W("刚刚", -1), W("剛剛", -1), W("今天", 0), W("昨天", 1),
		W("前天", 2), W("yesterday", 1), W("Yesterday", 1), W("today", 0),
		W("Today", 0), W("just now", -1),
	};
#undef W
	size_t j = *i, k, t;

	for (k = 0; k < sizeof(words) / sizeof(words[0]); k++) {
		size_t wl;

		if (words[k].w[0] != s[j])
			continue;
		wl = words[k].wl;
		if (!at(s, n, j, words[k].w, wl))
			continue;
		if (isalpha_ascii((unsigned char)words[k].w[0]) &&
		    ((j > 0 && isalpha_ascii((unsigned char)s[j - 1])) ||
		    !is_word_end(s, n, j + wl)))
			continue;
		d->flags |= MF_RELATIVE;
		j += wl;
		if (words[k].days < 0) {
			d->rel_unit = 'm';
			d->rel_n = 0;
		} else {
			struct mdate tm = { 0 };

			d->rel_unit = 'd';
			d->rel_n = words[k].days;
			t = j;
			scan_time(s, n, &t, &tm);
			/* Only a word with a time is a date; 今天 alone is prose. */
			if (tm.prec < DP_MINUTE && words[k].days == 0)
				return 0;
			if (tm.prec >= DP_MINUTE) {
				d->rel_time = 1;
				d->hour = tm.hour;
				d->min = tm.min;
				j = t;
			}
		}
		*i = j;
		return 1;
	}
	return 0;
}

/*
 * The weekday an English page wrote just before the date at i ("Thu,
 * 11/02/2006", "Friday 3/4/2016"): 0 Sunday .. 6 Saturday, or -1.
 */
static int
weekday_before(const char *s, size_t i)
{
	static const char *const days[] = { "sun", "mon", "tue", "wed", "thu", "fri", "sat" };
	size_t e = i, b;
	int k;

	while (e > 0 && (s[e - 1] == ' ' || s[e - 1] == ','))
		e--;
	if (e == i)
		return -1;
	for (b = e; b > 0 && isalpha_ascii((unsigned char)s[b - 1]); b--)
		;
	/* "Thu" or "Thursday", not "Monitor". */
	if ((e - b != 3 && (e - b < 6 || e - b > 9 || (s[e - 3] | 0x20) != 'd' ||
	    (s[e - 2] | 0x20) != 'a' || (s[e - 1] | 0x20) != 'y')) ||
	    (b > 0 && (unsigned char)s[b - 1] >= 0x80))
		return -1;
	for (k = 0; k < 7; k++)
		if ((s[b] | 0x20) == days[k][0] && (s[b + 1] | 0x20) == days[k][1] &&
		    (s[b + 2] | 0x20) == days[k][2])
			return k;
	return -1;
}

/*
 * Is the three-digit number s[i..j) a year of the Minguo calendar?  After
 * 民國 in any form; alone only as NNN/MM/DD (or - .) with two-digit parts.
 */
static int
roc_year(const char *s, size_t n, size_t i, size_t j)
{
	size_t t = j + 1;
	int v;

	if ((i >= 6 && (memcmp(s + i - 6, "民國", 6) == 0 || memcmp(s + i - 6, "民国", 6) == 0)) ||
	    (i >= 7 && s[i - 1] == ' ' && (memcmp(s + i - 7, "民國", 6) == 0 ||
	    memcmp(s + i - 7, "民国", 6) == 0)))
		return 1;
	if (j >= n || (s[j] != '/' && s[j] != '-' && s[j] != '.'))
		return 0;
	if (digits(s, n, &t, 2, &v) != 2 || t >= n || s[t] != s[j])
		return 0;
	t++;
	return digits(s, n, &t, 2, &v) == 2 && (t >= n || !isdig((unsigned char)s[t]));
}

/* Whether s[..i) ends in "On ", "Posted ", "Updated " or "Published " (":" too). */
static int
posted_before(const char *s, size_t i)
{
	static const char *const w[] = { "On", "on", "Posted", "posted", "Updated",
		"updated", "Published", "published" };
	size_t k, wl;

	if (i < 3 || s[i - 1] != ' ')
		return 0;
	i--;
	if (s[i - 1] == ':')
		i--;
	for (k = 0; k < sizeof(w) / sizeof(w[0]); k++) {
		wl = strlen(w[k]);
		if (i >= wl && memcmp(s + i - wl, w[k], wl) == 0 &&
		    (i == wl || s[i - wl - 1] == ' '))
			return 1;
	}
	return 0;
}

/* YYYY-MM-DD, YYYY/MM, YYYY.MM.DD: a year a at s[*i..j), sep at s[j]. */
static int
year_sep_date(const char *s, size_t n, size_t *i, size_t j, int a, struct mdate *d)
{
	char sep = s[j];
	size_t t = j + 1;
	int b, c, nb, nc;

	nb = digits(s, n, &t, 2, &b);
	if (nb == 0 || (t < n && isdig((unsigned char)s[t])) || b < 1 || b > 12)
		return 0;
	if (t < n && s[t] == sep) {
		size_t u = t + 1;

		nc = digits(s, n, &u, 2, &c);
		if (nc == 0 || !valid_ymd(a, b, c))
			return 0;
		d->year = a, d->month = b, d->day = c, d->prec = DP_DAY;
		*i = u;
		time_after_date(s, n, i, d);
		return 1;
	}
	/* "2003-5": a month, unless it is a range "2019-2022". */
	if (sep == '.')
		return 0;
	d->year = a, d->month = b, d->prec = DP_MONTH;
	*i = t;
	return 1;
}

/*
 * 2019年9月26日, 2019年9月, 2019年, and the same in Korean (2009년 1월16일):
 * a year a at s[*i..j), 年 after blanks.
 */
static int
year_han_date(const char *s, size_t n, size_t *i, size_t j, int a, struct mdate *d)
{
	size_t t = skip_blanks(s, n, j, 1), u;
	int b, c, ko;

	if (!at(s, n, t, LIT("年")) && !at(s, n, t, LIT("년")))
		return 0;
	ko = s[t] != "年"[0];
	u = skip_blanks(s, n, t + 3, 1);
	d->year = a;
	d->prec = DP_YEAR;
	*i = t + 3;
	if (digits(s, n, &u, 2, &b) > 0 && b >= 1 && b <= 12) {
		u = skip_blanks(s, n, u, 1);
		if (!at(s, n, u, ko ? "월" : "月", 3))
			return 1;
		u = skip_blanks(s, n, u + 3, 1);
		d->month = b;
		d->prec = DP_MONTH;
		*i = u;
		if (digits(s, n, &u, 2, &c) > 0 && valid_ymd(a, b, c)) {
			u = skip_blanks(s, n, u, 1);
			if (ko ? at(s, n, u, LIT("일")) :
			    (at(s, n, u, LIT("日")) || at(s, n, u, LIT("号")))) {
				d->day = c;
				d->prec = DP_DAY;
				*i = u + 3;
				time_after_date(s, n, i, d);
			}
		}
	}
	return 1;
}

/*
 * Years of the Japanese eras, as 令和N年 (2018 + N) and 平成N年 (1988 +
 * N), the first year written 元年: 令和元年6月24日, 平成30年5月23日.
 * The era's name at *i; the month and day as year_han_date reads them.
 */
static int
era_date(const char *s, size_t n, size_t *i, struct mdate *d)
{
	size_t t = *i + 6;
	int base, y;

	if (at(s, n, *i, LIT("令和")))
		base = 2018;
	else if (at(s, n, *i, LIT("平成")))
		base = 1988;
	else
		return 0;
	t = skip_blanks(s, n, t, 1);
	if (at(s, n, t, LIT("元"))) {
		y = 1;
		t += 3;
	} else if (digits(s, n, &t, 2, &y) == 0 || y == 0 || (t < n && isdig((unsigned char)s[t])))
		return 0;
	if (!year_han_date(s, n, &t, t, base + y, d) || d->prec < DP_MONTH)
		return 0;
	*i = t;
	return 1;
}

/*
 * Does the clock time after a date, s[u..e), end in a zone of the United
 * States ("12:15 PM PT", "4:00 PM EST")?  Its date is written as Americans
 * write dates, month first.
 */
static int
us_zone_between(const char *s, size_t u, size_t e)
{
	static const char *const us[] = { "ET", "EST", "EDT", "CT", "CDT", "MT", "MST",
		"MDT", "PT", "PST", "PDT" };
	size_t k, b = e;

	while (b > u && isalpha_ascii((unsigned char)s[b - 1]))
		b--;
	if (b == u || s[b - 1] != ' ')
		return 0;
	for (k = 0; k < sizeof(us) / sizeof(us[0]); k++)
		if (e - b == strlen(us[k]) && memcmp(s + b, us[k], e - b) == 0)
			return 1;
	return 0;
}

/*
 * D/M/YYYY, or M/D/YYYY when the day cannot be a month, the weekday
 * before it says so, or an American zone after its time ("9/8/2015 12:15
 * PM PT"): a and b the first two numbers, c the year ending at s[u).
 */
static int
dmy_date(const char *s, size_t n, size_t *i, size_t u, int a, int b, int c,
    struct mdate *d)
{
	int day = a, mon = b, either = 0;

	if (b > 12 && a <= 12)
		day = b, mon = a;
	else if (a <= 12 && a != b && valid_ymd(c, a, b)) {
		/* 11/02/2006 after "Thu,": the weekday tells M/D. */
		int wd = weekday_before(s, *i);

		if (wd >= 0 && (days_from_civil(c, a, b) + 4) % 7 == wd &&
		    (days_from_civil(c, b, a) + 4) % 7 != wd)
			day = b, mon = a;
		else
			either = s[u - 5] == '/' && valid_ymd(c, b, a);
	}
	if (!valid_ymd(c, mon, day))
		return 0;
	d->year = c, d->month = mon, d->day = day, d->prec = DP_DAY;
	*i = u;
	time_after_date(s, n, i, d);
	if (either && d->prec >= DP_MINUTE && us_zone_between(s, u, *i)) {
		d->year = c, d->month = a, d->day = b, d->prec = DP_DAY;
		d->has_tz = 0;
		*i = u;
		time_after_date(s, n, i, d);	/* the zone's offset on the right day */
	}
	return 1;
}

/*
 * The day y-m-day followed by a clock time read from s[u): the date with
 * its time into *d and *i past them, or 0 where no time follows (a short
 * year is only a date with one).
 */
static int
day_with_time(const char *s, size_t n, size_t *i, size_t u, int y, int m, int day,
    struct mdate *d)
{
	struct mdate t = { 0 };

	if (!valid_ymd(y, m, day))
		return 0;
	t.year = y, t.month = m, t.day = day, t.prec = DP_DAY;
	time_after_date(s, n, &u, &t);
	if (t.prec < DP_MINUTE)
		return 0;
	*d = t;
	*i = u;
	return 1;
}

/*
 * "On 11/13/19 at 4:00 PM EST", as American bylines have it: M/D/YY.
 * Two-digit years are also fractions, scores and version numbers, and a
 * list's "11/13/19 11:00AM" dates other articles: only after "On" or
 * "Posted" and with a clock time after them.  a, b, c the numbers, the
 * year ending at s[u).
 */
static int
posted_mdy(const char *s, size_t n, size_t *i, size_t u, int a, int b, int c,
    struct mdate *d)
{
	if (!posted_before(s, *i))
		return 0;
	return day_with_time(s, n, i, u, 2000 + c, a > 12 ? b : a, a > 12 ? a : b, d);
}

/*
 * A month and a day with the year from context: "(09-24)", or "09-24
 * 15:10" with a time.  a, b the numbers (b of nb digits) ending at s[t),
 * na the digits of a, sep between them.
 */
static int
month_day_numeric(const char *s, size_t n, size_t *i, size_t t, int a, int na, int b,
    int nb, char sep, struct mdate *d)
{
	if (sep == '-' && na == 2 && nb == 2 && *i > 0 && s[*i - 1] == '(' &&
	    (t >= n || s[t] == ')' || s[t] == ' ') && valid_ymd(0, a, b)) {
		d->month = a, d->day = b, d->prec = DP_DAY;
		d->flags |= MF_YEAR_INFERRED;
		*i = t;
		scan_time(s, n, i, d);
		return 1;
	}
	if ((sep == '-' || sep == '/') && nb >= 1 && valid_ymd(0, a, b) &&
	    (*i == 0 || s[*i - 1] == ' ') && t < n && s[t] == ' ') {
		struct mdate tm = { 0 };
		size_t u = t;

		scan_time(s, n, &u, &tm);
		if (tm.prec >= DP_MINUTE) {
			*d = tm;
			d->month = a, d->day = b;
			d->flags |= MF_YEAR_INFERRED;
			*i = u;
			return 1;
		}
	}
	return 0;
}

/*
 * "25.04.24", "26.10.13": D.M.YY, as German, Austrian and Swiss pages
 * write dates.  Two-digit years are also version numbers ("tomcat-8.5.42",
 * "v1.10.23"): the day has two digits, nothing but a blank or a bracket
 * before it, and no dot, digit or small letter after the year.  a, b, c
 * the numbers (a of na digits), the year ending at s[u).
 */
static int
dmy_short_year(const char *s, size_t n, size_t *i, size_t u, int a, int na, int b,
    int c, struct mdate *d)
{
	char p = *i > 0 ? s[*i - 1] : ' ';

	if (na != 2 || (p != ' ' && p != '(' && p != '[' && p != '|') ||
	    (u < n && (s[u] == '.' || isdig((unsigned char)s[u]) ||
	    (s[u] >= 'a' && s[u] <= 'z'))))
		return 0;
	c += c < 70 ? 2000 : 1900;
	if (!valid_ymd(c, b, a))
		return 0;
	d->year = c, d->month = b, d->day = a, d->prec = DP_DAY;
	*i = u;
	time_after_date(s, n, i, d);
	return 1;
}

/*
 * "1.11.23 20:19", "Mallorca15.04.25 09:56": D.M.YY with a whole time
 * after it is a date whatever the width of its day, and also where w3m
 * ran the word before into it; a version number has no clock time after
 * it.  Not after a dot, dash, slash or underscore ("tomcat-8.5.42").
 * The arguments are dmy_short_year's.
 */
static int
timed_short_year(const char *s, size_t n, size_t *i, size_t u, int a, int b, int c,
    struct mdate *d)
{
	char p = *i > 0 ? s[*i - 1] : ' ';

	/* (nor after "v" alone: "v1.10.23") */
	if (strchr(".-/_", p) || (u < n && s[u] != ' ') || ((p == 'v' || p == 'V') &&
	    (*i < 2 || !isalpha_ascii((unsigned char)s[*i - 2]))))
		return 0;
	return day_with_time(s, n, i, u, c + (c < 70 ? 2000 : 1900), b, a, d);
}

/*
 * "28.09.1912:44": D.M.YY with its time run on by w3m, not the year 1912:
 * a year has no ':' and minutes after it.  The four digits c end at s[u),
 * a and b the day and month.
 */
static int
run_on_time(const char *s, size_t n, size_t *i, size_t u, int a, int b, int c,
    struct mdate *d)
{
	size_t t = u + 1;
	int y = c / 100, h = c % 100, m;

	if (u >= n || s[u] != ':' || digits(s, n, &t, 2, &m) != 2 || m > 59 || h > 23 ||
	    (t < n && isdig((unsigned char)s[t])))
		return 0;
	y += y < 70 ? 2000 : 1900;
	if (!valid_ymd(y, b, a))
		return 0;
	d->year = y, d->month = b, d->day = a;
	d->hour = h, d->min = m, d->prec = DP_MINUTE;
	*i = skip_uhr(s, n, t);
	scan_tz(s, n, i, d);
	return 1;
}

/*
 * A number a of na digits at s[*i..j), then a separator at s[j]: D/M/Y
 * and M/D; after a dot a blank may follow ("01. 11. 2023", Czech and
 * German).
 */
static int
day_first_numeric(const char *s, size_t n, size_t *i, size_t j, int a, int na,
    struct mdate *d)
{
	char sep = s[j];
	size_t t = skip_blanks(s, n, j + 1, sep == '.' ? 1 : 0);
	int b, nb = digits(s, n, &t, 2, &b);

	if (nb >= 1 && t < n && s[t] == sep) {
		size_t u = skip_blanks(s, n, t + 1, sep == '.' && s[j + 1] == ' ' ? 1 : 0);
		int c, nc = digits(s, n, &u, 4, &c);

		if (sep == '.' && nc == 4 && run_on_time(s, n, i, u, a, b, c, d))
			return 1;
		if (nc == 4 && (u >= n || !isdig((unsigned char)s[u])))
			return dmy_date(s, n, i, u, a, b, c, d);
		if (sep == '.' && nc == 2 && s[j + 1] != ' ' &&
		    (dmy_short_year(s, n, i, u, a, na, b, c, d) ||
		    timed_short_year(s, n, i, u, a, b, c, d)))
			return 1;
		if (sep == '/' && nc == 2 && (u >= n || !isdig((unsigned char)s[u])) &&
		    posted_mdy(s, n, i, u, a, b, c, d))
			return 1;
	}
	return month_day_numeric(s, n, i, t, a, na, b, nb, sep, d);
}

/* M月D日 with the year from context: a the month at s[*i..j). */
static int
han_month_day(const char *s, size_t n, size_t *i, size_t j, int a, struct mdate *d)
{
	size_t t = j + 3;
	int b;

	if (digits(s, n, &t, 2, &b) > 0 && valid_ymd(0, a, b) &&
	    (at(s, n, t, LIT("日")) || at(s, n, t, LIT("号")))) {
		d->month = a, d->day = b, d->prec = DP_DAY;
		d->flags |= MF_YEAR_INFERRED;
		*i = t + 3;
		scan_time(s, n, i, d);
		return 1;
	}
	return 0;
}

/*
 * Past what may stand between a day and its month's name: an ordinal's
 * ending ("10th", French "1er", Spanish and Portuguese "1º"), the dot of
 * German, Nordic, Czech and Polish ordinals ("20. Januar", "21.dez."),
 * blanks, and Spanish and Portuguese "de" ("17 de febrero").  Returns j
 * when nothing parts them.
 */
static size_t
day_to_month(const char *s, size_t n, size_t j, int day)
{
	size_t t = j;
	int dot = 0;

	if (t < n && s[t] == '.')
		t++, dot = 1;
	else if (day == 1 && at(s, n, t, LIT("er")))
		t += 2;
	else if (at(s, n, t, LIT("º")) || at(s, n, t, LIT("°")))
		t += 2;
	else
		t = skip_ordinal(s, n, t);
	if (t < n && s[t] != ' ' && !dot)
		return j;
	t = skip_blanks(s, n, t, 2);
	if (at(s, n, t, LIT("de ")))
		t += 3;
	else if (at(s, n, t, LIT("d'")))
		t += 2;		/* Catalan before a vowel: "12 d'abril" */
	else if (at(s, n, t, LIT("d’")))
		t += 4;
	return t;
}

/*
 * Vietnamese numbers its months: "tháng 3" (month 3) after the day, as in
 * "ngày 5 tháng 3 năm 2020" or "5 tháng 3, 2020".  The month at s[*t]
 * and *t past it, else 0.
 */
static int
vietnamese_month(const char *s, size_t n, size_t *t)
{
	size_t u = *t;
	int m;

	if (!at(s, n, u, LIT("tháng ")))
		return 0;
	u += sizeof("tháng ") - 1;
	if (digits(s, n, &u, 2, &m) == 0 || m < 1 || m > 12)
		return 0;
	*t = u;
	return m;
}

/*
 * Does a day and its month's name start at s[u]: the next date w3m ran
 * into a year ("28. Juli 201928. Juli 2019", a post's date and its
 * update's)?
 */
static int
day_month_at(const char *s, size_t n, size_t u)
{
	size_t j = u, t;
	int day, m;

	if (digits(s, n, &j, 2, &day) == 0 || day < 1 || day > 31 ||
	    (t = day_to_month(s, n, j, day)) == j)
		return 0;
	m = month_word(s, n, &t);
	return m != 0;
}

/*
 * A day, its month's name, the year: "10 September 2005", "20. Januar
 * 2020", "1er mars 2019", "17 de febrero de 2020", "12 d'abril de 2019",
 * "5 tháng 3 năm 2020", "13 января 2020",
 * "21.dez.2018", "26. Mai, 2008"; a the day at s[*i..j).  With no year,
 * only with a time after it ("1er mars à 14h52"), the year the context's.
 * The year may be followed by a capital: w3m runs it into the next
 * element ("24 августа 2021ТОП", "22.09.2019Hands On").
 */
static int
day_month_name(const char *s, size_t n, size_t *i, size_t j, int a, struct mdate *d)
{
	size_t t = day_to_month(s, n, j, a), u;
	int m, c;

	if (t == j || !((m = month_word(s, n, &t)) || (m = vietnamese_month(s, n, &t))))
		return 0;
	u = t;
	if (u < n && s[u] == ',')
		u++;
	u = skip_blanks(s, n, u, 2);
	if (at(s, n, u, LIT("de ")))
		u += 3;
	else if (at(s, n, u, LIT("del ")))
		u += 4;
	else if (at(s, n, u, LIT("năm ")))
		u += sizeof("năm ") - 1;	/* Vietnamese "year" */
	if (digits(s, n, &u, 4, &c) == 4 && (is_word_end(s, n, u) ||
	    (s[u] >= 'A' && s[u] <= 'Z') || day_month_at(s, n, u))) {
		if (!valid_ymd(c, m, a))
			return 0;
		d->year = c, d->month = m, d->day = a, d->prec = DP_DAY;
		*i = u;
		time_after_date(s, n, i, d);
		return 1;
	}
	if (!valid_ymd(0, m, a))
		return 0;
	d->month = m, d->day = a, d->prec = DP_DAY;
	time_after_date(s, n, &t, d);
	if (d->prec < DP_MINUTE)
		return 0;
	d->flags |= MF_YEAR_INFERRED;
	*i = t;
	return 1;
}

/*
 * Year first with a dot and a blank, as Hungarian and Korean write it:
 * "2020. február 17.", "2020. augusztus 19-én", "2020. 08. 18.",
 * "2018. 11. 23"; a the year at s[*i..j), the dot at s[j].
 */
static int
year_dot_blank(const char *s, size_t n, size_t *i, size_t j, int a, struct mdate *d)
{
	size_t t = j + 2;
	int m, dd;

	if (!(m = month_word(s, n, &t))) {
		if (digits(s, n, &t, 2, &m) == 0 || t + 1 >= n || s[t] != '.' || s[t + 1] != ' ')
			return 0;
		t += 2;
	}
	t = skip_blanks(s, n, t, 1);
	if (digits(s, n, &t, 2, &dd) == 0 || (t < n && isdig((unsigned char)s[t])) ||
	    !valid_ymd(a, m, dd))
		return 0;
	d->year = a, d->month = m, d->day = dd, d->prec = DP_DAY;
	*i = t;
	time_after_date(s, n, i, d);
	return 1;
}

/* Numeric forms starting with a digit at *i. */
static int
numeric_date(const char *s, size_t n, size_t *i, struct mdate *d)
{
	size_t j = *i;
	int a, na;

	na = digits(s, n, &j, 4, &a);
	if (na == 4 && j < n && isdig((unsigned char)s[j]))
		return 0;
	/* Taiwan's Minguo years: 民國113年3月5日, 113/03/05 (2024). */
	if (na == 3 && a >= 60 && a <= 150 && roc_year(s, n, *i, j)) {
		a += 1911;
		na = 4;
	}
	if (na == 4 && a >= 1970 && a <= 2099) {
		if (j + 1 < n && s[j] == '.' && s[j + 1] == ' ')
			return year_dot_blank(s, n, i, j, a, d);
		if (j < n && (s[j] == '-' || s[j] == '/' || s[j] == '.'))
			return year_sep_date(s, n, i, j, a, d);
		return year_han_date(s, n, i, j, a, d);
	}
	if (na < 1 || na > 2)
		return 0;
	/* "7:07 PM EST Nov 19, 2019", "6:45 PM, Feb 16, 2018": time first. */
	if (j < n && s[j] == ':' && time_then_date(s, n, i, d))
		return 1;
	if (j < n && (s[j] == '/' || s[j] == '.' || s[j] == '-') &&
	    day_first_numeric(s, n, i, j, a, na, d))
		return 1;
	if (at(s, n, j, LIT("月")))
		return han_month_day(s, n, i, j, a, d);
	return day_month_name(s, n, i, j, a, d);
}

/*
 * A time written before its date, "14:30 2024/03/05", "10:20 · 2024-01-02":
 * the clock time that ends at most a few blanks or a middle dot before s[i],
 * when nothing before it ends a date of its own.  Sets the time in *d and
 * returns where the time starts, else i.
 */
static size_t
time_before(const char *s, size_t i, struct mdate *d)
{
	size_t p = i, q, k;
	int v[3], nv = 0;

	/* One blank, perhaps a comma or a middle dot and one more blank. */
	if (s[p - 1] == ' ')
		p--;
	if (p > 0 && s[p - 1] == ',')
		p--;
	else if (p >= 2 && (unsigned char)s[p - 2] == 0xc2 && (unsigned char)s[p - 1] == 0xb7)
		p -= 2;
	if (p < i && p > 0 && s[p - 1] == ' ' && p + 1 < i)
		p--;
	if (p == i || (p > 0 && s[p - 1] == ' '))
		return i;
	/* Back over NN:NN[:NN]. */
	for (q = p;;) {
		size_t e = q;

		while (q > 0 && e - q < 2 && isdig((unsigned char)s[q - 1]))
			q--;
		if (q == e || nv == 3)
			return i;
		v[nv++] = (s[q] - '0') * (e - q == 2 ? 10 : 1) + (e - q == 2 ? s[q + 1] - '0' : 0);
		if (q < 2 || s[q - 1] != ':' || !isdig((unsigned char)s[q - 2]))
			break;
		q--;
	}
	if (nv < 2 || (q > 0 && (isdig((unsigned char)s[q - 1]) || s[q - 1] == '/' ||
	    s[q - 1] == '-' || s[q - 1] == '.')))
		return i;
	/* The time of an earlier date: "2024-01-01 09:00 2024-01-02". */
	for (k = q; k > 0 && q - k < 3 && s[k - 1] == ' '; k--)
		;
	if (k > 0 && (isdig((unsigned char)s[k - 1]) ||
	    (k >= 3 && (at(s, k, k - 3, LIT("日")) || at(s, k, k - 3, LIT("号"))))))
		return i;
	if (v[nv - 1] > 24 || v[nv - 2] > 59 || (nv == 3 && v[0] > 60))
		return i;
	d->hour = v[nv - 1] == 24 ? 0 : v[nv - 1];
	d->min = v[nv - 2];
	d->prec = DP_MINUTE;
	if (nv == 3) {
		d->sec = v[0];
		d->prec = DP_SECOND;
	}
	return q;
}

/*
 * The CJK characters that may start a date: 1 a date in Chinese numerals
 * (二〇二四年八月六日), 2 a relative word (刚刚, 今天, 昨天, 前天), 3 a
 * Japanese era's year (令和, 平成).
 */
#define HAN_DATE_STARTS(X) \
	X(0x3007, 1) X(0x4e00, 1) X(0x4e8c, 1) X(0x4e09, 1) X(0x56db, 1) \
	X(0x4e94, 1) X(0x516d, 1) X(0x4e03, 1) X(0x516b, 1) X(0x4e5d, 1) \
	X(0x96f6, 1)	/* 〇一二三四五六七八九零 */ \
	X(0x521a, 2) X(0x525b, 2) X(0x4eca, 2) X(0x6628, 2) X(0x524d, 2) \
	/* 刚 剛 今 昨 前 */ \
	X(0x4ee4, 3) X(0x5e73, 3)	/* 令 平 */

/* What the CJK character cp may start (HAN_DATE_STARTS), else 0. */
static inline int
han_date_start(uint32_t cp)
{
#define HAN_CASE(c, what) case c: return what;
	switch (cp) {
	HAN_DATE_STARTS(HAN_CASE)
	}
	return 0;
#undef HAN_CASE
}

/*
 * The low six bits of those characters' last UTF-8 byte, as a set: most
 * ideographs of a line are ruled out by their last byte before a decode.
 */
#define HAN_BIT(c, what) | 1ULL << ((c) & 0x3f)
static const uint64_t han_date_last_bytes = 0 HAN_DATE_STARTS(HAN_BIT);
#undef HAN_BIT

/* The CJK character (lead byte 0xe3..0xe9) at s[i], as date_scan reads it. */
static uint32_t
cjk_at(const char *s, size_t i)
{
	return ((uint32_t)(s[i] & 0x0f) << 12) |
	    ((uint32_t)((unsigned char)s[i + 1] & 0x3f) << 6) |
	    ((unsigned char)s[i + 2] & 0x3f);
}

/*
 * The last letter of the run of ASCII letters at s[i], which ends before
 * a capital that follows a small letter (english_mdy: "HaleDecember 22,
 * 2023").
 */
static size_t
word_last(const char *s, size_t n, size_t i)
{
	while (i + 1 < n && isalpha_ascii((unsigned char)s[i + 1]) &&
	    !(s[i] >= 'a' && s[i] <= 'z' && s[i + 1] >= 'A' && s[i + 1] <= 'Z'))
		i++;
	return i;
}

#if defined(__SSE2__)
/*
 * skip_to_date_start()'s walk over a line of Latin text, sixteen bytes at
 * a test: the walk tries date_word_start at a letter that starts a run
 * (or at i, or at a capital after a small letter, where word_last ends a
 * run) and passes every other byte but a digit and a lead byte E3..E9,
 * where it stops.  Returns where the byte-at-a-time walk goes on: a word
 * date_word_start knows, a digit, such a lead byte, or the last bytes (a
 * place the walk itself reaches: never inside a run).
 */
static size_t
skip_latin_blocks(const char *s, size_t n, size_t i)
{
	/* Compared as signed bytes once the top bit is flipped: E3..E9. */
	const __m128i flip = _mm_set1_epi8((char)0x80);
	unsigned letter_before = 0, small_before = 0;

	for (; i + 16 <= n; i += 16) {
		__m128i v = sse_load(s + i), x = _mm_xor_si128(v, flip);
		unsigned stop = sse_digits(v) | (unsigned)_mm_movemask_epi8(_mm_and_si128(
		    _mm_cmpgt_epi8(x, _mm_set1_epi8(0x62)), _mm_cmplt_epi8(x, _mm_set1_epi8(0x6a))));
		unsigned small = sse_ascii_range(v, 'a', 'z'), capital = sse_ascii_range(v, 'A', 'Z');
		unsigned letter = small | capital;
		unsigned prev = letter << 1 | letter_before, prev_small = small << 1 | small_before;
		unsigned starts = letter & ~(prev & ~(prev_small & capital));

		if (stop)
			starts &= (stop & -stop) - 1;	/* the runs before the stop */
		for (; starts; starts &= starts - 1)
			if (date_word_start(s, n, i + (unsigned)__builtin_ctz(starts)))
				return i + (unsigned)__builtin_ctz(starts);
		if (stop)
			return i + (unsigned)__builtin_ctz(stop);
		letter_before = letter >> 15 & 1;
		small_before = small >> 15 & 1;
	}
	/* Inside a run, the walk goes on after it. */
	if (letter_before && i < n && isalpha_ascii((unsigned char)s[i]) &&
	    !(small_before && s[i] >= 'A' && s[i] <= 'Z'))
		i = word_last(s, n, i) + 1;
	return i;
}
#endif

/*
 * The first place from s[i] where date_scan has anything to try: a digit,
 * a word date_word_start knows, or a character han_date_start knows.  Most
 * of a line is none, and the loop here costs less than date_scan's.
 */
static size_t
skip_to_date_start(const char *s, size_t n, size_t i)
{
#if defined(__SSE2__)
	i = skip_latin_blocks(s, n, i);
#endif
	for (; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x80) {
			if (isdig(c))
				return i;
			if (isalpha_ascii(c)) {
				if (date_word_start(s, n, i))
					return i;
				i = word_last(s, n, i);
			}
		} else if (c >= 0xe3 && c <= 0xe9 && i + 2 < n) {
			if ((han_date_last_bytes >> ((unsigned char)s[i + 2] & 0x3f) & 1) &&
			    han_date_start(cjk_at(s, i)))
				return i;
			i += 2;
		}
	}
	return n;
}

int
date_scan(const char *s, size_t n, size_t *pos, struct mdate *d,
    size_t *start, size_t *end)
{
	size_t i;

	for (i = *pos; i < n; i++) {
		unsigned char c;
		size_t j;

		memset(d, 0, sizeof(*d));
		if ((i = skip_to_date_start(s, n, i)) >= n)
			break;
		c = (unsigned char)s[i];
		j = i;
		if (isdig(c)) {
			/* Only at the start of a number. */
			if (i > 0 && isdig((unsigned char)s[i - 1]))
				continue;
			if (numeric_date(s, n, &j, d) || (j = i, relative_number(s, n, &j, d)))
				goto found;
			while (i + 1 < n && isdig((unsigned char)s[i + 1]))
				i++;
		} else if (isalpha_ascii(c)) {
			if (date_word_start(s, n, i) &&
			    (english_mdy(s, n, &j, d) || (j = i, relative_word(s, n, &j, d))))
				goto found;
			i = word_last(s, n, i);	/* the rest of the word */
		} else {
			/* Only the few characters that can start a date. */
			switch (han_date_start(cjk_at(s, i))) {
			case 1:
				if (han_date(s, n, &j, d))
					goto found;
				break;
			case 2:
				if (relative_word(s, n, &j, d))
					goto found;
				break;
			case 3:
				if (era_date(s, n, &j, d))
					goto found;
				break;
			}
			i += 2;
		}
		continue;
found:
		if (d->flags & MF_RELATIVE) {
			d->raw_off = i;
			d->raw_len = j - i;
		} else if (d->prec == DP_DAY && d->year && i > 0)
			i = time_before(s, i, d);
		*start = i;
		*end = j;
		*pos = j;
		return 1;
	}
	*pos = n;
	return 0;
}

int
mdate_parse(const char *s, size_t n, struct mdate *d)
{
	size_t pos = 0, a, b;

	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	while (pos < n && (s[pos] == ' ' || s[pos] == '\t'))
		pos++;
	if (!date_scan(s, n, &pos, d, &a, &b) || (d->flags & MF_RELATIVE) ||
	    d->year == 0)
		return -1;
	return b == n ? 0 : -1;
}

static long long
days_from_civil(long long y, int m, int d)
{
	/* H. Hinnant's algorithm: days since 1970-01-01. */
	long long era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (unsigned)((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (long long)doe - 719468;
}

static void
civil_from_days(long long z, int *y, int *m, int *d)
{
	long long era;
	unsigned doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

void
mdate_add_minutes(struct mdate *d, long long minutes)
{
	long long t = days_from_civil(d->year, d->month ? d->month : 1,
	    d->day ? d->day : 1) * 1440 + d->hour * 60 + d->min + minutes;
	long long days = t >= 0 ? t / 1440 : -((-t + 1439) / 1440);
	long long rem = t - days * 1440;

	civil_from_days(days, &d->year, &d->month, &d->day);
	d->hour = (int)(rem / 60);
	d->min = (int)(rem % 60);
}

int
mdate_cmp(const struct mdate *a, const struct mdate *b)
{
	enum date_prec p = a->prec < b->prec ? a->prec : b->prec;
	int va[5] = { a->year, a->month, a->day, a->hour, a->min };
	int vb[5] = { b->year, b->month, b->day, b->hour, b->min };
	int k, lim;

	lim = p >= DP_MINUTE ? 5 : (int)p;
	for (k = 0; k < lim; k++)
		if (va[k] != vb[k])
			return va[k] < vb[k] ? -1 : 1;
	return 0;
}

/*
 * v as printf's "%0*d" of width digits would write it, without a call of
 * printf for each field (every date of every record is formatted): the
 * values in range written digit by digit, any other by printf.
 */
static void
put_digits(struct buf *b, int v, int width)
{
	char d[4];
	int k;

	if (v < 0 || v >= (width == 4 ? 10000 : 100)) {
		buf_printf(b, "%0*d", width, v);
		return;
	}
	for (k = width - 1; k >= 0; k--, v /= 10)
		d[k] = (char)('0' + v % 10);
	buf_add(b, d, (size_t)width);
}

void
mdate_format(struct buf *b, const struct mdate *d)
{
	if (d->year)
		put_digits(b, d->year, 4);
	else
		buf_adds(b, "-");	/* ISO 8601 "--MM-DD": year not known */
	if (d->prec >= DP_MONTH) {
		buf_addc(b, '-');
		put_digits(b, d->month, 2);
	}
	if (d->prec >= DP_DAY) {
		buf_addc(b, '-');
		put_digits(b, d->day, 2);
	}
	if (d->prec >= DP_MINUTE) {
		buf_addc(b, 'T');
		put_digits(b, d->hour, 2);
		buf_addc(b, ':');
		put_digits(b, d->min, 2);
	}
	if (d->prec >= DP_SECOND) {
		buf_addc(b, ':');
		put_digits(b, d->sec, 2);
	}
	if (d->has_tz && d->prec >= DP_MINUTE) {
		int o = d->tz_min < 0 ? -d->tz_min : d->tz_min;

		if (d->tz_min == 0 && d->prec >= DP_MINUTE)
			buf_adds(b, "Z");
		else {
			buf_addc(b, d->tz_min < 0 ? '-' : '+');
			put_digits(b, o / 60, 2);
			buf_addc(b, ':');
			put_digits(b, o % 60, 2);
		}
	}
}
