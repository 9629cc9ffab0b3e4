/* resolve.c - what the events of a sentence mean once grammar is taken into
 * account:
 *   - negation ("did not attack", "refused to meet" is the verb refuse's own
 *     event) drops the event; cooperation an actor says it will not give
 *     ("will not meet their demands") is a refusal (12x);
 *   - the infinitive or that-clause of a noun: demanded ("their demand that
 *     Israel ease ..." is a demand), allowed or alleged (dropped), or
 *     intended ("the decision to send tanks");
 *   - what a protest is held for ("to demand the resignation") is part of
 *     the protest; what someone must do, said by nobody, is no act;
 *   - conditions ("if Russia attacks") make an event hypothetical: dropped,
 *     and a future main clause with a conflict condition becomes a threat;
 *   - future, planned and possible acts: cooperation becomes intent (03x),
 *     material conflict becomes a threat (13x);
 *   - verbs of saying with a complement: the complement's event is what is
 *     reported (the statement itself is not an event), and threats, appeals,
 *     demands, rejections and promises take their specific code from the
 *     act in their complement ("warned that it may impose sanctions" ->
 *     1312);
 *   - event dates from the date expressions of the event's clause. */
#include "analyze.h"
#include "timex.h"

#include <stdio.h>
#include <stdlib.h>

/* ---- code transformations ------------------------------------------------ */

typedef struct xform {
    const char *from;       /* code prefix                                  */
    const char *to;
} xform;

/* Longest prefix match in a table. */
static const char *xlate(const xform *t, const char *code)
{
    const char *best = NULL;
    size_t bl = 0;
    for (size_t i = 0; t[i].from; i++) {
        size_t l = strlen(t[i].from);
        if (l > bl && strncmp(code, t[i].from, l) == 0) {
            best = t[i].to;
            bl = l;
        }
    }
    return best;
}

static const xform to_intent[] = {
    {"04", "036"},  {"045", "039"}, {"046", "036"}, {"05", "032"},
    {"057", "030"}, {"06", "031"},  {"061", "0311"}, {"062", "0312"},
    {"063", "0313"}, {"064", "0314"}, {"07", "033"}, {"071", "0331"},
    {"072", "0332"}, {"073", "0333"}, {"074", "0334"}, {"075", "033"},
    {"08", "035"},  {"081", "0351"}, {"0811", "0351"}, {"0812", "0351"},
    {"0813", "0351"}, {"0814", "0351"}, {"082", "0352"}, {"083", "034"},
    {"0831", "0341"}, {"0832", "0342"}, {"0833", "0343"}, {"0834", "0344"},
    {"084", "0353"}, {"0841", "0353"}, {"0842", "0353"}, {"085", "0354"},
    {"086", "0355"}, {"0861", "0355"}, {"0862", "0355"}, {"0863", "0355"},
    {"087", "0356"}, {"0871", "0356"}, {"0872", "0356"}, {"0873", "0356"},
    {"0874", "0356"}, {NULL, NULL}};

static const xform to_threat[] = {
    {"16", "131"},  {"161", "1313"}, {"162", "1311"}, {"1621", "1311"},
    {"1622", "1311"}, {"1623", "1311"}, {"163", "1312"}, {"164", "134"},
    {"165", "135"}, {"166", "136"}, {"1661", "136"}, {"1662", "136"},
    {"1663", "136"}, {"17", "137"}, {"171", "131"}, {"172", "132"},
    {"1721", "1321"}, {"1722", "1322"}, {"1723", "1323"}, {"1724", "1324"},
    {"18", "1383"}, {"19", "138"}, {"191", "1381"}, {"192", "1382"},
    {"193", "1384"}, {"194", "1384"}, {"195", "1384"}, {"1951", "1384"},
    {"1952", "1384"}, {"20", "1383"}, {"204", "1385"}, {"2041", "1385"},
    {"2042", "1385"}, {"14", "133"}, {NULL, NULL}};

static const xform to_appeal[] = {
    {"03", "020"},  {"036", "026"}, {"037", "027"}, {"038", "028"},
    {"039", "028"}, {"04", "026"},  {"045", "028"}, {"05", "022"},
    {"06", "021"},  {"061", "0211"}, {"062", "0212"}, {"063", "0213"},
    {"064", "0214"}, {"07", "023"}, {"071", "0231"}, {"072", "0232"},
    {"073", "0233"}, {"074", "0234"}, {"08", "025"}, {"081", "0251"},
    {"082", "0252"}, {"083", "024"}, {"0831", "0241"}, {"0832", "0242"},
    {"0833", "0243"}, {"0834", "0244"}, {"084", "0253"}, {"0841", "0253"},
    {"0842", "0253"}, {"085", "0254"}, {"086", "0255"}, {"087", "0256"},
    {"0871", "0256"}, {NULL, NULL}};

static const xform to_demand[] = {
    {"03", "100"},  {"036", "106"}, {"037", "107"}, {"038", "108"},
    {"039", "108"}, {"04", "106"},  {"045", "108"}, {"05", "102"},
    {"06", "101"},  {"061", "1011"}, {"062", "1012"}, {"063", "1013"},
    {"064", "1014"}, {"07", "103"}, {"071", "1031"}, {"072", "1032"},
    {"073", "1033"}, {"074", "1034"}, {"08", "105"}, {"081", "1051"},
    {"082", "1052"}, {"083", "104"}, {"0831", "1041"}, {"0832", "1042"},
    {"0833", "1043"}, {"0834", "1044"}, {"084", "1053"}, {"0841", "1053"},
    {"0842", "1053"}, {"085", "1054"}, {"086", "1055"}, {"087", "1056"},
    {"0871", "1056"}, {NULL, NULL}};

static const xform to_reject[] = {
    {"03", "120"},  {"036", "125"}, {"037", "127"}, {"038", "126"},
    {"04", "125"},  {"045", "126"}, {"046", "125"}, {"05", "120"},
    {"057", "127"}, {"06", "121"},  {"061", "1211"}, {"062", "1212"},
    {"07", "122"},  {"071", "1221"}, {"072", "1222"}, {"073", "1223"},
    {"074", "1224"}, {"08", "124"}, {"081", "1241"}, {"082", "1242"},
    {"083", "123"}, {"0831", "1231"}, {"0832", "1232"}, {"0833", "1233"},
    {"0834", "1234"}, {"084", "1243"}, {"0841", "1243"}, {"0842", "1243"},
    {"085", "1244"}, {"086", "1245"}, {"087", "1246"}, {"0871", "1246"},
    {NULL, NULL}};

static int root_of(const char *code)
{
    if (!code[0] || !code[1] || code[0] < '0' || code[0] > '9')
        return -1;
    return (code[0] - '0') * 10 + (code[1] - '0');
}

/* A generic code of its root: "010", "020", "100", "130" or the root. */
static bool generic_code(const char *code)
{
    size_t n = strlen(code);
    return n == 2 || (n == 3 && code[2] == '0');
}

static bool quad4(int root) { return root >= 15 && root <= 20; }
static bool coop_material(int root) { return root >= 4 && root <= 8; }

/* ---- helpers -------------------------------------------------------------------- */



/* Words after which an infinitive or complement reports an intent. */
static bool plans_complement(const dy_sa *sa, const dy_vg *ctrl)
{
    if (dy_wc(&sa->t[ctrl->head], WC_PLANNING_VERBS))
        return true;
    /* "is due to", "is set to", "are about to": adjective or particle
     * after a form of be */
    size_t k = ctrl->e;
    if (k < sa->n && dy_wc(&sa->t[k], WC_PLANNING_VERBS))
        return true;
    return false;
}

/* Is the governing verb group one of getting ready ("prepared to",
 * "poised to", "is ready to")? */
static bool prepares(const dy_sa *sa, const dy_vg *ctrl)
{
    static const char *const words[] = {"prepare", "prepares", "prepared",
                                        "preparing", "poised", "ready", NULL};
    for (int k = 0; words[k]; k++)
        if (sa_is(sa, ctrl->head, words[k]) ||
            (ctrl->e < sa->n && sa_is(sa, ctrl->e, words[k])))
            return true;
    return false;
}

