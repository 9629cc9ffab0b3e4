/* test_clean.c - text loading and debris (src/clean.c): UTF-8 repair that
 * keeps byte offsets, rejection of binary data, the line rules for scraping
 * debris (and the news sentences they must leave alone), and the dateline.
 * All texts are made up for these tests. */
#include "../../src/doc.h"
#include "th.h"

#include <stdio.h>

/* ---- text loading ------------------------------------------------------- */

static void test_utf8_repair(void)
{
    dy_doc d;
    dy_err err;
    dy_doc_init(&d);

    /* valid text is copied as is: 2-, 3- and 4-byte sequences */
    const char ok[] = "Caf\xC3\xA9 \xE2\x82\xAC 5 \xF0\x9F\x98\x80 \xE2\x80\x9Cq\xE2\x80\x9D\tx\r\ny";
    CHECK_INT(dy_text_load(&d, ok, sizeof ok - 1, &err), 0);
    CHECK_INT(d.len, sizeof ok - 1);
    CHECK_INT(d.repaired, 0);
    CHECK(memcmp(d.text, ok, sizeof ok - 1) == 0);
    CHECK_INT(d.text[d.len], 0);

    /* invalid bytes become spaces one for one, and are counted */
    dy_doc_reset(&d);
    const char bad[] = "abc\xFF" "def\xC3";          /* stray byte, truncated */
    CHECK_INT(dy_text_load(&d, bad, sizeof bad - 1, &err), 0);
    CHECK_INT(d.len, 8);
    CHECK_STR(d.text, "abc def ");
    CHECK_INT(d.repaired, 2);

    dy_doc_reset(&d);
    const char over[] = "a\xC0\xAF" "b\xED\xA0\x80" "c\xF4\x90\x80\x80" "d\x80" "e";
    /* overlong, surrogate, above U+10FFFF, lone continuation byte */
    CHECK_INT(dy_text_load(&d, over, sizeof over - 1, &err), 0);
    CHECK_INT(d.len, sizeof over - 1);
    CHECK_STR(d.text, "a  b   c    d e");
    CHECK_INT(d.repaired, 10);

    /* control bytes and NUL become spaces; tab, CR and LF stay */
    dy_doc_reset(&d);
    const char ctl[] = "x\x01y\x00z\x1B[0m\t\r\n.";
    CHECK_INT(dy_text_load(&d, ctl, sizeof ctl - 1, &err), 0);
    CHECK_INT(d.len, sizeof ctl - 1);
    CHECK(memcmp(d.text, "x y z [0m\t\r\n.", sizeof ctl - 1) == 0);
    CHECK_INT(d.repaired, 3);

    /* an invalid byte before a valid sequence does not eat it */
    dy_doc_reset(&d);
    const char mix[] = "\xE2\x82" "\xC3\xA9";      /* truncated euro, then é */
    CHECK_INT(dy_text_load(&d, mix, sizeof mix - 1, &err), 0);
    CHECK(memcmp(d.text, "  \xC3\xA9", 4) == 0);
    CHECK_INT(d.repaired, 2);

    /* empty text */
    dy_doc_reset(&d);
    CHECK_INT(dy_text_load(&d, "", 0, &err), 0);
    CHECK_INT(d.len, 0);
    CHECK_STR(d.text, "");
    dy_doc_free(&d);
}

static void test_binary(void)
{
    dy_doc d;
    dy_err err;
    char buf[200];
    dy_doc_init(&d);

    /* 100 bytes with 11 bad ones: more than 10% -> binary */
    memset(buf, 'a', sizeof buf);
    for (int i = 0; i < 11; i++)
        buf[i * 9] = (char)0xFF;
    memset(&err, 0, sizeof err);
    CHECK_INT(dy_text_load(&d, buf, 100, &err), DYAD_EINPUT);
    CHECK_INT(err.code, DYAD_EINPUT);
    CHECK(strstr(err.msg, "binary") != NULL);
    CHECK(strstr(err.msg, "11 of 100") != NULL);

    /* 10 bad ones in 100: still text, repaired */
    dy_doc_reset(&d);
    memset(buf, 'a', sizeof buf);
    for (int i = 0; i < 10; i++)
        buf[i * 9] = (char)0xFF;
    CHECK_INT(dy_text_load(&d, buf, 100, &err), 0);
    CHECK_INT(d.repaired, 10);

    /* NUL-heavy data (an image, a zip) */
    dy_doc_reset(&d);
    for (int i = 0; i < 200; i++)
        buf[i] = (char)(i * 37 % 256);
    CHECK_INT(dy_text_load(&d, buf, 200, &err), DYAD_EINPUT);

    /* control characters count as bad bytes too */
    dy_doc_reset(&d);
    memset(buf, 'a', sizeof buf);
    for (int i = 0; i < 30; i++)
        buf[i * 3] = '\x02';
    CHECK_INT(dy_text_load(&d, buf, 120, &err), DYAD_EINPUT);

    /* a long text of valid multi-byte characters is not binary */
    dy_doc_reset(&d);
    size_t m = 0;
    while (m + 3 <= sizeof buf) {
        memcpy(buf + m, "\xD0\x96", 2);            /* Ж */
        m += 2;
    }
    CHECK_INT(dy_text_load(&d, buf, m, &err), 0);
    CHECK_INT(d.repaired, 0);
    dy_doc_free(&d);
}

