/* test_tag.c - the part-of-speech tagger (src/tag.c): the YAML loader and
 * its errors on small lexicons written here, then tags of key words on the
 * real lexicon of Lingua::EN::Tagger (skipped when it is not installed). */
#include "../../src/dy.h"
#include "th.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- a small Penn-style tokenizer for the tests ----------------------- */

#define MAXTOK 512

typedef struct toks {
    dy_tok t[MAXTOK];
    char text[MAXTOK][32];
    char low[MAXTOK][32];
    size_t n;
} toks;

static void add_tok(toks *k, const char *s, size_t n, int space)
{
    if (k->n == MAXTOK || n == 0)
        return;
    if (n > 31)
        n = 31;
    dy_tok *t = &k->t[k->n];
    memset(t, 0, sizeof *t);
    memcpy(k->text[k->n], s, n);
    k->text[k->n][n] = 0;
    int letters = 0, upper = 0, alnum = 0, first = 1;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        char l = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        k->low[k->n][i] = l;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            letters++;
            alnum = 1;
            t->flags |= TOKF_ALPHA;
            if (c <= 'Z')
                upper++;
            if (first && c <= 'Z')
                t->flags |= TOKF_CAP;
            first = 0;
        } else if (c >= '0' && c <= '9') {
            alnum = 1;
            t->flags |= TOKF_DIGIT;
        }
    }
    k->low[k->n][n] = 0;
    if (letters >= 2 && upper == letters)
        t->flags |= TOKF_UPPER;
    if (!alnum)
        t->flags |= TOKF_PUNCT;
    if (k->n == 0)
        t->flags |= TOKF_SSTART;
    if (space)
        t->flags |= TOKF_SPACE;
    t->s = k->text[k->n];
    t->n = (uint16_t)n;
    t->low = k->low[k->n];
    t->nlow = (uint16_t)n;
    t->tag = 0xff;
    k->n++;
}

static int is_tail_punct(char c)
{
    return c == ',' || c == '.' || c == ';' || c == ':' || c == '!' ||
           c == '?' || c == ')' || c == '"';
}

/* Words split at spaces; leading `"` and `(` and trailing punctuation,
 * "'s" and "n't" split off. A final period is split off; inner ones
 * ("U.S.") are not, unless at the end of the text. */
static void tokenize(toks *k, const char *text)
{
    k->n = 0;
    const char *p = text;
    while (*p) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        const char *b = p;
        while (*p && *p != ' ')
            p++;
        const char *e = p;
        int space = 1;
        while (b < e && (*b == '"' || *b == '(')) {
            add_tok(k, b, 1, space);
            space = 0;
            b++;
        }
        const char *tail = e;
        while (tail > b && is_tail_punct(tail[-1])) {
            /* keep the period of "U.S." unless the text ends here */
            if (tail[-1] == '.' && tail - b >= 3 && tail[-3] == '.' &&
                *p)
                break;
            tail--;
        }
        const char *split = tail;
        if (tail - b > 2 && tail[-2] == '\'' && (tail[-1] == 's' ||
                                                 tail[-1] == 'S'))
            split = tail - 2;
        else if (tail - b > 3 && memcmp(tail - 3, "n't", 3) == 0)
            split = tail - 3;
        add_tok(k, b, (size_t)(split - b), space);
        if (split < tail)
            add_tok(k, split, (size_t)(tail - split), 0);
        for (const char *q = tail; q < e; q++)
            add_tok(k, q, 1, 0);
    }
}

/* The tag of the token `word` (its nth occurrence, from 0). */
static const char *tag_of(const toks *k, const char *word, int nth)
{
    for (size_t i = 0; i < k->n; i++)
        if (strcmp(k->text[i], word) == 0 && nth-- == 0)
            return dy_tag_name(k->t[i].tag);
    return "(no such token)";
}

static void tag_text(const dy_tagger *t, toks *k, const char *text)
{
    tokenize(k, text);
    dy_tagger_tag(t, k->t, k->n);
}

