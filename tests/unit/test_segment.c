/* test_segment.c - tokens and sentences (src/segment.c): Penn-style tokens
 * with byte offsets from dy_tokenize_phrase, then whole documents through
 * dy_text_load + dy_clean + dy_segment (the order of dyad_code) on a small
 * dictionary written here. All texts are made up for these tests. */
#include "../../src/dict.h"
#include "../../src/doc.h"
#include "th.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* ---- rendering tokens -------------------------------------------------- */

#define SG_MAXTOK 128

static dy_tok sg_toks[SG_MAXTOK];
static char sg_out[8192];

/* Tokenise s with dy_tokenize_phrase and render the tokens as
 * "s@beg-end" separated by spaces; "^" marks TOKF_HYPHJOIN. Also checks
 * the invariants every token must satisfy: a non-empty byte span inside
 * the text, in order and not overlapping, and (for ASCII tokens that were
 * not rewritten) the normalised form equal to the bytes of the span. */
static const char *toks(const char *s)
{
    dy_arena a;
    dy_arena_init(&a, 4096);
    size_t len = strlen(s);
    size_t n = dy_tokenize_phrase(s, len, &a, sg_toks, SG_MAXTOK);
    size_t m = 0;
    sg_out[0] = 0;
    uint32_t prev_end = 0;
    for (size_t i = 0; i < n; i++) {
        const dy_tok *t = &sg_toks[i];
        CHECK(t->beg < t->end && t->end <= len && t->beg >= prev_end);
        prev_end = t->end;
        int ascii = 1;
        for (uint32_t k = t->beg; k < t->end; k++)
            if ((unsigned char)s[k] >= 0x80)
                ascii = 0;
        if (ascii && t->n == t->end - t->beg)
            CHECK(memcmp(t->s, s + t->beg, t->n) == 0);
        m += (size_t)snprintf(sg_out + m, sizeof sg_out - m, "%s%s%.*s@%u-%u",
                              i ? " " : "",
                              (t->flags & TOKF_HYPHJOIN) ? "^" : "", (int)t->n,
                              t->s, t->beg, t->end);
        if (m >= sizeof sg_out)
            break;
    }
    dy_arena_free(&a);
    return sg_out;
}

/* The lower-case keys of the tokens of s, separated by spaces. */
static const char *lows(const char *s)
{
    dy_arena a;
    dy_arena_init(&a, 4096);
    size_t n = dy_tokenize_phrase(s, strlen(s), &a, sg_toks, SG_MAXTOK);
    size_t m = 0;
    sg_out[0] = 0;
    for (size_t i = 0; i < n && m < sizeof sg_out; i++)
        m += (size_t)snprintf(sg_out + m, sizeof sg_out - m, "%s%.*s",
                              i ? " " : "", (int)sg_toks[i].nlow,
                              sg_toks[i].low);
    dy_arena_free(&a);
    return sg_out;
}

/* Flags of token i of s. */
static unsigned tflags(const char *s, size_t i)
{
    dy_arena a;
    dy_arena_init(&a, 4096);
    size_t n = dy_tokenize_phrase(s, strlen(s), &a, sg_toks, SG_MAXTOK);
    unsigned f = i < n ? sg_toks[i].flags : 0xFFFFu;
    dy_arena_free(&a);
    return f;
}

static size_t ntoks(const char *s)
{
    dy_arena a;
    dy_arena_init(&a, 4096);
    size_t n = dy_tokenize_phrase(s, strlen(s), &a, sg_toks, SG_MAXTOK);
    dy_arena_free(&a);
    return n;
}

/* ---- tokens ------------------------------------------------------------- */

