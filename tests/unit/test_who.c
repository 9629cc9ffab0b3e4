/* test_who.c - who did what to whom: the source and target actors that
 * dyad's own dictionaries (dict/) give on sentences written for these
 * tests, one sentence per construction (time words inside a subject,
 * appositions, coordinated verb phrases, protest targets, places standing
 * for the target, titles before unknown names, ...). */
#include "../../include/dyad.h"
#include "th.h"

#include <stdbool.h>
#include <stdlib.h>

static dyad_dict *wd;
static dyad_coder *wc;

/* Code one sentence; returns the number of events. */
static size_t code1(const char *date, const char *text)
{
    dyad_input in;
    memset(&in, 0, sizeof in);
    in.id = "who";
    in.date = date;
    in.text = text;
    in.text_len = strlen(text);
    if (dyad_code(wc, &in) != DYAD_OK)
        return 0;
    return dyad_event_count(wc);
}

/* Does the last coded text have an event whose CAMEO code starts with
 * root (2 digits, or "" for any) from source src to target tgt? Codes are
 * compared on their first n characters (3: the country; 0: whole code);
 * tgt NULL means no target. */
static bool has_event(const char *src, const char *tgt, const char *root,
                      size_t n)
{
    for (size_t i = 0; i < dyad_event_count(wc); i++) {
        const dyad_event *e = dyad_event_get(wc, i);
        if (root[0] && strncmp(e->cameo, root, strlen(root)) != 0)
            continue;
        bool s = n ? strncmp(e->source.code, src, n) == 0
                   : strcmp(e->source.code, src) == 0;
        bool t;
        if (!tgt)
            t = e->target.code[0] == 0;
        else
            t = n ? strncmp(e->target.code, tgt, n) == 0
                  : strcmp(e->target.code, tgt) == 0;
        if (s && t)
            return true;
    }
    return false;
}

/* Print the events of the last coded text (for a failing check). */
static void dump(const char *what)
{
    fprintf(stderr, "    %s:", what);
    for (size_t i = 0; i < dyad_event_count(wc); i++) {
        const dyad_event *e = dyad_event_get(wc, i);
        fprintf(stderr, " [%s -> %s %s]", e->source.code,
                e->target.code[0] ? e->target.code : "-", e->cameo);
    }
    fprintf(stderr, "\n");
}

#define EXPECT(text, src, tgt, root, n)                                    \
    do {                                                                   \
        code1("2021-06-15", text);                                         \
        bool ok_ = has_event(src, tgt, root, n);                           \
        CHECK(ok_);                                                        \
        if (!ok_)                                                          \
            dump(text);                                                    \
    } while (0)

#define EXPECT_NOT(text, src, tgt, root, n)                                \
    do {                                                                   \
        code1("2021-06-15", text);                                         \
        bool ok_ = !has_event(src, tgt, root, n);                          \
        CHECK(ok_);                                                        \
        if (!ok_)                                                          \
            dump(text);                                                    \
    } while (0)

/* A day word between the subject and its verb is not part of the
 * subject. */
static void test_day_words(void)
{
    EXPECT("A senior Kenyan official today criticised Uganda over the "
           "border closure.", "KEN", "UGA", "11", 3);
    EXPECT("Chilean Foreign Minister Andres Allamand Tuesday rejected a "
           "Bolivian proposal on the border.", "CHL", "BOL", "12", 3);
}

/* A coordinated verb phrase shares the subject of the first verb, not the
 * object of a verb before it. */
static void test_coordinated_vp(void)
{
    EXPECT("Kenya reopened its ports to refugees expelled from Somalia, but "
           "was still refusing entry to Ethiopians.", "KEN", "ETHCVL",
           "12", 3);
}

/* A title before a name the dictionaries do not know gives the title's
 * agent: with a demonym, its country; alone, the only state named. */
static void test_title_unknown_name(void)
{
    EXPECT("Peruvian Interior Minister Ramiro Quispetupa criticised Bolivia "
           "on Monday.", "PERGOV", "BOL", "11", 0);
    EXPECT("Judge Mariela Vantorres opened an investigation into Ecuadorean "
           "customs officials.", "ECUJUD", "ECU", "", 3);
}