#define CHECK_TAG(tg, k, text, word, want)                                 \
    do {                                                                   \
        tag_text((tg), (k), (text));                                       \
        th_checks++;                                                       \
        const char *th_got = tag_of((k), (word), 0);                       \
        if (strcmp(th_got, (want)) != 0) {                                 \
            th_failures++;                                                 \
            fprintf(stderr, "%s:%d: [%s] \"%s\" in \"%s\": %s, expected "  \
                    "%s\n", __FILE__, __LINE__, th_suite, (word), (text),  \
                    th_got, (want));                                       \
        }                                                                  \
    } while (0)

/* ---- a lexicon of our own, in a temporary folder ---------------------- */

static const char *const mini_tags =
    "--- #YAML:1.0\n"
    "pp: { det: 0.4, nnp: 0.3, prp: 0.2, ppl: 0.1 }\n"
    "ppl: { prp: 0.6, det: 0.4 }\n"
    "ppr: { det: 0.5, prp: 0.5 }\n"
    "ppc: { ppr: 0.5, det: 0.3, prp: 0.2 }\n"
    "det: { nn: 0.6, nns: 0.2, jj: 0.2 }\n"
    "jj: { nn: 0.7, nns: 0.3 }\n"
    "nn: { vbz: 0.35, nns: 0.1, nn: 0.2, pp: 0.25, in: 0.1 }\n"
    "nns: { vbp: 0.4, pp: 0.4, in: 0.2 }\n"
    "nnp: { vbz: 0.3, vbd: 0.4, nnp: 0.2, pp: 0.1 }\n"
    "prp: { vbz: 0.4, vbd: 0.4, md: 0.2 }\n"
    "md: { vb: 0.99, rb: 0.01 }\n"
    "vb: { det: 0.6, prp: 0.2, pp: 0.2 }\n"
    "vbz: { det: 0.3, nnp: 0.2, pp: 0.4, ppc: 0.1 }\n"
    "vbd: { det: 0.5, nnp: 0.2, cd: 0.2, pp: 0.1 }\n"
    "vbp: { det: 0.6, pp: 0.4 }\n"
    "in: { det: 0.5, nnp: 0.4, cd: 0.1 }\n"
    "cd: { nns: 0.9, pp: 0.1 }\n"
    "rb: { vb: 1 }\n"
    "sym: { pp: 1.0 }\n";

static const char *const mini_words =
    "--- #YAML:1.0\n"
    "\"``\": { ppl: 10 }\n"
    "\"''\": { ppr: 10 }\n"
    "\",\": { ppc: 10 }\n"
    "\".\": { pp: 100 }\n"
    "the: { det: 100 }\n"
    "The: { det: 50, nnp: 1 }\n"
    "dog: { nn: 10 }\n"
    "barks: { vbz: 5, nns: 5 }\n"
    "it: { prp: 30 }\n"
    "will: { md: 30, nn: 2 }\n"
    "bark: { vb: 5, nn: 5 }\n"
    "Rex: { nnp: 3 }\n"
    "saw: { vbd: 4, nn: 1 }\n"
    "in: { in: 40 }\n"
    "park: { nn: 6, vb: 1 }\n"
    "big: { jj: 8 }\n"
    "P-E: { nnp: 1 } \n"
    "\"1.5-mile\": { cd: 1 }\r\n";

static const char *const mini_unknown =
    "--- #YAML:1.0\n"
    "\"-abr-\": { nnp: 1000 }\n"
    "\"-cap-\": { nnp: 900, nn: 48, nns: 48 }\n"
    "\"-s-\": { nns: 900, vbz: 2 }\n"
    "\"-unknown-\": { nn: 875, jj: 195 }\n"
    "\"*NUM*\": { cd: 100 }\n";

static int write_file(const char *dir, const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    fputs(text, f);
    return fclose(f);
}

