/* chunk.c - shallow structure of a sentence: verb groups (auxiliaries,
 * modals, negation, passive, infinitives), noun phrases (with possessors,
 * "of" attachments, appositions and coordination), clauses (complement,
 * conditional, relative and adverbial clauses; attributions) and the
 * subject, object and by-agent of every verb group; then the actors of
 * each noun phrase, including pronouns and definite descriptions resolved
 * against the story so far. */
#include "analyze.h"

#include <stdio.h>

/* ---- word classes ----------------------------------------------------- */


static bool w_in(const dy_sa *sa, size_t i, int cls)
{
    return i < sa->n && dy_wc(&sa->t[i], cls);
}

static int tag(const dy_sa *sa, size_t i)
{
    return i < sa->n ? sa->t[i].tag : T_NONE;
}

static bool in_mention(const dy_sa *sa, size_t i)
{
    return i < sa->n && sa->ment_at[i] >= 0;
}

/* A token that is nominal for chunking: a noun, or inside a mention. */
static bool nominal(const dy_sa *sa, size_t i)
{
    if (i >= sa->n)
        return false;
    if (in_mention(sa, i))
        return true;
    int t = tag(sa, i);
    return dy_tag_is_noun(t) || t == T_CD || t == T_PRP || t == T_FW;
}

static bool verbish(const dy_sa *sa, size_t i)
{
    if (i >= sa->n || in_mention(sa, i))
        return false;
    if (sa->t[i].flags & TOKF_HYPHJOIN)
        return false;
    if (i + 1 < sa->n && (sa->t[i + 1].flags & TOKF_HYPHJOIN))
        return false;
    int t = tag(sa, i);
    return dy_tag_is_verb(t) || t == T_MD;
}

/* ---- verb groups ------------------------------------------------------- */

/* Is a participle/gerund at i used as an adjective inside a noun phrase
 * ("the planned talks", "the ruling party", "armed forces")? */
static bool adjectival_participle(const dy_sa *sa, size_t i)
{
    int t = tag(sa, i);
    /* "the shelling", "its bombing of": a gerund after a determiner is a
     * noun */
    if (t == T_VBG && i > 0 && (tag(sa, i - 1) == T_DT || tag(sa, i - 1) == T_PRPS ||
                                tag(sa, i - 1) == T_POS))
        return true;
    if (t != T_VBN && t != T_VBG && t != T_VBD)
        return false;
    int p = i ? tag(sa, i - 1) : T_NONE;
    bool det_before = p == T_DT || p == T_PRPS || dy_tag_is_adj(p) ||
                      p == T_CD || p == T_POS ||
                      (i && in_mention(sa, i - 1) && p != T_NONE &&
                       sa->ment[sa->ment_at[i - 1]].kind == PH_ADJ);
    /* "a modified armoured vehicle": an adjective may come between */
    size_t na = i + 1;
    if (na + 1 < sa->n && dy_tag_is_adj(tag(sa, na)) && !in_mention(sa, na) &&
        dy_tag_is_noun(tag(sa, na + 1)))
        na++;
    bool noun_after = na < sa->n && (dy_tag_is_noun(tag(sa, na)) ||
                                     in_mention(sa, na)) &&
                      !verbish(sa, na);
    /* "rejected revised Chilean terms", "reject proposed Israeli changes":
     * a participle right after a full verb (not an auxiliary) opens its
     * object */
    if (!det_before && (t == T_VBN || t == T_VBD) && i > 0 &&
        (p == T_VB || p == T_VBP || p == T_VBD || p == T_VBZ) &&
        !dy_wc(&sa->t[i - 1], WC_BE_FORMS) &&
        !dy_wc(&sa->t[i - 1], WC_HAVE_FORMS) &&
        !dy_wc(&sa->t[i - 1], WC_DO_FORMS) && !sa_is(sa, i - 1, "'s") &&
        !sa_is(sa, i - 1, "got") && !sa_is(sa, i - 1, "get"))
        det_before = true;
    return det_before && noun_after;
}

static void add_vg(dy_sa *sa, size_t b, size_t e)
{
    if (sa->nvg >= DY_ARRAY_LEN(sa->vg))
        return;
    dy_vg *g = &sa->vg[sa->nvg];
    memset(g, 0, sizeof *g);
    g->b = (uint16_t)b;
    g->e = (uint16_t)e;
    g->subj = g->obj = g->agent = g->ctrl = -1;
    /* main verb: the last verb token */
    size_t head = b;
    for (size_t i = b; i < e; i++)
        if (dy_tag_is_verb(tag(sa, i)) || (tag(sa, i) == T_MD && head == b &&
                                           i == b))
            head = i;
    g->head = (uint16_t)head;
    bool seen_be = false, seen_have = false, finite = false;
    for (size_t i = b; i < e; i++) {
        const dy_tok *t = &sa->t[i];
        int tg = t->tag;
        if (dy_wc(t, WC_NEGATORS) ||
            /* "will no longer tolerate" */
            (sa_is(sa, i, "longer") && i > b && sa_is(sa, i - 1, "no")))
            g->flags |= VG_NEG;
        if (tg == T_TO)
            g->flags |= VG_INF;
        if (tg == T_MD || dy_wc(t, WC_MODALS_WILL)) {
            finite = true;
            if (dy_wc(t, WC_MODALS_WILL)) {
                g->tense = TENSE_FUT;
                g->modal = MOD_WILL;
            } else if (dy_wc(t, WC_MODALS_POSSIBLE)) {
                g->modal = MOD_POSSIBLE;
                if (sa_is(sa, i, "could") || sa_is(sa, i, "might"))
                    g->modal = MOD_POSSIBLE;
            } else if (dy_wc(t, WC_MODALS_WOULD)) {
                g->modal = MOD_WOULD;
            } else if (sa_is(sa, i, "must")) {
                g->modal = MOD_MUST;
            }
        }
        if (i < head) {
            if (dy_wc(t, WC_BE_FORMS) || (sa_is(sa, i, "'s") && tg == T_VBZ))
                seen_be = true;
            if (dy_wc(t, WC_HAVE_FORMS))
                seen_have = true;
            if (sa_is(sa, i, "get") || sa_is(sa, i, "got") ||
                sa_is(sa, i, "gets"))
                seen_be = true;
        }
        if (tg == T_VBD || tg == T_VBZ || tg == T_VBP)
            finite = true;
        if (i == b && (tg == T_VBD) && g->tense != TENSE_FUT)
            g->tense = TENSE_PAST;
        if (dy_wc(t, WC_DO_FORMS) && sa_is(sa, i, "did"))
            g->tense = TENSE_PAST;
        if ((sa_is(sa, i, "was") || sa_is(sa, i, "were") ||
             sa_is(sa, i, "had")) && g->tense != TENSE_FUT)
            g->tense = TENSE_PAST;
    }
    int ht = tag(sa, head);
    if (seen_be && (ht == T_VBN || ht == T_VBD) && !dy_wc(&sa->t[head], WC_BE_FORMS))
        g->flags |= VG_PASSIVE;
    if (!seen_be && !seen_have && (ht == T_VBD) && head == b)
        g->tense = TENSE_PAST;
    if (seen_have && !finite && (ht == T_VBN || ht == T_VBD) && b == head)
        g->tense = TENSE_PAST;
    if (ht == T_VBG && !seen_be && !finite && !(g->flags & VG_INF))
        g->flags |= VG_GERUND; /* "not agreeing", "blowing up" */
    if ((ht == T_VBN) && b == head && !seen_be && !seen_have)
        g->flags |= VG_PARTICIPLE;
    if (finite)
        g->flags |= VG_FINITE;
    if (seen_have && !(g->flags & VG_INF) && g->tense != TENSE_FUT) {
        /* "has demanded": present perfect reports a past act */
        g->tense = TENSE_PAST;
        g->flags |= VG_FINITE;
    }
    uint32_t v = sa->dict->winfo[sa->t[head].w].verb;
    const dy_verb *vb = v ? &sa->dict->verbs[v - 1] : NULL;
    g->verb = vb && !vb->noun ? v : 0;
    for (size_t i = b; i < e; i++)
        sa->vg_at[i] = (int16_t)sa->nvg;
    sa->nvg++;
}

static void find_verb_groups(dy_sa *sa)
{
    size_t i = 0;
    while (i < sa->n) {
        bool start = false;
        if (sa->t[i].tag == T_TO && i + 1 < sa->n &&
            ((tag(sa, i + 1) == T_VB && verbish(sa, i + 1)) ||
             (w_in(sa, i + 1, WC_VG_ADVERBS) && tag(sa, i + 2) == T_VB &&
              verbish(sa, i + 2))))
            start = true;
        else if (verbish(sa, i) && !adjectival_participle(sa, i))
            start = true;
        if (!start) {
            i++;
            continue;
        }
        size_t j = i + 1;
        size_t last_verb = verbish(sa, i) ? i : i + 1;
        while (j < sa->n) {
            if (verbish(sa, j) && !adjectival_participle(sa, j)) {
                /* a second full verb after a complete verb normally starts a
                 * new group, except after auxiliaries */
                const dy_tok *pv = &sa->t[last_verb];
                bool aux = pv->tag == T_MD || dy_wc(pv, WC_BE_FORMS) ||
                           dy_wc(pv, WC_HAVE_FORMS) ||
                           dy_wc(pv, WC_DO_FORMS) || pv->tag == T_TO ||
                           sa_is(sa, last_verb, "get") || sa_is(sa, last_verb, "got") ||
                           (sa_is(sa, last_verb, "'s") && pv->tag == T_VBZ);
                if (!aux)
                    break;
                last_verb = j;
                j++;
                continue;
            }
            if (sa->t[j].tag == T_RB || w_in(sa, j, WC_NEGATORS) ||
                w_in(sa, j, WC_VG_ADVERBS)) {
                /* adverbs inside the group only when a verb follows */
                size_t k = j;
                while (k < sa->n && (sa->t[k].tag == T_RB ||
                                     w_in(sa, k, WC_NEGATORS) ||
                                     w_in(sa, k, WC_VG_ADVERBS)))
                    k++;
                if (k < sa->n && verbish(sa, k) &&
                    (sa->t[last_verb].tag == T_MD ||
                     dy_wc(&sa->t[last_verb], WC_BE_FORMS) ||
                     dy_wc(&sa->t[last_verb], WC_HAVE_FORMS) ||
                     dy_wc(&sa->t[last_verb], WC_DO_FORMS) ||
                     sa->t[last_verb].tag == T_TO)) {
                    j = k;
                    continue;
                }
                /* "not" after a full verb still negates it ("did not") */
                break;
            }
            break;
        }
        add_vg(sa, i, last_verb + 1);
        i = last_verb + 1;
    }
}

/* ---- noun phrases ------------------------------------------------------ */

static bool np_token(const dy_sa *sa, size_t i)
{
    if (i >= sa->n || sa->vg_at[i] >= 0)
        return false;
    if (in_mention(sa, i))
        return true;
    int t = tag(sa, i);
    if (dy_tag_is_noun(t) || dy_tag_is_adj(t) || t == T_DT || t == T_PDT ||
        t == T_PRPS || t == T_CD || t == T_FW)
        return true;
    if ((t == T_VBN || t == T_VBG || t == T_VBD) && adjectival_participle(sa, i))
        return true;
    if (sa->t[i].flags & TOKF_HYPHJOIN)
        return true;
    if (t == T_DOLLAR || (t == T_SYM && sa_is(sa, i, "%")))
        return true;
    /* a prefix cut off by a space: "an anti- Gondor parade" */
    if (sa_is(sa, i, "-") && i > 0 && i + 1 < sa->n &&
        !(sa->t[i].flags & TOKF_SPACE) && (sa->t[i + 1].flags & TOKF_SPACE) &&
        (dy_tag_is_noun(tag(sa, i - 1)) || dy_tag_is_adj(tag(sa, i - 1))) &&
        !in_mention(sa, i - 1) && sa->vg_at[i - 1] < 0 &&
        (nominal(sa, i + 1) || dy_tag_is_adj(tag(sa, i + 1))))
        return true;
    /* the possessive 's between two nominals: "Sudan's government" */
    if ((t == T_POS || sa_is(sa, i, "'s") || sa_is(sa, i, "'")) && i > 0 &&
        (nominal(sa, i - 1) || in_mention(sa, i - 1)) && i + 1 < sa->n &&
        sa->vg_at[i + 1] < 0 && t != T_VBZ &&
        /* "Jordan's visiting King Abdullah", "Russia's ruling party" */
        (!verbish(sa, i + 1) || adjectival_participle(sa, i + 1)))
        return true;
    return false;
}


/* Is the IN word before token b a subordinating conjunction (its "object"
 * is the subject of a clause)? */
static bool subordinator_before(const dy_sa *sa, size_t b)
{
    if (w_in(sa, b - 1, WC_SUBORDINATORS))
        return true;
    if (!w_in(sa, b - 1, WC_MAYBE_SUBORDINATORS))
        return false;
    /* "after Russia attacked": a finite verb follows the noun phrase */
    size_t k = b;
    while (k < sa->n && sa->vg_at[k] < 0 && !verbish(sa, k) &&
           tag(sa, k) != T_COMMA && tag(sa, k) != T_END && k < b + 8)
        k++;
    return k < sa->n && (verbish(sa, k) || sa->vg_at[k] >= 0) &&
           tag(sa, k) != T_VBG && tag(sa, k) != T_VBN;
}