static void test_possessives_contractions(void)
{
    CHECK_STR(toks("Russia's army"), "Russia@0-6 's@6-8 army@9-13");
    CHECK_STR(toks("don't"), "do@0-2 n't@2-5");
    CHECK_STR(toks("They don't know"), "They@0-4 do@5-7 n't@7-10 know@11-15");
    CHECK_STR(toks("won't can't"), "wo@0-2 n't@2-5 ca@6-8 n't@8-11");
    CHECK_STR(toks("Israel cannot accept"), "Israel@0-6 can@7-10 not@10-13 accept@14-20");
    CHECK_STR(toks("Cannot cannoteer"), "Can@0-3 not@3-6 cannoteer@7-16");
    CHECK_STR(toks("they're here, we'll go, I'm sure, she'd say, we've won"),
              "they@0-4 're@4-7 here@8-12 ,@12-13 we@14-16 'll@16-19 go@20-22 "
              ",@22-23 I@24-25 'm@25-27 sure@28-32 ,@32-33 she@34-37 'd@37-39 "
              "say@40-43 ,@43-44 we@45-47 've@47-50 won@51-54");
    /* a name with an apostrophe stays whole */
    CHECK_STR(toks("O'Neill spoke"), "O'Neill@0-7 spoke@8-13");
    /* an underscore between letters separates words (TABARI style) */
    CHECK_STR(toks("Dol_Amroth"), "Dol@0-3 Amroth@4-10");
    CHECK_STR(toks("x _ y"), "x@0-1 _@2-3 y@4-5");
    /* plural possessive */
    CHECK_STR(toks("the allies' plan"), "the@0-3 allies@4-10 '@10-11 plan@12-16");
    /* capitals */
    CHECK_STR(toks("NATO's chief"), "NATO@0-4 's@4-6 chief@7-12");
    /* typographic apostrophe (U+2019, 3 bytes): normalised to ' */
    CHECK_STR(toks("Russia\xE2\x80\x99s army"), "Russia@0-6 's@6-10 army@11-15");
    CHECK_STR(toks("didn\xE2\x80\x99t"), "did@0-3 n't@3-8");
    /* the split-off parts carry no space flag; the next word does */
    CHECK(!(tflags("Russia's army", 1) & TOKF_SPACE));
    CHECK(tflags("Russia's army", 2) & TOKF_SPACE);
    CHECK(!(tflags("Russia's army", 0) & TOKF_SPACE) ||
          (tflags("Russia's army", 0) & TOKF_SPACE)); /* either is fine */
}

static void test_abbreviations_numbers(void)
{
    CHECK_STR(toks("U.S. troops"), "U.S.@0-4 troops@5-11");
    CHECK_STR(toks("the U.N. and the E.U."),
              "the@0-3 U.N.@4-8 and@9-12 the@13-16 E.U.@17-21");
    CHECK_STR(toks("on Jan. 5"), "on@0-2 Jan.@3-7 5@8-9");
    CHECK_STR(toks("Gen. Smith and Mr. Jones"),
              "Gen.@0-4 Smith@5-10 and@11-14 Mr.@15-18 Jones@19-24");
    CHECK_STR(toks("John F. Kennedy"), "John@0-4 F.@5-7 Kennedy@8-15");
    CHECK_STR(toks("e.g. this"), "e.g.@0-4 this@5-9");
    /* an ordinary word keeps no period */
    CHECK_STR(toks("left."), "left@0-4 .@4-5");
    /* numbers stay whole */
    CHECK_STR(toks("122,000 people"), "122,000@0-7 people@8-14");
    CHECK_STR(toks("1,250,000"), "1,250,000@0-9");
    CHECK_STR(toks("3.5 percent"), "3.5@0-3 percent@4-11");
    CHECK_STR(toks("on 2022-01-10 at"), "on@0-2 2022-01-10@3-13 at@14-16");
    CHECK_STR(toks("10/01/2022 at 10:30"), "10/01/2022@0-10 at@11-13 10:30@14-19");
    CHECK_STR(toks("$5.5 billion"), "$@0-1 5.5@1-4 billion@5-12");
    /* a comma between digits that is not a thousands separator splits */
    CHECK_STR(toks("1,5"), "1@0-1 ,@1-2 5@2-3");
    /* a sentence-final number keeps its period separate */
    CHECK_STR(toks("was 3."), "was@0-3 3@4-5 .@5-6");
    CHECK(tflags("122,000", 0) & TOKF_DIGIT);
    CHECK(!(tflags("122,000", 0) & TOKF_ALPHA));
}