static void remove_dir(const char *dir)
{
    static const char *const names[] = {"tags.yml", "words.yml",
                                        "unknown.yml"};
    char path[512];
    for (size_t i = 0; i < DY_ARRAY_LEN(names); i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        unlink(path);
    }
    rmdir(dir);
}

static int make_mini(char *dir, const char *tags, const char *words,
                     const char *unknown)
{
    strcpy(dir, "/tmp/dyad-tag-XXXXXX");
    if (!mkdtemp(dir))
        return -1;
    if ((tags && write_file(dir, "tags.yml", tags)) ||
        (words && write_file(dir, "words.yml", words)) ||
        (unknown && write_file(dir, "unknown.yml", unknown)))
        return -1;
    return 0;
}

static void test_mini(void)
{
    char dir[64];
    dy_err err;
    dy_tagger *t = NULL;
    static toks k;
    dy_err_clear(&err);
    CHECK_INT(make_mini(dir, mini_tags, mini_words, mini_unknown), 0);
    CHECK_INT(dy_tagger_load(&t, dir, &err), 0);
    if (!t) {
        fprintf(stderr, "  [tag] %s\n", err.msg);
        remove_dir(dir);
        return;
    }
    CHECK_INT(dy_tagger_words(t), 18);
    tag_text(t, &k, "the dog barks.");
    CHECK_INT(k.n, 4);
    CHECK_STR(dy_tag_name(k.t[0].tag), "DT");
    CHECK_STR(dy_tag_name(k.t[1].tag), "NN");
    CHECK_STR(dy_tag_name(k.t[2].tag), "VBZ");
    CHECK_STR(dy_tag_name(k.t[3].tag), ".");
    CHECK_TAG(t, &k, "the barks.", "barks", "NNS");
    CHECK_TAG(t, &k, "it will bark.", "bark", "VB");
    CHECK_TAG(t, &k, "it will bark.", "will", "MD");
    CHECK_TAG(t, &k, "the bark.", "bark", "NN");
    /* sentence-initial capital: "The" is in the lexicon as it is */
    CHECK_TAG(t, &k, "The dog barks.", "The", "DT");
    /* only the lower-case form is known */
    CHECK_TAG(t, &k, "Dog barks.", "Dog", "NN");
    CHECK_TAG(t, &k, "Rex saw the dog in the park.", "saw", "VBD");
    CHECK_TAG(t, &k, "Rex saw 12 dogs.", "12", "CD");
    /* unknown words: classes from unknown.yml */
    CHECK_TAG(t, &k, "the big zorf.", "zorf", "NN");
    CHECK_TAG(t, &k, "Rex saw Zorf.", "Zorf", "NNP");
    CHECK_TAG(t, &k, "Rex saw ABC.", "ABC", "NNP");
    /* a symbol needs no transition */
    CHECK_TAG(t, &k, "it @ the dog.", "@", "SYM");
    /* quotes by position */
    tag_text(t, &k, "\"it barks,\" the dog.");
    CHECK_STR(dy_tag_name(k.t[0].tag), "``");
    CHECK_STR(tag_of(&k, "\"", 1), "''");
    /* odd keys: trailing space, CRLF, quoted with a dash */
    CHECK_TAG(t, &k, "Rex saw P-E.", "P-E", "NNP");
    CHECK_TAG(t, &k, "Rex saw 1.5-mile.", "1.5-mile", "CD");
    dy_tagger_tag(t, k.t, 0); /* no tokens: nothing to do */
    dy_tagger_tag(NULL, k.t, k.n);
    dy_tagger_free(t);
    dy_tagger_free(NULL);
    remove_dir(dir);
}

/* Every allocation failure is reported, and leaks nothing (ASan). */
static void test_mini_oom(void)
{
    char dir[64];
    dy_err err;
    int ok = 0, failed = 0;
    CHECK_INT(make_mini(dir, mini_tags, mini_words, mini_unknown), 0);
    for (long n = 0; n < 200 && !ok; n++) {
        dy_tagger *t = NULL;
        dy_fault_after(n);
        int rc = dy_tagger_load(&t, dir, &err);
        dy_fault_after(-1);
        if (rc == 0) {
            ok = 1;
            dy_tagger_free(t);
        } else {
            CHECK_INT(rc, DYAD_ENOMEM);
            CHECK(t == NULL);
            failed++;
        }
    }
    CHECK(ok);
    CHECK(failed > 0);
    remove_dir(dir);
}

