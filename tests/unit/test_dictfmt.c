/* test_dictfmt.c - dyad's dictionary format (src/dict_dyad.c) through the
 * public API: every kind of block and attribute, the "file:line: reason"
 * of every error, dated roles in dyad_dict_lookup, and the case guard.
 * The dictionaries are small made-up ones written to a temporary folder
 * (Zembla, Quuxia and their people do not exist). */
#include "../../src/dy.h"
#include "th.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static char df_dir[64];
static char df_path[192];
static char df_buf[4096];
static int df_have_tagger = -1;

static const char *dpath(const char *name)
{
    snprintf(df_path, sizeof df_path, "%s/%s", df_dir, name);
    return df_path;
}

static const char *wdict(const char *name, const char *text)
{
    const char *p = dpath(name);
    FILE *f = fopen(p, "wb");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
    return p;
}

/* The full dictionary: every block and attribute. */
static const char full_dict[] =
    "# a test dictionary\n"                                         /* 1 */
    "\n"                                                            /* 2 */
    "%dyad-dict 1\n"                                                /* 3 */
    "country ZZL Zembla   # trailing comment\n"                     /* 4 */
    "  name Republic of Zembla; Zemblia\n"                          /* 5 */
    "  adj Zemblan\n"                                               /* 6 */
    "  people Zemblans\n"                                           /* 7 */
    "  capital Zemblagrad\n"                                        /* 8 */
    "  seat Palace of Winds\n"                                      /* 9 */
    "\tinst LEG Zemblan Diet; Diet of Zembla\n"                     /* 10 */
    "  inst MIL Zemblan Guard\n"                                    /* 11 */
    "country QQX Quuxia\n"                                          /* 12 */
    "  adj Quuxian\n"                                               /* 13 */
    "  role QQY 1800-01-01..1899-12-31\n"                           /* 14 */
    "actor IGOZZU Zembla Union\n"                                   /* 15 */
    "  name ZU; Z.U.\n"                                             /* 16 */
    "  adj ZU\n"                                                    /* 17 */
    "  role IGOZZA 2020-01-01..2020-12-31\n"                        /* 18 */
    "person Karl Ostrander\n"                                       /* 19 */
    "  name Ostrander; Karl Ostrandr\n"                             /* 20 */
    "  role ZZLGOV 2019-01-01..2021-06-30 president\n"              /* 21 */
    "  role ZZLMIL 2021-07-01..2023-12-31 chief of staff\n"         /* 22 */
    "  else ZZLELI\n"                                               /* 23 */
    "person Mira Vance\n"                                           /* 24 */
    "  role QQXGOV 2020-01-01..\n"                                  /* 25 */
    "agent MIL military\n"                                          /* 26 */
    "  noun soldier; armed forces; militia\n"                       /* 27 */
    "  plural troops; servicemen\n"                                 /* 28 */
    "agent GOV government\n"                                        /* 29 */
    "  noun minister; official\n"                                   /* 30 */
    "verb attack\n"                                                 /* 31 */
    "  190 *\n"                                                     /* 32 */
    "  195 * + with @weapon id=attack-weapon\n"                     /* 33 */
    "  --- * responsibility\n"                                      /* 34 */
    "verb meet\n"                                                   /* 35 */
    "  forms meets; met; meeting\n"                                 /* 36 */
    "  syn confer (confers; conferred; conferring); sit down with\n"/* 37 */
    "  040:040 * with +\n"                                          /* 38 */
    "  042:043 $ * +\n"                                             /* 39 */
    "verb pull out\n"                                               /* 40 */
    "  0872 * of +\n"                                               /* 41 */
    "noun talks\n"                                                  /* 42 */
    "  plural talks\n"                                              /* 43 */
    "  040:040 * with +\n"                                          /* 44 */
    "  046 * between $ and +\n"                                     /* 45 */
    "set @weapon\n"                                                 /* 46 */
    "  word drone; missile; heavy artillery\n"                      /* 47 */
    "code 190 -10 4 ASSAULT// Use conventional military force\n"    /* 48 */
    "code 040 1 1 CONSULT/visit/ Consult\n"                         /* 49 */
    "code 1312 -5.8 3 THREATEN//economic Threaten with sanctions\n" /* 50 */
    "discard sentence football match\n"                             /* 51 */
    "discard story box office\n";                                   /* 52 */

/* The value of "key N" in the stats text. */
static long stat_of(const char *stats, const char *key)
{
    char pat[64];
    snprintf(pat, sizeof pat, "%s ", key);
    size_t kl = strlen(pat);
    for (const char *p = stats; p && *p;) {
        if (strncmp(p, pat, kl) == 0)
            return strtol(p + kl, NULL, 10);
        p = strchr(p, '\n');
        if (p)
            p++;
    }
    return -1;
}