/* Is verb group g a closing attribution, ", a rights group charged on
 * Saturday.": a finite verb whose subject follows a comma, after a clause
 * with a verb of its own, with nothing after it but adverbs and phrases
 * of time or place? */
static bool closing_attribution(const dy_sa *sa, const dy_vg *g)
{
    bool bare_past = g->b == g->head &&
                     (sa->t[g->head].tag == T_VBD || sa->t[g->head].tag == T_VBN);
    if (!((g->flags & VG_FINITE) || bare_past) || g->b == 0 || g->obj >= 0 ||
        sa->np_at[g->b - 1] < 0)
        return false;
    /* the phrase right before the verb (the subject may have been taken
     * for the last item of a list before the comma) */
    const dy_np *s = &sa->np[sa->np_at[g->b - 1]];
    if (s->b == 0 || !sa_is(sa, s->b - 1, ",") || s->e != g->b)
        return false;
    bool verb_before = false;
    for (size_t k = 0; k + 1 < s->b && !verb_before; k++)
        verb_before = sa->vg_at[k] >= 0 && (sa->vg[sa->vg_at[k]].flags & VG_FINITE);
    if (!verb_before)
        return false;
    for (size_t k = g->e; k < sa->n; k++) {
        int t = sa->t[k].tag;
        if (t == T_END)
            break;
        if (sa->vg_at[k] >= 0 || t == T_COMMA || sa_is(sa, k, "that"))
            return false;
    }
    return true;
}

/* The actor of the subject of the first finite verb before closing
 * attribution g ("Croatian authorities are failing to uphold ..., a rights
 * group protested"), when it names one with a country; NULL if none. */
static const dy_actor *opening_subject(const dy_sa *sa, const dy_vg *g)
{
    for (size_t h = 0; h < sa->nvg; h++) {
        const dy_vg *w = &sa->vg[h];
        if (w == g || w->b >= g->b)
            return NULL;
        if (!(w->flags & VG_FINITE) || w->subj < 0)
            continue;
        const dy_np *q = &sa->np[w->subj];
        if (q->b >= w->b || q->nact != 1 || (q->flags & NPF_PRONOUN) ||
            q->act[0].generic)
            return NULL;
        return &q->act[0];
    }
    return NULL;
}

/* Verbs that stop a text from taking effect ("vetoed the resolution"). */
static bool text_blocker(const dy_sa *sa, size_t k)
{
    static const char *const words[] = {
        "veto", "vetoed", "vetoes", "vetoing", "reject", "rejected", "rejects",
        "rejecting", "block", "blocked", "blocks", "blocking", "oppose",
        "opposed", "opposes", "opposing", NULL};
    for (int i = 0; words[i]; i++)
        if (sa_is(sa, k, words[i]))
            return true;
    return false;
}

static int16_t clause_vg(const dy_sa *sa, size_t c)
{
    for (size_t g = 0; g < sa->nvg; g++)
        if (sa->vg[g].clause == c)
            return (int16_t)g;
    return -1;
}

/* Is clause c (or an ancestor below the main clause) a condition? */
static bool in_condition(const dy_sa *sa, int c)
{
    for (int k = 0; c >= 0 && k < 16; k++) {
        if (sa->cl[c].type == CL_IF)
            return true;
        c = sa->cl[c].parent;
    }
    return false;
}

static void set_code(dy_ev *e, const char *code, const char *why)
{
    size_t l = strlen(code);
    if (l >= sizeof e->code)
        l = sizeof e->code - 1;
    memcpy(e->code, code, l);
    e->code[l] = 0;
    e->flags |= EV_TRANSFORMED;
    e->why = why;
}

/* The verb group that an event belongs to (noun events: the governing
 * group, if any). */
static const dy_vg *ev_vg(const dy_sa *sa, const dy_ev *e)
{
    return e->vg < sa->nvg ? &sa->vg[e->vg] : NULL;
}

/* ---- dates -------------------------------------------------------------------------- */

/* Same actor root: the country, or for organisations (IGO, NGO, IMG ...)
 * the organisation's first six characters. */
static bool same_root(const char *a, const char *b)
{
    bool org = dy_code3_eq(a, "IGO") || dy_code3_eq(a, "NGO") ||
               dy_code3_eq(a, "IMG") || dy_code3_eq(a, "MNC");
    return strncmp(a, b, org ? 6 : 3) == 0;
}

/* Is there a comma, or a conjunction before a verb, between tokens lo and
 * hi? */
static bool proper(const dy_sa *sa, size_t k)
{
    return k < sa->n && (sa->t[k].tag == T_NNP || sa->t[k].tag == T_NNPS);
}

/* Is the comma at k one of "Paris, Texas," (a name, a comma, a name of one
 * to three words, a comma): an apposition, not a break between stretches? */
static bool apposition_comma(const dy_sa *sa, size_t k)
{
    if (k == 0 || !proper(sa, k - 1))
        return false;
    /* the opening comma: a name of 1-3 words and a comma follow */
    size_t m = k + 1;
    while (m < sa->n && m <= k + 3 && proper(sa, m))
        m++;
    if (m > k + 1 && m < sa->n && sa->t[m].tag == T_COMMA)
        return true;
    /* the closing comma: a name of 1-3 words after a comma after a name */
    size_t j = k - 1;
    while (j > 0 && j + 3 >= k && proper(sa, j - 1))
        j--;
    return j >= 2 && j < k && sa->t[j - 1].tag == T_COMMA && proper(sa, j - 2) &&
           proper(sa, j);
}

static bool stretch_break(const dy_sa *sa, size_t lo, size_t hi)
{
    for (size_t k = lo; k < hi; k++)
        if ((sa->t[k].tag == T_COMMA && !apposition_comma(sa, k)) ||
            /* "... on Dec 31 but failed to agree": a coordinated verb */
            (sa->t[k].tag == T_CC && k + 1 < sa->n && sa->vg_at[k + 1] >= 0) ||
            /* "drove a van into pedestrians on Saturday before stabbing
             * people": a gerund after a preposition (not the means, "by
             * shelling") opens another act */
            (sa->t[k].tag == T_IN && k + 1 <= hi && k + 1 < sa->n &&
             sa->t[k + 1].tag == T_VBG && !sa_is(sa, k, "by")))
            return true;
    return false;
}

/* The verb group nearest to token t (dates follow their verb more often
 * than they precede it, so a verb after the date counts 1.5x farther).
 * A verb in the date's own stretch (no comma or coordinated verb between)
 * wins over any other: "seized a gas plant ... on Wednesday, taking
 * hundreds hostage". */
static int owner_vg(const dy_sa *sa, size_t t)
{
    int best = -1;
    double bd = 1e9;
    int rank = -1; /* 1 in the date's stretch, 0 other */
    for (size_t g = 0; g < sa->nvg; g++) {
        const dy_vg *v = &sa->vg[g];
        if (v->flags & VG_INF)
            continue; /* "expected to meet on Jan 12": the group of expected */
        if (v->subj >= 0 && sa->np[v->subj].b > 0 &&
            sa_is(sa, sa->np[v->subj].b - 1, "what"))
            continue; /* "strikes on what it called terrorist camps" */
        size_t lo = DY_MIN((size_t)v->head, t), hi = DY_MAX((size_t)v->head, t);
        bool comma = stretch_break(sa, lo, hi);
        int r = comma ? 0 : 1;
        double d = v->head <= t ? (double)(t - v->head) * (comma ? 2 : 1)
                                : (double)(v->head - t) * (comma ? 3 : 1.5);
        if (r > rank || (r == rank && d < bd)) {
            bd = d;
            best = (int)g;
            rank = r;
        }
    }
    return best;
}