static void expect_error(const char *tags, const char *words,
                         const char *unknown, int code, const char *where)
{
    char dir[64];
    dy_err err;
    dy_tagger *t = (dy_tagger *)&err; /* must be reset to NULL */
    dy_err_clear(&err);
    CHECK_INT(make_mini(dir, tags, words, unknown), 0);
    int rc = dy_tagger_load(&t, dir, &err);
    CHECK_INT(rc, code);
    CHECK_INT(err.code, code);
    CHECK(t == NULL);
    th_checks++;
    if (!strstr(err.msg, where)) {
        th_failures++;
        fprintf(stderr, "%s:%d: [%s] message \"%s\" lacks \"%s\"\n",
                __FILE__, __LINE__, th_suite, err.msg, where);
    }
    if (rc == 0)
        dy_tagger_free(t);
    remove_dir(dir);
}

static void test_errors(void)
{
    dy_err err;
    dy_tagger *t = NULL;
    dy_err_clear(&err);
    CHECK_INT(dy_tagger_load(&t, "/nonexistent/dyad-tagger", &err),
              DYAD_EIO);
    CHECK(t == NULL);
    CHECK(strstr(err.msg, "/nonexistent/dyad-tagger/tags.yml") != NULL);

    /* a missing file */
    expect_error(mini_tags, mini_words, NULL, DYAD_EIO, "unknown.yml:0:");
    expect_error(NULL, mini_words, mini_unknown, DYAD_EIO, "tags.yml:0:");
    /* malformed lines, with their line numbers */
    expect_error(mini_tags, "--- #YAML:1.0\nthe: { det: 100 }\ndog { nn: 1 }\n",
                 mini_unknown, DYAD_EDICT, "words.yml:3:");
    expect_error(mini_tags, "\"the: { det: 100 }\n", mini_unknown,
                 DYAD_EDICT, "words.yml:1:");
    expect_error(mini_tags, "x\nthe: { det: 1x }\n", mini_unknown,
                 DYAD_EDICT, "words.yml:1:");
    expect_error(mini_tags, "the: { det: 1 } x\n", mini_unknown, DYAD_EDICT,
                 "words.yml:1:");
    expect_error(mini_tags, "the: { det 1 }\n", mini_unknown, DYAD_EDICT,
                 "words.yml:1:");
    expect_error(mini_tags, "the: { det: }\n", mini_unknown, DYAD_EDICT,
                 "bad number");
    expect_error(mini_tags, "the: { xyz: 3 }\n", mini_unknown, DYAD_EDICT,
                 "unknown tag");
    expect_error(mini_tags, "\"\": { nn: 3 }\n", mini_unknown, DYAD_EDICT,
                 "words.yml:1:");
    expect_error("pp: { det: 1.5 }\n", mini_words, mini_unknown, DYAD_EDICT,
                 "tags.yml:1: probability");
    expect_error("xx: { det: 0.5 }\n", mini_words, mini_unknown, DYAD_EDICT,
                 "tags.yml:1: unknown tag");
    /* empty files, and lexicons without what the tagger needs */
    expect_error(mini_tags, "", mini_unknown, DYAD_EDICT, "no entries");
    expect_error(mini_tags, mini_words, "--- #YAML:1.0\n\"-cap-\": { nnp: 1 }\n",
                 DYAD_EDICT, "-unknown-");
    expect_error("det: { nn: 1 }\n", mini_words, mini_unknown, DYAD_EDICT,
                 "no transitions from pp");
    /* comments and blank lines are fine */
    char dir[64];
    CHECK_INT(make_mini(dir, mini_tags, mini_words,
                        "# classes\n\n\"-cap-\": { nnp: 1 }\n"
                        "\"-unknown-\": { nn: 1 }\n\"*NUM*\": { cd: 1 }\n"),
              0);
    CHECK_INT(dy_tagger_load(&t, dir, &err), 0);
    dy_tagger_free(t);
    remove_dir(dir);
}

