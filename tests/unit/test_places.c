/* test_places.c - the gazetteer and event places (src/places.c): name
 * lookup with alternate names and context, the country rule, and the
 * place chosen for events of whole sentences. Skipped when the gazetteer
 * was not built (`make gazetteer` needs node, npm and iso-codes). */
#include "../../src/places.h"
#include "th.h"

#include <stdlib.h>

static const dy_gaz *gz;

/* The place of a name: "NAME|COUNTRY|feature", or "" for none. */
static const char *look(const char *name, const dy_place_ctx *ctx)
{
    static char out[256];
    uint32_t disp = 0;
    int32_t p = dy_gaz_lookup(gz, name, strlen(name), ctx, &disp);
    dy_place_view v;
    if (p < 0 || dy_gaz_view(gz, p, disp, &v))
        return "";
    snprintf(out, sizeof out, "%s|%s|%s", v.canonical, v.country, v.feature);
    return out;
}

static void test_lookup(void)
{
    /* alternate names, accents and case */
    CHECK_STR(look("Kiev", NULL), "Kyiv|UKR|city");
    CHECK_STR(look("KYIV", NULL), "Kyiv|UKR|city");
    CHECK_STR(look("Kyyiv", NULL), "Kyiv|UKR|city");
    CHECK_STR(look("Bombay", NULL), "Mumbai|IND|city");
    CHECK_STR(look("Peking", NULL), "Beijing|CHN|city");
    CHECK_STR(look("Saigon", NULL), "Ho Chi Minh City|VNM|city");
    CHECK_STR(look("Geneva", NULL), "Genève|CHE|city");
    CHECK_STR(look("geneve", NULL), "Genève|CHE|city");
    CHECK_STR(look("Al-Qaim", NULL), "Al Qā’im|IRQ|city");
    CHECK_STR(look("Al Qa'im", NULL), "Al Qā’im|IRQ|city");
    CHECK_STR(look("Rostov-on-Don", NULL), "Rostov-na-Donu|RUS|city");
    CHECK_STR(look("the Red Sea", NULL), "");
    CHECK_STR(look("Red Sea", NULL), "Red Sea||water");
    CHECK_STR(look("Nowhere-on-Nothing", NULL), "");
    /* the displayed name is the one matched */
    uint32_t disp = 0;
    int32_t p = dy_gaz_lookup(gz, "Kiev", 4, NULL, &disp);
    dy_place_view v;
    CHECK(p >= 0 && dy_gaz_view(gz, p, disp, &v) == 0);
    CHECK_STR(v.name, "Kiev");
    CHECK(v.has_point && v.lat > 50 && v.lat < 51 && v.lon > 30 && v.lon < 31);
    CHECK_STR(v.admin1, "UA-30");
    CHECK(dy_gaz_view(gz, -1, 0, &v) == -1);
    CHECK(dy_gaz_view(gz, (int32_t)dy_gaz_count(gz), 0, &v) == -1);
}

static void test_ambiguity(void)
{
    /* Paris: France by population, Texas when the phrase or the story
     * says so */
    CHECK_STR(look("Paris", NULL), "Paris|FRA|city");
    CHECK_STR(look("Paris, Texas", NULL), "Paris|USA|city");
    CHECK_STR(look("Paris, Kentucky", NULL), "Paris|USA|city");
    dy_place_ctx ctx;
    memset(&ctx, 0, sizeof ctx);
    int32_t dallas = dy_gaz_lookup(gz, "Dallas", 6, NULL, NULL);
    CHECK(dallas >= 0);
    dy_place_ctx_add(gz, &ctx, dallas);
    CHECK_STR(look("Paris", &ctx), "Paris|USA|city");
    /* a story about Washington (another US state) does not move Paris */
    memset(&ctx, 0, sizeof ctx);
    dy_place_ctx_add(gz, &ctx, dy_gaz_lookup(gz, "Washington", 10, NULL, NULL));
    CHECK_STR(look("Paris", &ctx), "Paris|FRA|city");

    /* Georgia: the country, the US state in a story about the US South */
    CHECK_STR(look("Georgia", NULL), "Georgia|GEO|country");
    memset(&ctx, 0, sizeof ctx);
    dy_place_ctx_add(gz, &ctx, dy_gaz_lookup(gz, "Atlanta", 7, NULL, NULL));
    CHECK_STR(look("Georgia", &ctx), "Georgia|USA|admin1");
    /* ... unless the story is about the country too */
    dy_place_ctx_add(gz, &ctx, dy_gaz_lookup(gz, "Tbilisi", 7, NULL, NULL));
    CHECK_STR(look("Georgia", &ctx), "Georgia|GEO|country");

    /* a country's name never resolves to a town of the same name */
    CHECK_STR(look("Lebanon", NULL), "Lebanon|LBN|country");
    memset(&ctx, 0, sizeof ctx);
    dy_place_ctx_add(gz, &ctx, dallas);
    CHECK_STR(look("Lebanon", &ctx), "Lebanon|LBN|country");
    CHECK_STR(look("Jordan", &ctx), "Jordan|JOR|country");
    CHECK_STR(look("Israel", &ctx), "Israel|ISR|country");
    /* but "Lebanon, Pennsylvania" is the town */
    CHECK_STR(look("Lebanon, Pennsylvania", NULL), "Lebanon|USA|city");
    /* country aliases; a part of a country names the part */
    CHECK_STR(look("Burma", NULL), "Myanmar|MMR|country");
    CHECK_STR(look("Ivory Coast", NULL), "Côte d'Ivoire|CIV|country");
    CHECK_STR(look("England", NULL), "England|GBR|admin1");
    CHECK_STR(look("Gaza Strip", NULL), "Gaza Strip|PSE|admin1");
    CHECK_STR(look("Crimea", NULL), "Crimea|UKR|admin1");
    CHECK_STR(look("Kosovo", NULL), "Kosovo|XKX|country");
    /* a city and its division: the city */
    CHECK_STR(look("Donetsk", NULL), "Donetsk|UKR|city");
}