/* "up to 1,000 Turks", "more than 50 soldiers": a quantity, not a
 * prepositional phrase */
static bool quantity_before(const dy_sa *sa, size_t b)
{
    if (tag(sa, b) != T_CD || b < 2)
        return false;
    return (sa_is(sa, b - 1, "to") && sa_is(sa, b - 2, "up")) ||
           (sa_is(sa, b - 1, "than") &&
            (sa_is(sa, b - 2, "more") || sa_is(sa, b - 2, "fewer") ||
             sa_is(sa, b - 2, "less"))) ||
           (sa_is(sa, b - 1, "of") && sa_is(sa, b - 2, "dozens")) ||
           sa_is(sa, b - 1, "about") || sa_is(sa, b - 1, "around") ||
           sa_is(sa, b - 1, "over") || sa_is(sa, b - 1, "nearly");
}

static size_t add_np(dy_sa *sa, size_t b, size_t e)
{
    if (sa->nnp >= DY_MAX_STOK)
        return SIZE_MAX;
    dy_np *p = &sa->np[sa->nnp];
    memset(p, 0, sizeof *p);
    p->b = (uint16_t)b;
    p->e = (uint16_t)e;
    p->prep = -1;
    p->next_coord = -1;
    p->first_coord = (int16_t)sa->nnp;
    p->of_np = -1;
    p->poss = -1;
    /* head: the last nominal token */
    size_t head = e - 1;
    while (head > b && !nominal(sa, head))
        head--;
    p->head = (uint16_t)head;
    if (tag(sa, head) == T_PRP)
        p->flags |= NPF_PRONOUN;
    if (tag(sa, head) == T_NNS || tag(sa, head) == T_NNPS)
        p->flags |= NPF_PLURAL;
    if (b > 0 && (tag(sa, b - 1) == T_IN || tag(sa, b - 1) == T_TO) &&
        sa->vg_at[b - 1] < 0 && !subordinator_before(sa, b) &&
        !quantity_before(sa, b))
        p->flags |= NPF_INPP, p->prep = (int16_t)(b - 1);
    if (sa_is(sa, b, "the") || sa_is(sa, b, "both"))
        p->flags |= NPF_DEFDESC;
    for (size_t i = b; i < e; i++)
        sa->np_at[i] = (int16_t)sa->nnp;
    return sa->nnp++;
}

static void find_nps(dy_sa *sa)
{
    size_t i = 0;
    while (i < sa->n) {
        int t = tag(sa, i);
        /* pronouns and possessive pronouns alone */
        if (sa->vg_at[i] < 0 && (t == T_PRP) && !in_mention(sa, i)) {
            add_np(sa, i, i + 1);
            i++;
            continue;
        }
        if (!np_token(sa, i)) {
            i++;
            continue;
        }
        size_t b = i, j = i;
        while (j < sa->n && np_token(sa, j)) {
            /* a determiner inside a run starts a new phrase
             * ("Jens Stoltenberg The Secretary General") */
            if (j > b && (tag(sa, j) == T_DT || tag(sa, j) == T_PDT) &&
                !in_mention(sa, j) && nominal(sa, j - 1))
                break;
            /* a mention boundary between two names starts a new phrase
             * unless the first is an adjective or agent */
            if (j > b && in_mention(sa, j) && in_mention(sa, j - 1) &&
                sa->ment_at[j] != sa->ment_at[j - 1]) {
                int k1 = sa->ment[sa->ment_at[j - 1]].kind;
                int k2 = sa->ment[sa->ment_at[j]].kind;
                if (k1 == PH_NAME && k2 == PH_NAME &&
                    sa->ment[sa->ment_at[j]].b == j)
                    break;
            }
            /* "a top official today praised", "Arafat Wednesday rejected":
             * a day word after a noun is an adverb of time, not part of the
             * phrase */
            if (j > b && w_in(sa, j, WC_DAY_WORDS) && !in_mention(sa, j) &&
                nominal(sa, j - 1) && !w_in(sa, j - 1, WC_DAY_WORDS) &&
                tag(sa, j - 1) != T_POS)
                break;
            j++;
            /* coordinated plain adjectives stay inside the phrase: "awful
             * and evil minister", "economic and military aid" */
            if (j + 2 < sa->n && j > b && dy_tag_is_adj(tag(sa, j - 1)) &&
                !in_mention(sa, j - 1) && tag(sa, j) == T_CC &&
                (sa_is(sa, j, "and") || sa_is(sa, j, "or")) &&
                dy_tag_is_adj(tag(sa, j + 1)) && !in_mention(sa, j + 1) &&
                np_token(sa, j + 2) && sa->vg_at[j + 1] < 0)
                j++;
        }
        /* trim trailing adjectives/determiners that do not end an NP */
        size_t e = j;
        while (e > b + 1 && !nominal(sa, e - 1) && !in_mention(sa, e - 1) &&
               !(sa->t[e - 1].flags & TOKF_HYPHJOIN))
            e--;
        if (e == b + 1 && !nominal(sa, b) && !in_mention(sa, b) &&
            tag(sa, b) != T_JJ) {
            i = j;
            continue;
        }
        /* possessive: "Moscow 's request" -> possessor + NP */
        size_t pos = SIZE_MAX;
        for (size_t k = b; k < e; k++)
            if (tag(sa, k) == T_POS || sa_is(sa, k, "'s") || sa_is(sa, k, "'"))
                if (k > b) {
                    pos = k;
                    break;
                }
        if (pos != SIZE_MAX && pos + 1 < e) {
            size_t a = add_np(sa, b, pos + 1);
            size_t c = add_np(sa, pos + 1, e);
            if (a != SIZE_MAX && c != SIZE_MAX) {
                sa->np[a].flags |= NPF_POSS;
                sa->np[c].poss = (int16_t)a;
                sa->np[c].flags &= (uint16_t)~NPF_INPP;
                sa->np[c].prep = sa->np[a].prep;
                if (sa->np[a].flags & NPF_INPP)
                    sa->np[c].flags |= NPF_INPP;
            }
        } else {
            add_np(sa, b, e);
        }
        i = j > e ? j : e;
        if (i == b)
            i++;
    }
}

/* Is NP p a capitalised name that holds no dictionary phrase? */
static bool unknown_name(const dy_sa *sa, const dy_np *p)
{
    for (size_t i = p->b; i < p->e; i++)
        if (in_mention(sa, i) || !(sa->t[i].flags & (TOKF_CAP | TOKF_UPPER)))
            return false;
    return true;
}

/* Does the phrase that starts with the NP ending at token i (with its
 * prepositional phrases and a parenthesis) close with a comma followed by
 * a verb group ("Norway, a member of the alliance, has refused")? */
static bool closed_before_verb(const dy_sa *sa, size_t i)
{
    int paren = 0;
    for (size_t k = i; k < sa->n && k < i + 16; k++) {
        if (sa_is(sa, k, "("))
            paren++;
        else if (sa_is(sa, k, ")"))
            paren--;
        if (paren > 0 || sa_is(sa, k, ")"))
            continue;
        if (sa->t[k].tag == T_COMMA) {
            size_t j = k + 1;
            while (j < sa->n && (sa->t[j].tag == T_RB || w_in(sa, j, WC_VG_ADVERBS)) &&
                   sa->vg_at[j] < 0)
                j++;
            return j < sa->n && sa->vg_at[j] >= 0 &&
                   (sa->vg[sa->vg_at[j]].flags & VG_FINITE);
        }
        if (sa->np_at[k] >= 0 || sa->t[k].tag == T_IN || sa->t[k].tag == T_TO)
            continue;
        return false;
    }
    return false;
}

/* Links between noun phrases: "of" attachments, coordination, appositions. */
static void link_nps(dy_sa *sa)
{
    for (size_t k = 0; k + 1 < sa->nnp; k++) {
        dy_np *a = &sa->np[k], *b = &sa->np[k + 1];
        size_t gap = b->b - a->e;
        if (gap == 1 && b->prep == (int16_t)a->e &&
            (sa_is(sa, a->e, "of") || sa_is(sa, a->e, "from")))
            a->of_np = (int16_t)(k + 1);
        /* coordination: X and Y / X, Y and Z / X as well as Y / neither X
         * nor Y */
        bool cc = gap == 1 && (sa_is(sa, a->e, "and") || sa_is(sa, a->e, "or") ||
                               sa_is(sa, a->e, ",") || sa_is(sa, a->e, "nor"));
        /* the serial comma of a list: "X, Y, and Z" */
        bool serial = gap == 2 && a->first_coord != (int16_t)k && a->b > 0 &&
                      sa_is(sa, a->b - 1, ",") && sa_is(sa, a->e, ",") &&
                      (sa_is(sa, a->e + 1, "and") || sa_is(sa, a->e + 1, "or"));
        if (serial)
            cc = true;
        if (gap == 3 && sa_is(sa, a->e, "as") && sa_is(sa, a->e + 1, "well") &&
            sa_is(sa, a->e + 2, "as"))
            cc = true;
        if (cc && !serial && sa_is(sa, a->e, ",")) {
            /* a comma list only if an "and" follows later */
            cc = k + 2 < sa->nnp &&
                 (sa_is(sa, b->e, "and") || sa_is(sa, b->e, ",")) &&
                 !(b->flags & NPF_INPP);
        }
        if (cc) {
            /* "X attacked Y and Z retaliated": Y and Z are not coordinated
             * when Z starts a new clause and Y is an object */
            bool z_subject = b->e < sa->n && sa->vg_at[b->e] >= 0 &&
                             (sa->vg[sa->vg_at[b->e]].flags & VG_FINITE);
            /* ... but "believes Y and Z can cope": after a verb of saying
             * or thinking, Y and Z are the subject of its complement */
            bool y_object = a->b > 0 && sa->vg_at[a->b - 1] >= 0 &&
                            !dy_wc(&sa->t[sa->vg[sa->vg_at[a->b - 1]].head],
                                   WC_SAYING_VERBS);
            if (z_subject && y_object)
                cc = false;
            /* "the leaders of X and Y": coordination inside the of-phrase */
            if ((a->flags & NPF_PRONOUN) || (b->flags & NPF_PRONOUN && sa_is(sa, b->b, "it")))
                cc = cc && true;
        }
        if (cc) {
            a->next_coord = (int16_t)(k + 1);
            b->first_coord = a->first_coord;
            if (a->flags & NPF_INPP) {
                b->flags |= NPF_INPP;
                b->prep = a->prep;
            }
        }
        /* apposition: "Stoltenberg, the Secretary General of NATO," and the
         * comma-less machine-translated "Jens Stoltenberg The Secretary ..." */
        if (!(a->flags & NPF_INPP) && !(a->flags & NPF_PRONOUN) &&
            (gap == 0 || (gap == 1 && sa_is(sa, a->e, ","))) &&
            (sa_is(sa, b->b, "the") || sa_is(sa, b->b, "a") ||
             sa_is(sa, b->b, "an")) &&
            in_mention(sa, a->head) &&
            sa->ment[sa->ment_at[a->head]].kind == PH_NAME) {
            /* the apposition must describe: an agent noun in it, or a
             * phrase closed by a comma before the verb ("Norway, a close
             * U.S. partner in the north, has refused") */
            bool agent = false;
            for (size_t i = b->b; i < b->e; i++)
                if (in_mention(sa, i) &&
                    sa->ment[sa->ment_at[i]].kind == PH_AGENT)
                    agent = true;
            if (!agent && gap == 1 && (a->b == 0 || !sa_is(sa, a->b - 1, ",")) &&
                closed_before_verb(sa, b->e))
                agent = true;
            if (agent) {
                b->flags |= NPF_APPOS;
                if (a->next_coord == (int16_t)(k + 1))
                    a->next_coord = -1, b->first_coord = (int16_t)(k + 1);
            }
        }
        /* the name after its description: "The main rebel group, Forces
         * for Democracy (FDD), insisted": a name the dictionaries do not
         * know, closed by a comma before the verb */
        else if (!(a->flags & (NPF_INPP | NPF_PRONOUN)) && gap == 1 &&
                 sa_is(sa, a->e, ",") &&
                 (sa_is(sa, a->b, "the") || sa_is(sa, a->b, "a") ||
                  sa_is(sa, a->b, "an")) &&
                 (a->b == 0 || !sa_is(sa, a->b - 1, ",")) &&
                 in_mention(sa, a->head) &&
                 sa->ment[sa->ment_at[a->head]].kind == PH_AGENT &&
                 unknown_name(sa, b) && closed_before_verb(sa, b->e)) {
            b->flags |= NPF_APPOS;
            if (a->next_coord == (int16_t)(k + 1))
                a->next_coord = -1, b->first_coord = (int16_t)(k + 1);
        }
    }
}

/* ---- clauses -------------------------------------------------------------- */


static size_t new_clause(dy_sa *sa, size_t b, int type, int parent)
{
    if (sa->ncl >= DY_ARRAY_LEN(sa->cl))
        return sa->ncl - 1;
    dy_clause *c = &sa->cl[sa->ncl];
    c->b = c->e = (uint16_t)b;
    c->type = (uint8_t)type;
    c->parent = (int16_t)parent;
    c->antecedent = -1;
    return sa->ncl++;
}

/* Does a finite verb group start within a few tokens after i (the shape of
 * a clause: subject NP then verb)? */