static void test_hyphens_dashes(void)
{
    CHECK_STR(toks("pro-Russian forces"), "pro@0-3 ^Russian@4-11 forces@12-18");
    CHECK_STR(toks("non-governmental"), "non@0-3 ^governmental@4-16");
    CHECK_STR(toks("Kyiv-based"), "Kyiv@0-4 ^based@5-10");
    CHECK_STR(toks("a three-way-split"), "a@0-1 three@2-7 ^way@8-11 ^split@12-17");
    /* an en dash between names joins like a hyphen (3 bytes) */
    CHECK_STR(toks("Biden\xE2\x80\x93Putin talks"),
              "Biden@0-5 ^Putin@8-13 talks@14-19");
    /* with a digit on either side the word stays whole */
    CHECK_STR(toks("F-16 jets"), "F-16@0-4 jets@5-9");
    CHECK_STR(toks("MiG-29"), "MiG-29@0-6");
    CHECK_STR(toks("COVID-19"), "COVID-19@0-8");
    CHECK_STR(toks("a 5-4 vote"), "a@0-1 5-4@2-5 vote@6-10");
    /* BUG: segment.c's own header lists "24-year-old" among the words kept
     * whole because a part is a number; only the hyphen next to the digit
     * is kept, so it becomes "24-year" + joined "old". */
#if 1 /* fixed */
    CHECK_STR(toks("a 24-year-old man"), "a@0-1 24-year-old@2-13 man@14-17");
#endif
    /* em dash, spaced en dash, double hyphen: separate dash tokens */
    CHECK_STR(toks("NATO\xE2\x80\x94" "and"), "NATO@0-4 -@4-7 and@7-10");
    CHECK_STR(toks("war \xE2\x80\x93 and peace"), "war@0-3 -@4-7 and@8-11 peace@12-17");
    CHECK_STR(toks("yes--no"), "yes@0-3 --@3-5 no@5-7");
    CHECK_STR(toks("wait - what"), "wait@0-4 -@5-6 what@7-11");
    CHECK(tflags("pro-Russian", 1) & TOKF_HYPHJOIN);
    CHECK(tflags("a pro-Russian", 1) & TOKF_SPACE);
    /* BUG: the later parts of a hyphenated word inherit the word's
     * TOKF_SPACE ("whitespace before the token"), though a hyphen, not
     * white space, comes before them (emit_word passes `extra` on). */
#if 1 /* fixed */
    CHECK(!(tflags("a pro-Russian", 2) & TOKF_SPACE));
#endif
    CHECK(!(tflags("pro-Russian", 0) & TOKF_HYPHJOIN));
}

static void test_quotes_punct_urls(void)
{
    /* typographic double quotes: one token each, normalised to " */
    CHECK_STR(toks("\xE2\x80\x9CHi\xE2\x80\x9D he said"),
              "\"@0-3 Hi@3-5 \"@5-8 he@9-11 said@12-16");
    CHECK_STR(toks("\"Hi,\" he said."),
              "\"@0-1 Hi@1-3 ,@3-4 \"@4-5 he@6-8 said@9-13 .@13-14");
    /* `` and '' (LaTeX style) become " too */
    CHECK_STR(toks("``Hi''"), "\"@0-2 Hi@2-4 \"@4-6");
    CHECK_STR(toks("He said 'no' twice"),
              "He@0-2 said@3-7 '@8-9 no@9-11 '@11-12 twice@13-18");
    /* ellipses */
    CHECK_STR(toks("wait... what"), "wait@0-4 ...@4-7 what@8-12");
    CHECK_STR(toks("wait\xE2\x80\xA6 what"), "wait@0-4 ...@4-7 what@8-12");
    /* brackets and other punctuation */
    CHECK_STR(toks("(AP) x; y: z!"),
              "(@0-1 AP@1-3 )@3-4 x@5-6 ;@6-7 y@8-9 :@9-10 z@11-12 !@12-13");
    CHECK(tflags("x ,", 1) & TOKF_PUNCT);
    /* URLs are one token; a final period or comma is not part of it */
    CHECK_STR(toks("see https://example.com/a?b=1&c=2. Then"),
              "see@0-3 https://example.com/a?b=1&c=2@4-33 .@33-34 Then@35-39");
    CHECK_STR(toks("at www.example.org/path, now"),
              "at@0-2 www.example.org/path@3-23 ,@23-24 now@25-28");
    CHECK_STR(toks("(http://x.example/y)"), "(@0-1 http://x.example/y@1-19 )@19-20");
    /* hashtags, handles, ampersand names */
    CHECK_STR(toks("#Ukraine @user"), "#Ukraine@0-8 @user@9-14");
    CHECK_STR(toks("AT&T and Procter & Gamble"),
              "AT&T@0-4 and@5-8 Procter@9-16 &@17-18 Gamble@19-25");
    /* white space: tabs, newlines, thin space (3 bytes) */
    CHECK_STR(toks("a\tb\nc\rd\xE2\x80\x89" "e"), "a@0-1 b@2-3 c@4-5 d@6-7 e@10-11");
    /* a no-break space between punctuation and a word separates */
    CHECK_STR(toks("(\xC2\xA0x"), "(@0-1 x@3-4");
    /* BUG: a no-break space (U+00A0, common in scraped HTML as &nbsp;) or an
     * ideographic space (U+3000) between two words does not separate them:
     * the word scanner classes them as letters, so "Vladimir<NBSP>Putin" is
     * one token "Vladimir Putin" (and no dictionary phrase matches it). */
#if 1 /* fixed */
    CHECK_STR(toks("Vladimir\xC2\xA0Putin"), "Vladimir@0-8 Putin@10-15");
    CHECK_STR(toks("met\xE3\x80\x80Zembla"), "met@0-3 Zembla@6-12");
#endif
}

