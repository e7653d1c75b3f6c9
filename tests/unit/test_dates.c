/*
 * test_dates.c - unit tests for extract-meta's date grammar in the
 * languages beyond Chinese and English (issue 16): each string is cut
 * from a dev page of ../shared/corpora/meta-pages (its name in the
 * comment) or states the form a language's grammar gives it.
 */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "date.h"
#include "tap.h"
#include "datecheck.h"

static void
test_german(void)
{
	check_date("gedachte Deutschland am 27. Januar 2022 der vielen", "2022-01-27"); /* bundesrat */
	check_date("    24. Februar 2009 um 19:44", "2009-02-24T19:44");
	check_date("        19. Oktober 2019 um 21:04 Uhr", "2019-10-19T21:04");
	check_date("  • Donnerstag, 03. März 2022 - 19:05", "2022-03-03T19:05");
	check_date("18. Feb 2021 // Sonstiges", "2021-02-18");
	check_date("9. September 2025 um 15:46 Uhr / Frank", "2025-09-09T15:46"); /* golem */
	check_date("    24.04.2024 • 11:31 Uhr", "2024-04-24T11:31");	/* sportschau */
	check_date("Regional Osnabrück | 17.06.2025 | 15:00 Uhr", "2025-06-17T15:00"); /* ndr */
	check_date("  • 09.12.2020 – 12:53", "2020-12-09T12:53");
	check_date("Do 25.04.24 | 14:07 Uhr | Von Eva", "2024-04-25T14:07");	/* rbb24 */
	check_date("Anmeldedatum 26.10.13", "2013-10-26");
	check_date("  • 22.09.19TechTicker: Saftpäck", "2019-09-22");
	check_date("01. 11. 2023", "2023-11-01");
	check_date("20.01.2020", "2020-01-20");
	check_date("am 20.01.2020 um 14.52 Uhr", "2020-01-20T14:52");
	check_date("veröffentlicht am Januar 20, 2022", "2022-01-20");
	check_date("Mai 21 2019, 14:34 | Medien, Politik", "2019-05-21T14:34");
	check_date("21.dez.2018", "2018-12-21");
	check_date("26. Mai, 2008", "2008-05-26");
	/* D.M.YY with a time: a one-digit day, a place w3m ran into it. */
	check_date("1.11.23 20:19 von Lars Sobiraj Lesezeit: 4 Min.", "2023-11-01T20:19"); /* tarnkappe */
	check_date("dpaMM-Redaktion Palma, Mallorca15.04.25 09:56", "2025-04-15T09:56"); /* mallorcamagazin */
	/* w3m ran the time onto D.M.YY: a year has no ':' and minutes after it. */
	check_date("macbacchi28.09.1912:44", "2019-09-28T12:44"); /* mactechnews */
	check_date("28.09.2019 12:44", "2019-09-28T12:44");
	/* A post's date run into its update's: the first is whole. */
	check_date("Posted on28. Juli 201928. Juli 2019Author", "2019-07-28"); /* rete-mirabile */
	check_date("am 3. Mai 20193 Kommentare", NULL);
	/* Not dates: version numbers, decimals. */
	check_date("/tomcat/apache-tomcat-8.5.42 -Djava", NULL);
	check_date("Version 8.5.12", NULL);
	check_date("tomcat-8.5.42 12:00", NULL);
	check_date("v1.10.23 12:00", NULL);
	check_date("Version 10.11.12.3", NULL);
	check_date("Es kostet 12.50 Euro", NULL);
}

static void
test_romance(void)
{
	check_date("10 février 2020", "2020-02-10");		/* regards.fr */
	check_date("1 mars 2019 à 12:54", "2019-03-01T12:54");
	check_date("Mis à jour le 2 nov. 2023 à 16:16", "2023-11-02T16:16"); /* lesechos */
	check_date("le 1er mars 2020", "2020-03-01");
	check_date("publié le 1er mars à 14h52", "--03-01T14:52");
	check_date("16/06/2020 12h57", "2020-06-16T12:57");	/* gl-hd-1643070775 */
	check_date("El Deporte martes, 22 de diciembre de 2020", "2020-12-22");
	check_date("15 de Abril de 2020 | 16:05", "2020-04-15T16:05");
	check_date("Domingo, Diciembre 6, 2020 - 07:32", "2020-12-06T07:32");
	check_date("11 de Outubro de 2020, 8:34", "2020-10-11T08:34");
	check_date("Marco Pizzorno 4 Febbraio 2025 - 14:41", "2025-02-04T14:41");
	check_date("Unica.md, 20 septembrie 2020 16:20", "2020-09-20T16:20");
	check_date("Senin 4 Mei 2020, Operasi Hitung", "2020-05-04");	/* id, nl */
}

static void
test_other_scripts(void)
{
	check_date("24 августа 2021ТОП-10 моментів", "2021-08-24");
	check_date("13 января 2020 г.", "2020-01-13");
	check_date("    7 sierpnia 2020, 15:33", "2020-08-07T15:33");
	check_date("19 Αυγούστου 2020 9:02 μμ", "2020-08-19T09:02");
	check_date("Helsingissä 10. helmikuuta 2020.", "2020-02-10");
	check_date("30 Ekim 2020 Cuma 18:28", "2020-10-30T18:28");
	check_date("Temetése 2020. augusztus 19-én, 10.45 órakor", "2020-08-19");
	check_date("2020. február 17.", "2020-02-17");
	check_date("Olvasói szavazás 2020. 06. 04. 11:27", "2020-06-04T11:27");
	check_date("    2018. 11. 23", "2018-11-23");
	check_date("입력2023.11.02. 오후 8:06", "2023-11-02T20:06");
	check_date("등록일자 : 2009년 1월16일 | 발행", "2009-01-16");
}

static void
test_japanese(void)
{
	check_date("2019年6月24日", "2019-06-24");
	check_date("2019年3月5日(火) 08時15分", "2019-03-05T08:15");
	check_date("令和元年6月24日", "2019-06-24");
	check_date("令和2年3月4日 14時52分", "2020-03-04T14:52");
	check_date("(平成30年5月23日公布", "2018-05-23");
	check_date("平成31年4月", "2019-04");
	check_date("2019.2.28 Thu 8:15", "2019-02-28T08:15");
	check_date("2019.2.4(月) 8:37", "2019-02-04T08:37");
	check_date("平和な年", NULL);
}

static void
test_english_glued(void)
{
	check_date("By Craig HaleDecember 22, 2023", "2023-12-22");
	check_date("updatedSep 4, 2023", "2023-09-04");
	check_date("Oct 24, 2019 at2:56 pm | By Dru", "2019-10-24T14:56");
	check_date("Updated: Nov 8, 2023 / 02:40 PM CST", "2023-11-08T14:40");
	check_date("posted on April 21, 2015, at 11:29 a.m.", "2015-04-21T11:29");
	check_date("Washington Post, Posted: July 18, 2020- 4:01 PM", "2020-07-18T16:01");
	check_date("March 3, 2021 @ 2pm", "2021-03-03T14:00");
	check_date("March 3, 2021 — 14:52", "2021-03-03T14:52");
	check_date("23/04/2020 at 8:51 am", "2020-04-23T08:51");
	check_date("Mayor Smith", NULL);
}

int
main(void)
{
	test_german();
	test_romance();
	test_other_scripts();
	test_japanese();
	test_english_glued();
	return done_testing();
}