/* A protest without a target of its own is aimed at the first actor its
 * purpose names, else at the country where it takes place; with neither,
 * it has no target. */
static void test_protest_target(void)
{
    EXPECT("Kenyan teachers staged a hunger strike in Nairobi in protest "
           "against pay cuts by the Kenyan government.", "KENEDU", "KENGOV",
           "14", 0);
    EXPECT("Hundreds of Sudanese students demonstrated in Egypt on Friday.",
           "SDNEDU", "EGY", "14", 0);
    EXPECT("Somali refugees protested outside the camp on Monday, aid "
           "workers said.", "SOMREF", NULL, "14", 0);
}

/* An act without a target is aimed at the country where it happens; not
 * at places of another act ("without returning to ..."). */
static void test_place_target(void)
{
    EXPECT("Turkey has strengthened its forces in Syria.", "TUR", "SYR", "15",
           0);
    EXPECT("The rebels agreed to postpone the march in Bamako until June.",
           "MLIREB", "MLI", "03", 0);
    EXPECT("Former President Sanogo agreed to resign without returning to "
           "Mali, his lawyer said.", "MLI", NULL, "03", 3);
}

/* Appositions closed by a comma before the verb, in either order, and
 * names explained by an abbreviation in parentheses. */
static void test_appositions(void)
{
    EXPECT("Norway, a longtime NATO member in the north, has criticised "
           "Russia.", "NOR", "RUS", "11", 0);
    EXPECT_NOT("Norway, a longtime NATO member in the north, has criticised "
               "Russia.", "IGO", "RUS", "11", 3);
    EXPECT("The main rebel group, Front for Sahel Renewal (FSR), rejected a "
           "Malian government proposal.", "MLIREB", "MLI", "12", 3);
    EXPECT("The Regional Monetary Office (ECOWAS) warned Mali on Monday.",
           "IGO", "MLI", "13", 3);
    EXPECT("Bolivia Miners Federation (FSTMB) officials criticised Peru.",
           "BOLGOV", "PER", "11", 0);
}

/* Ethnic groups belong to the state they live in. */
static void test_ethnic_groups(void)
{
    EXPECT("Thousands of ethnic Hungarians demonstrated in Romania on "
           "Sunday.", "ROUCVL", "ROU", "14", 0);
    EXPECT("The Russians of eastern Ukraine demanded autonomy from Ukrainian "
           "authorities.", "UKRCVL", "UKRGOV", "10", 0);
    /* without "ethnic" or "of", a people stays its own */
    EXPECT("Hungarians demonstrated in Romania on Sunday.", "HUNCVL", "ROU",
           "14", 0);
}

/* Approximate names: a misspelt country is found; a place the gazetteer
 * knows is not read as a garbled person's name. */
static void test_approximate_names(void)
{
    EXPECT("Ethopia has criticised Eritrea.", "ETH", "ERI", "11", 0);
    /* Gonaives is a Haitian city, not a garbled "Gonsalves" */
    EXPECT("Haitian police arrested three Gonaives residents on Monday.",
           "HTICOP", "HTICVL", "17", 0);
    EXPECT_NOT("Haitian police arrested three Gonaives residents on Monday.",
               "HTICOP", "VCT", "17", 3);
}

/* A bomb or mine with no one named behind it: an unknown armed group of
 * the country where it happened. */
static void test_unknown_attackers(void)
{
    EXPECT("A roadside bomb near Kandahar killed three Afghan policemen on "
           "Monday.", "AFGUAF", "AFGCOP", "18", 0);
    EXPECT("Two Malian soldiers were killed by an improvised explosive "
           "device near Gao.", "MLIUAF", "MLIMIL", "18", 0);
}

/* A threat is aimed at the one whose act would avert it; a demand is not
 * made of an actor of an adverbial clause. */