/* First token of the words before verb group v that are not adverbs. */
static size_t vg_lead(const dy_sa *sa, const dy_vg *v)
{
    size_t k = v->b;
    while (k > 0 && (sa->t[k - 1].tag == T_RB || sa->t[k - 1].tag == T_RBR))
        k--;
    return k;
}

/* Does verb group h tell of the same occasion as the verb group g before
 * it, so that a date of either dates both? ", killing 84 people" and
 * ", prompting Georgia to recall ..." (a participle clause after a comma:
 * h takes g's date only), "fired on and seized ... on Nov. 25" and "held a
 * session on Dec 31 but failed to agree" (coordinated verb phrases of one
 * subject), "violated the agreement by shelling a village on Sunday" (the
 * means). Returns 1 when h's date goes to g as well as g's to h, 2 when
 * only g's goes to h, 3 when only h's goes to g, 0 when they are not
 * linked. */
static int same_occasion(const dy_sa *sa, int g, int h)
{
    const dy_vg *a = &sa->vg[g], *b = &sa->vg[h];
    if (g >= h || a->clause != b->clause || (a->flags & VG_INF) ||
        a->e > b->b)
        return 0;
    /* no other verb group between them */
    for (int x = g + 1; x < h; x++)
        if (!(sa->vg[x].flags & VG_INF))
            return 0;
    size_t lead = vg_lead(sa, b);
    if (lead == 0)
        return 0;
    const dy_tok *p = &sa->t[lead - 1];
    if ((b->flags & (VG_GERUND | VG_PARTICIPLE)) && p->tag == T_COMMA &&
        (a->flags & VG_FINITE))
        return 2;
    if ((b->flags & VG_GERUND) && sa_is(sa, lead - 1, "by"))
        return 1;
    /* "was shot while responding to a dispute ... on Saturday": a
     * participle of the same time */
    if ((b->flags & (VG_GERUND | VG_PARTICIPLE)) && sa->t[b->head].tag == T_VBG &&
        (sa_is(sa, lead - 1, "while") || sa_is(sa, lead - 1, "when")))
        return 1;
    /* "detained hundreds of women marching in Minsk last month", "met Wang
     * Yi at talks held in January": a participle on a noun the verb acts
     * on or in tells of the verb's occasion (an -ing one, or "held" on an
     * event noun); its date goes to the verb */
    if ((b->flags & (VG_GERUND | VG_PARTICIPLE)) && b->b == lead &&
        sa->np_at[lead - 1] >= 0 && p->tag != T_COMMA) {
        const dy_np *q = &sa->np[sa->np_at[lead - 1]];
        const dy_tok *ht = &sa->t[b->head];
        bool held = (sa_is(sa, b->head, "held") || sa_is(sa, b->head, "staged") ||
                     sa_is(sa, b->head, "conducted")) &&
                    sa->dict->winfo[sa->t[q->head].w].noun;
        if (q->b >= a->e && (ht->tag == T_VBG || held) &&
            !(q->flags & NPF_PRONOUN))
            return 3;
    }
    if (p->tag == T_CC && (sa_is(sa, lead - 1, "and") || sa_is(sa, lead - 1, "but")) &&
        b->subj >= 0 && a->subj >= 0 &&
        sa->np[b->subj].first_coord == sa->np[a->subj].first_coord &&
        (b->flags & VG_FINITE) &&
        ((a->flags & VG_FINITE) || sa->t[a->head].tag == T_VBN))
        return 1;
    return 0;
}

/* The verb group that dates verb group g: g, or for an infinitive or a
 * gerund complement ("began withdrawing") the verb that governs it. */
static int climb(const dy_sa *sa, int g)
{
    for (int k = 0; g >= 0 && k < 6 &&
                    (sa->vg[g].flags & (VG_INF | VG_GERUND)) &&
                    sa->vg[g].ctrl >= 0;
         k++)
        g = sa->vg[g].ctrl;
    return g;
}

/* The verb group whose event this is, for dating: infinitives and gerund
 * complements ("began withdrawing") are dated through the verb that
 * governs them. */
static int date_vg(const dy_sa *sa, const dy_ev *e)
{
    int g = e->vg < sa->nvg ? climb(sa, (int)e->vg) : -1;
    if (g < 0)
        g = owner_vg(sa, e->verb_b);
    return g;
}

/* Does verb group g govern an infinitive before token t ("agreed to hold
 * negotiations next year": the date is the infinitive's)? */
static bool governs_inf_before(const dy_sa *sa, size_t g, size_t t)
{
    for (size_t h = g + 1; h < sa->nvg && sa->vg[h].b < t; h++)
        if ((sa->vg[h].flags & VG_INF) && sa->vg[h].ctrl == (int16_t)g)
            return true;
    return false;
}