/* ---- whole sentences ---------------------------------------------------- */

static dyad_dict *dd;
static dyad_coder *coder;

/* The first event's location as "name|country|feature|method" ("" =
 * none; "no event" when nothing was coded). */
static const char *place_of(const char *text)
{
    static char out[512];
    dyad_input in;
    memset(&in, 0, sizeof in);
    in.date = "2022-01-03";
    in.text = text;
    in.text_len = strlen(text);
    if (dyad_code(coder, &in) != DYAD_OK || !dyad_event_count(coder))
        return "no event";
    const dyad_event *e = dyad_event_get(coder, 0);
    if (!e->location[0])
        return "";
    snprintf(out, sizeof out, "%s|%s|%s|%s", e->location, e->loc_country,
             e->loc_feature, e->loc_method);
    return out;
}

/* The first event's "source target cameo" ("no event" when none). */
static const char *who_of(dyad_coder *c, const char *text)
{
    static char out[256];
    dyad_input in;
    memset(&in, 0, sizeof in);
    in.date = "2022-01-03";
    in.text = text;
    in.text_len = strlen(text);
    if (dyad_code(c, &in) != DYAD_OK || !dyad_event_count(c))
        return "no event";
    const dyad_event *e = dyad_event_get(c, 0);
    snprintf(out, sizeof out, "%s %s %s", e->source.code[0] ? e->source.code : "-",
             e->target.code[0] ? e->target.code : "-", e->cameo);
    return out;
}

/* An unnamed perpetrator's act (events.c, EV_NOSRC): a device's in a
 * known country has that country's unidentified armed force as its
 * source, whatever dyad_options.unknown_source says; any other keeps a
 * null source, or none at all when unknown_source is off. */
static void test_unnamed(void)
{
    static const char bomb[] =
        "A roadside bomb near Kandahar killed three Afghan soldiers on Sunday.";
    static const char passive[] =
        "Two Iraqi policemen were killed by an explosive device in Mosul.";
    static const char nowhere[] = "A car bomb killed three Afghan soldiers.";
    static const char shot[] = "Two Iraqi policemen were shot dead in Mosul.";
    CHECK_STR(who_of(coder, bomb), "AFGUAF AFGMIL 183");
    CHECK_STR(who_of(coder, passive), "IRQUAF IRQCOP 183");
    CHECK_STR(who_of(coder, nowhere), "- AFGMIL 183");
    CHECK_STR(who_of(coder, shot), "- IRQCOP 193");
    dyad_options o;
    dyad_options_init(&o);
    o.unknown_source = 0;
    dyad_coder *c = NULL;
    if (dyad_coder_new(&c, dd, &o) != DYAD_OK)
        return;
    CHECK_STR(who_of(c, bomb), "AFGUAF AFGMIL 183");
    CHECK_STR(who_of(c, passive), "IRQUAF IRQCOP 183");
    CHECK_STR(who_of(c, nowhere), "no event");
    CHECK_STR(who_of(c, shot), "no event");
    dyad_coder_free(c);
}