static void test_threat_demand_targets(void)
{
    EXPECT("Kenyan teachers threatened to strike unless the government "
           "raised their pay.", "KENEDU", "KENGOV", "13", 0);
    EXPECT("Ugandan lawyers threatened on Monday to boycott the courts unless "
           "Kenya released the detained activist.", "UGAJUD", "KEN", "13", 0);
    EXPECT("Colombian farmers demanded new roads after a Venezuelan court "
           "cleared the smugglers.", "COLAGR", NULL, "10", 0);
}

/* A country-less agent in a coordination takes the country of the first
 * member when a demonym or a sector says it is shared. */
static void test_coordinated_agents(void)
{
    EXPECT("Ethiopian helicopters and tanks attacked Eritrean positions.",
           "ETHMIL", "ERIMIL", "19", 0);
    EXPECT("Russia and the rebels attacked Ukrainian positions.", "---REB",
           "UKRMIL", "19", 0);
}

/* "between X and Y" after the verb's object: both are targets. */
static void test_between(void)
{
    EXPECT("Oman is ready to host a meeting between Iran and Saudi Arabia.",
           "OMN", "IRN", "03", 0);
    EXPECT("Oman is ready to host a meeting between Iran and Saudi Arabia.",
           "OMN", "SAU", "03", 0);
}

/* A state's code on the story date: South Sudan was part of Sudan until
 * 2011-07-09. */
static void test_dated_states(void)
{
    code1("1995-03-01", "Ugandan troops shelled Juba on Sunday.");
    CHECK(has_event("UGAMIL", "SDN", "19", 3));
    code1("2015-03-01", "Ugandan troops shelled Juba on Sunday.");
    CHECK(has_event("UGAMIL", "SSD", "19", 3));
}

/* Ordinary words and place names are no actors: a longer name starting
 * inside a shorter one wins ("the West Bank", not "the West" + "Bank"); a
 * name before a facility noun names the facility. */
static void test_false_actors(void)
{
    EXPECT("Jewish settlers in the West Bank attacked Palestinian farmers.",
           "ISRCVL", "PSEAGR", "19", 0);
    EXPECT_NOT("Jewish settlers in the West Bank attacked Palestinian "
               "farmers.", "WST", "PSEAGR", "", 3);
    EXPECT("Angry Spanish farmers blocked the Europe Bridge on Monday.",
           "ESPAGR", NULL, "14", 0);
}

/* A participle right after a full verb opens its object; after an
 * auxiliary it is the verb. */
static void test_participle_object(void)
{
    EXPECT("Bolivia rejected proposed Chilean changes to the border treaty.",
           "BOL", "CHL", "12", 0);
    EXPECT_NOT("Bolivia rejected proposed Chilean changes to the border "
               "treaty.", "BOL", "CHL", "03", 0);
    EXPECT("Chile has proposed new talks with Bolivia.", "CHL", "BOL", "03",
           0);
}

/* "met Uganda's visiting President Museveni": the one met is the
 * possessed phrase when it names an actor; "condemned Uganda's crackdown"
 * is aimed at the possessor */
static void test_possessed_object(void)
{
    EXPECT("Uhuru Kenyatta met Uganda's visiting President Yoweri Museveni in "
           "Nairobi.", "KENGOV", "UGAGOV", "04", 0);
    EXPECT("Uhuru Kenyatta met Uganda's foreign minister on Monday.", "KENGOV",
           "UGAGOV", "04", 0);
    EXPECT("Uhuru Kenyatta condemned Uganda's crackdown on the opposition.",
           "KENGOV", "UGA", "11", 0);
}

/* an organisation whose code holds the agent keeps one copy of it */
static void test_agent_once(void)
{
    EXPECT("Hezbollah guerrillas attacked an Israeli patrol on Sunday.",
           "LBNREBHEZ", "ISRMIL", "19", 0);
    EXPECT("NATO troops attacked a Taliban convoy in Helmand.",
           "IGOWSTNATMIL", "AFGREBTAL", "19", 0);
    /* coordinated demonyms share the agent, also after adjectives */
    EXPECT("Senior Kenyan and Ugandan officials met in Nairobi on Monday.",
           "KENGOV", "UGAGOV", "04", 0);
    EXPECT("Senior Kenyan and Ugandan officials met in Nairobi on Monday.",
           "UGAGOV", "KENGOV", "04", 0);
}