static dyad_dict *load_full(void)
{
    dyad_dict *d = NULL;
    CHECK_INT(dyad_dict_new(&d), DYAD_OK);
    if (!d)
        return NULL;
    int s = dyad_dict_load(d, wdict("full.dyad", full_dict));
    CHECK_INT(s, DYAD_OK);
    if (s)
        fprintf(stderr, "    (%s)\n", dyad_dict_errmsg(d));
    s = dyad_dict_finish(d);
    if (s) {
        if (df_have_tagger < 0) {
            df_have_tagger = 0;
            th_skip("dictionary not finished (tagger lexicon missing?)");
        }
        dyad_dict_free(d);
        return NULL;
    }
    df_have_tagger = 1;
    return d;
}

/* The readings of text on date as "CODE=text" items joined by ", ". */
static const char *look(dyad_dict *d, const char *text, const char *date)
{
    const char *res = NULL;
    size_t n = dyad_dict_lookup(d, text, date, &res);
    size_t m = 0;
    df_buf[0] = 0;
    size_t lines = 0;
    for (const char *p = res; p && *p;) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        const char *t1 = memchr(p, '\t', len);
        const char *t2 = t1 ? memchr(t1 + 1, '\t', len - (size_t)(t1 + 1 - p)) : NULL;
        if (t1 && t2)
            m += (size_t)snprintf(df_buf + m, sizeof df_buf - m, "%s%.*s=%.*s",
                                  lines ? ", " : "", (int)(t1 - p), p,
                                  (int)(t2 - t1 - 1), t1 + 1);
        lines++;
        if (!nl || m >= sizeof df_buf)
            break;
        p = nl + 1;
    }
    CHECK_INT(lines, n);
    return df_buf;
}

static void test_full(void)
{
    dyad_dict *d = load_full();
    if (!d)
        return;
    const char *st = dyad_dict_stats(d);
    CHECK_INT(stat_of(st, "files"), 1);
    CHECK_INT(stat_of(st, "countries"), 2);
    CHECK_INT(stat_of(st, "actors"), 1);
    CHECK_INT(stat_of(st, "persons"), 2);
    CHECK_INT(stat_of(st, "roles"), 5);
    CHECK_INT(stat_of(st, "agents"), 2);
    CHECK_INT(stat_of(st, "names"), 11);
    CHECK_INT(stat_of(st, "adjectives"), 3);
    CHECK_INT(stat_of(st, "capitals"), 1);
    CHECK_INT(stat_of(st, "seats"), 1);
    CHECK_INT(stat_of(st, "institutions"), 3);
    CHECK_INT(stat_of(st, "peoples"), 1);
    CHECK_INT(stat_of(st, "verbs"), 5);       /* attack meet confer sit-down-with pull-out */
    CHECK_INT(stat_of(st, "verb_patterns"), 10);
    CHECK_INT(stat_of(st, "nouns"), 1);
    CHECK_INT(stat_of(st, "noun_patterns"), 2);
    CHECK_INT(stat_of(st, "patterns"), 12);
    CHECK_INT(stat_of(st, "sets"), 1);
    CHECK_INT(stat_of(st, "set_members"), 3);
    CHECK_INT(stat_of(st, "codes"), 3);
    CHECK_INT(stat_of(st, "discards"), 1);
    CHECK_INT(stat_of(st, "story_discards"), 1);
    CHECK_INT(stat_of(st, "warnings"), 0);
    CHECK_INT(dyad_dict_warning_count(d), 0);
    CHECK(stat_of(st, "agent_nouns") >= 10);

    /* every kind of phrase, looked up */
    CHECK_STR(look(d, "Zembla", "2022-01-01"), "ZZL=Zembla");
    CHECK_STR(look(d, "the Republic of Zembla", "2022-01-01"), "ZZL=the Republic of Zembla");
    CHECK_STR(look(d, "Zemblia", "2022-01-01"), "ZZL=Zemblia");
    CHECK_STR(look(d, "Zemblans", "2022-01-01"), "ZZLCVL=Zemblans");
    CHECK_STR(look(d, "Zemblagrad", "2022-01-01"), "ZZLGOV=Zemblagrad");
    CHECK_STR(look(d, "the Palace of Winds", "2022-01-01"), "ZZLGOV=the Palace of Winds");
    CHECK_STR(look(d, "the Zemblan Diet", "2022-01-01"), "ZZLLEG=the Zemblan Diet");
    CHECK_STR(look(d, "the Diet of Zembla", "2022-01-01"), "ZZLLEG=the Diet of Zembla");
    CHECK_STR(look(d, "the Zemblan Guard", "2022-01-01"), "ZZLMIL=the Zemblan Guard");
    /* adjective + agent noun, generated and given plurals */
    CHECK_STR(look(d, "Zemblan soldiers", "2022-01-01"), "ZZLMIL=Zemblan soldiers");
    CHECK_STR(look(d, "Quuxian troops", "2022-01-01"), "QQXMIL=Quuxian troops");
    CHECK_STR(look(d, "Zemblan servicemen", "2022-01-01"), "ZZLMIL=Zemblan servicemen");
    CHECK_STR(look(d, "Quuxian militias", "2022-01-01"), "QQXMIL=Quuxian militias");
    CHECK_STR(look(d, "Zemblan ministers", "2022-01-01"), "ZZLGOV=Zemblan ministers");
    /* BUG: FORMAT.md says an actor's `adj` combines with an agent noun as a
     * country's does ("NATO troops" -> IGOWSTNATMIL), but chunk.c takes
     * any code longer than three letters for one that already has a
     * sector (code_has_agent), so "ZU troops" is IGOZZA, without MIL. */
#if 1 /* fixed */
    CHECK_STR(look(d, "ZU troops", "2020-06-01"), "IGOZZAMIL=ZU troops");
#endif
    CHECK_STR(look(d, "Zemblan troops of ZU", "2021-06-01"), "ZZLMIL=Zemblan troops, IGOZZU=ZU");
    /* accents are folded */
    CHECK_STR(look(d, "Z\xC3\xA9mbla", "2022-01-01"), "ZZL=Z\xC3\xA9mbla");
    /* a country's dated role */
    CHECK_STR(look(d, "Quuxia", "1850-06-01"), "QQY=Quuxia");
    CHECK_STR(look(d, "Quuxia", "1950-06-01"), "QQX=Quuxia");
    /* not an actor */
    CHECK_STR(look(d, "the weather", "2022-01-01"), "");
    const char *res = NULL;
    CHECK_INT(dyad_dict_lookup(d, "Zembla", "2022-02-30", &res), 0);
    CHECK_STR(res, "");
    /* the entry line names the file and line */
    CHECK_INT(dyad_dict_lookup(d, "Zemblagrad", "2022-01-01", &res), 1);
    CHECK(strstr(res, "full.dyad:4)") != NULL);
    /* a finished dictionary takes no more files */
    CHECK_INT(dyad_dict_load(d, dpath("full.dyad")), DYAD_EINVAL);
    CHECK(strstr(dyad_dict_errmsg(d), "finished") != NULL);
    CHECK_INT(dyad_dict_finish(d), DYAD_OK);
    /* the check reports the patterns whose codes are not in the table */
    const char *report = NULL;
    CHECK(dyad_dict_check(d, &report) >= 4);
    CHECK(report && strstr(report, "full.dyad:33: unknown event code 195\n"));
    CHECK(report && strstr(report, "full.dyad:41: unknown event code 0872\n"));
    CHECK(report && strstr(report, "full.dyad:45: unknown event code 046\n"));
    CHECK(report && strstr(report, "full.dyad:39: unknown event code 043\n"));
    CHECK(report && !strstr(report, "code 190\n") && !strstr(report, "code 040\n"));
    dyad_dict_free(d);
}