static void test_sentences(void)
{
    /* locative phrases */
    CHECK_STR(place_of("Rebels shelled army positions near Kramatorsk on Sunday."),
              "Kramatorsk|UKR|city|locative");
    CHECK_STR(place_of("Police arrested dozens of protesters in central Minsk on Friday."),
              "Minsk|BLR|city|locative");
    CHECK_STR(place_of("Gunmen attacked a police station outside Peshawar."),
              "Peshawar|PAK|city|locative");
    /* the name as written, with its place's country and point */
    CHECK_STR(place_of("Russian missiles struck a power plant near Kharkov."),
              "Kharkov|UKR|city|locative");
    /* "the southern city of X", "the X region" */
    CHECK_STR(place_of("Houthi rebels attacked the southern port city of Hodeidah."),
              "Hodeidah|YEM|city|object");
    CHECK_STR(place_of("Ukrainian forces shelled villages in the Luhansk region on Monday."),
              "Luhansk|UKR|admin1|locative");
    /* a demonym with a border word: the country, without a point */
    CHECK_STR(place_of("Belarus deployed troops near the Ukrainian border on Friday."),
              "Ukraine|UKR|country|demonym");
    /* the object of a physical event; "Paris, Texas" */
    CHECK_STR(place_of("Taliban fighters captured Kandahar on Thursday."),
              "Kandahar|AFG|city|object");
    CHECK_STR(place_of("Gunmen attacked a church in Paris, Texas, on Sunday."),
              "Paris|USA|city|locative");
    CHECK_STR(place_of("Gunmen attacked a church in Paris on Sunday."),
              "Paris|FRA|city|locative");
    /* a capital used as an actor is no place */
    CHECK_STR(place_of("Moscow accused Washington of provoking the crisis."), "");
    CHECK_STR(place_of("The Kremlin warned Washington on Tuesday."), "");
    /* action geography: a place inside the event's non-finite complement
     * is the event's ("accused X of planning attacks in Y", "a request to
     * use force in Y"); one in a finite clause or after a comma is not */
    CHECK_STR(place_of("Russia accused Ukraine of planning attacks in Donetsk."),
              "Donetsk|UKR|city|locative");
    CHECK_STR(place_of("The parliament approved a request to use military force in Syria."),
              "Syria|SYR|country|locative");
    CHECK_STR(place_of("Russia warned that Ukraine was planning attacks in Donetsk."), "");
    /* ... but not a name used as an actor or topic there: the event's
     * target, a possessor or modifier, "the status of X" */
    CHECK_STR(place_of("France agreed to send more military aid to Ukraine."), "");
    CHECK_STR(place_of("Serbia refused to recognise Kosovo's independence."), "");
    CHECK_STR(place_of("Lavrov accused NATO of ignoring Moscow's security demands."), "");
    CHECK_STR(place_of("Russia accused Ukraine of sabotaging the Minsk peace agreement."), "");
    CHECK_STR(place_of("Armenia and Azerbaijan agreed to hold talks on the status of "
                       "Nagorno-Karabakh."), "");
    /* a person's name that is also a place */
    CHECK_STR(place_of("Putin met Chinese Foreign Minister Wang Yi on Monday."), "");
    /* the dateline for the main event */
    CHECK_STR(place_of("KHARTOUM, April 17 (Reuters) - Sudan's army accused "
                       "the RSF of violating the ceasefire."),
              "Khartoum|SDN|city|dateline");
    /* the JSON output carries the location object */
    dyad_input in;
    memset(&in, 0, sizeof in);
    in.date = "2022-01-03";
    in.text = "Israeli troops killed three gunmen in Jenin on Friday.";
    in.text_len = strlen(in.text);
    CHECK(dyad_code(coder, &in) == DYAD_OK);
    const char *json = dyad_output(coder, DYAD_OUT_JSON, NULL);
    CHECK(strstr(json, "\"location\":{\"name\":\"Jenin\",\"country\":\"PSE\"") != NULL);
    CHECK(strstr(json, "\"feature\":\"city\",\"method\":\"locative\"") != NULL);
    const char *tsv = dyad_output(coder, DYAD_OUT_TSV, NULL);
    CHECK(strstr(tsv, "\tJenin\tPSE\t32.4") != NULL);
}

void suite_places(void)
{
    if (dyad_dict_new(&dd) != DYAD_OK)
        return;
    const char *dir = th_dict_dir();
    if (dyad_dict_load(dd, dir) != DYAD_OK || dyad_dict_finish(dd) != DYAD_OK) {
        th_skip("dictionary not loaded");
        dyad_dict_free(dd);
        return;
    }
    gz = ((const dy_dict *)(const void *)dd)->gaz;
    if (!gz) {
        th_skip("no gazetteer (make gazetteer; node, npm and iso-codes)");
        dyad_dict_free(dd);
        return;
    }
    CHECK(dy_gaz_count(gz) > 100000);
    test_lookup();
    test_ambiguity();
    if (dyad_coder_new(&coder, dd, NULL) == DYAD_OK) {
        test_sentences();
        test_unnamed();
        dyad_coder_free(coder);
    }
    dyad_dict_free(dd);
    gz = NULL;
}
