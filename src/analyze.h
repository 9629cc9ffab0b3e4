/* analyze.h - the per-sentence analysis: actor mentions, noun phrases,
 * verb groups, clauses and their grammatical roles; and the events found.
 *
 * Token indices in this layer are sentence-local (0 .. ntok-1); a sentence
 * has at most DY_MAX_STOK tokens analysed (longer ones are cut into
 * windows by the coder). */
#ifndef DY_ANALYZE_H
#define DY_ANALYZE_H

#include "dict.h"
#include "doc.h"
#include "wordlists.h"

#define DY_MAX_STOK 256
#define DY_MAX_ACT 8            /* actors per noun phrase                    */

/* An actor mention found by dictionary lookup. */
typedef struct dy_mention {
    uint16_t b, e;              /* tokens [b, e)                             */
    uint8_t kind;               /* PH_*                                      */
    uint8_t fuzzy;              /* found by approximate name matching        */
    uint32_t phrase;            /* dict phrase index                         */
    uint32_t entity;
    char code[32];              /* code on the story date ("" = none)        */
    float conf;
} dy_mention;

/* One actor of a noun phrase, with the text that gave it. */
typedef struct dy_actor {
    char code[32];
    uint16_t b, e;              /* token span of the evidence                */
    uint32_t entity;            /* UINT32_MAX = composed / none              */
    float conf;
    uint8_t generic;            /* agent without a country ("---GOV")        */
    uint8_t possessor;          /* came from a possessive ("Moscow's request") */
    uint8_t petr;               /* coded PETRARCH's way (PETRARCH phrases)    */
    uint8_t newactor;           /* PETRARCH's new actor: the code is the text
                                   of tokens [b, e) in quotes                */
    uint8_t defaulted;          /* country taken from the story (chunk.c's
                                   default_country), not from the text     */
} dy_actor;

enum {
    NPF_PRONOUN = 1 << 0,       /* he, she, they, it                          */
    NPF_POSS = 1 << 1,          /* ends in 's / '                             */
    NPF_INPP = 1 << 2,          /* object of a preposition                    */
    NPF_APPOS = 1 << 3,         /* apposition of the NP before it             */
    NPF_DEFDESC = 1 << 4,       /* definite description ("the two leaders")   */
    NPF_PLURAL = 1 << 5,
    NPF_PETR_ATT = 1 << 6       /* PETRARCH coding: an of/in/from attachment
                                   that is part of the phrase before it      */
};

typedef struct dy_np {
    uint16_t b, e;              /* tokens [b, e)                              */
    uint16_t head;              /* head token                                 */
    int16_t prep;               /* preposition token before it, or -1         */
    int16_t next_coord;         /* next NP of a coordination ("X and Y"), -1  */
    int16_t first_coord;        /* first NP of its coordination (self if none) */
    int16_t of_np;              /* NP of an attached "of" phrase, or -1       */
    int16_t poss;               /* possessor NP ("Moscow's" of "Moscow's
                                   request"), or -1                           */
    uint16_t flags;             /* NPF_*                                      */
    uint8_t nact;
    dy_actor act[DY_MAX_ACT];
} dy_np;

enum { TENSE_PRES = 0, TENSE_PAST, TENSE_FUT };
enum {
    MOD_NONE = 0,
    MOD_POSSIBLE,               /* may, might, could, can                     */
    MOD_WOULD,                  /* would, should                              */
    MOD_WILL,                   /* will, shall, going to                      */
    MOD_MUST
};

enum {
    VG_NEG = 1 << 0,            /* not, never, n't, no longer                 */
    VG_PASSIVE = 1 << 1,        /* be + past participle                       */
    VG_INF = 1 << 2,            /* to + base form                             */
    VG_GERUND = 1 << 3,         /* -ing form without auxiliary                */
    VG_PARTICIPLE = 1 << 4,     /* reduced relative / participle clause       */
    VG_FINITE = 1 << 5,
    VG_PLANNED = 1 << 6,        /* scheduled, expected, planned to            */
    VG_COND = 1 << 7,           /* in an if / unless clause                   */
    VG_REPORTED = 1 << 8,       /* complement of a reporting verb             */
    VG_HEADLINE = 1 << 9,
    VG_QUESTION = 1 << 10,
    VG_USED = 1 << 11,          /* consumed by another verb's pattern         */
    VG_NOUNCOMP = 1 << 12       /* infinitive complement of a noun ("the
                                   decision to send tanks", "the right of X
                                   to fire"): WC_INF_NOUNS                    */
};

typedef struct dy_vg {
    uint16_t b, e;              /* tokens [b, e)                              */
    uint16_t head;              /* main verb token                            */
    uint16_t flags;             /* VG_*                                       */
    uint8_t tense, modal;
    int16_t subj;               /* subject NP, -1                             */
    int16_t obj;                /* object NP, -1                              */
    int16_t agent;              /* by-agent NP of a passive, -1               */
    int16_t ctrl;               /* governing verb group (infinitive,
                                   complement clause), -1                     */
    uint16_t clause;            /* clause index                               */
    uint16_t win_end;           /* end of the pattern window (exclusive)      */
    uint32_t verb;              /* dict verb entry + 1 (0 = none)             */
} dy_vg;

