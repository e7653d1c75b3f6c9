/*
 * names.c - reading names from a people value: Chinese names cut at
 * separators, role words and surnames; Latin names cut at commas and
 * "and"; organisations, credentials and roles told from persons.
 */
#include <string.h>

#include "page.h"

/* Words that are not a person. */
int
not_a_name(const char *s, size_t n)
{
	static const char *const w[] = { "未知", "佚名", "admin", "Admin", "管理员",
		"本站", "小编", "网友", "匿名", "unknown", "Unknown", "不详", "本网",
		"编辑", "记者", "作者", "原创", "转载", "综合", "供图", "图", "文",
		"摄", "整理", "报道", "null", "none", "阅读", "评论", "浏览", "点击",
		"查看更多", "更多", "发表评论", "回复", "收藏", "分享", "责编", "编者",
		"完", "待续", "未完" };

	return is_any(s, n, w, sizeof(w) / sizeof(w[0]));
}

/*
 * Cut a name at a role word that follows it: 路闻卓立编译, 彭冲报道,
 * 林悅翻攝 (photographed from a copy).
 */
static size_t
cut_role_suffix(const char *s, size_t n)
{
	static const char *const w[] = { "编译", "編譯", "報導", "報道", "报道", "整理",
		"摄影", "攝影", "翻摄", "翻攝", "供稿", "发自", "發自", "翻译", "翻譯", "综合",
		"綜合", "摄", "攝", "/文", "文/", "受访者", "受訪者" };
	size_t k, i;

	for (i = 3; i < n; i++)
		for (k = 0; k < sizeof(w) / sizeof(w[0]); k++) {
			size_t wl = strlen(w[k]);

			if (n - i >= wl && memcmp(s + i, w[k], wl) == 0)
				return i;
		}
	return n;
}

/*
 * Credits for other work than the writing: after names they end the list
 * ("记者 张三 摄影 李四": 李四 took the pictures).
 */
static int
other_credit(const char *s, size_t n)
{
	static const char *const w[] = { "摄影", "攝影", "摄", "攝", "图", "圖",
		"图片", "圖片", "视频", "視頻", "校对", "校對", "审核", "審核", "监制",
		"監製", "制图", "製圖", "编辑", "編輯", "责编", "責編", "责任编辑",
		"責任編輯" };

	return is_any(s, n, w, sizeof(w) / sizeof(w[0]));
}

/* "CNN Business", "Fox News", "USA TODAY": a news organisation, not a person. */
/*
 * Bytes of a generation's numeral ending a person's name, " II", " III",
 * " IV" ("George T. Conway III"): capitals that are no acronym.  Else 0.
 */
static size_t
generation_suffix(const char *s, size_t n)
{
	static const char *const w[] = { " II", " III", " IV" };
	size_t k, l;

	for (k = 0; k < sizeof(w) / sizeof(w[0]); k++) {
		l = strlen(w[k]);
		if (n > l && memcmp(s + n - l, w[k], l) == 0)
			return l;
	}
	return 0;
}