static void date_events(dy_sa *sa, dy_memory *mem)
{
    bool any = false;
    for (size_t i = 0; i < sa->nev; i++)
        if (!sa->ev[i].dropped)
            any = true;
    /* expressions are resolved twice: for past and for future clauses; each
     * event takes the reading that matches its own tense */
    dy_timex tx[16], txf[16];
    /* most sentences have no date word and no number: skip the search */
    bool cand = false;
    for (size_t i = 0; i < sa->n && !cand; i++)
        cand = (sa->t[i].flags & TOKF_DIGIT) || dy_wc(&sa->t[i], WC_DATE_WORDS);
    uint32_t wf[DY_TX_CLASSES]; /* word classes, once for find and pick */
    if (cand)
        dy_timex_classes_memo(sa->t, sa->n, wf, sa->txmemo, sa->ntxmemo);
    size_t ntx = cand ? dy_timex_find_wf(sa->t, sa->n, wf, sa->story_days, 0,
                                         tx, 16)
                      : 0;
    /* the future reading, when some event needs it */
    size_t ntxf = 0;
    bool have_f = false;
#define NEED_FUTURE()                                                          \
    do {                                                                       \
        if (!have_f && ntx) {                                                  \
            ntxf = dy_timex_find_wf(sa->t, sa->n, wf, sa->story_days, 1, txf, \
                                    16);                                       \
            have_f = true;                                                     \
        }                                                                      \
    } while (0)
    int owner[16];
    for (size_t k = 0; k < ntx; k++) {
        owner[k] = owner_vg(sa, tx[k].tok0);
        sa->tx_days[k] = tx[k].days;
        sa->tx_tok[k] = (uint16_t)tx[k].tok0;
        sa->tx_owner[k] = (int16_t)owner[k];
    }
    sa->ntx = ntx;
    /* expressions that can date an act ("the 2015 agreement" cannot) */
    size_t own_dates = 0;
    for (size_t k = 0; k < ntx; k++)
        own_dates += !(tx[k].flags & DY_TXF_ATTR);
    for (size_t i = 0; any && i < sa->nev; i++) {
        dy_ev *e = &sa->ev[i];
        e->date = sa->story_days;
        e->date_src = 0;
        if (e->dropped)
            continue;
        const dy_vg *g = ev_vg(sa, e);
        bool fut = e->future || (g && (g->tense == TENSE_FUT ||
                                       (g->flags & VG_PLANNED)));
        int mine = date_vg(sa, e);
        /* "had tried to seize the airport on Friday night": an attempt
         * told in the past was made then */
        if (mine >= 0 && sa->vg[mine].tense == TENSE_PAST &&
            dy_wc(&sa->t[sa->vg[mine].head], WC_ATTEMPT_VERBS)) {
            fut = false;
            e->future = 0;
        }
        /* "Morsi hosts the emir in Cairo on Sunday": a simple present that
         * is no statement, with a date, is a schedule */
        const dy_vg *mv = mine >= 0 ? &sa->vg[mine] : NULL;
        if (!fut && mv && mv->tense == TENSE_PRES && (mv->flags & VG_FINITE) &&
            !(mv->flags & (VG_HEADLINE | VG_PASSIVE | VG_QUESTION | VG_NEG)) &&
            mv->modal == MOD_NONE && mv->b == mv->head &&
            (sa->t[mv->head].tag == T_VBZ || sa->t[mv->head].tag == T_VBP) &&
            !dy_wc(&sa->t[mv->head], WC_SAYING_VERBS) &&
            !dy_wc(&sa->t[mv->head], WC_REPORTING_VERBS) &&
            !dy_wc(&sa->t[mv->head], WC_BE_FORMS) &&
            !dy_wc(&sa->t[mv->head], WC_HAVE_FORMS))
            fut = true;
        if (fut)
            NEED_FUTURE();
        const dy_timex *set = fut && ntxf == ntx ? txf : tx;
        int k = ntx ? dy_timex_pick_wf(sa->t, sa->n, wf, set, ntx, e->verb_b)
                    : -1;
        /* a date nearer another verb is that verb's ("meet on January 12,
         * and Russia will hold talks on January 13") */
        if (k >= 0 && mine >= 0 && owner[k] >= 0 && climb(sa, owner[k]) != mine &&
            sa->vg[owner[k]].clause == sa->vg[mine].clause) {
            k = -1;
            for (size_t t = 0; t < ntx; t++)
                if (owner[t] >= 0 && climb(sa, owner[t]) == mine &&
                    !(set[t].flags & DY_TXF_ATTR)) {
                    k = (int)t;
                    break;
                }
        }
        /* "said on December 22 that Russia is deploying": a present state
         * in a complement holds at the date of the statement */
        if (k < 0 && g && g->tense == TENSE_PRES && mine >= 0) {
            int c = sa->vg[mine].clause;
            if (sa->cl[c].type == CL_THAT && sa->cl[c].parent >= 0)
                for (size_t t = 0; t < ntx; t++)
                    if (owner[t] >= 0 && sa->vg[owner[t]].clause == sa->cl[c].parent &&
                        !(set[t].flags & DY_TXF_ATTR)) {
                        k = (int)t;
                        break;
                    }
        }
        /* "said on Sunday it would not tolerate NATO expansion": an
         * intent or stance in a complement, with no date of its own, is
         * dated by the statement (its past reading: the statement was
         * made then) */
        if (k < 0 && g && mine >= 0 && (g->tense == TENSE_FUT || g->modal != MOD_NONE)) {
            int c = sa->vg[mine].clause;
            {
                int found = -1;
                /* the complement clause, or a bare complement the chunker
                 * left in the statement's clause ("said on Sunday it
                 * would ...") */
                for (size_t t = 0; t < ntx && found < 0; t++)
                    if (owner[t] >= 0 &&
                        ((sa->cl[c].type == CL_THAT &&
                          (int)sa->vg[owner[t]].clause == sa->cl[c].parent) ||
                         sa->vg[owner[t]].clause == sa->vg[mine].clause) &&
                        owner[t] < (int)mine && sa->vg[owner[t]].tense == TENSE_PAST &&
                        dy_wc(&sa->t[sa->vg[owner[t]].head], WC_SAYING_VERBS) &&
                        !(tx[t].flags & DY_TXF_ATTR))
                        found = (int)t;
                if (found >= 0) {
                    e->date = tx[found].days;
                    e->date_src = tx[found].kind == DY_TX_EXPLICIT ? 1 : 2;
                    continue;
                }
            }
        }
        /* no date of its own: the date of a verb telling of the same
         * occasion */
        if (k < 0 && mine >= 0) {
            for (size_t t = 0; t < ntx && k < 0; t++) {
                if (owner[t] < 0 || owner[t] == mine || (set[t].flags & DY_TXF_ATTR))
                    continue;
                int o = owner[t];
                int so = o < mine ? same_occasion(sa, o, mine)
                                  : same_occasion(sa, mine, o);
                if (o < mine ? (so == 1 || so == 2) : (so == 1 || so == 3))
                    k = (int)t;
            }
        }
        /* "proposed direct peace talks in Istanbul on Thursday": a date
         * after the proposed event is that event's, ahead */
        if (k >= 0 && !fut && mv && dy_wc(&sa->t[mv->head], WC_PROPOSE_VERBS) &&
            mv->obj >= 0 && set[k].tok0 >= sa->np[mv->obj].e &&
            sa->dict->winfo[sa->t[sa->np[mv->obj].head].w].noun &&
            !(set[k].flags & DY_TXF_ATTR)) {
            dy_timex txa[16];
            size_t na = dy_timex_find(sa->t, sa->n, sa->story_days, 2, txa, 16);
            if (na == ntx && txa[k].dir > 0) {
                e->date = txa[k].days;
                e->date_src = txa[k].kind == DY_TX_EXPLICIT ? 1 : 2;
                e->future = 1;
                continue;
            }
        }
        /* "have expressed support for a dialogue next week": an act told
         * in the past does not happen later; the date is a noun's */
        if (k >= 0 && set[k].dir > 0 && !fut && g && g->tense == TENSE_PAST &&
            !(g->flags & (VG_INF | VG_PLANNED)) &&
            !governs_inf_before(sa, e->vg, set[k].tok0))
            k = -1;
        if (k >= 0) {
            e->date = set[k].days;
            e->date_src = set[k].kind == DY_TX_EXPLICIT ? 1 : 2;
            if (set[k].dir > 0)
                e->future = 1;
            continue;
        }
        /* no date in the sentence: the previous sentence's, when it speaks
         * of the same actors ("on December 30, Biden ... . Biden warned
         * Putin ...") */
        if (!own_dates && mem->ctx_sent && mem->ctx_sent == sa->sidx) {
            /* both of its actors were in the previous sentence */
            bool s_in = false, t_in = !e->has_tgt;
            for (int c = 0; c < mem->nctx; c++) {
                if (e->has_src && same_root(e->src.code, mem->ctx_codes[c]))
                    s_in = true;
                if (e->has_tgt && same_root(e->tgt.code, mem->ctx_codes[c]))
                    t_in = true;
            }
            if (s_in && t_in) {
                e->date = mem->ctx_date;
                e->date_src = 3;
            }
        }
    }
#undef NEED_FUTURE
    /* remember this sentence's first explicit or relative date and its
     * actors for the next sentence */
    mem->ctx_sent = 0;
    for (size_t k = 0; k < ntx; k++) {
        if (tx[k].flags & DY_TXF_ATTR || tx[k].precision != DY_PREC_DAY)
            continue;
        mem->ctx_date = tx[k].days;
        mem->ctx_sent = sa->sidx + 2; /* valid for sentence sidx + 1 */
        mem->nctx = 0;
        for (size_t m = 0; m < sa->nment && mem->nctx < 8; m++)
            if (sa->ment[m].code[0] && sa->ment[m].kind != PH_AGENT)
                memcpy(mem->ctx_codes[mem->nctx++], sa->ment[m].code, 6);
        break;
    }
    if (mem->ctx_sent)
        mem->ctx_sent--; /* == sidx + 1: the next sentence's index */
}

/* ---- the main pass -------------------------------------------------------------------- */

static void drop(dy_ev *e, const char *why)
{
    e->dropped = 1;
    e->why = why;
}

/* Events whose verb group is the complement (infinitive or that-clause)
 * of group g. */
static void complement_events(const dy_sa *sa, size_t g, size_t *out,
                              size_t *n)
{
    *n = 0;
    for (size_t i = 0; i < sa->nev; i++) {
        const dy_ev *e = &sa->ev[i];
        if (e->dropped || e->vg >= sa->nvg || e->vg == g ||
            (e->flags & EV_PETR))
            continue;
        const dy_vg *v = &sa->vg[e->vg];
        bool inf = v->ctrl == (int16_t)g;
        bool that = false;
        int c = v->clause;
        for (int k = 0; c >= 0 && k < 8; k++) {
            int p = sa->cl[c].parent;
            if (sa->cl[c].type == CL_THAT && p == sa->vg[g].clause &&
                sa->cl[c].b >= sa->vg[g].e) {
                that = true;
                break;
            }
            if (sa->cl[c].type != CL_THAT && sa->cl[c].type != CL_IF)
                break;
            c = p;
        }
        if ((inf || that) && *n < 16)
            out[(*n)++] = i;
    }
}