/* ---- debris ------------------------------------------------------------- */

static dy_doc cl_doc;
static char cl_out[4096];

/* Run the cleaner on text and render the debris as "kind[text]" items,
 * separated by spaces. */
static const char *debris(const char *text)
{
    dy_err err;
    dy_doc_init(&cl_doc);
    cl_out[0] = 0;
    if (dy_text_load(&cl_doc, text, strlen(text), &err) || dy_clean(&cl_doc)) {
        dy_doc_free(&cl_doc);
        return "(error)";
    }
    size_t m = 0;
    for (size_t i = 0; i < cl_doc.ndebris; i++) {
        const dy_range *r = &cl_doc.debris[i];
        CHECK(r->beg < r->end && r->end <= cl_doc.len);
        if (i > 0)
            CHECK(r->beg > cl_doc.debris[i - 1].end);
        m += (size_t)snprintf(cl_out + m, sizeof cl_out - m, "%s%s[%.*s]",
                              i ? " " : "", dy_debris_name(r->kind),
                              (int)(r->end - r->beg), text + r->beg);
        if (m >= sizeof cl_out)
            break;
    }
    dy_doc_free(&cl_doc);
    return cl_out;
}

static void test_debris_kinds(void)
{
    CHECK_STR(dy_debris_name(DY_DEBRIS_LINK), "link");
    CHECK_STR(dy_debris_name(DY_DEBRIS_DATELINE), "dateline");
    CHECK_STR(dy_debris_name(0), "");
    CHECK_STR(dy_debris_name(99), "");

    CHECK_STR(debris("Troops withdrew.\nSee also: Zembla crisis explained\nTalks began."),
              "link[See also: Zembla crisis explained]");
    CHECK_STR(debris("Troops withdrew.\n  Read more  \nTalks began."),
              "link[Read more  ]"); /* from the first non-blank byte */
    CHECK_STR(debris("Troops withdrew.\nRELATED STORIES\nTalks began."),
              "link[RELATED STORIES]");
    CHECK_STR(debris("Troops withdrew.\nTags: Zembla, war, talks\n"),
              "link[Tags: Zembla, war, talks]");
    CHECK_STR(debris("Troops withdrew.\nShare this article\nTalks began."),
              "share[Share this article]");
    CHECK_STR(debris("Troops withdrew.\nShare on Facebook\nTwitter\nWhatsApp\nTalks began."),
              "share[Share on Facebook] share[Twitter] share[WhatsApp]");
    CHECK_STR(debris("Troops withdrew.\nSubscribe to our newsletter\nTalks began."),
              "share[Subscribe to our newsletter]");
    CHECK_STR(debris("Troops withdrew.\nAdvertisement\nTalks began."),
              "share[Advertisement]");
    CHECK_STR(debris("Troops withdrew.\nWe use cookies to improve your experience. "
                     "By continuing you accept them.\nTalks began."),
              "cookie[We use cookies to improve your experience. By continuing "
              "you accept them.]");
    CHECK_STR(debris("Troops withdrew.\nBy Jane Doe\nTalks began."),
              "byline[By Jane Doe]");
    CHECK_STR(debris("Troops withdrew.\nBY JANE DOE AND JOHN ROE, ZEMBLA TIMES\nTalks began."),
              "byline[BY JANE DOE AND JOHN ROE, ZEMBLA TIMES]");
    CHECK_STR(debris("Troops withdrew.\nBy Jane Doe and John Roe, Reuters\nTalks began."),
              "byline[By Jane Doe and John Roe, Reuters]");
    CHECK_STR(debris("Troops withdrew.\n(Reporting by Jane Doe; Editing by John Roe)\n"),
              "byline[(Reporting by Jane Doe; Editing by John Roe)]");
    CHECK_STR(debris("Troops withdrew.\nPhoto: Reuters/John Smith\nTalks began."),
              "photo[Photo: Reuters/John Smith]");
    CHECK_STR(debris("Troops withdrew.\n(Photo by John Smith/AFP)\nTalks began."),
              "photo[(Photo by John Smith/AFP)]");
    CHECK_STR(debris("Troops withdrew.\nFILE PHOTO: Troops march in Zemblagrad\nTalks began."),
              "photo[FILE PHOTO: Troops march in Zemblagrad]");
    CHECK_STR(debris("Troops withdrew.\nCopyright 2022 Zembla Times. All rights reserved.\n"),
              "copyright[Copyright 2022 Zembla Times. All rights reserved.]");
    /* BUG: a line starting with the copyright sign (U+00A9, C2 A9) is not
     * found: the line trimming in dy_clean skips any 0xC2 byte (meant for
     * the no-break space C2 A0), so the "\xc2\xa9" rule never sees its
     * first byte; the line is coded as a sentence. */
#if 1 /* fixed */
    CHECK_STR(debris("Troops withdrew.\n\xC2\xA9 2022 Zembla Times\nTalks began."),
              "copyright[\xC2\xA9 2022 Zembla Times]");
#endif
    /* a no-break space before a prompt is trimmed */
    CHECK_STR(debris("Troops withdrew.\n\xC2\xA0Read more\nTalks began."),
              "link[Read more]");
    CHECK_STR(debris("Troops withdrew.\n(c) 2021 Zembla Media\nTalks began."),
              "copyright[(c) 2021 Zembla Media]");
    CHECK_STR(debris("Troops withdrew.\n* * *\n-----\nTalks began."),
              "junk[* * *] junk[-----]");
    /* comment forms: the prompt and everything after it */
    CHECK_STR(debris("Troops withdrew.\nLeave a Reply\nCancel reply\nName\nEmail\n"
                     "Zembla will win. Talks began."),
              "comment[Leave a Reply\nCancel reply\nName\nEmail\n"
              "Zembla will win. Talks began.]");
    CHECK_STR(debris("Troops withdrew.\nYour email address will not be published. "
                     "Required fields are marked *\nMore text."),
              "comment[Your email address will not be published. Required "
              "fields are marked *\nMore text.]");
    /* form fields are whole lines */
    CHECK_STR(debris("Troops withdrew.\nComments\nTalks began."), "comment[Comments]");
    /* nothing in ordinary text */
    CHECK_STR(debris("Troops withdrew.\nTalks began on Monday.\n"), "");
    CHECK_STR(debris(""), "");
}