int
org_name(const char *s, size_t n)
{
	static const char *const suf[] = { "news", "business", "times", "post",
		"staff", "reporter", "correspondent", "press", "agency", "wire",
		"editors", "desk", "team", "writer", "editor", "contributor",
		"columnist", "photographer", "today", "daily", "journal", "herald",
		"tribune", "network", "media", "magazine", "radio", "service",
		"writers", "reporters", "staff writer" };
	size_t i, k, caps = 0, words = 1;
	size_t lower = 0, upper = 0;

	for (i = 0; i < n; i++) {
		lower += s[i] >= 'a' && s[i] <= 'z';
		upper += s[i] >= 'A' && s[i] <= 'Z';
		words += s[i] == ' ';
	}
	/* Suffixes in any case, "Associated Press", "USA TODAY", or run on: FOXNews. */
	for (k = 0; k < sizeof(suf) / sizeof(suf[0]); k++) {
		size_t wl = strlen(suf[k]), j;

		if (n < wl || (n > wl && s[n - wl - 1] != ' ' &&
		    !(s[n - wl] >= 'A' && s[n - wl] <= 'Z' && s[n - wl + 1] >= 'a' &&
		    s[n - wl + 1] <= 'z')))
			continue;
		for (j = 0; j < wl && (s[n - wl + j] | 0x20) == suf[k][j]; j++)
			;
		if (j == wl)
			return 1;
	}
	/*
	 * A byline in capitals, "JANE DOE", names a person; one word (REUTERS,
	 * AP) or THE ... is an outlet.
	 */
	if (upper >= 3 * lower)	/* McCOY DEVITO too */
		return words < 2 || (n > 4 && memcmp(s, "THE ", 4) == 0);
	n -= generation_suffix(s, n);
	for (i = 0; i < n; i++) {
		if (s[i] >= 'A' && s[i] <= 'Z')
			caps++;
		else if ((s[i] == ' ' || s[i] == '.') && caps >= 2)
			return 1;
		else
			caps = 0;
	}
	return caps >= 2;
}

/* A degree or licence after a name: PhD, M.D., RDN. */
int
credential(const char *s, size_t n)
{
	static const char *const w[] = { "PhD", "Ph.D.", "Ph.D", "M.D.", "MBA", "Esq.",
		"MD", "MS", "MA", "MSc", "MPH", "RD", "RDN", "RN", "LD", "CDE", "CPT",
		"DO", "DDS", "DVM", "JD", "CFA", "CPA" };

	return is_any(s, n, w, sizeof(w) / sizeof(w[0]));
}

/*
 * Names in Latin script are separated by commas, "and" and '&', not by
 * spaces: "Jane Doe and John Q. Public".  Returns 1 if s is not Latin.
 */
int
latin_names(struct meta_list *out, const char *s, size_t n)
{
	size_t i, st = 0, full = 0;

	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80 && !(i + 1 < n &&
		    (unsigned char)s[i] >= 0xc3 && (unsigned char)s[i] <= 0xc5))
			return 1;	/* Han or other scripts: the general rules */
	for (i = 0; i <= n; i++) {
		size_t sep = 0;

		if (i == n)
			sep = 1;
		else if (s[i] == ',' || s[i] == ';' || s[i] == '&' || s[i] == '|')
			sep = 1;
		else if (n - i >= 5 && (memcmp(s + i, " and ", 5) == 0 ||
		    memcmp(s + i, " AND ", 5) == 0))
			sep = 5;
		if (!sep)
			continue;
		{
			size_t a = st, b = i, k, words = 1;
			int upper;

			while (a < b && s[a] == ' ')
				a++;
			while (b > a && s[b - 1] == ' ')
				b--;
			upper = a < b && s[a] >= 'A' && s[a] <= 'Z';
			for (k = a; k < b; k++)
				words += s[k] == ' ';
			/*
			 * An organisation is no person, nor is a credential in
			 * capitals after a name ("Ilana Muhlstein, MS, RDN").
			 */
			if (org_name(s + a, b - a) || credential(s + a, b - a))
				upper = 0, words = 99;
			/* "Jane Doe, Reuters": one word after a full name is its outlet. */
			if (words == 1 && full && s[st - 1] != '&' && s[st - 1] != ' ')
				words = 99;
			/* A name: capitalised, one to five words, no digits. */
			/* Capitalised, or a one-word handle (zboygirl). */
			if ((upper || (words == 1 && b - a >= 3)) && words <= 5 &&
			    b - a <= 60 && !not_a_name(s + a, b - a)) {
				for (k = a; k < b && !(s[k] >= '0' && s[k] <= '9'); k++)
					;
				if (k == b) {
					list_add(out, s + a, b - a);
					full += words >= 2;
				}
			}
		}
		st = i + sep;
		i = st - 1;
	}
	return 0;
}