/* Code text with d and render its events as "SRC>TGT:CAMEO" items. */
static const char *code_events(dyad_dict *d, const char *text)
{
    dyad_coder *c = NULL;
    df_buf[0] = 0;
    if (dyad_coder_new(&c, d, NULL) != DYAD_OK)
        return "(no coder)";
    dyad_input in;
    memset(&in, 0, sizeof in);
    in.text = text;
    in.text_len = strlen(text);
    in.date = "2022-03-14";
    if (dyad_code(c, &in) == DYAD_OK) {
        size_t m = 0;
        for (size_t i = 0; i < dyad_event_count(c) && m < sizeof df_buf; i++) {
            const dyad_event *e = dyad_event_get(c, i);
            m += (size_t)snprintf(df_buf + m, sizeof df_buf - m, "%s%s>%s:%s", i ? " " : "",
                                  e->source.code, e->target.code, e->cameo);
            if (i == 0 && strcmp(e->pattern, "attack-weapon") == 0)
                m += (size_t)snprintf(df_buf + m, sizeof df_buf - m, "(attack-weapon)");
        }
    }
    dyad_coder_free(c);
    return df_buf;
}

/* The attributes of verb, noun and set blocks, seen through coding. */
static void test_patterns(void)
{
    dyad_dict *d = load_full();
    if (!d)
        return;
    /* a set with a multi-word member; id= names the pattern */
    CHECK_STR(code_events(d, "Zembla attacked Quuxia with heavy artillery."),
              "ZZL>QQX:195(attack-weapon)");
    CHECK_STR(code_events(d, "Zembla attacked Quuxia with drones."),
              "ZZL>QQX:195(attack-weapon)");
    CHECK_STR(code_events(d, "Zembla attacked Quuxia."), "ZZL>QQX:190");
    /* a multi-word verb, inflected on its first word */
    CHECK_STR(code_events(d, "Zemblan troops pulled out of Quuxia."), "ZZLMIL>QQX:0872");
    /* irregular forms of the block verb and of a synonym */
    CHECK_STR(code_events(d, "Ostrander met with Mira Vance."), "ZZLMIL>QQXGOV:040 QQXGOV>ZZLMIL:040");
    CHECK_STR(code_events(d, "Zembla conferred with Quuxia."), "ZZL>QQX:040 QQX>ZZL:040");
    /* a code pair A:B: the second code for the other direction */
    CHECK_STR(code_events(d, "Zembla meets Quuxia."), "ZZL>QQX:042 QQX>ZZL:043");
    /* an event noun */
    CHECK_STR(code_events(d, "Zembla held talks with Quuxia."), "ZZL>QQX:040 QQX>ZZL:040");
    /* discards: the sentence, or the whole story */
    CHECK_STR(code_events(d, "Zembla attacked Quuxia in the football match."), "");
    CHECK_STR(code_events(d, "Zembla attacked Quuxia. The box office reopened."), "");
    CHECK_STR(code_events(d, "The football match ended. Zembla attacked Quuxia."), "ZZL>QQX:190");
    dyad_dict_free(d);
}