/* ---- the real lexicon ----------------------------------------------------- */

static const char *tagger_dir(void)
{
    const char *d = getenv("DYAD_TAGGER_DIR");
    return d ? d : DYAD_DEFAULT_TAGGER_DIR;
}

static void test_words(const dy_tagger *t)
{
    static toks k;
    CHECK(dy_tagger_words(t) > 40000);

    const char *s = "Russian President Vladimir Putin warned NATO on Tuesday "
                    "that Moscow would respond.";
    tag_text(t, &k, s);
    static const char *const want[] = {"JJ", "NNP", "NNP", "NNP", "VBD",
                                       "NNP", "IN", "NNP", "IN", "NNP", "MD",
                                       "VB", "."};
    CHECK_INT(k.n, DY_ARRAY_LEN(want));
    for (size_t i = 0; i < k.n && i < DY_ARRAY_LEN(want); i++)
        if (i != 0) /* Russian: JJ or NNP, both fine */
            CHECK_STR(dy_tag_name(k.t[i].tag), want[i]);

    /* nouns and verbs that look alike */
    CHECK_TAG(t, &k, "Peace talks resumed in Geneva on Monday.", "talks",
              "NNS");
    CHECK_TAG(t, &k, "His talks with Putin lasted three hours.", "talks",
              "NNS");
    CHECK_TAG(t, &k, "Russia talks tough on Ukraine.", "talks", "VBZ");
    CHECK_TAG(t, &k, "The attacks killed 20 people.", "attacks", "NNS");
    CHECK_TAG(t, &k, "The attacks killed 20 people.", "killed", "VBD");
    CHECK_TAG(t, &k, "He attacks the opposition in every speech.",
              "attacks", "VBZ");
    CHECK_TAG(t, &k, "The government calls the protests illegal.", "calls",
              "VBZ");
    CHECK_TAG(t, &k, "The calls for a ceasefire were ignored.", "calls",
              "NNS");
    CHECK_TAG(t, &k, "The United States calls on Russia to withdraw.",
              "calls", "VBZ");
    CHECK_TAG(t, &k, "The rebels demand the release of prisoners.", "demand",
              "VBP");
    CHECK_TAG(t, &k, "The UN demands an end to the violence.", "demands",
              "VBZ");
    CHECK_TAG(t, &k, "These demands were rejected.", "demands", "NNS");
    CHECK_TAG(t, &k, "Iran warned Israel against an attack.", "warned",
              "VBD");
    CHECK_TAG(t, &k, "Protesters clashed with police.", "clashed", "VBD");
    CHECK_TAG(t, &k, "Police arrested 45 people.", "arrested", "VBD");
    CHECK_TAG(t, &k, "Israeli troops killed three Palestinians.", "killed",
              "VBD");
    CHECK_TAG(t, &k, "Three Palestinians were killed by Israeli troops.",
              "killed", "VBN");
    CHECK_TAG(t, &k, "The truce brokered by Egypt held.", "brokered", "VBN");
    CHECK_TAG(t, &k, "The candidate claimed victory and called on "
              "supporters to defend the vote.", "called", "VBD");
    CHECK_TAG(t, &k, "Tunisia's president dismissed the prime minister "
              "and suspended parliament.", "suspended", "VBD");
    CHECK_TAG(t, &k, "Hundreds of people killed in the attack were buried.",
              "killed", "VBN");
    CHECK_TAG(t, &k, "A group called Hamas claimed the attack.", "called",
              "VBN");

    /* may / May, us / US */
    CHECK_TAG(t, &k, "The army may launch a new offensive.", "may", "MD");
    CHECK_TAG(t, &k, "In May, the two countries signed a deal.", "May",
              "NNP");
    CHECK_TAG(t, &k, "Theresa May met European leaders in Brussels.", "May",
              "NNP");
    CHECK_TAG(t, &k, "Officials told us that the US would send troops.",
              "us", "PRP");
    CHECK_TAG(t, &k, "Officials told us that the US would send troops.",
              "US", "NNP");
    CHECK_TAG(t, &k, "The US and its allies warned Iran.", "US", "NNP");
    CHECK_TAG(t, &k, "They told US officials to leave.", "US", "NNP");

    /* numbers, abbreviations, possessives, contractions */
    CHECK_TAG(t, &k, "Washington sanctioned 122,000 tons of oil.", "122,000",
              "CD");
    CHECK_TAG(t, &k, "About 1,500 people fled.", "1,500", "CD");
    CHECK_TAG(t, &k, "Inflation rose to 8.5 percent.", "8.5", "CD");
    /* numbers a tokenizer may leave with their signs on */
    CHECK_TAG(t, &k, "Inflation rose to 8.5% in March.", "8.5%", "CD");
    CHECK_TAG(t, &k, "The IMF approved a $3 billion loan.", "$3", "CD");
    CHECK_TAG(t, &k, "The EU pledged \xe2\x82\xac" "20 million in aid.",
              "\xe2\x82\xac" "20", "CD");
    CHECK_TAG(t, &k, "In 2019, the two countries broke off ties.", "2019",
              "CD");
    CHECK_TAG(t, &k, "The U.S. sent troops to the region.", "U.S.", "NNP");
    CHECK_TAG(t, &k, "Russia's army attacked the town.", "'s", "POS");
    CHECK_TAG(t, &k, "The minister's visit was postponed.", "'s", "POS");
    CHECK_TAG(t, &k, "It's not clear.", "'s", "VBZ");
    CHECK_TAG(t, &k, "They don't want a war.", "n't", "RB");
    CHECK_TAG(t, &k, "They don't want a war.", "do", "VBP");
    CHECK_TAG(t, &k, "We can't accept this.", "ca", "MD");

    /* names */
    CHECK_TAG(t, &k, "Azerbaijan launched an operation in Nagorno-Karabakh.",
              "Nagorno-Karabakh", "NNP");
    CHECK_TAG(t, &k, "The attack was claimed by al-Shabaab.", "al-Shabaab",
              "NNP");
    CHECK_TAG(t, &k, "Four soldiers died in northern Mali.", "Mali", "NNP");
    CHECK_TAG(t, &k, "Zelensky thanked Biden for the support.", "Zelensky",
              "NNP");
    CHECK_TAG(t, &k, "A pro-democracy activist was arrested.",
              "pro-democracy", "JJ");
    CHECK_TAG(t, &k, "Gunmen stormed a hospital in Port-au-Prince.",
              "Port-au-Prince", "NNP");
    CHECK_TAG(t, &k, "The army drafted ultra-Orthodox men.",
              "ultra-Orthodox", "JJ");
    CHECK_TAG(t, &k, "He visited several post-Soviet states.",
              "post-Soviet", "JJ");
    CHECK_TAG(t, &k, "The U.S.-led coalition carried out air strikes.",
              "U.S.-led", "JJ");

    /* sentence-initial capitals; headlines in capitals */
    CHECK_TAG(t, &k, "Police arrested 45 people.", "Police", "NNS");
    CHECK_TAG(t, &k, "Fighting erupted again after a brief lull.", "erupted",
              "VBD");
    CHECK_TAG(t, &k, "PUTIN WARNS NATO OVER UKRAINE", "WARNS", "VBZ");
    CHECK_TAG(t, &k, "PUTIN WARNS NATO OVER UKRAINE", "NATO", "NNP");

    /* unknown lower-case words may be verbs */
    CHECK_TAG(t, &k, "The alliance will deploy more troops.", "deploy",
              "VB");

    /* quotes and punctuation */
    tag_text(t, &k, "\"We will not accept this,\" the minister said.");
    CHECK_STR(dy_tag_name(k.t[0].tag), "``");
    CHECK_STR(tag_of(&k, "\"", 1), "''");
    CHECK_STR(tag_of(&k, ",", 0), ",");
    CHECK_STR(tag_of(&k, ".", 0), ".");
    CHECK_STR(tag_of(&k, "said", 0), "VBD");
    CHECK_TAG(t, &k, "The World Health Organization (WHO) declared an "
              "emergency.", "(", "-LRB-");
    CHECK_TAG(t, &k, "The World Health Organization (WHO) declared an "
              "emergency.", "WHO", "NNP");
    CHECK_TAG(t, &k, "The IMF approved a $ 3 billion loan.", "$", "$");

    /* a verb of intent between a plural subject and "to" */
    CHECK_TAG(t, &k, "Rebel commanders plan to attack the airport.", "plan",
              "VBP");
    CHECK_TAG(t, &k, "Members of the farmers union plan to block the roads.",
              "plan", "VBP");
    CHECK_TAG(t, &k, "Details of the peace plan to end the war emerged.",
              "plan", "NN");
    CHECK_TAG(t, &k, "The army's plan to seize the port failed.", "plan",
              "NN");
    /* an -ing complement of "began"; "today" before a verb */
    CHECK_TAG(t, &k, "Coalition aircraft began striking rebel positions.",
              "striking", "VBG");
    CHECK_TAG(t, &k, "Ukraine today accused the separatists.", "today", "RB");
    /* a relative pronoun's -s verb before "to"; a plural after "any" */
    CHECK_TAG(t, &k, "Kenya backed a plan that aims to end the strike.",
              "aims", "VBZ");
    CHECK_TAG(t, &k, "The report will remove any doubts the court had.",
              "doubts", "NNS");
    /* "tear gas" is a noun */
    CHECK_TAG(t, &k, "Police fired tear gas at students.", "tear", "NN");
}