static void test_normalisation_flags(void)
{
    /* accents folded in the key, kept in the normalised form */
    CHECK_STR(lows("Zürich Curaçao ÉTAT"), "zurich curacao etat");
    CHECK_STR(toks("Zürich"), "Zürich@0-7");
    /* NFKC: full-width letters and a ligature */
    CHECK_STR(lows("\xEF\xBC\xAE\xEF\xBC\xA1\xEF\xBC\xB4\xEF\xBC\xAF"), "nato");
    CHECK_STR(lows("\xEF\xAC\x81" "nance"), "finance");
    /* decomposed e + combining acute composes: key "cafe" */
    CHECK_STR(lows("Cafe\xCC\x81"), "cafe");
    CHECK_STR(lows("U.S. Russia NATO"), "u.s. russia nato");
    /* case flags */
    CHECK(tflags("Russia", 0) & TOKF_CAP);
    CHECK(!(tflags("Russia", 0) & TOKF_UPPER));
    CHECK(tflags("NATO", 0) & TOKF_UPPER);
    CHECK(tflags("NATO", 0) & TOKF_CAP);
    CHECK(!(tflags("army", 0) & (TOKF_CAP | TOKF_UPPER)));
    CHECK(tflags("Émile", 0) & TOKF_CAP);
    CHECK(tflags("army", 0) & TOKF_ALPHA);
    CHECK(!(tflags("I", 0) & TOKF_UPPER)); /* one letter is not "all caps" */
    CHECK(tflags("F-16", 0) & TOKF_DIGIT);
    CHECK(tflags("F-16", 0) & TOKF_ALPHA);
    /* max bounds the output */
    dy_arena a;
    dy_arena_init(&a, 1024);
    dy_tok few[2];
    CHECK_INT(dy_tokenize_phrase("one two three four", 18, &a, few, 2), 2);
    CHECK(few[1].beg == 4 && few[1].end == 7);
    CHECK_INT(dy_tokenize_phrase("", 0, &a, few, 2), 0);
    CHECK_INT(dy_tokenize_phrase("   \n\t ", 6, &a, few, 2), 0);
    dy_arena_free(&a);
    /* only the given length is read (no NUL needed) */
    CHECK_INT(ntoks("alpha beta"), 2);
    dy_arena_init(&a, 1024);
    CHECK_INT(dy_tokenize_phrase("alpha beta", 5, &a, sg_toks, SG_MAXTOK), 1);
    dy_arena_free(&a);
}

/* ---- documents ---------------------------------------------------------- */

static dyad_dict *sg_dict;
static int sg_have_dict;

static const char sg_dict_text[] =
    "%dyad-dict 1\n"
    "country ZZL Zembla\n"
    "  adj Zemblan\n"
    "verb attack\n"
    "  190 *\n";

static void sg_load_dict(void)
{
    char dir[] = "/tmp/dyad-test-seg-XXXXXX";
    if (!mkdtemp(dir)) {
        th_skip("cannot create a temporary folder");
        return;
    }
    char path[64];
    snprintf(path, sizeof path, "%s/d.dyad", dir);
    FILE *f = fopen(path, "w");
    if (!f) {
        rmdir(dir);
        th_skip("cannot write a temporary dictionary");
        return;
    }
    fputs(sg_dict_text, f);
    fclose(f);
    CHECK_INT(dyad_dict_new(&sg_dict), DYAD_OK);
    CHECK_INT(dyad_dict_load(sg_dict, path), DYAD_OK);
    int r = dyad_dict_finish(sg_dict);
    unlink(path);
    rmdir(dir);
    if (r != DYAD_OK) {
        th_skip("dictionary not finished (tagger lexicon missing?)");
        return;
    }
    sg_have_dict = 1;
}

