/*
 * pline.h - a line of the page splitter's window as each of its stages
 * sees it: what kind of line it is (classes from the lexicon and from its
 * layout), how it is laid out, the word links across the gaps about it,
 * and its score as a page's first line.  Types and constants only, so
 * that the stages (pageline.c, links.c, pagefeatures.c, window.c,
 * decoder.c) share one record without depending on each other.
 */
#ifndef PLINE_H
#define PLINE_H

#include <stddef.h>
#include <stdint.h>

/* Line classes, the bits of pline.cls. */
enum {
	L_COPY = 1 << 0,	/* copyright, ICP licence, all rights reserved */
	L_FOOT = 1 << 1,	/* privacy, terms, contact us, back to top, ... */
	L_TOP = 1 << 2,		/* log in, subscribe, skip to content, logo, ... */
	L_CRUMB = 1 << 3,	/* 当前位置 / Home > ... */
	L_BLANK = 1 << 4,	/* white space only */
	L_EMPTY = 1 << 5,	/* no bytes at all before the newline */
	L_BULLET = 1 << 6,	/* a list item: • □ ● ◆ · */
	L_PIXEL = 1 << 7,	/* a lone "*", or an image placeholder "[...]" */
	L_SENTENCE = 1 << 8,	/* ends like a sentence */
	L_PIECE = 1 << 9,	/* a piece of a line too long to hold */
	L_HOME = 1 << 10,	/* 首页 / home: navigation */
	L_SKIP = 1 << 11,	/* skip links: only ever at the very top */
	L_END = 1 << 12,	/* share, comments, more, back: article ends */
	L_LONE = 1 << 13,	/* one short ASCII token: a tracker's image */
	L_GLUED = 1 << 14,	/* begins inside a line, at a cue: see tokens.h */
	L_BYLINE = 1 << 15,	/* 来源 / 作者 / 发布时间 / By / Published: a head */
	L_RELATED = 1 << 16,	/* 相关阅读 / 推荐 / Related: lists at the foot */
	L_CONTACT = 1 << 17,	/* 电话 / 地址 / 邮箱 / E-mail: the foot's contact */
};
#define NCLASSES 18

/*
 * How a line is laid out, the bits of pline.style.  Pages from different
 * sites are rendered differently (indented or not, padded to a width,
 * mostly CJK or mostly Latin, bulleted lists, image placeholders), so
 * where the mix changes is where one page meets the next.
 */
enum {
	S_INDENT,		/* starts with white space */
	S_PADDED,		/* ends with white space */
	S_EMPTY,		/* no bytes */
	S_CJK,			/* more CJK characters than Latin letters */
	S_BULLET,		/* a list item */
	S_IMAGE,		/* starts with "[" */
	S_WIDE,			/* 70 bytes or more */
	S_NBITS
};

/* The roles of pline.role. */
enum { R_HEAD, R_FOOT, NROLES };

/* The sums of word links kept per gap (see links.h). */
enum { X_NEAR, X_FAR, X_RARE, X_TINY, NLINKS };

#define NATTRS 12		/* attribute bits of a line, see pl_attrs() */

struct pline {
	size_t off, len;	/* in the window text, newline included */
	unsigned cls;
	unsigned chars;		/* characters, white space excluded */
	double score;
	unsigned style;		/* S_* bits */
	unsigned width;		/* bytes, at most 200 */
	unsigned char indent;	/* leading white space, at most 15 */
	unsigned char box;	/* starts with box drawing (a table's border) */
	unsigned char latin;	/* more Latin letters than CJK characters */
	unsigned digits;	/* ASCII digits */
	unsigned attr;		/* NATTRS bits, see pl_attrs() */
	unsigned char items;	/* fields parted by white space or '|', at most 255 */
	/* With L_GLUED: the text before it, in its line, ends as text does
	   before a page's start (pw_text_ends()), not only at a cue. */
	unsigned char after_text;
	uint32_t rbits;		/* its role bits, pagerole.h */
	/*
	 * Log-odds that the line is of a page's head (R_HEAD: site name,
	 * navigation, breadcrumb, headline, byline) and of its foot (R_FOOT:
	 * related lists, copyright, licences, contact, footer links) rather
	 * than anything else: pagerole.h, set by the decoder once the line
	 * after it has joined.
	 */
	float role[2];
	/* Running sums of the S_* bits and width over the lines up to this. */
	uint32_t cum[S_NBITS + 1];
	/*
	 * Links (see links.h) by the gaps they span: lin[] starts at the gap
	 * before this line, lout[] ends at the gap after it; cross[] is the sum
	 * over the gap before this line, set when it is scored.
	 */
	float lin[NLINKS], lout[NLINKS], cross[NLINKS];
	/* Running sums of its words and of those new (not in NOVEL lines). */
	uint32_t cwords, cnovel;
	/*
	 * Lines from this one back to the nearest line not blank (0: this
	 * one), and on to the next such line (set when it joins); NB_NONE
	 * where there is none within NB_NONE - 1 lines, or not yet.  The
	 * features step over blank lines by them, and read the classes they
	 * count from fur (pagefeatures.c, FUR()).
	 */
	unsigned char nb_back, nb_fwd, fur;
	/*
	 * recur.h: the pair of the non-blank line before and this one was
	 * met before in the stream (rseen), within RECUR_NEAR non-blank
	 * lines (rnear); the pairs met before in a row up to the line before
	 * (rback), the near ones (rnback), at most RECUR_RUN.  0 for a blank
	 * line.  rhash: the
	 * fingerprint of its text as it joined (rec_line(), UTF-8 whatever the
	 * dump's charset), not set for a blank line.
	 */
	unsigned char rseen, rnear, rback, rnback;
	uint32_t rhash;
};
#define NB_NONE 255

#endif