static void test_roles(void)
{
    dyad_dict *d = load_full();
    if (!d)
        return;
    /* a person with two roles and an else */
    CHECK_STR(look(d, "Ostrander", "2018-12-31"), "ZZLELI=Ostrander");
    CHECK_STR(look(d, "Ostrander", "2019-01-01"), "ZZLGOV=Ostrander");
    CHECK_STR(look(d, "Ostrander", "2021-06-30"), "ZZLGOV=Ostrander");
    CHECK_STR(look(d, "Ostrander", "2021-07-01"), "ZZLMIL=Ostrander");
    CHECK_STR(look(d, "Karl Ostrander", "2023-12-31"), "ZZLMIL=Karl Ostrander");
    CHECK_STR(look(d, "Karl Ostrander", "2024-01-01"), "ZZLELI=Karl Ostrander");
    CHECK_STR(look(d, "Karl Ostrandr", "2020-01-01"), "ZZLGOV=Karl Ostrandr");
    /* the role is named in the reading */
    const char *res = NULL;
    CHECK_INT(dyad_dict_lookup(d, "Ostrander", "2022-03-01", &res), 1);
    CHECK(strstr(res, "Karl Ostrander (") != NULL);
    CHECK(strstr(res, "full.dyad:22 chief of staff") != NULL);
    CHECK_INT(dyad_dict_lookup(d, "Ostrander", "2020-03-01", &res), 1);
    CHECK(strstr(res, "full.dyad:21 president") != NULL);
    /* an open-ended role and no else: not an actor before it */
    CHECK_STR(look(d, "Mira Vance", "2019-12-31"), "");
    CHECK_STR(look(d, "Mira Vance", "2020-01-01"), "QQXGOV=Mira Vance");
    CHECK_STR(look(d, "Mira Vance", "2099-01-01"), "QQXGOV=Mira Vance");
    /* an actor's dated role overrides its code within the range */
    CHECK_STR(look(d, "the Zembla Union", "2019-12-31"), "IGOZZU=the Zembla Union");
    CHECK_STR(look(d, "Z.U.", "2020-07-01"), "IGOZZA=Z.U.");
    CHECK_STR(look(d, "ZU", "2021-01-01"), "IGOZZU=ZU");
    /* today's date by default */
    CHECK_STR(look(d, "Mira Vance", NULL), "QQXGOV=Mira Vance");
    dyad_dict_free(d);

    /* the role that started last wins when two cover the date */
    d = NULL;
    CHECK_INT(dyad_dict_new(&d), DYAD_OK);
    CHECK_INT(dyad_dict_load(d, wdict("overlap.dyad",
                                      "%dyad-dict 1\n"
                                      "person Lev Arkadin\n"
                                      "  role ZZLGOV 2010-01-01..2030-12-31 minister\n"
                                      "  role ZZLMIL 2015-01-01..2016-12-31 general\n")),
              DYAD_OK);
    if (dyad_dict_finish(d) == DYAD_OK) {
        CHECK_STR(look(d, "Lev Arkadin", "2014-01-01"), "ZZLGOV=Lev Arkadin");
        CHECK_STR(look(d, "Lev Arkadin", "2015-06-01"), "ZZLMIL=Lev Arkadin");
        CHECK_STR(look(d, "Lev Arkadin", "2017-01-01"), "ZZLGOV=Lev Arkadin");
        /* the check reports the overlap with the later role's line */
        const char *report = NULL;
        CHECK_INT(dyad_dict_check(d, &report), 1);
        CHECK(report && strstr(report, "overlap.dyad:4:") != NULL);
        CHECK(report && strstr(report, "overlap") != NULL);
    }
    dyad_dict_free(d);
}