static dy_doc sg_doc;

/* Load, clean and segment text into sg_doc (the caller frees). */
static int sg_run(const char *text)
{
    dy_err err;
    memset(&err, 0, sizeof err);
    dy_doc_init(&sg_doc);
    int r = dy_text_load(&sg_doc, text, strlen(text), &err);
    if (!r)
        r = dy_clean(&sg_doc);
    if (!r)
        r = dy_segment(&sg_doc, (const dy_dict *)sg_dict);
    return r;
}

/* The sentences of text as "first|second|..." from their byte spans; "H:"
 * marks a headline. Checks that each sentence's span is the span of its
 * tokens and that the first token has TOKF_SSTART. */
static const char *sents(const char *text)
{
    size_t m = 0;
    sg_out[0] = 0;
    if (sg_run(text) != 0) {
        dy_doc_free(&sg_doc);
        return "(error)";
    }
    for (size_t i = 0; i < sg_doc.nsent; i++) {
        const dy_sent *s = &sg_doc.sents[i];
        CHECK(s->ntok > 0 && s->tok0 + s->ntok <= sg_doc.ntok);
        CHECK_INT(s->beg, sg_doc.toks[s->tok0].beg);
        CHECK_INT(s->end, sg_doc.toks[s->tok0 + s->ntok - 1].end);
        CHECK(sg_doc.toks[s->tok0].flags & TOKF_SSTART);
        if (i > 0)
            CHECK(s->beg >= sg_doc.sents[i - 1].end);
        m += (size_t)snprintf(sg_out + m, sizeof sg_out - m, "%s%s%.*s",
                              i ? "|" : "", s->headline ? "H:" : "",
                              (int)(s->end - s->beg), text + s->beg);
        if (m >= sizeof sg_out)
            break;
    }
    dy_doc_free(&sg_doc);
    return sg_out;
}

static void test_sentences_abbrev(void)
{
    CHECK_STR(sents("The U.S. said it would act. The U.N. agreed."),
              "The U.S. said it would act.|The U.N. agreed.");
    CHECK_STR(sents("Gen. Smith met Mr. Jones and Mrs. Lee. They talked."),
              "Gen. Smith met Mr. Jones and Mrs. Lee.|They talked.");
    CHECK_STR(sents("He met John F. Kennedy. Then he left."),
              "He met John F. Kennedy.|Then he left.");
    CHECK_STR(sents("She met J. R. Tolkien in Oxford. He wrote."),
              "She met J. R. Tolkien in Oxford.|He wrote.");
    /* an abbreviation ends a sentence before a typical starter only */
    CHECK_STR(sents("He lives in the U.S. He works in Canada."),
              "He lives in the U.S.|He works in Canada.");
    CHECK_STR(sents("Troops from the U.S. Army arrived."),
              "Troops from the U.S. Army arrived.");
    CHECK_STR(sents("Envoys from the U.N. Security Council met."),
              "Envoys from the U.N. Security Council met.");
    CHECK_STR(sents("It ended in Jan. The talks began."),
              "It ended in Jan.|The talks began.");
    CHECK_STR(sents("He arrived on Jan. 5 in Kyiv. Talks began."),
              "He arrived on Jan. 5 in Kyiv.|Talks began.");
    CHECK_STR(sents("Ministers from the E.U. and the U.K. met. They agreed."),
              "Ministers from the E.U. and the U.K. met.|They agreed.");
    CHECK_STR(sents("Talks in Washington D.C. ended. The delegation left."),
              "Talks in Washington D.C. ended.|The delegation left.");
    /* BUG: ordinary lower-case words that are also in the abbreviation
     * list ("no" for No., "sat" for Sat., "ill" for Ill., "max", "miss",
     * "wash"...) swallow a sentence-final period; "no" is a title too, so
     * "said no. The talks failed." is never split, and "sat." before a
     * name is not either. The lower-case word should keep its period
     * separate. */
#if 1 /* fixed */
    CHECK_STR(sents("Zembla said no. The talks failed."),
              "Zembla said no.|The talks failed.");
    CHECK_STR(sents("Troops sat. Zembla watched."), "Troops sat.|Zembla watched.");
    CHECK_STR(toks("He fell ill."), "He@0-2 fell@3-7 ill@8-11 .@11-12");
#endif
    CHECK_STR(sents("They met at No. 10 on Monday. Talks began."),
              "They met at No. 10 on Monday.|Talks began.");
    /* titles never end a sentence */
    CHECK_STR(sents("A letter from Gen. The Hague court followed."),
              "A letter from Gen. The Hague court followed.");
}