/* Does verb group g govern a complement clause or infinitive? */
static bool has_complement(const dy_sa *sa, size_t g)
{
    for (size_t h = 0; h < sa->nvg; h++) {
        const dy_vg *v = &sa->vg[h];
        if (v->ctrl == (int16_t)g)
            return true;
        int c = v->clause;
        if (sa->cl[c].type == CL_THAT && sa->cl[c].parent == sa->vg[g].clause &&
            sa->cl[c].b >= sa->vg[g].e)
            return true;
    }
    return false;
}

/* Is the event's target a place in a locative phrase ("in Monrovia")? */
static bool place_target(const dy_sa *sa, const dy_ev *e)
{
    if (!e->has_tgt || e->tgt.b >= sa->n)
        return false;
    int16_t q = sa->np_at[e->tgt.b];
    return q >= 0 && (sa->np[q].flags & NPF_INPP) && sa->np[q].prep >= 0 &&
           dy_wc(&sa->t[sa->np[q].prep], WC_LOCATIVE_PREPS);
}

/* Is one of the verb groups a and b governed by the other through a chain
 * of infinitives ("is willing to send material to help defend")? */
static bool vg_chained(const dy_sa *sa, size_t a, size_t b)
{
    if (a >= sa->nvg || b >= sa->nvg)
        return false;
    for (int dir = 0; dir < 2; dir++) {
        size_t from = dir ? b : a, to = dir ? a : b;
        int g = (int)from;
        for (int k = 0; k < 8 && g >= 0; k++) {
            if (g == (int)to)
                return true;
            g = sa->vg[g].ctrl;
        }
    }
    return false;
}

/* "Houthi rebels attacked a ship. Washington condemned the attack.": a
 * condemnation, accusation, demand or rejection aimed at "the attack" (a
 * definite violent act with no actor of its own) is aimed at whoever the
 * story last said attacked; then this sentence's attackers are remembered
 * for the next ones. */
static void attack_references(dy_sa *sa, dy_memory *mem)
{
    for (size_t i = 0; i < sa->nev && mem->has_attacker; i++) {
        dy_ev *e = &sa->ev[i];
        const dy_vg *v = ev_vg(sa, e);
        int r = root_of(e->code);
        if (e->dropped || e->has_tgt || !e->has_src || !v || v->obj < 0 ||
            (e->flags & (EV_PETR | EV_NOUN)) || (r != 10 && r != 11 && r != 12))
            continue;
        const dy_np *o = &sa->np[v->obj];
        if (o->nact || !(o->flags & NPF_DEFDESC) ||
            !dy_wc(&sa->t[o->head], WC_ATTACK_NOUNS) ||
            strncmp(mem->last_attacker.code, e->src.code, 3) == 0)
            continue;
        e->tgt = mem->last_attacker;
        e->tgt.b = o->b;
        e->tgt.e = o->e;
        e->tgt.conf = 0.6f;
        e->has_tgt = 1;
    }
    for (size_t i = 0; i < sa->nev; i++) {
        const dy_ev *e = &sa->ev[i];
        int r = root_of(e->code);
        if (!e->dropped && e->has_src && !e->src.generic && (r == 18 || r == 19 || r == 20) &&
            !(e->flags & EV_PETR)) {
            mem->last_attacker = e->src;
            mem->has_attacker = 1;
        }
    }
}