static void test_case_guard(void)
{
    dyad_dict *d = NULL;
    CHECK_INT(dyad_dict_new(&d), DYAD_OK);
    CHECK_INT(dyad_dict_load(d, wdict("guard.dyad",
                                      "%dyad-dict 1\n"
                                      "country TUR Turkey\n"
                                      "  inst LEG Grand National Assembly\n"
                                      "country TCD Chad\n"
                                      "country USA United States\n"
                                      "  name US; U.S.; America\n"
                                      "person Theresa May\n"
                                      "  name May\n"
                                      "  role GBRGOV 2016-07-13..2019-07-24\n"
                                      "actor NGOHOP Hope Alliance\n"
                                      "  name hope\n")),
              DYAD_OK);
    if (dyad_dict_finish(d) != DYAD_OK) {
        dyad_dict_free(d);
        return;
    }
    CHECK_STR(look(d, "Turkey", "2022-01-01"), "TUR=Turkey");
    CHECK_STR(look(d, "TURKEY", "2022-01-01"), "TUR=TURKEY");
    CHECK_STR(look(d, "turkey", "2022-01-01"), "");
    CHECK_STR(look(d, "They ate turkey", "2022-01-01"), "");
    CHECK_STR(look(d, "US", "2022-01-01"), "USA=US");
    CHECK_STR(look(d, "us", "2022-01-01"), "");
    CHECK_STR(look(d, "Us", "2022-01-01"), "");
    CHECK_STR(look(d, "He told us", "2022-01-01"), "");
    CHECK_STR(look(d, "America", "2022-01-01"), "USA=America");
    CHECK_STR(look(d, "May", "2018-01-01"), "GBRGOV=May");
    CHECK_STR(look(d, "He may go", "2018-01-01"), "");
    CHECK_STR(look(d, "Grand National Assembly", "2022-01-01"),
              "TURLEG=Grand National Assembly");
    CHECK_STR(look(d, "grand national assembly", "2022-01-01"), "");
    /* a name written in lower case turns the guard off */
    CHECK_STR(look(d, "hope", "2022-01-01"), "NGOHOP=hope");
    CHECK_STR(look(d, "Chad", "2022-01-01"), "TCD=Chad");
    /* FORMAT.md: the guard applies to words the part-of-speech lexicon
     * knows as common words; "chad" is not one of them, so it is not
     * guarded (a documented limit) */
    CHECK_STR(look(d, "chad", "2022-01-01"), "TCD=chad");
    dyad_dict_free(d);
}

/* One error case: the file content, the line and a part of the reason. */
typedef struct bad {
    const char *text;
    int line;
    const char *reason;
    int at_finish;          /* the error comes from dyad_dict_finish */
} bad;