static void test_sentences_quotes_numbers(void)
{
    CHECK_STR(sents("He called it \"a disaster.\" The minister resigned."),
              "He called it \"a disaster.\"|The minister resigned.");
    CHECK_STR(sents("He called it \xE2\x80\x9C" "a disaster.\xE2\x80\x9D The minister resigned."),
              "He called it \xE2\x80\x9C" "a disaster.\xE2\x80\x9D|The minister resigned.");
    CHECK_STR(sents("It was 'over.' Then more came."),
              "It was 'over.'|Then more came.");
    CHECK_STR(sents("\"We will fight,\" he said. \"We will win!\" Then silence."),
              "\"We will fight,\" he said.|\"We will win!\"|Then silence.");
    CHECK_STR(sents("He asked: \"Why?\" Nobody answered."),
              "He asked: \"Why?\"|Nobody answered.");
    CHECK_STR(sents("The talks (held in Geneva.) ended. Next came Paris."),
              "The talks (held in Geneva.) ended.|Next came Paris.");
    CHECK_STR(sents("Troops withdrew! Why? Nobody knows."),
              "Troops withdrew!|Why?|Nobody knows.");
    /* numbers */
    CHECK_STR(sents("Prices rose 3.5 percent. Sales fell."),
              "Prices rose 3.5 percent.|Sales fell.");
    CHECK_STR(sents("It cost $5.5 billion. The plan failed."),
              "It cost $5.5 billion.|The plan failed.");
    CHECK_STR(sents("He won 122,000 votes. The rival got 3."),
              "He won 122,000 votes.|The rival got 3.");
    CHECK_STR(sents("The vote was 5-4. 12 members abstained."),
              "The vote was 5-4.|12 members abstained.");
    CHECK_STR(sents("It began on 2022-01-10. Talks followed."),
              "It began on 2022-01-10.|Talks followed.");
    /* a period before a lower-case word does not end the sentence */
    CHECK_STR(sents("He said it was fine. but nobody believed him."),
              "He said it was fine. but nobody believed him.");
    /* punctuation-only runs are not sentences */
    CHECK_STR(sents("Troops withdrew.\n\n* * *\n\nTalks began."),
              "Troops withdrew.|Talks began.");
    CHECK_STR(sents(""), "");
    CHECK_STR(sents("   \n\n  "), "");
}

static void test_sentences_lines(void)
{
    /* headline: the first line without final punctuation */
    CHECK_STR(sents("Zembla shells border towns\n"
                    "The attack killed 12 people on Monday."),
              "H:Zembla shells border towns|The attack killed 12 people on Monday.");
    CHECK_STR(sents("Zembla shells border towns\r\n\r\n"
                    "The attack killed 12 people."),
              "H:Zembla shells border towns|The attack killed 12 people.");
    /* a first line with a period is not a headline */
    CHECK_STR(sents("Troops withdrew.\nThe talks began."),
              "Troops withdrew.|The talks began.");
    /* a one-line text without final punctuation has no line after it */
    CHECK_STR(sents("Zembla shells border towns"), "Zembla shells border towns");
    /* blank lines end sentences, with or without punctuation */
    CHECK_STR(sents("First paragraph ends here\n\nSecond paragraph\n\nThird one."),
              "H:First paragraph ends here|Second paragraph|Third one.");
    CHECK_STR(sents("One thing\n   \n\nanother thing"), "H:One thing|another thing");
    /* a list of short lines: each line is a sentence */
    CHECK_STR(sents("Troops withdrew.\n- Talks failed\n- Prices rose\n"),
              "Troops withdrew.|- Talks failed|- Prices rose");
    /* hard-wrapped text: lines continue the sentence */
    CHECK_STR(sents("The spokesman told reporters that the government would consider\n"
                    "the proposal carefully before making any decision on the matter,\n"
                    "he added on Tuesday. Talks resume next week."),
              "The spokesman told reporters that the government would consider\n"
              "the proposal carefully before making any decision on the matter,\n"
              "he added on Tuesday.|Talks resume next week.");
    CHECK_STR(sents("Officials said the meeting with the visiting delegation would go on\n"
                    "through the night, a spokesman said."),
              "Officials said the meeting with the visiting delegation would go on\n"
              "through the night, a spokesman said.");
    /* BUG: a hard-wrapped line that ends in a preposition ("of") is split
     * from the next line when that line starts with a capitalised name, and
     * the first half is taken for a headline. */
#if 1 /* fixed */
    CHECK_STR(sents("Officials in the capital said on Tuesday that the talks with the\n"
                    "delegation of Zembla would continue next week in a neutral country.\n"),
              "Officials in the capital said on Tuesday that the talks with the\n"
              "delegation of Zembla would continue next week in a neutral country.");
    CHECK_STR(sents("Officials in the capital said on Tuesday that the talks with the delegation of\n"
                    "Zembla would continue next week in a neutral country, the ministry said."),
              "Officials in the capital said on Tuesday that the talks with the delegation of\n"
              "Zembla would continue next week in a neutral country, the ministry said.");
#endif
}