/* A sentence longer than the decoder's window: same tags as in short. */
static void test_long(const dy_tagger *t)
{
    static toks k, one;
    static char text[8192];
    const char *s = "Police arrested 45 people after protests erupted in the "
                    "capital and troops killed three men ,";
    text[0] = 0;
    for (int i = 0; i < 20; i++)
        strcat(text, s), strcat(text, " ");
    strcat(text, "officials said.");
    tag_text(t, &k, text);
    CHECK(k.n > 300);
    tag_text(t, &one, s);
    size_t m = one.n;
    int same = 0, total = 0;
    for (size_t i = m; i + m < k.n - 3; i++, total++)
        same += k.t[i].tag == one.t[i % m].tag ||
                (i % m == 0); /* "Police" is sentence-initial in one */
    CHECK(same >= total - total / 50);
    for (size_t i = 0; i < k.n; i++)
        CHECK(k.t[i].tag > T_NONE && k.t[i].tag < T_COUNT);
    CHECK_STR(tag_of(&k, "killed", 17), "VBD");
}

/* Very long sentences of one pattern: tagged, in linear time. */
static void test_huge(const dy_tagger *t)
{
    static const char *const pat[][2] = {{"troops", "killed"},
                                         {"\"", "\""},
                                         {"The", "the"}};
    size_t n = 20000;
    dy_tok *tk = calloc(n, sizeof *tk);
    CHECK(tk != NULL);
    if (!tk)
        return;
    for (size_t p = 0; p < DY_ARRAY_LEN(pat); p++) {
        for (size_t i = 0; i < n; i++) {
            const char *w = pat[p][i & 1];
            tk[i].s = tk[i].low = w;
            tk[i].n = tk[i].nlow = (uint16_t)strlen(w);
            tk[i].flags = (uint16_t)(w[0] == 'T' ? TOKF_CAP | TOKF_ALPHA
                                                  : TOKF_ALPHA);
            tk[i].tag = 0;
        }
        dy_tagger_tag(t, tk, n);
        size_t bad = 0;
        for (size_t i = 0; i < n; i++)
            bad += !(tk[i].tag > T_NONE && tk[i].tag < T_COUNT);
        CHECK_INT(bad, 0);
    }
    free(tk);
}