static const bad bads[] = {
    {"%dyad-dict 1\ncountry ZZL Zembla\n  adj Zemblan\nfrobnicate x\n", 4,
     "unknown keyword 'frobnicate'", 0},
    {"%dyad-dict 1\n# c\n\n  adj Zemblan\n", 4, "indented line outside a block", 0},
    {"%dyad-dict 1\ncountry ZZLX Zembla\n", 2, "bad country code 'ZZLX'", 0},
    {"%dyad-dict 1\ncountry zzl Zembla\n", 2, "bad country code 'zzl'", 0},
    {"%dyad-dict 1\ncountry ZZL\n", 2, "needs a name", 0},
    {"%dyad-dict 1\nactor IG Zembla Union\n", 2, "bad actor code 'IG'", 0},
    {"%dyad-dict 1\nactor IGO_ZZ Zembla Union\n", 2, "bad actor code", 0},
    {"%dyad-dict 1\nagent MI military\n", 2, "bad agent code 'MI'", 0},
    {"%dyad-dict 1\nagent Mil military\n", 2, "bad agent code", 0},
    {"%dyad-dict 1\ncountry ZZL Zembla\n  inst XX Palace\n", 3,
     "bad agent code 'XX' in inst", 0},
    {"%dyad-dict 1\nperson\n", 2, "person needs a name", 0},
    {"%dyad-dict 1\nperson Karl Ostrander\n  role ZZLGOV 2019-13-01..2020-01-01\n", 3,
     "bad date '2019-13-01'", 0},
    {"%dyad-dict 1\nperson Karl Ostrander\n  role ZZLGOV 2019-01-01..2020-02-30\n", 3,
     "bad date '2020-02-30'", 0},
    {"%dyad-dict 1\nperson Karl Ostrander\n  role ZZLGOV 2021-01-01..2020-01-01\n", 3,
     "ends before it starts", 0},
    {"%dyad-dict 1\nperson Karl Ostrander\n  role ZZLGOV 2021-01-01\n", 3,
     "must be FROM..TO", 0},
    {"%dyad-dict 1\nperson Karl Ostrander\n  role zzlgov 2021-01-01..\n", 3,
     "bad actor code 'zzlgov' in role", 0},
    {"%dyad-dict 1\nperson Karl Ostrander\n  else zz\n", 3, "bad actor code 'zz'", 0},
    {"%dyad-dict 1\nperson Karl Ostrander\n  adj Ostranderian\n", 3,
     "unknown attribute 'adj' here", 0},
    {"%dyad-dict 1\nagent MIL military\n  capital X\n", 3, "unknown attribute 'capital'", 0},
    {"%dyad-dict 1\nactor IGOZZU Zembla Union\n  people Zembla Unionists\n", 3,
     "unknown attribute 'people'", 0},
    {"%dyad-dict 1\nset @weapon\n  noun drone\n", 3, "unknown attribute 'noun'", 0},
    {"%dyad-dict 1\nverb attack\n  190 + $\n", 3, "pattern has no '*'", 0},
    {"%dyad-dict 1\nverb attack\n  190 * + *\n", 3, "more than one '*'", 0},
    {"%dyad-dict 1\nverb attack\n  19x * +\n", 3, "bad event code '19x'", 0},
    {"%dyad-dict 1\nverb attack\n  190:abc * +\n", 3, "bad event code '190:abc'", 0},
    {"%dyad-dict 1\nverb attack\n  19999 *\n", 3, "bad event code", 0},
    {"%dyad-dict 1\nverb\n", 2, "verb needs a lemma", 0},
    {"%dyad-dict 1\nverb a b c d e f\n", 2, "bad verb", 0},
    {"%dyad-dict 1\nverb meet\n  syn confer (confers; conferred\n", 3, "missing ')'", 0},
    {"%dyad-dict 1\nset weapon\n", 2, "set name must start with '@'", 0},
    {"%dyad-dict 1\ncode 190 -11 4 ASSAULT// x\n", 2, "bad Goldstein score '-11'", 0},
    {"%dyad-dict 1\ncode 190 ten 4 ASSAULT// x\n", 2, "bad Goldstein score 'ten'", 0},
    {"%dyad-dict 1\ncode 190 -10 5 ASSAULT// x\n", 2, "bad quad class '5'", 0},
    {"%dyad-dict 1\ncode 190 -10 4\n", 2, "missing PLOVER category", 0},
    {"%dyad-dict 1\ncode 1a0 -10 4 ASSAULT// x\n", 2, "bad event code '1a0'", 0},
    {"%dyad-dict 1\ncode --- 0 1 X// x\n", 2, "bad event code '---'", 0},
    {"%dyad-dict 1\ndiscard page football\n", 2, "discard must be", 0},
    {"%dyad-dict 1\ndiscard story\n", 2, "discard needs a phrase", 0},
    {"%dyad-dict 2\n", 1, "unsupported format version '2'", 0},
    {"hello world\n", 1, "not a dictionary file", 0},
    {"%dyad-dict 1\ncountry ZZL Zembla\n  capital Zembla\001grad\n", 3,
     "control character", 0},
    /* code and discard lines end the block before them */
    {"%dyad-dict 1\ncountry ZZL Zembla\ncode 190 -10 4 ASSAULT// x\n  name Zemblia\n", 4,
     "indented line outside a block", 0},
    {"%dyad-dict 1\nverb attack\ndiscard sentence football match\n  190 *\n", 4,
     "indented line outside a block", 0},
    /* CRLF line ends count lines the same way */
    {"%dyad-dict 1\r\ncountry ZZL Zembla\r\n  adj Zemblan\r\n\r\nbogus\r\n", 5,
     "unknown keyword 'bogus'", 0},
    /* a set used but never defined: the line of its first use */
    {"%dyad-dict 1\nset @a\n  word x\nverb attack\n  190 * @a\n  195 * + @b\n  196 * @b\n",
     6, "set '@b' is used but never defined", 1},
};

static void test_errors(void)
{
    for (size_t i = 0; i < DY_ARRAY_LEN(bads); i++) {
        const bad *b = &bads[i];
        const char *p = wdict("bad.dyad", b->text);
        char path[192];
        snprintf(path, sizeof path, "%s", p);
        dyad_dict *d = NULL;
        CHECK_INT(dyad_dict_new(&d), DYAD_OK);
        if (!d)
            continue;
        int s = dyad_dict_load(d, path);
        if (b->at_finish) {
            CHECK_INT(s, DYAD_OK);
            s = dyad_dict_finish(d);
        }
        CHECK_INT(s, DYAD_EDICT);
        char want[256];
        snprintf(want, sizeof want, "%s:%d: ", path, b->line);
        const char *msg = dyad_dict_errmsg(d);
        int ok = strncmp(msg, want, strlen(want)) == 0 &&
                 strstr(msg, b->reason) != NULL;
        CHECK(ok);
        if (!ok)
            fprintf(stderr, "    case %zu: got \"%s\", want \"%s%s\"\n", i, msg, want,
                    b->reason);
        dyad_dict_free(d);
    }
    /* a missing file */
    dyad_dict *d = NULL;
    CHECK_INT(dyad_dict_new(&d), DYAD_OK);
    CHECK_INT(dyad_dict_load(d, dpath("none.dyad")), DYAD_EIO);
    CHECK(strstr(dyad_dict_errmsg(d), "none.dyad") != NULL);
    CHECK_INT(dyad_dict_load(d, NULL), DYAD_EINVAL);
    CHECK_INT(dyad_dict_load(NULL, "x"), DYAD_EINVAL);
    dyad_dict_free(d);
    dyad_dict_free(NULL);
    CHECK_INT(dyad_dict_new(NULL), DYAD_EINVAL);
}