/* Lines of real news that merely contain (or start with) the prompt words:
 * the cleaner must leave them. */
static void test_news_survives(void)
{
    CHECK_STR(debris("Troops withdrew.\nHe said he would share intelligence with allies.\n"), "");
    CHECK_STR(debris("By Sunday, troops had withdrawn.\nTalks began."), "");
    CHECK_STR(debris("Troops withdrew.\nBy Sunday, troops had withdrawn from the border.\n"), "");
    CHECK_STR(debris("Troops withdrew.\nBy then the talks had failed\n"), "");
    CHECK_STR(debris("Troops withdrew.\nBy a vote of 52 to 48, the Senate approved it.\n"), "");
    CHECK_STR(debris("Troops withdrew.\nThe minister told reporters to read more carefully.\n"), "");
    CHECK_STR(debris("Troops withdrew.\nThe photo by a local resident showed damage.\n"), "");
    CHECK_STR(debris("Troops withdrew.\nOfficials said the cookie policy of the site was illegal.\n"), "");
    CHECK_STR(debris("Troops withdrew.\nThe court said comments are closed until Friday.\n"), "");
    CHECK_STR(debris("Troops withdrew.\nShares in Zembla Oil fell 5 percent on Monday.\n"), "");
    CHECK_STR(debris("Troops withdrew.\nSubscribers to the service were told to leave.\n"), "");
    CHECK_STR(debris("Troops withdrew.\nTweets by the minister were deleted on Monday.\n"), "");
    CHECK_STR(debris("Troops withdrew.\nPhotographers were barred from the site.\n"), "");
    CHECK_STR(debris("Troops withdrew.\nReadmore Ltd, a local firm, denied the report.\n"), "");
    /* BUG: a news sentence that starts with a rule's prompt word is taken
     * for debris whatever follows, as long as the line is shorter than the
     * rule's limit (up to 300-400 bytes): the rules do not check that the
     * line is not a sentence. "Comments are closed" (and the other comment
     * prompts) also drop the rest of the document. */
#if 1 /* fixed */
    CHECK_STR(debris("Troops withdrew.\nCopyright infringement cases rose sharply last "
                     "year, officials said.\n"), "");
    CHECK_STR(debris("Troops withdrew.\nRecommended sanctions were not adopted by the "
                     "council.\n"), "");
    CHECK_STR(debris("Troops withdrew.\nShare this burden, the president told allies on "
                     "Monday.\n"), "");
    CHECK_STR(debris("Troops withdrew.\nPrivacy policy experts criticised the new law on "
                     "Monday.\n"), "");
    CHECK_STR(debris("Troops withdrew.\nComments are closed to the public, the court "
                     "said.\nThe trial resumes on Monday.\n"), "");
    CHECK_STR(debris("Troops withdrew.\nSign up deadlines for the draft were extended, the "
                     "ministry said.\n"), "");
#endif
}