enum {
    CL_MAIN = 0,
    CL_THAT,                    /* complement clause ("said that ...")        */
    CL_IF,                      /* condition                                  */
    CL_REL,                     /* relative clause                            */
    CL_ADV,                     /* when / after / because / while ...         */
    CL_QUOTE                    /* attribution ("X said" after a quote)       */
};

typedef struct dy_clause {
    uint16_t b, e;
    uint8_t type;               /* CL_*                                       */
    int16_t parent;             /* enclosing clause or -1                     */
    int16_t antecedent;         /* CL_REL: the NP it modifies                 */
} dy_clause;

/* An event found in a sentence, before it is written out. */
typedef struct dy_ev {
    dy_actor src, tgt;
    uint8_t has_src, has_tgt;
    char code[8];
    char orig[8];               /* the pattern's code, before resolution      */
    uint32_t pattern;           /* dict pattern index, UINT32_MAX = none      */
    uint16_t vg;                /* verb group (or noun token for nouns)       */
    uint16_t verb_b, verb_e;    /* tokens of the verb / event noun            */
    uint16_t flags;             /* EV_*                                        */
    uint8_t modality;           /* EVM_*                                       */
    uint8_t dropped;            /* 1 = not emitted (see why)                   */
    const char *why;            /* reason for a transformation or drop         */
    int32_t date;               /* resolved event date (days)                  */
    uint8_t date_src;           /* 0 story, 1 explicit, 2 relative, 3 context  */
    uint8_t future;
    int16_t loc_tok_b, loc_tok_e;
    /* the event's place (places.c): gazetteer index (-1 = none), the
     * matched name (gazetteer string, 0 = the place's own) and DY_PLM_* */
    int32_t place;
    uint32_t place_name;
    uint8_t place_method;
} dy_ev;

enum { EVM_NONE = 0, EVM_HYPO, EVM_INTENT, EVM_REPORTED };
enum {
    EV_NEG = 1 << 0,
    EV_RECIP = 1 << 1,
    EV_NOUN = 1 << 2,
    EV_TRANSFORMED = 1 << 3,
    EV_PETR = 1 << 4,           /* coded with PETRARCH's rules (events_petr.c):
                                   the resolver leaves it as it is           */
    EV_NOSRC = 1 << 5           /* an act of violence whose perpetrator is
                                   unnamed: kept without a source
                                   (dyad_options.unknown_source)             */
};

/* events_petr.c: verbs with patterns from TABARI/PETRARCH verb files */
typedef struct dy_petr_opts {
    /* check_commas limits (words): internal, initial (b) and final (e)
     * comma-delimited clauses are deleted before coding when their length
     * is within [min, max]; a max of 0 turns the rule off */
    uint16_t min, max, bmin, bmax, emin, emax;
    /* > 0: an entity without actor is coded as its text when it has fewer
     * spaces than this (PETRARCH's new_actor_length) */
    uint16_t new_actor_length;
} dy_petr_opts;

typedef struct dy_petr_ctx {
    dy_petr_opts opts;
    uint8_t init;
    int16_t unit[DY_MAX_STOK];      /* NP -> the NP standing for its entity
                                       (first member of a coordination)     */
    uint16_t ub[DY_MAX_STOK], ue[DY_MAX_STOK]; /* extent of each entity     */
    int16_t unit_at[DY_MAX_STOK];   /* entity covering each token, -1       */
    uint8_t del[DY_MAX_STOK];       /* token of a deleted comma clause      */
    uint8_t skip[DY_MAX_STOK / 2];  /* verb group inside a coded verb phrase */
} dy_petr_ctx;

/* The analysis of one sentence (owned by the coder, reused). */
typedef struct dy_sa {
    const dy_dict *dict;
    const uint64_t *setbloom;   /* dy_set_blooms of dict, or NULL             */
    uint32_t *txmemo;           /* dy_timex_classes_memo's memo, or NULL      */
    size_t ntxmemo;             /* its size: dict->words.n + 1                */
    dy_doc *doc;
    const dy_sent *sent;
    size_t sidx;                /* sentence index                             */
    int32_t story_days;
    dy_tok *t;                  /* tokens of the sentence                     */
    size_t n;
    dy_mention ment[DY_MAX_STOK];
    size_t nment;
    int16_t ment_at[DY_MAX_STOK];   /* mention covering each token, -1        */
    dy_np np[DY_MAX_STOK];
    size_t nnp;
    int16_t np_at[DY_MAX_STOK];     /* NP covering each token, -1             */
    dy_vg vg[DY_MAX_STOK / 2];
    size_t nvg;
    int16_t vg_at[DY_MAX_STOK];     /* verb group covering each token, -1     */
    dy_clause cl[DY_MAX_STOK / 2];
    size_t ncl;
    int16_t cl_at[DY_MAX_STOK];
    dy_ev ev[64];
    size_t nev;
    uint64_t bloom;             /* bloom bits of the words and lemmas        */
    /* date expressions of the sentence (for --explain) */
    int32_t tx_days[16];
    uint16_t tx_tok[16];
    int16_t tx_owner[16];
    size_t ntx;
    /* PETRARCH coding (events_petr.c): options, and the sentence's state */
    dy_petr_opts petr_opts;
    dy_petr_ctx petr;
} dy_sa;