static void test_document_tokens(void)
{
    /* offsets index the document text, also after debris and a dateline */
    const char *text =
        "ZEMBLAGRAD, Jan 3 (Reuters) - Zemblan troops attacked the "
        "xyloid post, officials said.\n"
        "See also: Zembla crisis explained\n"
        "The attacks didn\xE2\x80\x99t stop.\n";
    CHECK_INT(sg_run(text), 0);
    CHECK_INT(sg_doc.nsent, 2);
    if (sg_doc.nsent == 2) {
        const dy_sent *s0 = &sg_doc.sents[0], *s1 = &sg_doc.sents[1];
        CHECK_INT(s0->beg, (long)(strstr(text, "Zemblan") - text));
        CHECK(memcmp(text + s0->beg, "Zemblan troops", 14) == 0);
        CHECK(memcmp(text + s1->beg, "The attacks", 11) == 0);
        CHECK_INT(s1->end, (long)(strstr(text, "stop.") - text) + 5);
        CHECK(!s0->headline);
    }
    /* every token's bytes are the text at its span (ASCII tokens) */
    int ok = 1;
    for (size_t i = 0; i < sg_doc.ntok; i++) {
        const dy_tok *t = &sg_doc.toks[i];
        if (t->end > sg_doc.len || t->beg >= t->end)
            ok = 0;
        else if (t->n == t->end - t->beg && memcmp(t->s, text + t->beg, t->n))
            ok = 0;
    }
    CHECK(ok);
    /* no token from the debris line or the dateline */
    for (size_t i = 0; i < sg_doc.ntok; i++) {
        const dy_tok *t = &sg_doc.toks[i];
        CHECK(!(t->nlow == 7 && memcmp(t->low, "explained", 7) == 0));
        CHECK(!(t->nlow == 7 && memcmp(t->low, "reuters", 7) == 0));
    }
    /* word ids and lemmas from the dictionary */
    const dy_dict *d = (const dy_dict *)sg_dict;
    uint32_t w_attack = dy_dict_word(d, "attack", 6);
    uint32_t w_zemblan = dy_dict_word(d, "zemblan", 7);
    CHECK(w_attack != 0 && w_zemblan != 0);
    int saw_attacked = 0, saw_attacks = 0, saw_zemblan = 0, saw_unknown = 0;
    for (size_t i = 0; i < sg_doc.ntok; i++) {
        const dy_tok *t = &sg_doc.toks[i];
        if (t->nlow == 8 && memcmp(t->low, "attacked", 8) == 0) {
            saw_attacked = 1;
            CHECK(t->w != 0);
            CHECK_INT(t->lem, w_attack);
        }
        if (t->nlow == 7 && memcmp(t->low, "attacks", 7) == 0) {
            saw_attacks = 1;
            CHECK_INT(t->lem, w_attack);
        }
        if (t->nlow == 7 && memcmp(t->low, "zemblan", 7) == 0) {
            saw_zemblan = 1;
            CHECK_INT(t->w, w_zemblan);
        }
        if (t->nlow == 6 && memcmp(t->low, "xyloid", 6) == 0) {
            saw_unknown = 1;
            CHECK_INT(t->w, 0);
        }
        /* the typographic n't is normalised */
        if (t->beg > 0 && text[t->beg - 1] == 'd' && t->n == 3 &&
            memcmp(t->s, "n't", 3) == 0)
            CHECK_INT(t->end - t->beg, 5);
    }
    CHECK(saw_attacked && saw_attacks && saw_zemblan && saw_unknown);
    dy_doc_free(&sg_doc);

    /* the same document object can be reset and reused */
    dy_err err;
    dy_doc_init(&sg_doc);
    for (int round = 0; round < 3; round++) {
        dy_doc_reset(&sg_doc);
        const char *t2 = round == 1 ? "One. Two. Three." : "Alpha beta.";
        CHECK_INT(dy_text_load(&sg_doc, t2, strlen(t2), &err), 0);
        CHECK_INT(dy_clean(&sg_doc), 0);
        CHECK_INT(dy_segment(&sg_doc, d), 0);
        CHECK_INT(sg_doc.nsent, round == 1 ? 3 : 1);
    }
    dy_doc_free(&sg_doc);
}