/* Odd tokens: empty, long, non-ASCII, symbols, all digits. */
static void test_odd(const dy_tagger *t)
{
    dy_tok tk[8];
    memset(tk, 0, sizeof tk);
    static const char *const w[] = {
        "", "Erdo\xc4\x9f" "an", "\xc3\xa9lection",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
        "aaaaaaaaaaaa",
        "@@", "--", "123-456", "\xff\xfe"};
    for (size_t i = 0; i < DY_ARRAY_LEN(w); i++) {
        tk[i].s = tk[i].low = w[i];
        tk[i].n = tk[i].nlow = (uint16_t)strlen(w[i]);
        tk[i].flags = TOKF_SPACE | (i == 0 ? TOKF_SSTART : 0);
        tk[i].tag = 0xff;
    }
    dy_tagger_tag(t, tk, DY_ARRAY_LEN(w));
    for (size_t i = 0; i < DY_ARRAY_LEN(w); i++)
        CHECK(tk[i].tag > T_NONE && tk[i].tag < T_COUNT);
    CHECK_STR(dy_tag_name(tk[1].tag), "NNP");
    CHECK_STR(dy_tag_name(tk[4].tag), "SYM");
    CHECK_STR(dy_tag_name(tk[6].tag), "CD");
}

typedef struct job {
    const dy_tagger *t;
    int bad;
} job;