void dy_resolve_events(dy_sa *sa, dy_memory *mem)
{
    /* 1. modality of each event's own verb group */
    for (size_t i = 0; i < sa->nev; i++) {
        dy_ev *e = &sa->ev[i];
        const dy_vg *g = ev_vg(sa, e);
        if (!g || (e->flags & EV_PETR))
            continue; /* PETRARCH: modality is the patterns' business */
        int root = root_of(e->code);
        /* "..., a rights group charged / protested on Saturday": a
         * closing attribution accuses (112) or complains (114); it is no
         * arrest or demonstration */
        if ((root == 17 || root == 14) && !(e->flags & EV_NOUN) &&
            closing_attribution(sa, g)) {
            bool charge = sa_is(sa, g->head, "charged") || sa_is(sa, g->head, "charges");
            bool protest = sa_is(sa, g->head, "protested") || sa_is(sa, g->head, "protests");
            if (charge)
                set_code(e, "112", "closing attribution: an accusation");
            else if (protest)
                set_code(e, "114", "closing attribution: a complaint");
            root = root_of(e->code);
            /* the accused is who the clause before it is about */
            const dy_actor *a;
            if ((charge || protest) && !e->has_tgt && e->has_src &&
                (a = opening_subject(sa, g)) && strcmp(a->code, e->src.code) != 0) {
                e->tgt = *a;
                e->has_tgt = 1;
            }
        }
        if (g->flags & VG_NEG) {
            /* "will not meet their demands", "would never recognise
             * Kosovo", "cannot accept the plan": cooperation an actor says
             * it will not give is a refusal (12x) */
            bool will_not = g->tense == TENSE_FUT || g->modal == MOD_WILL ||
                            (g->modal == MOD_WOULD && !sa_is(sa, g->b, "should")) ||
                            (g->modal == MOD_POSSIBLE &&
                             (sa_is(sa, g->b, "can") || sa_is(sa, g->b, "ca")));
            const char *rj = will_not && root >= 3 && root <= 8 &&
                                     !(e->flags & EV_NOUN)
                                 ? xlate(to_reject, e->code)
                                 : NULL;
            if (rj) {
                set_code(e, rj, "cooperation refused: reject");
                continue;
            }
            drop(e, "negated");
            e->flags |= EV_NEG;
            continue;
        }
        if (in_condition(sa, g->clause)) {
            e->modality = EVM_HYPO;
            drop(e, "hypothetical (condition)");
            continue;
        }
        bool planned = false, negated = false;
        /* the infinitive of a noun: "their demand to release prisoners",
         * "the right of troops to fire" say what is asked or allowed, not
         * what was done; "a plan to", "the decision to", "an offer to" say
         * what is intended */
        if ((g->flags & VG_NOUNCOMP) && g->b > 0 && !(e->flags & EV_NOUN)) {
            size_t nt = g->b - 1;
            int16_t q = sa->np_at[nt];
            for (size_t k = 0; q >= 0 && k < sa->nnp; k++)
                if (sa->np[k].of_np == q && sa->np[q].e == g->b)
                    nt = sa->np[k].head; /* "the right of X to" */
            if (dy_wc(&sa->t[nt], WC_DEMAND_NOUNS)) {
                /* the demand noun's own event takes its code from it:
                 * "the rebels' demand to free prisoners" (1053) */
                for (size_t k = 0; k < sa->nev; k++) {
                    dy_ev *o = &sa->ev[k];
                    int orr = root_of(o->code);
                    if (o->dropped || !(o->flags & EV_NOUN) || o->verb_b != nt ||
                        !generic_code(o->code) || (orr != 2 && orr != 10))
                        continue;
                    const char *to = xlate(orr == 2 ? to_appeal : to_demand, e->code);
                    if (to)
                        set_code(o, to, "code from the demand's complement");
                    if (!o->has_tgt && e->has_tgt) {
                        o->tgt = e->tgt;
                        o->has_tgt = 1;
                    }
                }
                drop(e, "content of a demand (noun)");
                continue;
            }
            if (dy_wc(&sa->t[nt], WC_UNREAL_NOUNS)) {
                drop(e, "what a right or ability allows (noun)");
                continue;
            }
            planned = true;
        }
        /* up the chain of infinitives: "is willing to send material to
         * help"; a gerund complement belongs to its verb ("prepared to
         * resume shelling") */
        const dy_vg *cur = g;
        bool prepared = false;
        for (int depth = 0; depth < 6 && cur->ctrl >= 0 &&
                            (cur->flags & (VG_INF | VG_GERUND));
             depth++) {
            const dy_vg *c = &sa->vg[cur->ctrl];
            /* "attempted to assassinate", "tried to storm the building":
             * an attempt at force is an act of force (the attempt verb's
             * own pattern may name it, 185), not a threat */
            bool attempt = root >= 14 && c->tense != TENSE_FUT &&
                           c->modal == MOD_NONE &&
                           (sa_is(sa, c->head, "attempted") || sa_is(sa, c->head, "tried") ||
                            sa_is(sa, c->head, "attempts") || sa_is(sa, c->head, "tries") ||
                            sa_is(sa, c->head, "attempting") || sa_is(sa, c->head, "trying"));
            if ((plans_complement(sa, c) && !attempt) || c->tense == TENSE_FUT ||
                c->modal != MOD_NONE)
                planned = true;
            if (prepares(sa, c))
                prepared = true;
            /* "failed to protect", "is failing to uphold": not done */
            if (sa_is(sa, c->head, "fail") || sa_is(sa, c->head, "fails") ||
                sa_is(sa, c->head, "failed") || sa_is(sa, c->head, "failing") ||
                sa_is(sa, c->head, "refrain") || sa_is(sa, c->head, "refrained"))
                negated = true;
            if (c->flags & VG_NEG)
                negated = true;
            cur = c;
        }
        if (negated) {
            drop(e, "negated (governing verb)");
            e->flags |= EV_NEG;
            continue;
        }
        /* "the ceasefire between Armenia and Azerbaijan collapsed", "the
         * talks broke down": an event noun whose verb says it failed */
        if ((e->flags & EV_NOUN) && g->subj >= 0 && e->verb_b < sa->n &&
            sa->np_at[e->verb_b] >= 0 &&
            sa->np[sa->np_at[e->verb_b]].first_coord == sa->np[g->subj].first_coord &&
            dy_wc(&sa->t[g->head], WC_FAILURE_VERBS) &&
            /* "fighting broke out" happened; "talks broke down" failed */
            !((size_t)g->head + 1 < sa->n && sa_is(sa, (size_t)g->head + 1, "out"))) {
            drop(e, "the act is said to have failed");
            continue;
        }
        /* "talks between X and Y are scheduled to begin": an event noun
         * whose verb plans it */
        if ((e->flags & EV_NOUN) && plans_complement(sa, g))
            planned = true;
        bool future = g->tense == TENSE_FUT || g->modal == MOD_POSSIBLE ||
                      g->modal == MOD_WOULD || planned;
        if (!future)
            continue;
        e->future = 1;
        if (coop_material(root)) {
            const char *to = xlate(to_intent, e->code);
            if (to) {
                e->modality = EVM_INTENT;
                set_code(e, to, "future or planned cooperation: intent");
            }
        } else if (prepared && root >= 18 && root <= 20) {
            /* "the army prepared to resume shelling": getting ready to
             * fight is a show of force, not a threat (no one is told) */
            e->modality = EVM_HYPO;
            set_code(e, "150", "preparing to fight: force posture");
        } else if (quad4(root) || root == 14) {
            const char *to = xlate(to_threat, e->code);
            if (to) {
                e->modality = EVM_HYPO;
                set_code(e, to, "possible or future conflict: threat");
            }
        }
    }
    /* 1b. "began a hunger strike to demand the return of property",
     * "rallied to protest the decision": what a protest is held for is
     * not an act of its own; it gives the protest its target and, for a
     * demand of leadership, policy, rights or institutional change, its
     * subcode (1041 -> 1411, 1422, ...) */
    for (size_t i = 0; i < sa->nev; i++) {
        dy_ev *in = &sa->ev[i];
        if (in->dropped || (in->flags & (EV_PETR | EV_NOUN)) || in->vg >= sa->nvg)
            continue;
        const dy_vg *iv = &sa->vg[in->vg];
        int ir = root_of(in->code);
        if (!(iv->flags & VG_INF) || iv->ctrl < 0 || (ir != 10 && ir != 14))
            continue;
        for (size_t k = 0; k < sa->nev; k++) {
            dy_ev *o = &sa->ev[k];
            if (k == i || o->dropped || (o->flags & EV_PETR) ||
                o->vg != (uint16_t)iv->ctrl || root_of(o->code) != 14 ||
                o->has_src != in->has_src || strcmp(o->src.code, in->src.code) != 0)
                continue;
            if (!o->has_tgt && in->has_tgt) {
                o->tgt = in->tgt;
                o->has_tgt = 1;
            }
            size_t ol = strlen(o->code), il = strlen(in->code);
            char d = in->code[il - 1];
            if (ol == 3 && o->code[2] >= '1' && o->code[2] <= '5' && il == 4 &&
                d >= '1' && d <= '4' &&
                (dy_code3_eq(in->code, "104") || ir == 14)) {
                char sub[8];
                snprintf(sub, sizeof sub, "%s%c", o->code, d);
                set_code(o, sub, "protest with the demand it is held for");
            }
            drop(in, "what the protest is held for");
            break;
        }
    }
    /* 1b'. "summoned the Japanese ambassador to protest", "recalled its
     * envoy in protest": a protest that is the purpose of a diplomatic act
     * of disapproval or of reduced relations is that act, not a
     * demonstration */
    for (size_t i = 0; i < sa->nev; i++) {
        dy_ev *in = &sa->ev[i];
        if (in->dropped || (in->flags & (EV_PETR | EV_NOUN)) || in->vg >= sa->nvg ||
            root_of(in->code) != 14)
            continue;
        const dy_vg *iv = &sa->vg[in->vg];
        if (!(iv->flags & VG_INF) || iv->ctrl < 0)
            continue;
        for (size_t k = 0; k < sa->nev; k++) {
            const dy_ev *o = &sa->ev[k];
            int orr = root_of(o->code);
            if (k == i || o->dropped || o->vg != (uint16_t)iv->ctrl ||
                (orr != 11 && orr != 16 && orr != 12) ||
                o->has_src != in->has_src || strcmp(o->src.code, in->src.code) != 0)
                continue;
            drop(in, "the purpose of a diplomatic protest");
            break;
        }
    }
    /* 1c. "vetoed a resolution censuring Nicaragua", "rejected a plan
     * calling for talks": what a participle says of a text that is
     * vetoed, rejected or blocked did not happen */
    for (size_t i = 0; i < sa->nev; i++) {
        dy_ev *e = &sa->ev[i];
        const dy_vg *v = ev_vg(sa, e);
        if (e->dropped || !v || (e->flags & (EV_PETR | EV_NOUN)) ||
            !(v->flags & (VG_PARTICIPLE | VG_GERUND)) || v->subj < 0)
            continue;
        for (size_t h = 0; h < sa->nvg; h++) {
            const dy_vg *b = &sa->vg[h];
            if (b == v || b->obj < 0 || b->e > v->b ||
                sa->np[b->obj].first_coord != sa->np[v->subj].first_coord ||
                !text_blocker(sa, b->head))
                continue;
            drop(e, "what a vetoed or rejected text says");
            break;
        }
    }
    /* 2. verbs with complements: merge or report */
    for (size_t g = 0; g < sa->nvg; g++) {
        size_t comp[16], nc;
        complement_events(sa, g, comp, &nc);
        /* "denied that it supplied drones", "urged Russia to stop
         * attacking": what a blocking verb governs did not happen */
        if (dy_wc(&sa->t[sa->vg[g].head], WC_BLOCKING_VERBS) &&
            !dy_wc(&sa->t[sa->vg[g].head], WC_SAYING_VERBS)) {
            for (size_t k = 0; k < nc; k++)
                drop(&sa->ev[comp[k]], "complement of a verb that denies or stops it");
            nc = 0;
        } else if (sa_is(sa, sa->vg[g].head, "denied") || sa_is(sa, sa->vg[g].head, "deny") ||
                   sa_is(sa, sa->vg[g].head, "denies") || sa_is(sa, sa->vg[g].head, "denying")) {
            for (size_t k = 0; k < nc; k++)
                drop(&sa->ev[comp[k]], "complement of a denial");
            nc = 0;
        }
        /* the outer events of this verb group */
        for (size_t i = 0; i < sa->nev; i++) {
            dy_ev *o = &sa->ev[i];
            if (o->dropped || o->vg != g || (o->flags & (EV_NOUN | EV_PETR)))
                continue;
            int root = root_of(o->orig);
            bool report = dy_wc(&sa->t[sa->vg[g].head], WC_REPORTING_VERBS);
            if (nc == 0) {
                /* a statement with nothing else: keep only if addressed */
                /* a bare statement (010) needs an addressee; comments,
                 * denials and claims (011-019) stand alone */
                if (root == 1 && generic_code(o->orig) &&
                    (!o->has_tgt || (report && has_complement(sa, g))))
                    drop(o, "statement without addressee");
                continue;
            }
            const xform *tab = NULL;
            switch (root) {
            case 2: tab = to_appeal; break;
            case 3: tab = to_intent; break;
            case 10: tab = to_demand; break;
            case 12: tab = to_reject; break;
            case 13: tab = to_threat; break;
            default: break;
            }
            if ((root == 1 || report) && generic_code(o->orig)) {
                drop(o, "reporting verb: the complement is the event");
                continue;
            }
            /* "to help support the rights of Palestinians": helping do an
             * act, with nobody helped, is the act */
            if (root == 7 && generic_code(o->orig) && sa->vg[g].obj < 0 &&
                dy_wc(&sa->t[sa->vg[g].head], WC_BARE)) {
                drop(o, "help with an act: the act is the event");
                continue;
            }
            if (!tab)
                continue;
            if (!generic_code(o->orig)) {
                /* a specific appeal, promise, demand, rejection or threat:
                 * what it is about is not an event of its own
                 * ("threatened to use nuclear weapons") */
                for (size_t k = 0; k < nc; k++) {
                    dy_ev *in = &sa->ev[comp[k]];
                    if (!o->has_tgt && in->has_tgt) {
                        o->tgt = in->tgt;
                        o->has_tgt = 1;
                    }
                    drop(in, "content of the governing verb's event");
                }
                continue;
            }
            /* take the specific code from the complement's acts: one
             * event per complement event, with its target when the
             * governing verb has none */
            if (o->flags & EV_RECIP)
                continue; /* the reverse of a reciprocal: handled below */
            dy_ev base = *o;
            int merged = 0;
            for (size_t k = 0; k < nc; k++) {
                dy_ev *in = &sa->ev[comp[k]];
                if (in->dropped)
                    continue;
                if (in->flags & EV_RECIP) {
                    /* the reverse of a reciprocal complement ("agreed to
                     * meet X": X -> subject) is not the promise's */
                    drop(in, "reverse of a merged reciprocal complement");
                    continue;
                }
                int ir = root_of(in->code);
                const char *to = NULL;
                if (ir == root)
                    to = in->code; /* already transformed (threat) */
                else
                    to = xlate(tab, in->code);
                if (!to)
                    continue;
                dy_ev *t = o;
                if (merged) {
                    if (sa->nev >= DY_ARRAY_LEN(sa->ev))
                        break;
                    t = &sa->ev[sa->nev++];
                    *t = base;
                }
                set_code(t, to, "code from the complement");
                if ((!base.has_tgt || merged) && in->has_tgt) {
                    t->tgt = in->tgt;
                    t->has_tgt = 1;
                }
                drop(in, "merged into the governing verb's event");
                merged++;
            }
            /* the reverse events of a reciprocal verb ("agreed") do not hold
             * for a one-way complement ("agreed to provide aid to X") */
            if (merged)
                for (size_t k = 0; k < sa->nev; k++)
                    if (sa->ev[k].vg == g && (sa->ev[k].flags & EV_RECIP) &&
                        !sa->ev[k].dropped)
                        drop(&sa->ev[k], "reverse of a merged reciprocal event");
        }
    }
    /* 2a. a that-clause of a noun: "its demand that Israel ease
     * restrictions" is a demand made of Israel (by the noun's possessor,
     * else the subject of the verb before it); "an allegation that the
     * rebels took the town" does not report the act */
    for (size_t c = 1; c < sa->ncl; c++) {
        const dy_clause *cl = &sa->cl[c];
        if (cl->type != CL_THAT || cl->b == 0 || !sa_is(sa, cl->b, "that"))
            continue;
        /* the noun: back over a time word or an attached phrase, not
         * across a verb or a comma */
        int noun = -1;
        for (size_t k = cl->b, n = 0; k-- > 0 && n < 12; n++) {
            if (sa->vg_at[k] >= 0 || sa->t[k].tag == T_COMMA)
                break;
            if (dy_tag_is_noun(sa->t[k].tag) && sa->np_at[k] >= 0 &&
                (dy_wc(&sa->t[k], WC_DEMAND_NOUNS) || dy_wc(&sa->t[k], WC_CLAIM_NOUNS))) {
                noun = (int)k;
                break;
            }
        }
        if (noun < 0)
            continue;
        bool demand = dy_wc(&sa->t[noun], WC_DEMAND_NOUNS);
        /* who demands */
        const dy_actor *owner = NULL;
        if (demand) {
            const dy_np *q = &sa->np[sa->np_at[noun]];
            if (q->poss >= 0 && sa->np[q->poss].nact)
                owner = &sa->np[q->poss].act[0];
            for (size_t g = sa->nvg; !owner && g-- > 0;) {
                const dy_vg *v = &sa->vg[g];
                if (v->e <= (size_t)noun && v->clause == sa->cl_at[noun] &&
                    v->subj >= 0 && sa->np[v->subj].nact) {
                    owner = &sa->np[v->subj].act[0];
                    break;
                }
                if (v->e <= (size_t)noun)
                    break;
            }
        }
        for (size_t i = 0; i < sa->nev; i++) {
            dy_ev *in = &sa->ev[i];
            if (in->dropped || (in->flags & EV_PETR) || in->vg >= sa->nvg)
                continue;
            int ic = sa->vg[in->vg].clause;
            bool inside = false;
            for (int k = 0; ic >= 0 && k < 8 && !inside; k++) {
                inside = ic == (int)c;
                ic = sa->cl[ic].parent;
            }
            if (!inside)
                continue;
            const char *to = demand ? xlate(to_demand, in->orig) : NULL;
            if (!to || !owner || !in->has_src || same_root(owner->code, in->src.code)) {
                drop(in, demand ? "content of a demand (noun)"
                                : "content of an allegation or claim (noun)");
                continue;
            }
            in->tgt = in->src;
            in->has_tgt = 1;
            in->src = *owner;
            set_code(in, to, "content of a demand (noun): a demand");
        }
    }
    /* 2b. "declared that China must drop barriers", "said Israel should
     * ease restrictions": what someone says another must do is a demand */
    for (size_t h = 0; h < sa->nvg; h++) {
        const dy_vg *cv = &sa->vg[h];
        bool must = cv->modal == MOD_MUST ||
                    (cv->modal == MOD_WOULD && cv->b < sa->n &&
                     sa_is(sa, cv->b, "should"));
        int c = cv->clause;
        if (!must || sa->cl[c].type != CL_THAT || cv->subj < 0 ||
            !sa->np[cv->subj].nact || sa->np[cv->subj].act[0].generic)
            continue;
        int16_t rg = clause_vg(sa, (size_t)sa->cl[c].parent);
        if (rg < 0 || sa->vg[rg].subj < 0 || !sa->np[sa->vg[rg].subj].nact ||
            !(dy_wc(&sa->t[sa->vg[rg].head], WC_SAYING_VERBS) ||
              dy_wc(&sa->t[sa->vg[rg].head], WC_REPORTING_VERBS)))
            continue;
        const dy_actor *src = &sa->np[sa->vg[rg].subj].act[0];
        const dy_actor *tgt = &sa->np[cv->subj].act[0];
        if (dy_code3_eq(src->code, tgt->code))
            continue;
        /* the complement's own act, if coded, gives the demand's code */
        const char *code = "100";
        for (size_t i = 0; i < sa->nev; i++) {
            dy_ev *in = &sa->ev[i];
            if (in->vg != h || in->dropped)
                continue;
            const char *to = xlate(to_demand, in->orig);
            if (to)
                code = to;
            drop(in, "what another must do: a demand");
        }
        if (sa->nev >= DY_ARRAY_LEN(sa->ev))
            break;
        dy_ev *t = &sa->ev[sa->nev++];
        memset(t, 0, sizeof *t);
        t->src = *src;
        t->has_src = 1;
        t->tgt = *tgt;
        t->has_tgt = 1;
        size_t cl = strlen(code);
        memcpy(t->code, code, cl + 1);
        memcpy(t->orig, code, cl + 1);
        t->pattern = UINT32_MAX;
        t->vg = (uint16_t)rg;
        t->verb_b = sa->vg[rg].head;
        t->verb_e = (uint16_t)(sa->vg[rg].head + 1);
        t->flags = EV_TRANSFORMED;
        t->why = "what someone says another must do: a demand";
        t->loc_tok_b = t->loc_tok_e = -1;
    }
    /* 2c. what an actor must or should do, when no speaker makes it a
     * demand, is an obligation, not an act: "the forum concluded that
     * rich nations must allocate more money" */
    for (size_t i = 0; i < sa->nev; i++) {
        dy_ev *e = &sa->ev[i];
        const dy_vg *g = ev_vg(sa, e);
        if (e->dropped || !g || (e->flags & EV_PETR) ||
            e->pattern == UINT32_MAX)
            continue;
        if (g->modal == MOD_MUST ||
            (g->modal == MOD_WOULD && g->b < sa->n && sa_is(sa, g->b, "should")))
            drop(e, "obligation, not an act");
    }
    /* 3. a future main clause whose condition holds a conflict act by the
     * target is a threat: "will respond firmly if Russia attacks Ukraine" */
    for (size_t i = 0; i < sa->nev; i++) {
        dy_ev *c = &sa->ev[i];
        if (!c->dropped || c->modality != EVM_HYPO || c->vg >= sa->nvg)
            continue;
        int cr = root_of(c->code);
        if (!(quad4(cr) || cr == 13 || cr == 11 || cr == 17))
            continue;
        const dy_vg *cg = &sa->vg[c->vg];
        int parent = sa->cl[cg->clause].parent;
        if (parent < 0 || !c->has_src)
            continue;
        int16_t mg = clause_vg(sa, (size_t)parent);
        if (mg < 0)
            continue;
        const dy_vg *m = &sa->vg[mg];
        if (!(m->tense == TENSE_FUT || m->modal != MOD_NONE) || m->subj < 0 ||
            !sa->np[m->subj].nact)
            continue;
        /* one threat per (source, target) */
        const dy_actor *src = &sa->np[m->subj].act[0];
        if (strcmp(src->code, c->src.code) == 0)
            continue;
        bool dup = false;
        for (size_t k = 0; k < sa->nev; k++)
            if (!sa->ev[k].dropped && root_of(sa->ev[k].code) == 13 &&
                strcmp(sa->ev[k].src.code, src->code) == 0)
                dup = true;
        if (dup || sa->nev >= DY_ARRAY_LEN(sa->ev))
            continue;
        dy_ev *t = &sa->ev[sa->nev++];
        memset(t, 0, sizeof *t);
        t->src = *src;
        t->has_src = 1;
        t->tgt = c->src;
        t->has_tgt = 1;
        snprintf(t->code, sizeof t->code, "130");
        t->pattern = UINT32_MAX;
        t->vg = (uint16_t)mg;
        t->verb_b = m->head;
        t->verb_e = (uint16_t)(m->head + 1);
        t->flags = EV_TRANSFORMED;
        t->modality = EVM_HYPO;
        t->future = 1;
        t->why = "future response conditioned on a conflict act: threat";
        t->loc_tok_b = t->loc_tok_e = -1;
    }
    /* 4. one event per source, target and root in a sentence: the same act
     * reached through two verbs of one chain ("is willing to send ... to
     * help") keeps its most specific code */
    for (size_t i = 0; i < sa->nev; i++) {
        dy_ev *a = &sa->ev[i];
        if (a->dropped || (a->flags & EV_PETR))
            continue;
        for (size_t k = 0; k < sa->nev; k++) {
            dy_ev *b = &sa->ev[k];
            if (k == i || b->dropped || (b->flags & EV_PETR) ||
                root_of(a->code) != root_of(b->code) ||
                strcmp(a->src.code, b->src.code) != 0 || a->has_src != b->has_src)
                continue;
            /* the same act once with and once without a target: keep the
             * one with the target (two different specific acts of a root,
             * "killing one person and arresting 12", are not the same) */
            if (a->has_tgt && !b->has_tgt &&
                (strcmp(a->code, b->code) == 0 || generic_code(a->code) ||
                 generic_code(b->code))) {
                drop(b, "same act as another event of the sentence");
                continue;
            }
            /* the same act with its target once named and once taken from
             * the place where it happened ("used tear gas in Monrovia to
             * disperse Liberian protesters"): keep the named one */
            if (a->has_tgt && b->has_tgt && strlen(b->tgt.code) == 3 &&
                strlen(a->tgt.code) > 3 && dy_code3_eq(a->tgt.code, b->tgt.code) &&
                place_target(sa, b)) {
                drop(b, "same act as another event of the sentence");
                continue;
            }
            if (strcmp(a->tgt.code, b->tgt.code) != 0 || a->has_tgt != b->has_tgt)
                continue;
            /* two different specific acts of a root, not of one chain of
             * infinitives, are two events ("beat protesters, injuring ten
             * and arresting 40") */
            if (!generic_code(a->code) && !generic_code(b->code) &&
                strncmp(a->code, b->code, DY_MIN(strlen(a->code), strlen(b->code))) != 0 &&
                !vg_chained(sa, a->vg, b->vg))
                continue;
            /* keep a: drop b if a is more specific, or equal and first */
            size_t la = strlen(a->code), lb = strlen(b->code);
            bool a_gen = generic_code(a->code), b_gen = generic_code(b->code);
            if ((a_gen && !b_gen) || (a_gen == b_gen && lb > la) ||
                (a_gen == b_gen && lb == la && k < i))
                continue;
            drop(b, "same act as another event of the sentence");
        }
    }
    /* 5. an unnamed perpetrator cannot be told apart: its acts without a
     * target add nothing to another of its acts in the sentence ("a
     * minefield explosion killed two youths and wounded five others") */
    for (size_t i = 0; i < sa->nev; i++) {
        dy_ev *b = &sa->ev[i];
        if (b->dropped || !(b->flags & EV_NOSRC) || b->has_src)
            continue;
        /* "clashes between Azerbaijani and Armenian troops killed two
         * soldiers": the subject is an event noun whose sides are named */
        if (!(b->flags & EV_NOUN) && b->vg < sa->nvg) {
            int16_t q = sa->vg[b->vg].subj;
            bool named = false;
            for (size_t k = 0; q >= 0 && k < sa->nev && !named; k++)
                named = !sa->ev[k].dropped && sa->ev[k].has_src &&
                        (sa->ev[k].flags & EV_NOUN) &&
                        sa->ev[k].verb_b >= sa->np[q].b &&
                        sa->ev[k].verb_b < sa->np[q].e;
            if (named) {
                drop(b, "the act of its subject, an event noun with named sides");
                continue;
            }
        }
        if (b->has_tgt)
            continue;
        for (size_t k = 0; k < sa->nev; k++) {
            const dy_ev *a = &sa->ev[k];
            if (k == i || a->dropped || !(a->flags & EV_NOSRC) || a->has_src)
                continue;
            if (a->has_tgt || k < i) {
                drop(b, "another act of the same unnamed perpetrator");
                break;
            }
        }
    }
    attack_references(sa, mem);
    date_events(sa, mem);
}