static void test_quote_flag_long_words(void)
{
    CHECK_INT(sg_run("He said \"Zembla will win\" today."), 0);
    CHECK_INT(sg_doc.ntok, 9);
    if (sg_doc.ntok == 9) {
        CHECK(!(sg_doc.toks[0].flags & TOKF_QUOTE));
        CHECK(!(sg_doc.toks[8].flags & TOKF_QUOTE));
        /* BUG: TOKF_QUOTE ("inside quotation marks", dy.h) is never set by
         * the segmenter (nothing in src/ sets it). */
#if 1 /* fixed */
        CHECK(sg_doc.toks[3].flags & TOKF_QUOTE);
        CHECK(sg_doc.toks[5].flags & TOKF_QUOTE);
#endif
    }
    dy_doc_free(&sg_doc);

    /* words longer than a token can hold (64 KiB) and long non-ASCII
     * words: no crash, later offsets still right */
    size_t n = 70000;
    char *text = malloc(2 * n + 64);
    if (!text)
        return;
    memset(text, 'a', n);
    strcpy(text + n, " Zembla left.");
    CHECK_INT(sg_run(text), 0);
    CHECK(sg_doc.ntok >= 3);
    if (sg_doc.ntok >= 3) {
        const dy_tok *t = &sg_doc.toks[sg_doc.ntok - 3];
        CHECK_INT(t->beg, n + 1);
        CHECK_INT(t->end, n + 7);
        CHECK(t->nlow == 6 && memcmp(t->low, "zembla", 6) == 0);
    }
    dy_doc_free(&sg_doc);
    for (size_t i = 0; i < n; i += 2)
        memcpy(text + i, "\xC3\xA9", 2);
    strcpy(text + n, " Zembla left.");
    CHECK_INT(sg_run(text), 0);
    CHECK(sg_doc.ntok >= 3);
    if (sg_doc.ntok >= 3) {
        const dy_tok *t = &sg_doc.toks[sg_doc.ntok - 3];
        CHECK_INT(t->beg, n + 1);
        CHECK(t->nlow == 6 && memcmp(t->low, "zembla", 6) == 0);
        CHECK(sg_doc.toks[0].nlow > 0 && sg_doc.toks[0].low[0] == 'e');
    }
    dy_doc_free(&sg_doc);
    free(text);
}

static void test_long_document(void)
{
    /* many sentences and tokens: the token and sentence arrays grow */
    size_t cap = 200000, m = 0;
    char *text = malloc(cap);
    if (!text)
        return;
    for (int i = 0; i < 2000 && m + 100 < cap; i++)
        m += (size_t)snprintf(text + m, cap - m,
                              "Zemblan troops attacked post %d on Jan. %d. ", i,
                              i % 28 + 1);
    CHECK_INT(sg_run(text), 0);
    CHECK_INT(sg_doc.nsent, 2000);
    CHECK_INT(sg_doc.ntok, 2000 * 9);
    if (sg_doc.nsent == 2000) {
        const dy_sent *last = &sg_doc.sents[1999];
        CHECK(memcmp(text + last->beg, "Zemblan troops attacked post 1999", 33) == 0);
        CHECK_INT(last->end, m - 1);
    }
    dy_doc_free(&sg_doc);
    free(text);
}

void suite_segment(void)
{
    test_possessives_contractions();
    test_abbreviations_numbers();
    test_hyphens_dashes();
    test_quotes_punct_urls();
    test_normalisation_flags();
    sg_load_dict();
    if (sg_have_dict) {
        test_sentences_abbrev();
        test_sentences_quotes_numbers();
        test_sentences_lines();
        test_document_tokens();
        test_quote_flag_long_words();
        test_long_document();
    }
    dyad_dict_free(sg_dict);
    sg_dict = NULL;
    sg_have_dict = 0;
}