static void test_line_ends_bom(void)
{
    dyad_dict *d = NULL;
    CHECK_INT(dyad_dict_new(&d), DYAD_OK);
    CHECK_INT(dyad_dict_load(d, wdict("crlf.dyad", "%dyad-dict 1\r\ncountry ZZL Zembla\r\n"
                                                   "  adj Zemblan\r\n")),
              DYAD_OK);
    if (dyad_dict_finish(d) == DYAD_OK) {
        CHECK_STR(look(d, "Zembla", "2022-01-01"), "ZZL=Zembla");
        CHECK_STR(look(d, "Zemblan officials", "2022-01-01"), "ZZL=Zemblan officials");
    }
    dyad_dict_free(d);
    d = NULL;
    CHECK_INT(dyad_dict_new(&d), DYAD_OK);
    int s = dyad_dict_load(d, wdict("bom.dyad", "\xEF\xBB\xBF%dyad-dict 1\ncountry ZZL Zembla\n"));
    /* BUG: a UTF-8 byte-order mark (as Windows editors write) before the
     * header makes the file "not a dictionary file" (is_dyad_format does
     * not skip it); the input reader skips one. */
#if 1 /* fixed */
    CHECK_INT(s, DYAD_OK);
#endif
    CHECK(s == DYAD_OK || s == DYAD_EDICT);
    dyad_dict_free(d);
}

static void test_failed_file_not_kept(void)
{
    dyad_dict *d = NULL;
    CHECK_INT(dyad_dict_new(&d), DYAD_OK);
    const char *p = wdict("half.dyad", "%dyad-dict 1\ncountry ZZL Zembla\n"
                                       "  adj Zemblan\nfrobnicate x\n");
    CHECK_INT(dyad_dict_load(d, p), DYAD_EDICT);
    /* the dictionary can go on with other files */
    p = wdict("other.dyad", "%dyad-dict 1\ncountry QQX Quuxia\n");
    CHECK_INT(dyad_dict_load(d, p), DYAD_OK);
    if (dyad_dict_finish(d) == DYAD_OK) {
        CHECK_STR(look(d, "Quuxia", "2022-01-01"), "QQX=Quuxia");
        /* BUG: dyad.h says "On error nothing of the failing file is kept",
         * but the entries read before the error stay in the dictionary. */
#if 1 /* fixed */
        CHECK_STR(look(d, "Zembla", "2022-01-01"), "");
        CHECK_STR(look(d, "Zemblan troops", "2022-01-01"), "");
#endif
    }
    dyad_dict_free(d);
}

static void test_folder(void)
{
    /* a folder: its .dyad and .txt files in name order, sub-folders too;
     * other and hidden files are skipped; a set may be defined in a later
     * file than the one that uses it */
    char sub[160];
    snprintf(sub, sizeof sub, "%s/tree", df_dir);
    mkdir(sub, 0700);
    char sub2[192];
    snprintf(sub2, sizeof sub2, "%s/z-more", sub);
    mkdir(sub2, 0700);
    wdict("tree/a.dyad", "%dyad-dict 1\nverb attack\n  195 * + with @arms\n");
    wdict("tree/b.dyad", "%dyad-dict 1\nset @arms\n  word drone\n");
    wdict("tree/README.md", "not a dictionary\n");
    wdict("tree/.hidden.dyad", "garbage\n");
    wdict("tree/z-more/c.dyad", "%dyad-dict 1\ncountry ZZL Zembla\n");
    dyad_dict *d = NULL;
    CHECK_INT(dyad_dict_new(&d), DYAD_OK);
    CHECK_INT(dyad_dict_load(d, sub), DYAD_OK);
    if (dyad_dict_finish(d) == DYAD_OK) {
        const char *st = dyad_dict_stats(d);
        /* three from the folder, plus dyad's code table, which finish adds
         * to a dictionary set without one */
        CHECK_INT(stat_of(st, "files"), 4);
        CHECK_INT(stat_of(st, "countries"), 1);
        CHECK_INT(stat_of(st, "patterns"), 1);
        CHECK_STR(look(d, "Zembla", "2022-01-01"), "ZZL=Zembla");
    }
    dyad_dict_free(d);
    /* an error inside a folder names the file */
    wdict("tree/z-more/d.dyad", "%dyad-dict 1\n\ncountry Q Quux\n");
    d = NULL;
    CHECK_INT(dyad_dict_new(&d), DYAD_OK);
    CHECK_INT(dyad_dict_load(d, sub), DYAD_EDICT);
    CHECK(strstr(dyad_dict_errmsg(d), "z-more/d.dyad:3: bad country code") != NULL);
    dyad_dict_free(d);
    unlink(dpath("tree/a.dyad"));
    unlink(dpath("tree/b.dyad"));
    unlink(dpath("tree/README.md"));
    unlink(dpath("tree/.hidden.dyad"));
    unlink(dpath("tree/z-more/c.dyad"));
    unlink(dpath("tree/z-more/d.dyad"));
    rmdir(sub2);
    rmdir(sub);
}