static bool clause_follows(const dy_sa *sa, size_t i, size_t max)
{
    for (size_t k = i; k < sa->n && k < i + max; k++) {
        if (sa->vg_at[k] >= 0)
            return (sa->vg[sa->vg_at[k]].flags & VG_FINITE) != 0;
        int t = tag(sa, k);
        if (t == T_COMMA || t == T_END || t == T_PUNCT)
            return false;
    }
    return false;
}

/* Does a verb group (any form) follow within max tokens, before a
 * comma or punctuation? */
static bool verb_follows(const dy_sa *sa, size_t i, size_t max)
{
    for (size_t k = i; k < sa->n && k < i + max; k++) {
        if (sa->vg_at[k] >= 0)
            return true;
        int t = tag(sa, k);
        if (t == T_COMMA || t == T_END || t == T_PUNCT)
            return false;
    }
    return false;
}

/* Is NP p a time expression ("on Sunday", "last week")? */
static bool time_np(const dy_sa *sa, const dy_np *p)
{
    return dy_wc(&sa->t[p->head], WC_TIME_HEADS) && !p->nact;
}

void dy_clauses(dy_sa *sa)
{
    sa->ncl = 0;
    size_t stack[32];
    size_t depth = 0;
    size_t cur = new_clause(sa, 0, CL_MAIN, -1);
    stack[depth++] = cur;
    for (size_t i = 0; i < sa->n; i++) {
        const dy_tok *t = &sa->t[i];
        int tg = t->tag;
        int type = -1;
        if (tg == T_PUNCT && sa->np_at[i] < 0 &&
            (sa_is(sa, i, ";") || sa_is(sa, i, "--") || sa_is(sa, i, ":") ||
             sa_is(sa, i, "-"))) {
            /* strong boundary: a new main clause */
            sa->cl_at[i] = (int16_t)cur;
            depth = 0;
            cur = new_clause(sa, i + 1, CL_MAIN, -1);
            stack[depth++] = cur;
            continue;
        }
        if (w_in(sa, i, WC_COND_WORDS))
            type = CL_IF;
        else if (w_in(sa, i, WC_REL_WORDS) && i > 0 &&
                 (sa->np_at[i - 1] >= 0 || sa_is(sa, i - 1, ",") ||
                  sa_is(sa, i - 1, "of")))
            type = CL_REL;
        else if (sa_is(sa, i, "that") && i > 0) {
            /* complementizer after a verb (or verb + object), relative
             * pronoun after a noun followed directly by a verb */
            bool after_verb = sa->vg_at[i - 1] >= 0 ||
                              (sa->np_at[i - 1] >= 0 &&
                               sa->np[sa->np_at[i - 1]].b > 0 &&
                               sa->vg_at[sa->np[sa->np_at[i - 1]].b - 1] >= 0) ||
                              sa_is(sa, i - 1, ",") || tag(sa, i - 1) == T_RB ||
                              tag(sa, i - 1) == T_RP;
            bool verb_next = i + 1 < sa->n && sa->vg_at[i + 1] >= 0;
            if (sa->np_at[i - 1] >= 0 && verb_next &&
                !(sa->vg_at[i - 1] >= 0))
                type = CL_REL;
            else if (after_verb || clause_follows(sa, i + 1, 8))
                type = CL_THAT;
            else if ((w_in(sa, i - 1, WC_DEMAND_NOUNS) ||
                      (i > 1 && w_in(sa, i - 1, WC_TIME_HEADS) &&
                       w_in(sa, i - 2, WC_DEMAND_NOUNS))) &&
                     verb_follows(sa, i + 1, 8))
                type = CL_THAT; /* "the demand that Kyiv withdraw" */
        } else if (w_in(sa, i, WC_ADV_WORDS) && tg != T_RB &&
                   clause_follows(sa, i + 1, 10)) {
            /* "after" + clause, not "after talks" */
            type = CL_ADV;
        } else if (sa_is(sa, i, "whether")) {
            type = CL_THAT;
        }
        /* "said it would ...", "believe Russia will ...": a complement
         * clause without "that" after a verb of saying or thinking */
        /* ("said on Tuesday it had halted", "said today they would"): a
         * time phrase or adverb may stand between */
        bool np_starts = type < 0 && sa->np_at[i] >= 0 && sa->np[sa->np_at[i]].b == i;
        size_t sv = i;
        while (np_starts && sv > 1 && sa->vg_at[sv - 1] < 0) {
            int16_t q = sa->np_at[sv - 1];
            if (tag(sa, sv - 1) == T_RB)
                sv--;
            else if (q >= 0 && time_np(sa, &sa->np[q]))
                sv = sa->np[q].b;
            else if (tag(sa, sv - 1) == T_IN && sa->np_at[sv] >= 0 &&
                     sv < i && time_np(sa, &sa->np[sa->np_at[sv]]))
                sv--;
            else
                break;
        }
        if (np_starts && sv > 0 && (sv == i || sa->cl[cur].b < sv) &&
            sa->vg_at[sv - 1] >= 0 &&
            dy_wc(&sa->t[sa->vg[sa->vg_at[sv - 1]].head], WC_SAYING_VERBS)) {
            const dy_np *q = &sa->np[sa->np_at[i]];
            size_t k = q->e;
            while (k < sa->n && sa->np_at[k] >= 0)
                k = sa->np[sa->np_at[k]].e;
            if (k < sa->n && sa->vg_at[k] >= 0 &&
                (sa->vg[sa->vg_at[k]].flags & VG_FINITE))
                type = CL_THAT;
        }
        if (type >= 0 && depth < DY_ARRAY_LEN(stack)) {
            size_t c = new_clause(sa, i, type, (int)cur);
            if (type == CL_REL) {
                size_t k = i;
                while (k > 0 && (sa_is(sa, k - 1, ",") ))
                    k--;
                if (k > 0 && sa->np_at[k - 1] >= 0)
                    sa->cl[c].antecedent = sa->np_at[k - 1];
                /* "all of which", "some of whom": the antecedent is a
                 * whole list, not the phrase before the comma */
                if (i >= 2 && sa_is(sa, i - 1, "of") &&
                    (sa_is(sa, i - 2, "all") || sa_is(sa, i - 2, "both") ||
                     sa_is(sa, i - 2, "some") || sa_is(sa, i - 2, "many") ||
                     sa_is(sa, i - 2, "most") || sa_is(sa, i - 2, "none") ||
                     sa_is(sa, i - 2, "each") || sa_is(sa, i - 2, "one")))
                    sa->cl[c].antecedent = -2;
            }
            stack[depth++] = c;
            cur = c;
            sa->cl_at[i] = (int16_t)cur;
            continue;
        }
        /* a comma closes a subordinate clause that has its verb already,
         * when what follows is not a continuation of it */
        if (tg == T_COMMA && depth > 1) {
            bool has_verb = false;
            for (size_t k = sa->cl[cur].b; k < i; k++)
                if (sa->cl_at[k] == (int16_t)cur && sa->vg_at[k] >= 0)
                    has_verb = true;
            if (has_verb) {
                depth--;
                cur = stack[depth - 1];
                /* ", Ukrainian news portals reported": a subject and a
                 * finite verb after the comma belong to the main clause */
                if (depth > 1 && i + 1 < sa->n && sa->np_at[i + 1] >= 0) {
                    const dy_np *q = &sa->np[sa->np_at[i + 1]];
                    if (q->e < sa->n && sa->vg_at[q->e] >= 0 &&
                        (sa->vg[sa->vg_at[q->e]].flags & VG_FINITE)) {
                        depth = 1;
                        cur = stack[0];
                    }
                }
            }
        }
        sa->cl_at[i] = (int16_t)cur;
    }
    for (size_t c = 0; c < sa->ncl; c++)
        sa->cl[c].e = sa->cl[c].b;
    for (size_t i = 0; i < sa->n; i++) {
        dy_clause *c = &sa->cl[sa->cl_at[i]];
        if (i + 1 > c->e)
            c->e = (uint16_t)(i + 1);
    }
}

/* ---- roles --------------------------------------------------------------------- */


/* A time expression used as a noun phrase ("today", "last week"). */

/* Can NP k serve as a subject (not in a PP, not an apposition)? */
static bool subject_np(const dy_sa *sa, size_t k)
{
    const dy_np *p = &sa->np[k];
    if (p->flags & (NPF_INPP | NPF_APPOS | NPF_POSS))
        return false;
    /* time expressions ("on Sunday", "last week") are not subjects */
    return !time_np(sa, p);
}

/* Nearest subject NP to the left of token i within clause c. */
static int16_t left_subject(const dy_sa *sa, size_t i, int c)
{
    int paren = 0;
    for (size_t k = i; k-- > 0;) {
        if (sa_is(sa, k, ")"))
            paren++;
        else if (sa_is(sa, k, "("))
            paren--;
        if (paren > 0)
            continue;
        if (sa->cl_at[k] != c)
            continue;
        int16_t np = sa->np_at[k];
        if (np >= 0 && subject_np(sa, (size_t)np)) {
            /* the first NP of a coordination stands for all */
            return sa->np[np].first_coord;
        }
        /* verbs in between: a coordinated VP keeps looking ("X met Y and
         * signed"), so go on */
    }
    return -1;
}

/* First NP object after token i (skipping particles and adverbs). */
/* Is there a multi-word verb entry of first word entry v (a chain of
 * entries, dy_verb.next_same) whose next word is w? */
static bool particle_verb(const dy_sa *sa, uint32_t v, uint32_t w)
{
    for (uint32_t vi = v; vi && w; vi = sa->dict->verbs[vi - 1].next_same) {
        const dy_verb *vb = &sa->dict->verbs[vi - 1];
        if (vb->nparticles >= 1 && vb->particles[0] == w)
            return true;
    }
    return false;
}

static int16_t right_object(const dy_sa *sa, size_t i, int c)
{
    for (size_t k = i; k < sa->n && k < i + 4; k++) {
        if (sa->cl_at[k] != c)
            return -1;
        int16_t np = sa->np_at[k];
        if (np >= 0) {
            if (sa->np[np].flags & NPF_INPP)
                return -1;
            if (time_np(sa, &sa->np[np])) {
                k = sa->np[np].e - 1; /* "threatened today to ..." */
                continue;
            }
            return np;
        }
        int t = tag(sa, k);
        if (t == T_RP || t == T_RB)
            continue;
        return -1;
    }
    return -1;
}

/* Is NP k the object of a verb group before group h? ("opened its borders
 * to migrants expelled from Somalia, but was refusing ...": the
 * object of "opened" is not the subject the coordinated verb shares) */
static bool object_of_earlier(const dy_sa *sa, int16_t k, size_t h)
{
    for (size_t g = 0; g < h; g++)
        if (sa->vg[g].obj == k)
            return true;
    return false;
}