/* the speaker of a that-clause: "was quoted as saying he would", and a
 * refusal followed by ", saying he would ..." keeps its own target */
static void test_speaker(void)
{
    code1("2021-06-15", "Kenyan President Uhuru Kenyatta visited Uganda on "
                        "Monday. King Mswati of Eswatini was quoted as "
                        "saying he would host talks with Kenya.");
    bool ok = has_event("SWZ", "KEN", "03", 3) && !has_event("KEN", "KEN", "", 3);
    CHECK(ok);
    if (!ok)
        dump("quoted as saying he would host");
    /* a reciprocal act of "the two leaders" is between them; the place
     * is a venue */
    code1("2021-06-15", "Uhuru Kenyatta met Yoweri Museveni in Nairobi on "
                        "Monday. The two leaders agreed a ceasefire in "
                        "Somalia's Gedo region.");
    bool ok2 = has_event("KENGOV", "UGAGOV", "08", 0) &&
               !has_event("KENGOV", "SOM", "08", 3);
    CHECK(ok2);
    if (!ok2)
        dump("the two leaders agreed a ceasefire");
    /* a group with no country of its own, or one only guessed from the
     * story, is of the country of the gazetteer place where it acts */
    code1("2022-03-09", "Russian troops shelled Kharkiv on Monday. Russian "
                        "officials said Moscow would continue. Protesters "
                        "rallied in Mombasa on Tuesday.");
    bool ok4 = has_event("KENOPP", NULL, "14", 0) && !has_event("RUSOPP", NULL, "14", 0);
    CHECK(ok4);
    if (!ok4)
        dump("protesters rallied in Mombasa");
    EXPECT("Gunmen attacked a bus in Mombasa on Monday.", "KENUAF", NULL,
           "19", 0);
    /* a capitalised sector word opening an unknown name is part of it */
    EXPECT_NOT("The main rebel group, Forces for National Renewal (FNR), "
               "rejected the Ugandan offer.", "UGAMIL", "UGA", "12", 0);
    EXPECT("The main rebel group, Forces for National Renewal (FNR), "
           "rejected the Ugandan offer.", "UGAREB", "UGA", "12", 0);
    /* a violent act on a gazetteer place with no actor named is aimed at
     * the place's country; a state's institution is no place */
    EXPECT("Ethiopian troops shelled Kismayo on Monday.", "ETHMIL", "SOM",
           "19", 0);
    /* the particle of a multi-word verb comes before the object, even
     * when tagged as a preposition */
    EXPECT("Somali militants shot down a Kenyan military helicopter.",
           "SOMREB", "KENMIL", "19", 0);
    /* "the group" is the organisation named last; "the attack" was made
     * by whoever last attacked */
    code1("2024-01-10", "Houthi rebels attacked a ship in the Red Sea on "
                        "Tuesday. The group said it targeted the vessel "
                        "because of its links to Israel. Kenya condemned "
                        "the attack.");
    bool ok3 = has_event("YEMREBHTH", NULL, "19", 0) &&
               !has_event("KEN", NULL, "11", 3) &&
               has_event("KEN", "YEMREBHTH", "11", 0);
    CHECK(ok3);
    if (!ok3)
        dump("the group ... the attack");
    /* a state's positions and bases are its military's, its positions on
     * an issue are not */
    EXPECT("Ethiopian troops shelled Somali positions near the border.",
           "ETHMIL", "SOMMIL", "19", 0);
    EXPECT("Kenya criticised the Somali positions on the maritime dispute.",
           "KEN", "SOM", "11", 0);
    /* an event noun whose verb says it failed is not coded */
    EXPECT_NOT("The ceasefire between Kenya and Uganda collapsed on Monday.",
               "KEN", "UGA", "", 3);
    EXPECT("Talks between Kenya and Uganda resumed on Monday.", "KEN", "UGA",
           "04", 3);
    /* a protest that is the purpose of a diplomatic act is that act */
    EXPECT("Kenya summoned the Ugandan ambassador to protest.", "KEN",
           "UGAGOV", "11", 0);
    EXPECT_NOT("Kenya summoned the Ugandan ambassador to protest.", "KEN",
               NULL, "14", 3);
    /* a capitalised word before a common noun is no garbled person name
     * ("Leopard tanks" is not "Leotard") */
    EXPECT("Germany agreed to send Leopard tanks to Kenya.", "DEU", "KEN",
           "03", 0);
    /* the place of a reciprocal act between a compound subject is a venue */
    EXPECT("Kenya and Uganda signed a border treaty in Washington.", "KEN",
           "UGA", "05", 0);
    EXPECT_NOT("Kenya and Uganda signed a border treaty in Washington.",
               "KEN", "USA", "", 0);
    /* a place the gazetteer knows is no garbled country ("Chechnya" is not
     * "Czechia"); a British spelling of a common word is guarded as one
     * ("labour reforms" are not the Labour Party) */
    EXPECT_NOT("Russian warplanes bombed rebel positions in Chechnya.",
               "RUSMIL", "CZE", "", 0);
    EXPECT_NOT("Kenyan workers went on strike to protest against labour "
               "reforms.", "KENLAB", "GBR", "", 3);
    /* a possessor of the subject's own country is no target */
    EXPECT("The Kenyan President reiterated Kenya's support for the "
           "territorial integrity of Somalia.", "KENGOV", "SOM", "03", 0);
    EXPECT_NOT("The Kenyan President reiterated Kenya's support for the "
               "territorial integrity of Somalia.", "KENGOV", "KEN", "", 0);
    /* what an armed group holds stands for the group */
    EXPECT("Ethiopian troops captured a Somali rebel stronghold on Monday.",
           "ETHMIL", "SOMREB", "19", 0);
    EXPECT("Kenyan warplanes bombed Somali militant training camps.", "KENMIL",
           "SOMREB", "18", 0);
    /* a complaint to a third party is aimed at whom it is about */
    EXPECT("Kenya complained to the African Union over Somali border raids.",
           "KEN", "SOM", "11", 0);
    /* a closing attribution that accuses is aimed at the clause before */
    EXPECT("Kenyan police beat detained protesters in Nairobi, a human "
           "rights group charged on Saturday.", "KENHRI", "KENCOP", "11", 0);
    /* a complement without "that" after a time phrase; a group speaker */
    EXPECT("Japan said on Tuesday it had halted economic aid to Kenya.",
           "JPN", "KEN", "16", 0);
    EXPECT_NOT("Japan said on Tuesday it had halted economic aid to Kenya.",
               "JPN", "KEN", "01", 0);
    EXPECT("The rebels said today they had captured the Kenyan border town "
           "of Mandera.", "---REB", "KEN", "19", 0);
    EXPECT("Uhuru Kenyatta refused to meet Tanzania's President Samia Suluhu "
           "Hassan, saying he would only receive her in Nairobi.", "KENGOV",
           "TZAGOV", "12", 0);
}

void suite_who(void)
{
    if (dyad_dict_new(&wd) != DYAD_OK)
        return;
    if (dyad_dict_load(wd, th_dict_dir()) != DYAD_OK ||
        dyad_dict_finish(wd) != DYAD_OK) {
        th_skip("dictionary not loaded");
        dyad_dict_free(wd);
        return;
    }
    if (dyad_coder_new(&wc, wd, NULL) == DYAD_OK) {
        test_day_words();
        test_coordinated_vp();
        test_title_unknown_name();
        test_protest_target();
        test_place_target();
        test_appositions();
        test_ethnic_groups();
        test_approximate_names();
        test_unknown_attackers();
        test_threat_demand_targets();
        test_coordinated_agents();
        test_between();
        test_dated_states();
        test_false_actors();
        test_participle_object();
        test_possessed_object();
        test_speaker();
        test_agent_once();
        dyad_coder_free(wc);
    }
    dyad_dict_free(wd);
}