static void test_code_without_mode(void)
{
    /* BUG: a `code` line whose PLOVER field has no '/' (as in every line of
     * dict/codes.dyad: "code 01 0.0 1 - MAKE PUBLIC STATEMENT") makes
     * code_line() call cstr() on the missing parts, i.e. memcpy(out, NULL,
     * 0): undefined behaviour, which UBSan (make asan) stops on
     * (dict_dyad.c:152: null pointer passed as argument 2). */
#if 1 /* fixed */
    dyad_dict *d = NULL;
    CHECK_INT(dyad_dict_new(&d), DYAD_OK);
    CHECK_INT(dyad_dict_load(d, wdict("codes.dyad",
                                      "%dyad-dict 1\n"
                                      "code 190 -10 4 ASSAULT Use force\n"
                                      "code 01 0.0 1 - MAKE PUBLIC STATEMENT\n")),
              DYAD_OK);
    dyad_dict_free(d);
#endif
}

static void test_fault(void)
{
    /* fault injection over dictionary loading and finishing: every failure
     * is an error, never a crash, and leaks nothing (ASan) */
    const char *p = wdict("full.dyad", full_dict);
    char path[192];
    snprintf(path, sizeof path, "%s", p);
    long n;
    int errors = 0;
    for (n = 0; n < 5000; n++) {
        dyad_dict *d = NULL;
        dy_fault_after(n);
        int s = dyad_dict_new(&d);
        if (s == DYAD_OK)
            s = dyad_dict_load(d, path);
        if (s == DYAD_OK)
            s = dyad_dict_finish(d);
        dy_fault_after(-1);
        if (s == DYAD_OK) {
            const char *st = dyad_dict_stats(d);
            CHECK_INT(stat_of(st, "patterns"), 12);
            CHECK_STR(look(d, "Ostrander", "2020-01-01"), "ZZLGOV=Ostrander");
            dyad_dict_free(d);
            break;
        }
        if (s != DYAD_ENOMEM) {
            errors++;
            if (errors < 5)
                fprintf(stderr, "    fault %ld: status %d: %s\n", n, s,
                        d ? dyad_dict_errmsg(d) : "");
        }
        if (d)
            CHECK(dyad_dict_errmsg(d)[0] != 0);
        dyad_dict_free(d);
    }
    CHECK_INT(errors, 0);
    CHECK(n > 10 && n < 5000);
    /* a failed lookup under memory pressure returns nothing */
    dyad_dict *d = load_full();
    if (d) {
        for (long k = 0; k < 200; k++) {
            const char *res = NULL;
            dy_fault_after(k);
            size_t got = dyad_dict_lookup(d, "Karl Ostrander met Zemblan troops",
                                          "2020-01-01", &res);
            dy_fault_after(-1);
            CHECK(res != NULL);
            if (got == 2)
                break;
        }
        dyad_dict_free(d);
    }
}

void suite_dictfmt(void)
{
    snprintf(df_dir, sizeof df_dir, "/tmp/dyad-test-dict-XXXXXX");
    if (!mkdtemp(df_dir)) {
        th_skip("cannot create a temporary folder");
        return;
    }
    test_full();
    if (df_have_tagger == 1) {
        test_roles();
        test_patterns();
        test_case_guard();
        test_errors();
        test_line_ends_bom();
        test_failed_file_not_kept();
        test_folder();
        test_code_without_mode();
        test_fault();
    }
    static const char *names[] = {"full.dyad", "overlap.dyad", "guard.dyad", "bad.dyad",
                                  "half.dyad", "other.dyad", "codes.dyad", "crlf.dyad",
                                  "bom.dyad"};
    for (size_t i = 0; i < DY_ARRAY_LEN(names); i++)
        unlink(dpath(names[i]));
    rmdir(df_dir);
}