static void test_dateline(void)
{
    dy_err err;
    int y, m, dd;

    const char *t1 = "ZEMBLAGRAD, Jan 3 (Reuters) - Zemblan troops attacked the post.";
    dy_doc_init(&cl_doc);
    CHECK_INT(dy_text_load(&cl_doc, t1, strlen(t1), &err), 0);
    CHECK_INT(dy_clean(&cl_doc), 0);
    CHECK_INT(cl_doc.ndebris, 1);
    if (cl_doc.ndebris == 1) {
        CHECK_INT(cl_doc.debris[0].kind, DY_DEBRIS_DATELINE);
        CHECK_INT(cl_doc.debris[0].beg, 0);
        CHECK_INT(cl_doc.debris[0].end, strstr(t1, "Zemblan") - t1);
    }
    CHECK(cl_doc.dateline_days >= 0);
    dy_ymd_from_days(cl_doc.dateline_days, &y, &m, &dd);
    CHECK_INT(m, 1);
    CHECK_INT(dd, 3);
    /* a date without a year lies within a year of today */
    CHECK(cl_doc.dateline_days <= dy_today() + 190 &&
          cl_doc.dateline_days >= dy_today() - 560);
    CHECK_INT(cl_doc.dateline_place_beg, 0);
    CHECK_INT(cl_doc.dateline_place_len, 10);
    dy_doc_free(&cl_doc);

    /* after a headline; with a year */
    const char *t2 = "Zembla shells border\nGENEVA, March 4, 2022 (AFP) - Talks resumed.";
    dy_doc_init(&cl_doc);
    CHECK_INT(dy_text_load(&cl_doc, t2, strlen(t2), &err), 0);
    CHECK_INT(dy_clean(&cl_doc), 0);
    CHECK_INT(cl_doc.ndebris, 1);
    if (cl_doc.ndebris == 1) {
        CHECK_INT(cl_doc.debris[0].kind, DY_DEBRIS_DATELINE);
        CHECK_INT(cl_doc.debris[0].beg, strstr(t2, "GENEVA") - t2);
        CHECK_INT(cl_doc.debris[0].end, strstr(t2, "Talks") - t2);
    }
    char iso[11];
    dy_format_date(cl_doc.dateline_days, iso);
    CHECK_STR(iso, "2022-03-04");
    CHECK(memcmp(cl_doc.text + cl_doc.dateline_place_beg, "GENEVA", 6) == 0);
    CHECK_INT(cl_doc.dateline_place_len, 6);
    dy_doc_free(&cl_doc);

    /* a place and an agency, no date */
    const char *t3 = "ZEMBLAGRAD (AP) \xE2\x80\x94 The president spoke.";
    dy_doc_init(&cl_doc);
    CHECK_INT(dy_text_load(&cl_doc, t3, strlen(t3), &err), 0);
    CHECK_INT(dy_clean(&cl_doc), 0);
    CHECK_INT(cl_doc.ndebris, 1);
    if (cl_doc.ndebris == 1)
        CHECK_INT(cl_doc.debris[0].end, strstr(t3, "The") - t3);
    CHECK_INT(cl_doc.dateline_days, -1);
    CHECK_INT(cl_doc.dateline_place_len, 10);
    dy_doc_free(&cl_doc);

    /* no dateline in an ordinary first sentence */
    CHECK_STR(debris("Zemblagrad said on Monday it would respond."), "");
    const char *t4 = "Zemblagrad said on Monday it would respond.";
    dy_doc_init(&cl_doc);
    CHECK_INT(dy_text_load(&cl_doc, t4, strlen(t4), &err), 0);
    CHECK_INT(dy_clean(&cl_doc), 0);
    CHECK_INT(cl_doc.dateline_days, -1);
    dy_doc_free(&cl_doc);
    /* only the first body paragraph can hold it */
    CHECK_STR(debris("Troops withdrew.\nGENEVA, March 4, 2022 (AFP) - Talks resumed."), "");
    /* debris before the dateline: still found */
    CHECK_STR(debris("By Jane Doe\nGENEVA, March 4, 2022 (AFP) - Talks resumed."),
              "byline[By Jane Doe] dateline[GENEVA, March 4, 2022 (AFP) - ]");
}

void suite_clean(void)
{
    test_utf8_repair();
    test_binary();
    test_debris_kinds();
    test_news_survives();
    test_dateline();
}