static void assign_roles(dy_sa *sa)
{
    for (size_t g = 0; g < sa->nvg; g++) {
        dy_vg *v = &sa->vg[g];
        int c = sa->cl_at[v->b];
        v->clause = (uint16_t)c;
        const dy_clause *cl = &sa->cl[c];
        v->obj = right_object(sa, v->e, c);
        /* "shot down a Ukrainian airliner", "called off the strike": the
         * particle of a multi-word verb the dictionary knows, even when
         * tagged as a preposition, comes before the object */
        if (v->obj < 0 && v->verb && (size_t)v->e + 1 < sa->n && tag(sa, v->e) == T_IN &&
            sa->np_at[v->e + 1] >= 0 && particle_verb(sa, v->verb, sa->t[v->e].w)) {
            dy_np *q = &sa->np[sa->np_at[v->e + 1]];
            if (q->b == v->e + 1 && q->prep == (int16_t)v->e) {
                q->flags &= (uint16_t)~NPF_INPP;
                q->prep = -1;
                v->obj = sa->np_at[v->e + 1];
            }
        }
        /* by-agent of a passive */
        if (v->flags & VG_PASSIVE) {
            for (size_t k = v->e; k < sa->n && k < (size_t)v->e + 8; k++) {
                if (sa->cl_at[k] != c)
                    break;
                if (sa_is(sa, k, "by") && k + 1 < sa->n && sa->np_at[k + 1] >= 0) {
                    v->agent = sa->np[sa->np_at[k + 1]].first_coord;
                    break;
                }
            }
        }
        /* bare infinitive: "help defend", "let them go", "made X withdraw" */
        if (!(v->flags & VG_INF) && v->b == v->head && tag(sa, v->head) == T_VB &&
            g > 0) {
            const dy_vg *pv = &sa->vg[g - 1];
                    size_t gap = v->b - pv->e;
            if (dy_wc(&sa->t[pv->head], WC_BARE) &&
                (gap == 0 || (gap <= 4 && sa->np_at[pv->e] >= 0)))
                v->flags |= VG_INF;
        }
        if (v->flags & VG_INF) {
            /* "Berlin's decision to send tanks": an infinitive after a noun
             * belongs to the noun; its doer is the noun's possessor */
            if (v->b > 0 && sa->vg_at[v->b - 1] < 0 && sa->np_at[v->b - 1] >= 0 &&
                tag(sa, v->b) == T_TO && w_in(sa, v->b - 1, WC_INF_NOUNS)) {
                const dy_np *q = &sa->np[sa->np_at[v->b - 1]];
                if (!(q->flags & NPF_INPP) && !dy_wc(&sa->t[q->head], WC_TIME_HEADS)) {
                    v->subj = q->poss;
                    v->flags |= VG_NOUNCOMP;
                    continue;
                }
            }
            /* "the right of Russian troops to fire": the same through an
             * "of" phrase, whose actor is the doer */
            if (v->b > 0 && sa->vg_at[v->b - 1] < 0 && sa->np_at[v->b - 1] >= 0 &&
                tag(sa, v->b) == T_TO) {
                int16_t o = sa->np_at[v->b - 1];
                for (size_t q = 0; q < sa->nnp; q++) {
                    const dy_np *n = &sa->np[q];
                    if (n->of_np != o || !w_in(sa, n->head, WC_INF_NOUNS) ||
                        (n->flags & NPF_INPP) || sa->np[o].e != v->b)
                        continue;
                    v->subj = o;
                    v->flags |= VG_NOUNCOMP;
                    break;
                }
                if (v->flags & VG_NOUNCOMP)
                    continue;
            }
            /* controller: the nearest verb group before "to" in the same
             * or the enclosing clause */
            for (size_t h = g; h-- > 0;) {
                if (sa->vg[h].e <= v->b) {
                    v->ctrl = (int16_t)h;
                    break;
                }
            }
            if (v->ctrl >= 0) {
                dy_vg *cv = &sa->vg[v->ctrl];
                bool call_on = (sa_is(sa, cv->head, "call") || sa_is(sa, cv->head, "called") ||
                                sa_is(sa, cv->head, "calls") || sa_is(sa, cv->head, "calling")) &&
                               (sa_is(sa, cv->e, "on") || sa_is(sa, cv->e, "upon"));
                if (dy_wc(&sa->t[cv->head], WC_OBJECT_CONTROL) && cv->obj >= 0)
                    v->subj = cv->obj;
                else if ((call_on || dy_wc(&sa->t[cv->head], WC_OBJECT_CONTROL)) &&
                         (sa_is(sa, cv->e, "on") || sa_is(sa, cv->e, "upon")) &&
                         sa->np_at[cv->e + 1] >= 0)
                    v->subj = sa->np[sa->np_at[cv->e + 1]].first_coord;
                else
                    v->subj = cv->subj;
                v->tense = cv->tense == TENSE_FUT ? TENSE_FUT : v->tense;
            }
            continue;
        }
        /* ", killing one person": a participle clause after a comma has
         * the subject of the clause it follows */
        if ((v->flags & (VG_GERUND | VG_PARTICIPLE)) && v->b > 0 &&
            sa_is(sa, v->b - 1, ",")) {
            for (size_t h = g; h-- > 0;)
                if ((sa->vg[h].flags & VG_FINITE) && sa->vg[h].subj >= 0 &&
                    sa->vg[h].clause == v->clause) {
                    v->subj = sa->vg[h].subj;
                    break;
                }
            if (v->subj >= 0)
                continue;
        }
        /* "urged Russia to stop attacking": a gerund right after a verb is
         * its complement */
        if ((v->flags & VG_GERUND) && g > 0 && sa->vg[g - 1].e == v->b) {
            v->ctrl = (int16_t)(g - 1);
            v->subj = sa->vg[g - 1].subj;
            continue;
        }
        /* "had broken the ceasefire by shelling Avdiivka": a by-gerund is
         * done by the subject of the (active) verb it tells the means of */
        if ((v->flags & VG_GERUND) && v->b > 0 && sa_is(sa, v->b - 1, "by")) {
            for (size_t h = g; h-- > 0;)
                if (sa->vg[h].clause == v->clause && sa->vg[h].e < v->b &&
                    (sa->vg[h].flags & VG_FINITE)) {
                    if (!(sa->vg[h].flags & VG_PASSIVE))
                        v->subj = sa->vg[h].subj;
                    break;
                }
            if (v->subj >= 0)
                continue;
        }
        /* a coordinated verb phrase ("... and exchanged views") shares
         * the subject of the verb before it */
        size_t pk = v->b;
        while (pk > 0 && (tag(sa, pk - 1) == T_RB || w_in(sa, pk - 1, WC_VG_ADVERBS)))
            pk--;
        /* (also "..., killing one person and arresting 12": a gerund after
         * a gerund) */
        bool ing_pair = (v->flags & VG_GERUND) && g > 0 &&
                        (sa->vg[g - 1].flags & VG_GERUND) &&
                        sa->vg[g - 1].clause == v->clause;
        if (pk > 0 && (sa_is(sa, pk - 1, "and") || sa_is(sa, pk - 1, "but") ||
                       sa_is(sa, pk - 1, "or")) &&
            (v->flags & VG_FINITE || tag(sa, v->head) == T_VBD || ing_pair)) {
            int16_t inh = -1;
            for (size_t h = g; h-- > 0;)
                if (sa->vg[h].clause == v->clause && sa->vg[h].subj >= 0 &&
                    !(sa->vg[h].flags & VG_INF) &&
                    !object_of_earlier(sa, sa->vg[h].subj, h)) {
                    inh = sa->vg[h].subj;
                    break;
                }
            if (inh >= 0) {
                v->subj = inh;
                continue;
            }
        }
        /* "..., all of which he says threaten Russia's security": a
         * parenthetical "he says" inside a relative clause */
        if (cl->type == CL_REL && cl->antecedent != -1 && g > 0 &&
            sa->vg[g - 1].e == v->b && sa->vg[g - 1].clause == v->clause &&
            dy_wc(&sa->t[sa->vg[g - 1].head], WC_SAYING_VERBS)) {
            v->subj = cl->antecedent >= 0 ? sa->np[cl->antecedent].first_coord
                                          : -1;
            continue;
        }
        if (cl->type == CL_REL && cl->antecedent == -2) {
            int16_t s2 = left_subject(sa, v->b, c);
            v->subj = s2 >= 0 && sa->np[s2].b > cl->b ? s2 : -1;
        } else if (cl->type == CL_REL && cl->antecedent >= 0) {
            /* "the troops that attacked": subject is the antecedent unless
             * an NP stands between the pronoun and the verb */
            int16_t s = left_subject(sa, v->b, c);
            if (s < 0 || sa->np[s].b < cl->b)
                s = sa->np[cl->antecedent].first_coord;
            v->subj = s;
        } else {
            v->subj = left_subject(sa, v->b, c);
        }
        /* "a resolution censuring Nicaragua", "troops deployed near": a
         * participle right after a noun phrase modifies it */
        if (v->subj < 0 && (v->flags & (VG_GERUND | VG_PARTICIPLE)) && v->b > 0 &&
            sa->np_at[v->b - 1] >= 0 && !(sa->np[sa->np_at[v->b - 1]].flags & NPF_PRONOUN)) {
            v->subj = sa->np_at[v->b - 1];
            continue;
        }
        if (v->subj < 0 && (v->flags & (VG_GERUND | VG_PARTICIPLE))) {
            /* "..., killing ten people": subject of the main clause */
            for (size_t h = g; h-- > 0;)
                if (sa->vg[h].subj >= 0) {
                    v->subj = sa->vg[h].subj;
                    break;
                }
        }
        if (v->subj < 0 && cl->parent >= 0) {
            /* inverted attribution: ", said Putin" */
            if (v->obj >= 0 && cl->type == CL_MAIN)
                v->subj = v->obj, v->obj = -1;
        }
        if (v->subj < 0 && v->obj >= 0 && v->b > 0 &&
            (sa_is(sa, v->b - 1, ",") || sa_is(sa, v->b - 1, "\""))) {
            v->subj = v->obj;
            v->obj = -1;
        }
        if (v->subj < 0) {
            /* coordinated verb phrase: inherit from the previous verb group
             * of the same clause */
            for (size_t h = g; h-- > 0;)
                if (sa->vg[h].clause == v->clause && sa->vg[h].subj >= 0) {
                    v->subj = sa->vg[h].subj;
                    break;
                }
        }
    }
}

/* ---- actors of noun phrases --------------------------------------------------- */

static void set_actor(dy_actor *a, const char *code, size_t b, size_t e,
                      uint32_t ent, float conf)
{
    memset(a, 0, sizeof *a);
    dy_code_join(a->code, code, 0, "");
    a->b = (uint16_t)b;
    a->e = (uint16_t)e;
    a->entity = ent;
    a->conf = conf;
}

static void np_add_actor(dy_np *p, const dy_actor *a)
{
    for (size_t i = 0; i < p->nact; i++)
        if (strcmp(p->act[i].code, a->code) == 0)
            return;
    if (p->nact < DY_MAX_ACT)
        p->act[p->nact++] = *a;
}

/* Can mention m combine with an agent noun ("Russian troops", "NATO
 * troops")? A country or an organisation named by its name or adjective
 * can; persons, institutions, seats and capitals already have a sector. */
static bool takes_agent(const dy_dict *d, const dy_mention *m)
{
    int k = d->ents[m->entity].kind;
    if (m->kind != PH_NAME && m->kind != PH_ADJ)
        return false;
    if (k == ENT_COUNTRY)
        return strlen(m->code) == 3;
    if (k != ENT_ACTOR)
        return false;
    /* an organisation whose code ends in a sector already has one */
    static const char *const sectors[] = {
        "GOV", "MIL", "COP", "REB", "OPP", "PTY", "LEG", "JUD", "MED",
        "CVL", "SPY", "UAF", "BUS", NULL};
    size_t n = strlen(m->code);
    if (n < 6)
        return n == 3;
    for (size_t i = 0; sectors[i]; i++)
        if (memcmp(m->code + n - 3, sectors[i], 3) == 0)
            return false;
    return true;
}

static bool code_has_agent(const char *code)
{
    /* a country or organisation code followed by a sector: USAGOV */
    return strlen(code) > 3;
}



/* Is NP p a demonym alone, perhaps after determiners and plain adjectives
 * ("Russian", "senior Hungarian", "the top Russian")? */
static bool bare_demonym(const dy_sa *sa, const dy_np *p)
{
    int m = sa->ment_at[p->e - 1];
    if (m < 0 || sa->ment[m].kind != PH_ADJ || sa->ment[m].e != p->e)
        return false;
    for (size_t i = p->b; i < sa->ment[m].b; i++) {
        int t = tag(sa, i);
        /* "Senior Kenyan and ...": a capitalised first word may be tagged
         * as a name */
        bool first_cap = i == 0 && t == T_NNP;
        if (in_mention(sa, i) ||
            !(t == T_DT || t == T_JJ || t == T_JJS || t == T_RB || first_cap))
            return false;
    }
    return true;
}

/* Does code hold the 3-letter block blk after its country ("Hezbollah
 * guerrillas" is LBNREBHEZ, not LBNREBHEZREB)? */
static bool code_has_block(const char *code, const char *blk)
{
    size_t n = strlen(code);
    if (strlen(blk) != 3)
        return false;
    for (size_t i = 3; i + 3 <= n; i += 3)
        if (memcmp(code + i, blk, 3) == 0)
            return true;
    return false;
}

/* Is agent mention ag a title before a name that the dictionaries do not
 * know ("Judge Mariela Vantorres", "Foreign Minister Andres Allamand")?
 * The rest of the phrase is capitalised proper nouns that name no actor. */
static bool title_of_name(const dy_sa *sa, const dy_mention *ag,
                          const dy_np *p)
{
    if (ag->e >= p->e || !(sa->t[ag->b].flags & (TOKF_CAP | TOKF_UPPER)))
        return false;
    for (size_t i = ag->e; i < p->e; i++)
        if (in_mention(sa, i) || tag(sa, i) != T_NNP ||
            !(sa->t[i].flags & TOKF_CAP))
            return false;
    return true;
}

/* Actors of the tokens of one NP from its mentions. The mention at the
 * head decides: a named actor (person, organisation, institution, seat) is
 * the actor; a country name is the country; an agent noun combines with
 * every country, demonym or organisation before it ("Hungarian and
 * Romanian officials" -> HUNGOV, ROUGOV). */