/* The places a story has named so far, for choosing among places of the
 * same name (places.c); gazetteer country and admin-1 indices. */
typedef struct dy_place_ctx {
    uint16_t country[8], admin1[8];
    uint8_t ncountry, nadmin1;
    uint8_t dateline_done;      /* the dateline has been looked up           */
    int32_t dateline;           /* its place, -1 = none                      */
    uint32_t dateline_name;
    uint16_t actor[16];         /* countries of the story's actors           */
    uint8_t nactor, nroots_seen;    /* (dy_memory.roots mapped so far)       */
} dy_place_ctx;

/* Discourse memory for coreference, per document. */
typedef struct dy_memory {
    dy_actor last_person;       /* most recent person actor                  */
    int has_person;
    dy_actor subj_person;       /* most recent person that was a subject     */
    int has_subj_person;
    dy_actor pair_lead[2];      /* the last two distinct leaders            */
    int n_lead;
    dy_actor pair_state[2];     /* the last two distinct states             */
    int n_state;
    dy_actor last_actor;        /* most recent actor of any kind             */
    int has_actor;
    dy_actor last_group;        /* most recent named group (not an IGO)      */
    int has_group;
    dy_actor last_attacker;     /* source of the story's last violent act    */
    int has_attacker;
    /* the date expression of the previous sentence, for the next one when
     * it has none and speaks of the same actors */
    int32_t ctx_date;
    size_t ctx_sent;            /* sentence index + 1 (0 = none)             */
    char ctx_codes[8][8];       /* roots of its actors (6 chars for IGOs)    */
    int nctx;
    /* how often each country has been named in the story so far */
    char roots[16][4];
    int root_n[16];
    int nroots;
    /* places the story has named so far (places.c) */
    dy_place_ctx places;
} dy_memory;

/* actors.c */
void dy_find_mentions(dy_sa *sa);
/* chunk.c */
void dy_chunk(dy_sa *sa);
void dy_np_actors(dy_sa *sa, dy_memory *mem);
/* NP np, or when np is the possessor of "Jordan's King Abdullah" or
 * "Russia's foreign minister", the possessed phrase if that names an actor
 * of its own ("China's crackdown" keeps the possessor). -1 stays -1. */
int16_t dy_np_possessed(const dy_sa *sa, int16_t np);
void dy_clauses(dy_sa *sa);
/* events.c */
void dy_match_events(dy_sa *sa);
/* resolve.c */
void dy_resolve_events(dy_sa *sa, dy_memory *mem);

/* Per set of d, two 64-bit blooms of its members' first [2 s] and last
 * [2 s + 1] word ids, for a quick rejection before the set's binary search
 * (one array per coder: the dictionary image stays as it is). NULL on
 * OOM or without sets; free with dy_free. */
uint64_t *dy_set_blooms(const dy_dict *d);

/* chunk.c: the of/in/from attachment PETRARCH would merge into the
 * coordination starting at NP k (its first NP), or -1 */
int16_t dy_petr_attachment(const dy_sa *sa, size_t k);
/* Does verb group v's verb have PETRARCH patterns? */
bool dy_petr_verb(const dy_sa *sa, const dy_vg *v);
/* Code verb group g with PETRARCH's rules (pc zeroed per sentence, with
 * its options set). */
void dy_petr_code_verb(dy_sa *sa, dy_petr_ctx *pc, size_t g, bool *used);
/* The text of a new actor from tokens [b, e): in capitals and quotes,
 * without possessive 's; returns its length (out is NUL-terminated). */
size_t dy_petr_actor_text(const dy_sa *sa, size_t b, size_t e, char *out,
                          size_t cap);
/* events.c helpers shared with events_petr.c */
size_t dy_set_match(const dy_sa *sa, size_t k, const dy_set *s, int dir);
void dy_ev_push(dy_sa *sa, const dy_actor *src, const dy_actor *tgt,
                const char *code, uint32_t pattern, size_t vg, size_t vb,
                size_t ve, uint16_t flags);

/* Helpers shared by the stages. */
static inline bool sa_is(const dy_sa *sa, size_t i, const char *w)
{
    if (i >= sa->n || sa->t[i].low[0] != w[0])
        return false;
    size_t n = strlen(w);
    return sa->t[i].nlow == n && memcmp(sa->t[i].low, w, n) == 0;
}
bool dy_word_in(const dy_tok *t, const char *const *list);

#endif