/* A value's closing brackets and dots: "[ 人民网 ]", "(责编:X)", "[作者:X] [日期:". */
static size_t
trim_value_end(const char *s, size_t n)
{
	while (n > 0 && (s[n - 1] == ']' || s[n - 1] == ')' || s[n - 1] == ' ' ||
	    s[n - 1] == '.' || s[n - 1] == '[' || s[n - 1] == '('))
		n--;
	while (n >= 3 && (memcmp(s + n - 3, "】", 3) == 0 || memcmp(s + n - 3, "【", 3) == 0))
		n -= 3;
	return n;
}

/*
 * Cut s[0..n) into tokens at the separators of names: 、,;&/| brackets
 * and spaces.  Stores up to max of them; returns how many.
 */
static size_t
name_tokens(const char *s, size_t n, const char **tok, size_t *tl, size_t max)
{
	size_t i = 0, nt = 0;

	while (i < n && nt < max) {
		size_t st, sepl = 0;

		for (st = i; i < n; i++) {
			if (s[i] == ' ' || s[i] == ',' || s[i] == ';' || s[i] == '&' ||
			    s[i] == '/' || s[i] == '|' || s[i] == '(' || s[i] == ')') {
				sepl = 1;
				break;
			}
			if (n - i >= 3 && (memcmp(s + i, "、", 3) == 0 ||
			    memcmp(s + i, "，", 3) == 0 || memcmp(s + i, "；", 3) == 0)) {
				sepl = 3;
				break;
			}
		}
		if (i > st) {
			tok[nt] = s + st;
			tl[nt] = i - st;
			nt++;
		}
		i += sepl ? sepl : 1;
	}
	return nt;
}

/* What add_token() tells the loop over a value's tokens. */
enum { TOKEN_NEXT, TOKEN_STOP };

/*
 * The name in token t[0..len) into out, cut from what surrounds names in
 * a value: an affiliation after ':', an editor's code after '_', role
 * words before and after.  TOKEN_STOP when the value's names end here.
 */
static int
add_token(struct meta_list *out, const char *t, size_t len, size_t max_han)
{
	size_t hl, j, sp;
	int digits = 0, upper = 0, lower = 0;

	/* "赵培:北京物资学院": the name before a colon; "张三_NB1": a code. */
	{
		const char *c = memchr(t, ':', len);

		if (c)
			len = (size_t)(c - t);
		if ((c = memchr(t, '_', len)) != NULL && c > t)
			len = (size_t)(c - t);
	}
	{
		size_t whole = len;

		len = cut_role_suffix(t, len);
		/* "记者 张三 北京报道": after a name, the place it came from. */
		if (len < whole && out->n > 0 && len <= 9 &&
		    (scan_starts_with(t + len, whole - len, LIT("报道")) ||
		    scan_starts_with(t + len, whole - len, LIT("報導"))))
			return TOKEN_STOP;
	}
	/* Leading role words inside a value: 本报记者张三. */
	for (j = 0; j < len;) {
		size_t r = scan_role_at(t, len, j);

		if (!r)
			break;
		t += r;
		len -= r;
	}
	if (!len || not_a_name(t, len))
		return TOKEN_NEXT;
	for (j = 0; j < len; j++) {
		unsigned char c = (unsigned char)t[j];

		digits += c >= '0' && c <= '9';
		upper += c >= 'A' && c <= 'Z';
		lower += c >= 'a' && c <= 'z';
	}
	hl = scan_han_run(t, len, 0);
	/* A labelled list with the blanks lost: 执笔人:闵乐夫赵兰波刘韬. */
	if (hl == len && len >= 21 && max_han >= 8) {
		size_t nl[24], nn = scan_names_split(t, len, nl, 24), q, o = 0;

		for (q = 0; q < nn; o += nl[q++])
			list_add(out, t + o, nl[q]);
		if (nn)
			return TOKEN_NEXT;
	}
	if (hl > 0) {
		/* A run of ten or more characters: prose, drop it all. */
		if (hl >= 30)
			return TOKEN_STOP;
		/* A Han name: 2..8 characters; more is a phrase. */
		if (hl < len || len < 6 || len > max_han * 3)
			return TOKEN_NEXT;
		/* Two names run together: 作者:宋怡杨志华. */
		if (hl == len && (sp = scan_name_split(t, len)) != 0) {
			list_add(out, t, sp);
			list_add(out, t + sp, len - sp);
			return TOKEN_NEXT;
		}
	} else {
		if (digits || len < 2 || len > 40)
			return TOKEN_NEXT;
		if (t[0] == '_' || (upper && !lower && len <= 6))
			return TOKEN_NEXT;	/* editor codes: _NB1, PK */
	}
	list_add(out, t, len);
	return TOKEN_NEXT;
}