static void np_direct_actors(dy_sa *sa, dy_np *p)
{
    const dy_dict *d = sa->dict;
    const dy_mention *mods[DY_MAX_ACT];
    size_t nmod = 0;
    const dy_mention *head = NULL, *agent = NULL, *name = NULL;
    for (size_t i = p->b; i < p->e; i++) {
        int m = sa->ment_at[i];
        if (m < 0 || (i > p->b && sa->ment_at[i - 1] == m))
            continue;
        const dy_mention *mm = &sa->ment[m];
        if (mm->b <= p->head && p->head < mm->e)
            head = mm;
        if (mm->kind == PH_AGENT) {
            agent = mm;
        } else if (mm->kind == PH_ADJ ||
                   (mm->kind == PH_NAME &&
                    d->ents[mm->entity].kind == ENT_COUNTRY)) {
            if (nmod < DY_MAX_ACT && (!head || mm != head))
                mods[nmod++] = mm;
        } else if (mm->code[0]) {
            name = mm; /* person, organisation, institution, seat... */
        }
    }
    dy_actor a;
    const dy_mention *use = NULL;
    if (head && head->kind != PH_AGENT && head->kind != PH_ADJ && head->code[0])
        use = head;
    else if (name && (!head || head->kind != PH_AGENT || name->e == head->b ||
                      !nmod))
        use = name; /* "the Putin government", "Hamas fighters" */
    if (use) {
        char code[32];
        dy_code_join(code, use->code, 0, "");
        /* a capital named as a place is the country ("arrived in Amman") */
        if (use->kind == PH_CAPITAL && p->prep >= 0 &&
            dy_wc(&sa->t[p->prep], WC_LOCATIVE_PREPS))
            code[3] = 0;
        /* an organisation or country before an agent: "NATO troops" */
        if (head && head->kind == PH_AGENT && use != head && takes_agent(d, use) &&
            !code_has_block(code, head->code))
            dy_code_join(code, code, 0, head->code);
        set_actor(&a, code, use->b, use->e, use->entity, use->conf);
        np_add_actor(p, &a);
        return;
    }
    /* countries and demonyms, combined with the head agent noun */
    const dy_mention *ag = head && head->kind == PH_AGENT ? head : NULL;
    if (!ag && agent && (agent->e == p->e || title_of_name(sa, agent, p)))
        ag = agent;
    /* "rebel positions", "an Israeli army post", "Kurdish rebel training
     * camps": what an armed group holds stands for the group */
    if (!ag && agent && !head && agent->e + 2 >= p->e &&
        dy_wc(&sa->t[p->head], WC_HELD_NOUNS))
        ag = agent;
    /* "Russian positions", "Israeli military posts": a state's positions
     * and bases are its military's */
    bool mil_held = !ag && !head && dy_wc(&sa->t[p->head], WC_MIL_HELD_NOUNS) &&
                    !(p->e < sa->n && (sa_is(sa, p->e, "on") || sa_is(sa, p->e, "about") ||
                                       sa_is(sa, p->e, "over") || sa_is(sa, p->e, "regarding") ||
                                       sa_is(sa, p->e, "toward") || sa_is(sa, p->e, "towards")));
    for (size_t k = 0; k < nmod; k++) {
        if (!mods[k]->code[0])
            continue;
        char code[32];
        if (ag && takes_agent(d, mods[k]))
            dy_code_join(code, mods[k]->code, 0, ag->code);
        else if (mil_held && mods[k]->e <= p->head && takes_agent(d, mods[k]) &&
                 strlen(mods[k]->code) == 3)
            dy_code_join(code, mods[k]->code, 0, "MIL");
        else
            dy_code_join(code, mods[k]->code, 0, "");
        set_actor(&a, code, mods[k]->b, ag ? ag->e : mods[k]->e,
                  mods[k]->entity, mods[k]->conf);
        np_add_actor(p, &a);
    }
    if (!p->nact && head && head->kind != PH_AGENT && head->code[0]) {
        set_actor(&a, head->code, head->b, head->e, head->entity, head->conf);
        np_add_actor(p, &a);
    }
    if (!p->nact && ag) {
        char code[32];
        dy_code_join(code, "---", 0, ag->code);
        set_actor(&a, code, ag->b, ag->e, UINT32_MAX, 0.5f);
        a.generic = 1;
        np_add_actor(p, &a);
    }
    /* "former President X", "ousted officials": elites, not government */
    for (size_t i = p->b; i < p->head; i++)
        if (w_in(sa, i, WC_FORMER_WORDS))
            for (size_t k = 0; k < p->nact; k++) {
                size_t l = strlen(p->act[k].code);
                if (l >= 6 && memcmp(p->act[k].code + l - 3, "GOV", 3) == 0)
                    memcpy(p->act[k].code + l - 3, "ELI", 3);
            }
}

static void remember(dy_memory *mem, const dy_sa *sa, const dy_np *p)
{
    if (!p->nact || p->act[0].generic)
        return;
    mem->last_actor = p->act[0];
    mem->has_actor = 1;
    /* "Houthi rebels ... The group said": a named organisation */
    if (p->act[0].entity != UINT32_MAX && !(p->flags & NPF_PRONOUN) &&
        sa->dict->ents[p->act[0].entity].kind == ENT_ACTOR &&
        strncmp(p->act[0].code, "IGO", 3) != 0) {
        mem->last_group = p->act[0];
        mem->has_group = 1;
    }
    for (size_t i = 0; i < p->nact; i++) {
        const dy_actor *a = &p->act[i];
        if (a->entity != UINT32_MAX &&
            sa->dict->ents[a->entity].kind == ENT_PERSON) {
            mem->last_person = *a;
            mem->has_person = 1;
        }
    }
    /* the last two distinct leaders, and the last two distinct states */
    for (size_t i = 0; i < p->nact; i++) {
        const dy_actor *a = &p->act[i];
        bool person = a->entity != UINT32_MAX &&
                      sa->dict->ents[a->entity].kind == ENT_PERSON;
        bool gov = strlen(a->code) >= 6 && memcmp(a->code + 3, "GOV", 3) == 0;
        for (int which = 0; which < 2; which++) {
            /* leaders: persons and governments; states: any actor, by its
             * country root */
            if (which == 0 && !person && !gov)
                continue;
            dy_actor *pair = which == 0 ? mem->pair_lead : mem->pair_state;
            int *np = which == 0 ? &mem->n_lead : &mem->n_state;
            dy_actor b = *a;
            if (which == 1)
                b.code[3] = 0;
            if (*np >= 1 && dy_code3_eq(pair[1].code, b.code)) {
                pair[1] = b;
                continue;
            }
            pair[0] = pair[1];
            pair[1] = b;
            if (*np < 2)
                (*np)++;
        }
    }
}

static bool pair_description(const dy_sa *sa, const dy_np *p)
{
    /* "the two heads of state", "both countries", "the two leaders",
     * "both sides" */
    bool two = false, plural_agent = false;
    for (size_t i = p->b; i < p->e; i++) {
        if (sa_is(sa, i, "two") || sa_is(sa, i, "both"))
            two = true;
    }
    for (size_t i = p->b; i < p->e; i++)
        if (dy_wc(&sa->t[i], WC_PAIR_HEADS))
            plural_agent = true;
    return two && plural_agent;
}

/* "the two leaders", "both presidents", "the two heads of state" refer to
 * persons; "the two countries", "both sides" to states. */
static bool pair_of_leaders(const dy_sa *sa, const dy_np *p)
{
    for (size_t i = p->b; i < p->e; i++)
        if (dy_wc(&sa->t[i], WC_LEADER_HEADS))
            return true;
    return false;
}

/* Is code a state's root ("UKR", "UKRGOV"), not an organisation or region? */
static bool state_code(const dy_dict *d, const dy_actor *a)
{
    if (a->entity == UINT32_MAX || a->generic || strlen(a->code) < 3)
        return false;
    const dy_entity *e = &d->ents[a->entity];
    if (e->kind == ENT_COUNTRY)
        return true;
    /* persons and institutions of a state carry its code */
    char c[4] = {a->code[0], a->code[1], a->code[2], 0};
    for (size_t i = 0; i < 3; i++)
        if (c[i] < 'A' || c[i] > 'Z')
            return false;
    return strcmp(c, "IGO") && strcmp(c, "NGO") && strcmp(c, "IMG") &&
           strcmp(c, "MNC") && strcmp(c, "---") && e->kind != ENT_AGENT;
}

/* An agent without a country ("police", "the opposition") belongs to the
 * only state the sentence names, else to the state the story names most. */
static void default_country(dy_sa *sa, dy_memory *mem)
{
    const dy_dict *d = sa->dict;
    char only[4] = "";
    int distinct = 0;
    for (size_t k = 0; k < sa->nnp; k++)
        for (size_t i = 0; i < sa->np[k].nact; i++) {
            const dy_actor *a = &sa->np[k].act[i];
            if (!state_code(d, a))
                continue;
            if (!distinct || !dy_code3_eq(only, a->code)) {
                if (distinct && !dy_code3_eq(only, a->code))
                    distinct = 2;
                else
                    distinct = 1;
                if (distinct == 1)
                    memcpy(only, a->code, 3);
            }
            /* count for the story */
            int r;
            for (r = 0; r < mem->nroots; r++)
                if (dy_code3_eq(mem->roots[r], a->code))
                    break;
            if (r == mem->nroots && r < 16) {
                memcpy(mem->roots[r], a->code, 3);
                mem->roots[r][3] = 0;
                mem->root_n[r] = 0;
                mem->nroots++;
            }
            if (r < 16)
                mem->root_n[r]++;
        }
    const char *fill = distinct == 1 ? only : NULL;
    if (!fill && distinct == 0 && mem->nroots) {
        int best = 0, second = 0, bi = -1;
        for (int r = 0; r < mem->nroots; r++) {
            if (mem->root_n[r] > best) {
                second = best;
                best = mem->root_n[r];
                bi = r;
            } else if (mem->root_n[r] > second) {
                second = mem->root_n[r];
            }
        }
        if (bi >= 0 && best >= 2 && best > second)
            fill = mem->roots[bi];
    }
    if (!fill)
        return;
    for (size_t k = 0; k < sa->nnp; k++)
        for (size_t i = 0; i < sa->np[k].nact; i++) {
            dy_actor *a = &sa->np[k].act[i];
            if (!a->generic || a->petr)
                continue;
            char code[32];
            dy_code_join(code, fill, 3, a->code + 3);
            memcpy(a->code, code, sizeof code);
            a->generic = 0;
            a->defaulted = 1;
            a->conf = 0.6f;
        }
}

/* The country of the first place the sentence names with a locative
 * preposition ("in Serbia", "near Macedonia's border") other than country
 * root `not`, or NULL. */
static const dy_actor *located_in(const dy_sa *sa, const char *not)
{
    for (size_t k = 0; k < sa->nnp; k++) {
        const dy_np *q = &sa->np[k];
        if (q->prep < 0 || !dy_wc(&sa->t[q->prep], WC_LOCATIVE_PREPS) ||
            sa_is(sa, (size_t)q->prep, "to") || sa_is(sa, (size_t)q->prep, "from"))
            continue;
        for (size_t i = q->b; i < q->e; i++) {
            int m = sa->ment_at[i];
            if (m < 0 || sa->ment[m].b != i)
                continue;
            const dy_mention *mm = &sa->ment[m];
            if ((mm->kind == PH_NAME || mm->kind == PH_CAPITAL) &&
                sa->dict->ents[mm->entity].kind == ENT_COUNTRY && q->nact &&
                dy_code3_eq(q->act[0].code, mm->code) &&
                !dy_code3_eq(mm->code, not))
                return &q->act[0];
        }
    }
    return NULL;
}

/* "Ethiopian helicopters and tanks", "the speaker and a group of
 * deputies": a country-less agent in a coordination takes the country of
 * the first member, when that member is an actor with a sector or a
 * demonym on a noun (not "Russia and the rebels"). */
static void coordinated_agent(dy_sa *sa, size_t k)
{
    dy_np *p = &sa->np[k];
    if (p->nact != 1 || !p->act[0].generic || p->first_coord == (int16_t)k ||
        p->act[0].petr)
        return;
    const dy_np *f = &sa->np[p->first_coord];
    if (!f->nact || f->act[0].generic)
        return;
    bool demonym = strlen(f->act[0].code) == 3 && sa->ment_at[f->b] >= 0 &&
                   sa->ment[sa->ment_at[f->b]].kind == PH_ADJ && f->head > f->b;
    if (strlen(f->act[0].code) < 6 && !demonym)
        return;
    char code[32];
    dy_code_join(code, f->act[0].code, 3, p->act[0].code + 3);
    memcpy(p->act[0].code, code, sizeof code);
    p->act[0].generic = 0;
    p->act[0].entity = f->act[0].entity;
}

/* Ethnic groups belong to the state they live in: "the Russians of
 * eastern Ukraine", "ethnic Hungarians ... in Romania" -> ROUCVL (CAMEO
 * codes minorities with their state of residence). A people named with an
 * "of" attachment takes the country it names; after "ethnic", the country
 * of the first place the sentence names, if another. */
static void ethnic_groups(dy_sa *sa)
{
    for (size_t k = 0; k < sa->nnp; k++) {
        dy_np *p = &sa->np[k];
        if (p->nact != 1 || p->act[0].petr || sa->ment_at[p->head] < 0 ||
            sa->ment[sa->ment_at[p->head]].kind != PH_PEOPLE)
            continue;
        bool ethnic = false;
        for (size_t i = p->b; i < p->head; i++)
            if (sa_is(sa, i, "ethnic"))
                ethnic = true;
        const dy_actor *c = NULL;
        if (p->of_np >= 0 && sa_is(sa, p->e, "of")) {
            const dy_np *o = &sa->np[p->of_np];
            if (o->nact == 1 && strlen(o->act[0].code) == 3 &&
                state_code(sa->dict, &o->act[0]))
                c = &o->act[0];
        }
        if (!c && ethnic)
            c = located_in(sa, p->act[0].code);
        if (!c || dy_code3_eq(c->code, p->act[0].code))
            continue;
        memcpy(p->act[0].code, c->code, 3);
        p->act[0].entity = c->entity;
    }
}

/* ---- actors of noun phrases named with PETRARCH phrases ------------------- */

/* A noun phrase whose names come from TABARI/PETRARCH actor and agent files
 * is coded the way PETRARCH codes its noun phrases (check_NEphrase): the
 * first actor phrase of the phrase, left to right, gives the code ("---"
 * when there is none), and every agent phrase outside it is added in text
 * order, after the code (~GOV) or, for a prefix agent (NGO~), before it;
 * an agent whose code is already in the code (at a multiple of three
 * characters) ends the additions. A possessor and a prepositional
 * attachment (of, in, from) are part of the phrase, as PETRARCH merges
 * them into one named entity; the modifiers of the first member of a
 * coordination carry over to the members that name no actor ("Danish media
 * and government"). dyad's own phrases are not affected. */