static void *thread_main(void *arg)
{
    job *j = arg;
    static const char *const texts[] = {
        "Russian President Vladimir Putin warned NATO on Tuesday.",
        "Protesters clashed with police outside the parliament.",
        "The talks will focus on security and trade."};
    toks *a = malloc(sizeof *a), *b = malloc(sizeof *b);
    if (!a || !b) {
        j->bad = 1;
        free(a);
        free(b);
        return NULL;
    }
    for (int r = 0; r < 300; r++) {
        const char *s = texts[r % 3];
        tag_text(j->t, a, s);
        tag_text(j->t, b, s);
        for (size_t i = 0; i < a->n; i++)
            j->bad |= a->t[i].tag != b->t[i].tag;
    }
    free(a);
    free(b);
    return NULL;
}

/* Tagging is read-only on the tagger: several threads at once. */
static void test_threads(const dy_tagger *t)
{
    pthread_t th[4];
    job jobs[4];
    for (int i = 0; i < 4; i++) {
        jobs[i].t = t;
        jobs[i].bad = 0;
        CHECK_INT(pthread_create(&th[i], NULL, thread_main, &jobs[i]), 0);
    }
    for (int i = 0; i < 4; i++) {
        pthread_join(th[i], NULL);
        CHECK_INT(jobs[i].bad, 0);
    }
}

void suite_tag(void)
{
    test_mini();
    test_mini_oom();
    test_errors();

    char path[4096];
    struct stat st;
    snprintf(path, sizeof path, "%s/words.yml", tagger_dir());
    if (stat(path, &st) != 0) {
        char why[4200];
        snprintf(why, sizeof why,
                 "%s not found (apt-get install liblingua-en-tagger-perl, "
                 "or set DYAD_TAGGER_DIR)", path);
        th_skip(why);
        return;
    }
    dy_err err;
    dy_tagger *t = NULL;
    dy_err_clear(&err);
    int rc = dy_tagger_load(&t, tagger_dir(), &err);
    CHECK_INT(rc, 0);
    if (rc) {
        fprintf(stderr, "  [tag] %s\n", err.msg);
        return;
    }
    test_words(t);
    test_long(t);
    test_huge(t);
    test_odd(t);
    test_threads(t);
    dy_tagger_free(t);
}