/*
 * Split a people value into names: separators 、,;&/ and spaces; padded
 * two-character names "许 婷" joined; codes such as PK155 or _NB1 dropped.
 */
void
add_names(struct meta_list *out, const char *s, size_t n, size_t max_han)
{
	const char *tok[24];
	size_t tl[24];
	size_t nt, k;

	n = trim_value_end(s, n);
	if (!latin_names(out, s, n))
		return;
	/* "赵培:北京物资学院,北京": the name, then an affiliation. */
	{
		const char *c = memchr(s, ':', n);

		if (c)
			n = (size_t)(c - s);
	}
	/* A quotation or a question after 记者: is speech, not a name. */
	if (n >= 3 && (memcmp(s, "“", 3) == 0 || s[0] == '"'))
		return;
	nt = name_tokens(s, n, tok, tl, 24);
	for (k = 0; k < nt; k++) {
		const char *t = tok[k];
		size_t len = tl[k];

		if (out->n > 0 && other_credit(t, len))
			break;
		/* A counter, "阅读(1660)", is not a name. */
		if (t + len < s + n && t[len] == '(' && t + len + 1 < s + n &&
		    t[len + 1] >= '0' && t[len + 1] <= '9')
			continue;
		/* 许 婷: two single characters make one name. */
		if (len == 3 && scan_is_han_lead((unsigned char)t[0]) && k + 1 < nt &&
		    tl[k + 1] == 3 && scan_is_han_lead((unsigned char)tok[k + 1][0])) {
			char joined[6];

			memcpy(joined, t, 3);
			memcpy(joined + 3, tok[k + 1], 3);
			list_add(out, joined, 6);
			k++;
			continue;
		}
		if (add_token(out, t, len, max_han) == TOKEN_STOP)
			break;
	}
}

/* "Staff Writer", "Correspondent": a role after a name, not an outlet. */
int
latin_role(const char *s, size_t n)
{
	static const char *const w[] = { "staff", "writer", "writers", "reporter",
		"reporters", "correspondent", "editor", "editors", "contributor",
		"columnist", "photographer", "desk", "team" };
	size_t k, j, wl;

	for (k = 0; k < sizeof(w) / sizeof(w[0]); k++) {
		wl = strlen(w[k]);
		if (n < wl || (n > wl && s[n - wl - 1] != ' '))
			continue;
		for (j = 0; j < wl && (s[n - wl + j] | 0x20) == w[k][j]; j++)
			;
		if (j == wl)
			return 1;
	}
	return 0;
}

/*
 * The outlet in an English byline's value, "JANE DOE, Associated Press",
 * "USA TODAY": the first item that is an organisation, not a role.  Stores
 * its start and length; 0 when there is none or the value is not Latin.
 */
int
latin_outlet(const char *s, size_t n, size_t *start, size_t *len)
{
	size_t i, a = 0, b;

	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80)
			return 0;
	for (i = 0; i <= n; i++) {
		if (i < n && s[i] != ',' && s[i] != '|' && s[i] != ';')
			continue;
		for (b = i; b > a && s[b - 1] == ' '; b--)
			;
		while (a < b && s[a] == ' ')
			a++;
		if (b > a && s[a] >= 'A' && s[a] <= 'Z' && org_name(s + a, b - a) &&
		    !latin_role(s + a, b - a) && !credential(s + a, b - a)) {
			*start = a;
			*len = b - a;
			return 1;
		}
		a = i + 1;
	}
	return 0;
}