typedef struct tokrange {
    uint16_t b, e;
} tokrange;

/* Is NP p named with PETRARCH phrases? Its first mention decides. */
static bool np_petr(const dy_sa *sa, const dy_np *p)
{
    for (size_t i = p->b; i < p->e; i++) {
        int m = sa->ment_at[i];
        if (m >= 0)
            return sa->dict->phr[sa->ment[m].phrase].petr != 0;
    }
    return false;
}

/* PETRARCH's codes of the tokens rg[0..nrg), written into out[0..max):
 * one, or one per code of an actor coded "[ELR/GAL]". Returns how many
 * (0 when the tokens hold neither an actor nor an agent). */
/* The longest PETRARCH actor phrase with gaps (dy_dict.gapped) that starts
 * at flat[i] and matches in flat[i..nf), other words standing only where
 * the phrase allows them: its index + 1 (0 = none); *end is the flat index
 * after its last word. */
static uint32_t gapped_at(const dy_sa *sa, const uint16_t *flat, size_t nf,
                          size_t i, size_t *end)
{
    const dy_dict *d = sa->dict;
    uint32_t w = sa->t[flat[i]].w;
    size_t lo = 0, hi = d->ngapped;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (d->phr[d->gapped[mid]].words[0] < w)
            lo = mid + 1;
        else
            hi = mid;
    }
    uint32_t best = 0;
    size_t bestn = 0;
    for (; w && lo < d->ngapped && d->phr[d->gapped[lo]].words[0] == w; lo++) {
        const dy_phrase *p = &d->phr[d->gapped[lo]];
        if (p->kind == PH_AGENT || !p->petr || p->ntok <= bestn)
            continue;
        size_t pos = i + 1, k = 1;
        while (k < p->ntok && pos < nf) {
            if (sa->t[flat[pos]].w == p->words[k]) {
                k++;
                pos++;
            } else if ((p->gaps >> (k - 1)) & 1) {
                pos++;
            } else {
                break;
            }
        }
        if (k == p->ntok) {
            best = d->gapped[lo] + 1;
            bestn = p->ntok;
            *end = pos;
        }
    }
    return best;
}

/* PETRARCH's codes of the tokens rg[0..nrg), written into out[0..max):
 * one, or one per code of an actor coded "[ELR/GAL]". Returns how many
 * (0 when the tokens hold neither an actor nor an agent). */
static size_t petr_code(const dy_sa *sa, const tokrange *rg, size_t nrg,
                        dy_actor *out, size_t max)
{
    const dy_dict *d = sa->dict;
    uint16_t flat[64];
    size_t nf = 0;
    uint16_t b = UINT16_MAX, e = 0;
    for (size_t r = 0; r < nrg; r++) {
        for (size_t k = rg[r].b; k < rg[r].e && nf < DY_ARRAY_LEN(flat); k++)
            flat[nf++] = (uint16_t)k;
        if (rg[r].b < b)
            b = rg[r].b;
        if (rg[r].e > e)
            e = rg[r].e;
    }
    /* the first actor, left to right: a mention, or a phrase matched with
     * gaps when it is longer */
    const dy_mention *base = NULL;
    uint32_t gent = UINT32_MAX;
    size_t sb = 0, se = 0; /* its flat span */
    for (size_t i = 0; i < nf && !base && gent == UINT32_MAX; i++) {
        int m = sa->ment_at[flat[i]];
        const dy_mention *mm = m >= 0 ? &sa->ment[m] : NULL;
        bool starts = mm && mm->kind != PH_AGENT &&
                      (i == 0 || sa->ment_at[flat[i - 1]] != m);
        size_t gend = 0;
        uint32_t g = d->ngapped ? gapped_at(sa, flat, nf, i, &gend) : 0;
        size_t mlen = starts ? d->phr[mm->phrase].ntok : 0;
        if (g && d->phr[g - 1].ntok > mlen) {
            gent = d->phr[g - 1].entity;
            sb = i;
            se = gend;
        } else if (starts) {
            base = mm;
            sb = i;
            se = i + 1;
            while (se < nf && sa->ment_at[flat[se]] == m)
                se++;
        }
    }
    /* the agents outside it, in order */
    const dy_mention *ags[16];
    size_t nag = 0;
    for (size_t i = 0; i < nf; i++) {
        int m = sa->ment_at[flat[i]];
        if (m < 0 || (i > 0 && sa->ment_at[flat[i - 1]] == m) ||
            sa->ment[m].kind != PH_AGENT || ((base || gent != UINT32_MAX) &&
                                             i >= sb && i < se))
            continue;
        if (nag < DY_ARRAY_LEN(ags))
            ags[nag++] = &sa->ment[m];
    }
    bool have = base || gent != UINT32_MAX;
    if ((!have && !nag) || !max)
        return 0;
    /* the base codes: the actor's on the story date, and its further ones */
    uint32_t ent = base ? base->entity : gent;
    char code0[32] = "";
    if (base)
        dy_code_join(code0, base->code, 0, "");
    else if (gent != UINT32_MAX)
        dy_entity_code(d, &d->ents[gent], sa->story_days, code0, NULL);
    char bases[DY_MAX_ACT][32];
    size_t nb = 0;
    dy_code_join(bases[nb++], code0[0] ? code0 : "---", 0, "");
    if (ent != UINT32_MAX) {
        const dy_entity *en = &d->ents[ent];
        if (en->also[0] && strcmp(en->code, code0) == 0) {
            const char *p = en->also;
            while (*p && nb < DY_MAX_ACT) {
                const char *q = strchr(p, '/');
                size_t l = q ? (size_t)(q - p) : strlen(p);
                char one[32];
                memcpy(one, p, l < 31 ? l : 31);
                one[l < 31 ? l : 31] = 0;
                dy_code_join(bases[nb++], one, 0, "");
                p += l + (q ? 1 : 0);
            }
        }
    }
    size_t n = 0;
    for (size_t bi = 0; bi < nb && n < max; bi++) {
        char code[32];
        memcpy(code, bases[bi], sizeof code);
        for (size_t i = 0; i < nag; i++) {
            const char *agc = d->ents[ags[i]->entity].code;
            size_t la = strlen(agc), lc = strlen(code);
            bool dup = false;
            for (size_t ka = 0; la && ka + la <= lc; ka += 3)
                if (memcmp(code + ka, agc, la) == 0)
                    dup = true;
            if (dup)
                break;
            char tmp[32];
            if (d->phr[ags[i]->phrase].prefix)
                dy_code_join(tmp, agc, 0, code);
            else
                dy_code_join(tmp, code, 0, agc);
            memcpy(code, tmp, sizeof code);
        }
        dy_actor *a = &out[n++];
        set_actor(a, code, b, e, ent, base ? base->conf : have ? 0.9f : 0.5f);
        a->generic = dy_code3_eq(code, "---");
        a->petr = 1;
    }
    return n;
}

static void petr_set(dy_np *p, const dy_actor *a, size_t n)
{
    p->nact = 0;
    for (size_t i = 0; i < n; i++)
        np_add_actor(p, &a[i]);
}

/* The attachment that PETRARCH would make part of the coordination that
 * starts at NP k (its NP+PP merge of a parse): the first NP of an of / in /
 * from phrase right after the coordination's last member, when that phrase
 * has no attachment of its own (PETRARCH merges one level only: not "the
 * Gondor of the Prince of Dol Amroth"); -1 if none. */
int16_t dy_petr_attachment(const dy_sa *sa, size_t k)
{
    const dy_np *f = &sa->np[k];
    if (f->first_coord != (int16_t)k || (f->flags & NPF_POSS))
        return -1;
    int16_t last = (int16_t)k;
    while (sa->np[last].next_coord >= 0)
        last = sa->np[last].next_coord;
    const dy_np *l = &sa->np[last];
    if ((size_t)last + 1 >= sa->nnp)
        return -1;
    const dy_np *o = &sa->np[last + 1];
    if (o->prep != (int16_t)l->e || o->b != l->e + 1 ||
        o->first_coord != last + 1 ||
        !(sa_is(sa, l->e, "of") || sa_is(sa, l->e, "in") ||
          sa_is(sa, l->e, "from")))
        return -1;
    int16_t olast = (int16_t)(last + 1);
    for (int16_t c = olast; c >= 0; c = sa->np[c].next_coord)
        olast = c;
    const dy_np *ol = &sa->np[olast];
    if ((size_t)ol->e + 1 < sa->n && sa->np_at[ol->e + 1] >= 0 &&
        (sa_is(sa, ol->e, "of") || sa_is(sa, ol->e, "in") ||
         sa_is(sa, ol->e, "from")))
        return -1;
    for (int16_t c = (int16_t)(last + 1); c >= 0; c = sa->np[c].next_coord)
        for (size_t i = sa->np[c].b + 1; i + 1 < sa->np[c].e; i++)
            if (sa_is(sa, i, "of") || sa_is(sa, i, "in") ||
                sa_is(sa, i, "from"))
                return -1;
    return (int16_t)(last + 1);
}

/* PETRARCH codes of all NPs named with PETRARCH phrases (after their
 * direct actors are set). */
static void np_petr_merge(dy_sa *sa)
{
    /* a possessor is part of the phrase: "Gondor's main opposition group" */
    for (size_t k = 0; k < sa->nnp; k++) {
        dy_np *p = &sa->np[k];
        if (p->poss < 0)
            continue;
        const dy_np *a = &sa->np[p->poss];
        if (!np_petr(sa, p) && !np_petr(sa, a))
            continue;
        tokrange rg[2] = {{a->b, a->e}, {p->b, p->e}};
        dy_actor x[DY_MAX_ACT];
        size_t nx = petr_code(sa, rg, 2, x, DY_MAX_ACT);
        if (nx)
            petr_set(p, x, nx);
    }
    /* an attachment with of / in / from: "the government of Gondor",
     * "Lawmakers and officials in Fornost and Gondor" (every member with
     * every member) */
    for (size_t k = 0; k < sa->nnp; k++) {
        int16_t att = dy_petr_attachment(sa, k);
        if (att < 0)
            continue;
        int16_t last = (int16_t)(att - 1);
        bool petr = false;
        for (int16_t c = (int16_t)k; c >= 0; c = sa->np[c].next_coord)
            petr = petr || np_petr(sa, &sa->np[c]);
        for (int16_t c = att; c >= 0; c = sa->np[c].next_coord)
            petr = petr || np_petr(sa, &sa->np[c]);
        if (!petr)
            continue;
        for (int16_t c = (int16_t)(last + 1); c >= 0; c = sa->np[c].next_coord)
            sa->np[c].flags |= NPF_PETR_ATT;
        for (int16_t c = (int16_t)k; c >= 0; c = sa->np[c].next_coord) {
            dy_np *q = &sa->np[c];
            dy_actor xs[DY_MAX_ACT];
            size_t nx = 0;
            for (int16_t m = (int16_t)(last + 1); m >= 0 && nx < DY_MAX_ACT;
                 m = sa->np[m].next_coord) {
                const dy_np *mp = &sa->np[m];
                tokrange rg[3];
                size_t nr = 0;
                if (q->poss >= 0)
                    rg[nr].b = sa->np[q->poss].b, rg[nr++].e = sa->np[q->poss].e;
                rg[nr].b = q->b, rg[nr++].e = q->e;
                rg[nr].b = mp->b, rg[nr++].e = mp->e;
                nx += petr_code(sa, rg, nr, xs + nx, DY_MAX_ACT - nx);
            }
            if (nx)
                petr_set(q, xs, nx);
        }
    }
    /* "Danish media and government": the first member's modifiers */
    for (size_t k = 0; k < sa->nnp; k++) {
        dy_np *f = &sa->np[k];
        if (f->first_coord != (int16_t)k || f->next_coord < 0 ||
            !np_petr(sa, f) || f->head <= f->b)
            continue;
        for (int16_t c = f->next_coord; c >= 0; c = sa->np[c].next_coord) {
            dy_np *q = &sa->np[c];
            if (q->nact && !q->act[0].generic)
                continue;
            tokrange rg[2] = {{f->b, f->head}, {q->b, q->e}};
            dy_actor x[DY_MAX_ACT];
            size_t nx = petr_code(sa, rg, 2, x, DY_MAX_ACT);
            if (nx)
                petr_set(q, x, nx);
        }
    }
}

/* The speaker of the complement clause whose subject is NP k: the subject
 * of the saying verb that governs it ("X said he would ..."), when it names
 * an actor and is not itself a pronoun. -1 if none. */
static int16_t speaker_of(const dy_sa *sa, int16_t k)
{
    for (size_t g = 0; g < sa->nvg; g++) {
        const dy_vg *v = &sa->vg[g];
        if (v->subj != k || sa->np[k].b < 1)
            continue;
        const dy_clause *cl = &sa->cl[v->clause];
        /* "said on Sunday they had captured": a complement without "that"
         * may be left in the clause of the saying verb just before it */
        int par = cl->type == CL_THAT ? cl->parent
                  : g > 0 && sa->vg[g - 1].clause == v->clause ? (int)v->clause
                                                               : -1;
        if (par < 0)
            return -1;
        for (size_t h = 0; h < g; h++) {
            const dy_vg *s = &sa->vg[h];
            if (s->clause != (uint16_t)par || s->e > sa->np[k].b ||
                (par == (int)v->clause && h + 1 != g) ||
                !dy_wc(&sa->t[s->head], WC_SAYING_VERBS) ||
                /* "was quoted as saying he would", ", saying they had":
                 * a participle of saying speaks for its own subject */
                !(s->flags & (VG_FINITE | VG_GERUND)) || s->subj < 0 ||
                s->subj == k)
                continue;
            const dy_np *q = &sa->np[s->subj];
            /* "the rebels said they had captured": a country-less group
             * speaks for "they" */
            if (q->nact && !(q->flags & NPF_PRONOUN) &&
                (!q->act[0].generic || w_in(sa, sa->np[k].head, WC_PRONOUNS_GROUP)))
                return s->subj;
        }
        return -1;
    }
    return -1;
}

void dy_np_actors(dy_sa *sa, dy_memory *mem)
{
    bool any_petr = false;
    for (size_t k = 0; k < sa->nnp; k++) {
        dy_np *p = &sa->np[k];
        if (np_petr(sa, p)) {
            tokrange rg = {p->b, p->e};
            dy_actor x[DY_MAX_ACT];
            size_t nx = petr_code(sa, &rg, 1, x, DY_MAX_ACT);
            for (size_t i = 0; i < nx; i++)
                np_add_actor(p, &x[i]);
            any_petr = true;
        } else {
            np_direct_actors(sa, p);
        }
    }
    if (any_petr)
        np_petr_merge(sa);
    for (size_t k = 0; k < sa->nnp; k++) {
        dy_np *p = &sa->np[k];
        if (p->nact && p->act[0].petr)
            continue;
        /* a place noun with only a demonym is a place, not an actor:
         * "on the Thai border", "the Iraqi capital" */
        if (p->nact == 1 && dy_wc(&sa->t[p->head], WC_PLACE_NOUNS) &&
            sa->ment_at[p->head] < 0 && p->act[0].b < p->head)
            p->nact = 0;
        /* "rebels in the Ivory Coast", "opposition groups in Zimbabwe": an
         * agent located in a country */
        if (p->nact == 1 && p->act[0].generic && k + 1 < sa->nnp &&
            !(p->b > 0 && sa->vg_at[p->b - 1] >= 0)) {
            dy_np *o = &sa->np[k + 1];
            if (o->b == p->e + 1 && o->prep == (int16_t)p->e &&
                (sa_is(sa, p->e, "in") || sa_is(sa, p->e, "inside")) &&
                o->nact && strlen(o->act[0].code) == 3) {
                char code[32];
                dy_code_join(code, o->act[0].code, 3, p->act[0].code + 3);
                memcpy(p->act[0].code, code, sizeof code);
                p->act[0].generic = 0;
                p->act[0].entity = o->act[0].entity;
            }
        }
        /* "forces loyal to Muammar Gaddafi": an agent loyal to an actor is
         * that actor's country's agent */
        if (p->nact == 1 && p->act[0].generic && (size_t)p->e + 2 < sa->n &&
            sa_is(sa, p->e, "loyal") && sa_is(sa, p->e + 1, "to") &&
            sa->np_at[p->e + 2] >= 0) {
            const dy_np *o = &sa->np[sa->np_at[p->e + 2]];
            if (o->b == p->e + 2 && o->nact && !o->act[0].generic) {
                char code[32];
                dy_code_join(code, o->act[0].code, 3, p->act[0].code + 3);
                memcpy(p->act[0].code, code, sizeof p->act[0].code);
                p->act[0].generic = 0;
                p->act[0].entity = o->act[0].entity;
            }
        }
        /* "the Regional Monetary Office (ECOWAS)": a name the
         * dictionaries do not know is the one its abbreviation names */
        if (!p->nact && (size_t)p->e + 2 < sa->n && sa_is(sa, p->e, "(") &&
            sa->np_at[p->e + 1] >= 0 && unknown_name(sa, p)) {
            const dy_np *o = &sa->np[sa->np_at[p->e + 1]];
            if (o->b == p->e + 1 && sa_is(sa, o->e, ")") && o->nact &&
                !o->act[0].generic)
                for (size_t a = 0; a < o->nact; a++)
                    np_add_actor(p, &o->act[a]);
        }
        /* "the Hizbollah (Party of God) group": a phrase cut by a
         * parenthesis continues the one before it; "the Bolivia Miners
         * Federation (FSTMB) officials": an agent after it
         * combines with its country */
        bool p_generic = p->nact == 1 && p->act[0].generic;
        if ((!p->nact || p_generic) && p->b >= 3 && sa_is(sa, p->b - 1, ")")) {
            size_t k2 = p->b - 1;
            while (k2 > 0 && !sa_is(sa, k2, "("))
                k2--;
            if (k2 > 0 && sa->np_at[k2 - 1] >= 0) {
                const dy_np *o = &sa->np[sa->np_at[k2 - 1]];
                if (!p_generic) {
                    for (size_t a = 0; a < o->nact; a++)
                        np_add_actor(p, &o->act[a]);
                } else if (o->nact && !o->act[0].generic &&
                           state_code(sa->dict, &o->act[0])) {
                    char code[32];
                    dy_code_join(code, o->act[0].code, 3, p->act[0].code + 3);
                    memcpy(p->act[0].code, code, sizeof code);
                    p->act[0].generic = 0;
                    p->act[0].entity = o->act[0].entity;
                }
            }
        }
        /* "Russian and Ukrainian envoys" chunked as "Russian" + "and" +
         * "Ukrainian envoys": the first conjunct shares the agent head */
        if (p->next_coord >= 0 && p->nact == 1 && bare_demonym(sa, p) &&
            strlen(p->act[0].code) == 3) {
            const dy_np *n2 = &sa->np[p->next_coord];
            if (n2->nact && strlen(n2->act[0].code) >= 6 && !n2->act[0].generic &&
                sa->ment_at[n2->head] >= 0 &&
                sa->ment[sa->ment_at[n2->head]].kind == PH_AGENT) {
                char code[32];
                dy_code_join(code, p->act[0].code, 3, n2->act[0].code + 3);
                memcpy(p->act[0].code, code, sizeof code);
            }
        }
        coordinated_agent(sa, k);
    }
    ethnic_groups(sa);
    for (size_t k = 0; k < sa->nnp; k++) {
        dy_np *p = &sa->np[k];
        if ((p->nact && p->act[0].petr) ||
            (p->of_np >= 0 && sa->np[p->of_np].nact &&
             sa->np[p->of_np].act[0].petr) ||
            (p->poss >= 0 && sa->np[p->poss].nact &&
             sa->np[p->poss].act[0].petr))
            continue; /* coded by np_petr_merge */
        /* "the leaders of Russia": agent head + country in the of-phrase */
        if (p->of_np >= 0) {
            dy_np *o = &sa->np[p->of_np];
            /* "hundreds of thousands of opposition supporters": a number
             * is the people it counts */
            for (int hop = 0; hop < 2 && !p->nact && !o->nact && o->of_np >= 0 &&
                              dy_wc(&sa->t[p->head], WC_QUANTITY_NOUNS);
                 hop++)
                o = &sa->np[o->of_np];
            bool generic = p->nact == 1 && p->act[0].generic;
            if ((generic || !p->nact) && o->nact) {
                const char *agent = generic ? p->act[0].code + 3 : "";
                p->nact = 0;
                for (size_t i = 0; i < o->nact; i++) {
                    dy_actor a = o->act[i];
                    if (!code_has_agent(a.code) || !*agent) {
                        char code[32];
                        dy_code_join(code, a.code, *agent ? 3 : 0, agent);
                        memcpy(a.code, code, sizeof a.code);
                    }
                    a.b = p->b;
                    np_add_actor(p, &a);
                }
                /* also through coordination inside the of-phrase */
                for (int16_t c = o->next_coord; c >= 0; c = sa->np[c].next_coord) {
                    for (size_t i = 0; i < sa->np[c].nact; i++) {
                        dy_actor a = sa->np[c].act[i];
                        if (*agent && !code_has_agent(a.code)) {
                            char code[32];
                            dy_code_join(code, a.code, 3, agent);
                            memcpy(a.code, code, sizeof a.code);
                        }
                        np_add_actor(p, &a);
                    }
                }
            }
        }
        /* "Russia's army" / "Moscow's request" */
        if (p->poss >= 0) {
            dy_np *o = &sa->np[p->poss];
            bool generic = p->nact == 1 && p->act[0].generic;
            if ((generic || !p->nact) && o->nact) {
                const char *agent = generic ? p->act[0].code + 3 : "";
                p->nact = 0;
                for (size_t i = 0; i < o->nact; i++) {
                    dy_actor a = o->act[i];
                    if (*agent && !code_has_agent(a.code)) {
                        char code[32];
                        dy_code_join(code, a.code, 3, agent);
                        memcpy(a.code, code, sizeof a.code);
                    }
                    if (!*agent)
                        a.possessor = 1;
                    np_add_actor(p, &a);
                }
            }
        }
    }
    /* again for the agents that came through an attachment ("a group of
     * deputies") */
    for (size_t k = 0; k < sa->nnp; k++)
        coordinated_agent(sa, k);
    /* coreference and memory, in text order */
    for (size_t k = 0; k < sa->nnp; k++) {
        dy_np *p = &sa->np[k];
        /* "the two heads of state" is only a country-less agent by itself */
        if (p->nact == 1 && p->act[0].generic && pair_description(sa, p))
            p->nact = 0;
        if (!p->nact) {
            dy_actor a;
            if ((p->flags & NPF_PRONOUN) || (p->e - p->b == 1 &&
                                            (w_in(sa, p->b, WC_PRONOUNS_PERSON) ||
                                             w_in(sa, p->b, WC_PRONOUNS_GROUP) ||
                                             w_in(sa, p->b, WC_PRONOUNS_IT)))) {
                int16_t sp = speaker_of(sa, (int16_t)k);
                if (sp >= 0 && !w_in(sa, p->head, WC_PRONOUNS_IT)) {
                    /* "Kandil said he would host talks", "the RSF said
                     * they had captured the palace": the speaker */
                    for (size_t i = 0; i < sa->np[sp].nact; i++) {
                        a = sa->np[sp].act[i];
                        a.b = p->b;
                        a.e = p->e;
                        a.conf = 0.8f;
                        np_add_actor(p, &a);
                    }
                } else if (w_in(sa, p->head, WC_PRONOUNS_PERSON) &&
                    (mem->has_subj_person || mem->has_person)) {
                    /* "he" is most often the last person who acted */
                    a = mem->has_subj_person ? mem->subj_person : mem->last_person;
                    a.b = p->b;
                    a.e = p->e;
                    a.conf = 0.7f;
                    np_add_actor(p, &a);
                } else if (w_in(sa, p->head, WC_PRONOUNS_IT) && mem->has_actor &&
                           mem->last_actor.entity != UINT32_MAX &&
                           sa->dict->ents[mem->last_actor.entity].kind != ENT_PERSON) {
                    a = mem->last_actor;
                    a.b = p->b;
                    a.e = p->e;
                    a.conf = 0.6f;
                    np_add_actor(p, &a);
                }
            } else if ((p->flags & NPF_DEFDESC) && p->e - p->b == 2 &&
                       w_in(sa, p->head, WC_GROUP_NOUNS) && mem->has_group) {
                /* "the group", "the movement": the organisation named last */
                a = mem->last_group;
                a.b = p->b;
                a.e = p->e;
                a.conf = 0.6f;
                np_add_actor(p, &a);
            } else if (pair_description(sa, p) &&
                       (mem->n_lead == 2 || mem->n_state == 2)) {
                bool lead = pair_of_leaders(sa, p) ? mem->n_lead == 2
                                                   : mem->n_state != 2;
                const dy_actor *pair = lead ? mem->pair_lead : mem->pair_state;
                for (int i = 0; i < 2; i++) {
                    a = pair[i];
                    a.b = p->b;
                    a.e = p->e;
                    a.conf = 0.7f;
                    np_add_actor(p, &a);
                }
            }
        }
        remember(mem, sa, p);
    }
    default_country(sa, mem);
    /* the persons who acted in this sentence, for "he" in the next ones */
    for (size_t g = 0; g < sa->nvg; g++) {
        int16_t s0 = sa->vg[g].subj;
        if (s0 < 0 || (sa->vg[g].flags & VG_PASSIVE))
            continue;
        const dy_np *q = &sa->np[s0];
        if (q->nact == 1 && q->act[0].entity != UINT32_MAX &&
            sa->dict->ents[q->act[0].entity].kind == ENT_PERSON &&
            !(q->flags & NPF_PRONOUN)) {
            mem->subj_person = q->act[0];
            mem->has_subj_person = 1;
            break;
        }
    }
    /* "met Jordan's King Abdullah", "met Russia's foreign minister": the
     * object is the possessed phrase when it names an actor of its own
     * ("condemned China's crackdown" keeps the possessor) */
    for (size_t g = 0; g < sa->nvg; g++) {
        int16_t o = sa->vg[g].obj;
        if (o < 0 || !(sa->np[o].flags & NPF_POSS) || (size_t)o + 1 >= sa->nnp)
            continue;
        dy_np *q = &sa->np[o + 1];
        /* "met Russia's foreign minister": an agent the possessor's
         * country owns is that country's (not the story's country a
         * country-less agent may have taken) */
        const dy_np *po = &sa->np[o];
        int hm = sa->ment_at[q->head];
        if (q->poss == o && q->nact == 1 && !q->act[0].petr && po->nact &&
            strlen(po->act[0].code) == 3 && po->act[0].code[0] != '-' &&
            hm >= 0 && sa->ment[hm].kind == PH_AGENT &&
            !(q->flags & NPF_PRONOUN)) {
            char code[32];
            dy_code_join(code, po->act[0].code, 3, q->act[0].code + 3);
            memcpy(q->act[0].code, code, sizeof code);
            q->act[0].generic = 0;
            q->act[0].entity = po->act[0].entity;
            q->act[0].conf = po->act[0].conf;
        }
        sa->vg[g].obj = dy_np_possessed(sa, o);
    }
}

int16_t dy_np_possessed(const dy_sa *sa, int16_t np)
{
    if (np < 0 || !(sa->np[np].flags & NPF_POSS) || (size_t)np + 1 >= sa->nnp)
        return np;
    const dy_np *q = &sa->np[np + 1];
    if (q->poss == np && q->nact && !q->act[0].possessor && !q->act[0].generic &&
        !(q->flags & NPF_PRONOUN))
        return (int16_t)(np + 1);
    return np;
}

/* The tagger sometimes reads a past-tense or present verb after a name as
 * a noun ("Russia cut gas supplies", "Israel retaliated"). A dictionary verb
 * form tagged as a noun, right after a name or pronoun that starts the
 * clause, and followed by what can follow a verb, is a verb. */
static void rescue_verbs(dy_sa *sa)
{
    const dy_dict *d = sa->dict;
    for (size_t i = 1; i < sa->n; i++) {
        dy_tok *t = &sa->t[i];
        int tg = t->tag;
        /* "the opposition will boycott the vote": "will" between a noun and
         * a dictionary verb in its base form is the modal */
        if (tg == T_NN && sa_is(sa, i, "will") && i + 1 < sa->n &&
            (dy_tag_is_noun(tag(sa, i - 1)) || in_mention(sa, i - 1)) &&
            !(sa->t[i + 1].flags & (TOKF_CAP | TOKF_HYPHJOIN))) {
            const dy_word *wn = &d->winfo[sa->t[i + 1].w];
            if ((wn->verb && wn->form == VF_BASE && !wn->lemma) ||
                w_in(sa, i + 1, WC_NEGATORS)) {
                t->tag = T_MD;
                continue;
            }
        }
        /* "gave a warm welcome to": an event noun the tagger reads as an
         * adjective, after a determiner or adjective and before a
         * preposition */
        if (tg == T_JJ && d->winfo[t->w].noun && i + 1 < sa->n &&
            (sa->t[i - 1].tag == T_DT || sa->t[i - 1].tag == T_JJ) &&
            (sa->t[i + 1].tag == T_IN || sa->t[i + 1].tag == T_TO) &&
            !in_mention(sa, i)) {
            t->tag = T_NN;
            continue;
        }
        /* "helped broker a truce": a dictionary verb in its base form
         * after help / make / let, before its object */
        if (tg == T_NN && dy_tag_is_verb(sa->t[i - 1].tag) &&
            dy_wc(&sa->t[i - 1], WC_BARE) && i + 1 < sa->n &&
            !(t->flags & (TOKF_CAP | TOKF_HYPHJOIN)) && !in_mention(sa, i)) {
            const dy_word *wb = &d->winfo[t->w];
            int nb = tag(sa, i + 1);
            if (wb->verb && wb->form == VF_BASE && !wb->lemma &&
                (nb == T_DT || nb == T_PRPS || nb == T_NNP || in_mention(sa, i + 1))) {
                t->tag = T_VB;
                continue;
            }
        }
        /* "to hand over": a dictionary verb in its base form after "to" */
        if ((tg == T_NN || tg == T_JJ) && sa->t[i - 1].tag == T_TO &&
            !in_mention(sa, i) && !(t->flags & TOKF_CAP) &&
            !(i + 1 < sa->n && (sa->t[i + 1].flags & TOKF_HYPHJOIN))) {
            const dy_word *w0 = &d->winfo[t->w];
            int nt0 = i + 1 < sa->n ? tag(sa, i + 1) : T_END;
            if (w0->verb && w0->form == VF_BASE && !w0->lemma &&
                nt0 != T_IN && nt0 != T_END && nt0 != T_COMMA &&
                !dy_tag_is_noun(nt0)) {
                t->tag = T_VB;
                continue;
            }
        }
        /* "demanded that Manila release the fishermen": a base form after
         * "that" + a name */
        if ((tg == T_NN || tg == T_NNS) && !in_mention(sa, i) && i >= 2 &&
            in_mention(sa, i - 1) && !(t->flags & TOKF_CAP)) {
            size_t mb = sa->ment[sa->ment_at[i - 1]].b;
            const dy_word *w0 = &d->winfo[t->w];
            if (mb > 0 && sa_is(sa, mb - 1, "that") && w0->verb &&
                w0->form == VF_BASE && !w0->lemma) {
                t->tag = T_VB;
                continue;
            }
        }
        if (!(tg == T_NN || tg == T_NNS || tg == T_JJ || tg == T_NNP))
            continue;
        if (in_mention(sa, i) || (t->flags & (TOKF_HYPHJOIN | TOKF_CAP)))
            continue;
        const dy_word *wi = &d->winfo[t->w];
        if (!wi->verb)
            continue;
        /* after an auxiliary, adverbs and "not" aside: "will boycott the
         * elections" (a base form after a modal), "have retaken the
         * village" (a participle after a form of have) */
        {
            size_t a = i;
            while (a > 0 && (tag(sa, a - 1) == T_RB || w_in(sa, a - 1, WC_NEGATORS)))
                a--;
            if (a > 0 && tg != T_NNP) {
                const dy_tok *at = &sa->t[a - 1];
                if (at->tag == T_MD && wi->form == VF_BASE && !wi->lemma) {
                    t->tag = T_VB;
                    continue;
                }
                if (dy_wc(at, WC_HAVE_FORMS) && dy_tag_is_verb(at->tag) &&
                    (wi->form == VF_EN || wi->form == VF_ED)) {
                    t->tag = T_VBN;
                    continue;
                }
            }
        }
        /* "killing one person and arresting 12": a dictionary -ing form
         * coordinated with a participle clause */
        if (wi->form == VF_ING && tg != T_NNP && i >= 3 && sa_is(sa, i - 1, "and")) {
            bool ing = false;
            for (size_t j = i - 1; j-- > 0 && j + 8 > i;) {
                if (sa->t[j].tag == T_COMMA || sa->t[j].tag == T_END)
                    break;
                if (sa->t[j].tag == T_VBG) {
                    ing = true;
                    break;
                }
            }
            if (ing) {
                t->tag = T_VBG;
                continue;
            }
        }
        bool same_past = wi->verb && wi->form == VF_BASE &&
                         dy_wc(t, WC_SAME_PAST);
        if (!wi->verb || !(wi->form == VF_ED || wi->form == VF_S || same_past))
            continue;
        /* before: the end of a name (not an adjective) or a pronoun; a
         * manner adverb may stand between ("agents sexually abused
         * migrants"), and then a plural noun will do as the subject */
        size_t p = i - 1;
        bool adv = false;
        if (p > 0 && tag(sa, p) == T_RB && sa->t[p].nlow > 4 &&
            memcmp(sa->t[p].low + sa->t[p].nlow - 2, "ly", 2) == 0) {
            p--;
            adv = true;
        }
        bool name = (in_mention(sa, p) && sa->ment[sa->ment_at[p]].kind != PH_ADJ &&
                     sa->ment[sa->ment_at[p]].kind != PH_AGENT) ||
                    tag(sa, p) == T_PRP || tag(sa, p) == T_NNPS ||
                    (in_mention(sa, p) && sa->ment[sa->ment_at[p]].kind == PH_AGENT &&
                     (tag(sa, p) == T_NNS || tag(sa, p) == T_NNPS)) ||
                    (adv && tag(sa, p) == T_NNS && wi->form == VF_ED) ||
                    /* "settlers in Hebron set fire to": a place name
                     * closing a prepositional phrase after the subject */
                    (!adv && tag(sa, p) == T_NNP && p > 0 && tag(sa, p - 1) == T_IN &&
                     (wi->form == VF_ED || same_past));
        if (!name)
            continue;
        /* after: an object, a preposition, an adverb or the end */
        int nt = i + 1 < sa->n ? tag(sa, i + 1) : T_END;
        bool ok = nt == T_DT || nt == T_PRPS || nt == T_NNP || nt == T_NNPS ||
                  (same_past && (nt == T_NN || nt == T_NNS || nt == T_RP)) ||
                  nt == T_IN || nt == T_TO || nt == T_CD || nt == T_RB ||
                  nt == T_END || nt == T_COMMA || nt == T_PRP ||
                  (i + 1 < sa->n && in_mention(sa, i + 1)) ||
                  (adv && nt == T_JJ);
        if (!ok)
            continue;
        /* no other finite verb in the sentence before it */
        t->tag = wi->form == VF_S ? T_VBZ : T_VBD;
        (void)same_past;
    }
    /* "A sniper shot renegade Thai general X in Bangkok": a sentence the
     * tagger left without a finite verb has one; the first dictionary
     * past form after its subject (a determiner or a name, then nouns) is
     * it */
    for (size_t i = 0; i < sa->n; i++) {
        int tg = sa->t[i].tag;
        if (tg == T_VBD || tg == T_VBZ || tg == T_VBP || tg == T_MD)
            return;
    }
    for (size_t i = 2; i + 1 < sa->n; i++) {
        dy_tok *t = &sa->t[i];
        if (t->tag == T_COMMA || t->tag == T_IN || t->tag == T_END)
            return;
        if (t->tag != T_NN || in_mention(sa, i) ||
            (t->flags & (TOKF_HYPHJOIN | TOKF_CAP)))
            continue;
        const dy_word *wi = &d->winfo[t->w];
        if (!wi->verb || wi->form != VF_ED)
            continue;
        size_t k = 0;
        if (sa->t[0].tag != T_DT && sa->t[0].tag != T_CD)
            continue;
        for (k = 1; k < i && (dy_tag_is_noun(tag(sa, k)) || dy_tag_is_adj(tag(sa, k)));
             k++)
            ;
        if (k != i)
            return;
        int nt = tag(sa, i + 1);
        if (nt == T_DT || dy_tag_is_noun(nt) || dy_tag_is_adj(nt) ||
            nt == T_CD || nt == T_PRPS || nt == T_IN)
            t->tag = T_VBD;
        return;
    }
}

/* "seized three Ukrainian navy ships near ...": a present-tense verb tag
 * on the last noun of a verb's object is a plural noun. */
static void object_nouns(dy_sa *sa)
{
    for (size_t i = 2; i < sa->n; i++) {
        dy_tok *t = &sa->t[i];
        if ((t->tag != T_VBZ && t->tag != T_VBP) || in_mention(sa, i) ||
            dy_wc(t, WC_BE_FORMS) || dy_wc(t, WC_HAVE_FORMS) ||
            dy_wc(t, WC_DO_FORMS))
            continue;
        int nt = i + 1 < sa->n ? tag(sa, i + 1) : T_END;
        if (nt == T_DT || nt == T_PRPS || nt == T_PRP || dy_tag_is_noun(nt) ||
            nt == T_CD || (i + 1 < sa->n && in_mention(sa, i + 1)))
            continue; /* it has an object of its own: a verb */
        /* walk back over the noun run to the verb that takes it */
        size_t k = i;
        while (k > 0 && (dy_tag_is_noun(tag(sa, k - 1)) || dy_tag_is_adj(tag(sa, k - 1)) ||
                         tag(sa, k - 1) == T_CD || tag(sa, k - 1) == T_DT ||
                         in_mention(sa, k - 1)))
            k--;
        if (k == i || k == 0 || !dy_tag_is_noun(tag(sa, i - 1)))
            continue;
        int pv = tag(sa, k - 1);
        if ((pv == T_VBD || pv == T_VBZ || pv == T_VBP || pv == T_VB ||
             pv == T_VBN || pv == T_VBG) && tag(sa, k) != T_PRP)
            t->tag = t->s[t->n - 1] == 's' ? T_NNS : T_NN;
    }
}

void dy_chunk(dy_sa *sa)
{
    sa->nvg = sa->nnp = sa->ncl = 0;
    for (size_t i = 0; i < sa->n; i++) {
        sa->vg_at[i] = -1;
        sa->np_at[i] = -1;
        sa->cl_at[i] = 0;
    }
    rescue_verbs(sa);
    object_nouns(sa);
    /* participles used as prepositions: "including", "according (to)" */
    for (size_t i = 0; i < sa->n; i++)
        if (w_in(sa, i, WC_PREP_LIKE) && i + 1 < sa->n &&
            (tag(sa, i + 1) == T_DT || tag(sa, i + 1) == T_TO ||
             tag(sa, i + 1) == T_CD || dy_tag_is_adj(tag(sa, i + 1)) ||
             dy_tag_is_noun(tag(sa, i + 1)) || tag(sa, i + 1) == T_PRPS ||
             in_mention(sa, i + 1)))
            sa->t[i].tag = T_IN;
    find_verb_groups(sa);
    find_nps(sa);
    link_nps(sa);
    dy_clauses(sa);
    assign_roles(sa);
}
