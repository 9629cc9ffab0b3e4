/* events.c - matching verb and noun patterns against the analysed sentence
 * and building events with their source and target actors.
 *
 * A pattern's items after `*` are matched left to right from the verb, in
 * order, with gaps allowed, inside the verb's window (its clause and the
 * complements it governs); items before `*` right to left. `$` and `+` match
 * a noun phrase with actors. The most specific matching pattern wins. */
#include "analyze.h"
#include "places.h"

#include <stdio.h>

/* ---- item matching ------------------------------------------------------ */

/* Most tokens allowed between two matched items of a pattern. */
#define MAX_GAP 7

typedef struct match {
    int score;
    int16_t src_np, tgt_np;     /* NPs bound by $ and +, -1                  */
    uint8_t src_single, tgt_single; /* bound NP only, not its coordination   */
    uint16_t lo, hi;            /* token span covered                         */
    uint16_t used[32];          /* tokens matched by word items               */
    uint8_t nused;
} match;

static bool word_match(const dy_sa *sa, size_t k, uint32_t w)
{
    const dy_tok *t = &sa->t[k];
    return t->w == w || (t->lem == w && t->lem);
}

/* Length of a set member matching at token k (0 = none). */
/* Does set member at offset p match with its first word at token k (dir >
 * 0) or its last word at token k (dir < 0)? Returns its length or 0. */
static size_t member_at(const dy_sa *sa, const dy_set *s, uint32_t p, size_t k,
                        int dir)
{
    uint32_t nw = s->members[p];
    const uint32_t *ws = s->members + p + 1;
    if (dir < 0 && k + 1 < nw)
        return 0;
    size_t first = dir > 0 ? k : k + 1 - nw;
    if (first + nw > sa->n)
        return 0;
    for (uint32_t j = 0; j < nw; j++)
        if (!word_match(sa, first + j, ws[j]))
            return 0;
    return nw;
}

/* Members of s whose first (dir > 0) or last (dir < 0) word is w: binary
 * search in the set's index. Returns the length of the longest matching
 * member at token k, or 0. */
static inline uint64_t set_bit(uint32_t w)
{
    return 1ull << ((w * 0x9E3779B1u) >> 26);
}

uint64_t *dy_set_blooms(const dy_dict *d)
{
    if (!d->nsets)
        return NULL;
    uint64_t *b = dy_calloc(2 * d->nsets, sizeof *b);
    if (!b)
        return NULL;
    for (size_t i = 0; i < d->nsets; i++) {
        const dy_set *s = &d->sets[i];
        if (!s->idx) {
            b[2 * i] = b[2 * i + 1] = ~0ull; /* (no index: no rejection) */
            continue;
        }
        for (uint32_t k = 0; k < s->nmem; k++) {
            b[2 * i] |= set_bit((uint32_t)(s->idx[k] >> 32));
            b[2 * i + 1] |= set_bit((uint32_t)(s->idx[s->nmem + k] >> 32));
        }
    }
    return b;
}

static size_t set_lookup(const dy_sa *sa, const dy_set *s, uint32_t w,
                         size_t k, int dir)
{
    /* most words begin (end) no member of any set */
    if (!w || !(sa->dict->winfo[w].flags & (dir > 0 ? W_SETFIRST : W_SETLAST)))
        return 0;
    /* nor a member of this set: its bloom of first (last) words */
    if (sa->setbloom &&
        !(sa->setbloom[2 * (size_t)(s - sa->dict->sets) + (dir < 0)] &
          set_bit(w)))
        return 0;
    const uint64_t *idx = s->idx + (dir > 0 ? 0 : s->nmem);
    size_t lo = 0, hi = s->nmem;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if ((uint32_t)(idx[mid] >> 32) < w)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t best = 0;
    for (; lo < s->nmem && (uint32_t)(idx[lo] >> 32) == w; lo++) {
        size_t l = member_at(sa, s, (uint32_t)idx[lo], k, dir);
        if (l > best)
            best = l;
    }
    return best;
}

/* Length of a set member matching at token k (0 = none). */
static size_t set_match(const dy_sa *sa, size_t k, const dy_set *s, int dir)
{
    const dy_tok *t = &sa->t[k];
    size_t l = set_lookup(sa, s, t->w, k, dir);
    if (!l && t->lem && t->lem != t->w)
        l = set_lookup(sa, s, t->lem, k, dir);
    return l;
}

size_t dy_set_match(const dy_sa *sa, size_t k, const dy_set *s, int dir)
{
    return set_match(sa, k, s, dir);
}

/* Does item `it` match at token k? Writes the number of tokens consumed
 * (for phrases and NPs) into *len. */
static DY_INLINE bool item_at(const dy_sa *sa, const dy_item *it, size_t k,
                              int dir, size_t *len, int16_t *np)
{
    const dy_dict *d = sa->dict;
    *len = 1;
    switch (it->type) {
    case IT_WORD:
        return word_match(sa, k, it->v);
    case IT_ALT:
        for (size_t j = 0; j < it->n; j++)
            if (word_match(sa, k, d->altw[it->v + j]))
                return true;
        return false;
    case IT_SET: {
        /* most tokens begin (end) no member of any set */
        const dy_tok *t = &sa->t[k];
        unsigned bit = dir > 0 ? W_SETFIRST : W_SETLAST;
        if (!(t->wflags & bit) &&
            !(t->lem && (d->winfo[t->lem].flags & bit))) {
            *len = 0;
            return false;
        }
        size_t l = set_match(sa, k, &d->sets[it->v], dir);
        *len = l;
        return l > 0;
    }
    case IT_SRC:
    case IT_TGT: {
        int16_t p = sa->np_at[k];
        if (p < 0 || !sa->np[p].nact)
            return false;
        /* an actor NP must be entered at its first token (or, leftwards,
         * at its last) */
        if (dir > 0 && sa->np[p].b != k)
            return false;
        if (dir < 0 && sa->np[p].e != k + 1)
            return false;
        *np = p;
        *len = (size_t)(sa->np[p].e - sa->np[p].b);
        return true;
    }
    case IT_ANY:
        return true;
    case IT_PLACE: {
        size_t l = dir > 0 ? dy_place_name_at(sa, k) : 0;
        *len = l;
        return l > 0;
    }
    }
    return false;
}

/* Match a pattern for verb group g (or noun token `head` when g < 0). */
static bool match_pattern(const dy_sa *sa, const dy_pattern *pt, size_t head,
                          size_t lo_lim, size_t hi_lim, match *m)
{
    const dy_item *items = sa->dict->items + pt->items;
    memset(m, 0, sizeof *m);
    m->src_np = m->tgt_np = -1;
    m->lo = m->hi = (uint16_t)head;
    int score = 1;
    /* after */
    size_t pos = head + 1;
    const dy_item *after = items + pt->nbefore;
    for (size_t i = 0; i < pt->nafter; i++) {
        const dy_item *it = &after[i];
        bool found = false;
        size_t k = pos;
        for (; k < hi_lim; k++) {
            size_t len;
            int16_t np = -1;
            if (item_at(sa, it, k, 1, &len, &np) &&
                /* an actor slot takes a prepositional phrase only when the
                 * pattern names the preposition ("with +"), so "met in
                 * Cairo" does not make Cairo the one met */
                !((it->type == IT_SRC || it->type == IT_TGT) &&
                  (sa->np[np].flags & NPF_INPP) && k != pos)) {
                found = true;
                if (it->type == IT_SRC) {
                    m->src_np = np;
                    m->src_single = i + 1 < pt->nafter;
                } else if (it->type == IT_TGT) {
                    m->tgt_np = np;
                    m->tgt_single = i + 1 < pt->nafter;
                } else if (m->nused < DY_ARRAY_LEN(m->used)) {
                    m->used[m->nused++] = (uint16_t)k;
                }
                score += it->type == IT_SRC || it->type == IT_TGT ? 2 : 3;
                /* closer matches are more specific */
                if (k == pos)
                    score += 1;
                pos = k + len;
                break;
            }
            if (it->adjacent)
                break;
            /* an item must be near the one before it (or the verb): loose
             * sets would otherwise match words far away */
            if (k >= pos + MAX_GAP)
                break;
        }
        if (!found)
            return false;
    }
    m->hi = (uint16_t)pos;
    /* before: leftwards from the verb group start */
    size_t left = head;
    int16_t g = sa->vg_at[head];
    if (g >= 0)
        left = sa->vg[g].b;
    const dy_item *before = items;
    size_t lpos = left; /* exclusive */
    for (size_t i = 0; i < pt->nbefore; i++) {
        const dy_item *it = &before[i];
        bool found = false;
        size_t k = lpos;
        while (k > lo_lim) {
            k--;
            size_t len;
            int16_t np = -1;
            if (item_at(sa, it, k, -1, &len, &np)) {
                found = true;
                if (it->type == IT_SRC)
                    m->src_np = np;
                else if (it->type == IT_TGT)
                    m->tgt_np = np;
                else if (m->nused < DY_ARRAY_LEN(m->used))
                    m->used[m->nused++] = (uint16_t)k;
                score += it->type == IT_SRC || it->type == IT_TGT ? 2 : 3;
                lpos = k + 1 - len;
                break;
            }
            if (it->adjacent || k + MAX_GAP <= lpos)
                break;
        }
        if (!found)
            return false;
    }
    m->lo = (uint16_t)lpos;
    m->score = score;
    return true;
}

/* ---- windows -------------------------------------------------------------------- */

/* Is clause c the same as, or a complement/infinitive below, clause top? */
static bool clause_within(const dy_sa *sa, int c, int top)
{
    for (int k = 0; c >= 0 && k < 16; k++) {
        if (c == top)
            return true;
        if (sa->cl[c].type != CL_THAT)
            return false;
        c = sa->cl[c].parent;
    }
    return false;
}

/* End of the pattern window of verb group g: its clause and the complement
 * clauses it governs, up to a comma that is not inside a list, or strong
 * punctuation. */
static size_t window_end(const dy_sa *sa, const dy_vg *g)
{
    size_t k = g->e;
    for (; k < sa->n; k++) {
        const dy_tok *t = &sa->t[k];
        if (!clause_within(sa, sa->cl_at[k], g->clause))
            break;
        if (t->tag == T_END || (t->tag == T_PUNCT && !sa_is(sa, k, "-")))
            break;
        if (t->tag == T_COMMA) {
            /* inside a coordination of noun phrases: go on */
            int16_t a = k > 0 ? sa->np_at[k - 1] : -1;
            if (a >= 0 && sa->np[a].next_coord >= 0)
                continue;
            break;
        }
    }
    return k;
}

static size_t window_start(const dy_sa *sa, const dy_vg *g)
{
    size_t k = g->b;
    while (k > 0) {
        const dy_tok *t = &sa->t[k - 1];
        if (sa->cl_at[k - 1] != (int16_t)g->clause)
            break;
        if (t->tag == T_PUNCT || t->tag == T_END)
            break;
        k--;
    }
    return k;
}

/* ---- building events --------------------------------------------------------------- */

static void collect(const dy_sa *sa, int16_t np, bool single, dy_actor *out,
                    size_t *n, size_t max)
{
    *n = 0;
    if (np < 0)
        return;
    for (int16_t c = np; c >= 0; c = single ? -1 : sa->np[c].next_coord) {
        const dy_np *p = &sa->np[c];
        for (size_t i = 0; i < p->nact && *n < max; i++)
            out[(*n)++] = p->act[i];
        if (single)
            break;
    }
}

/* Is there a verb group of v's clause between v and token `to`?
 * ("refused to meet X, saying he would ...": the that-clause is what
 * "saying" says, not what "refused" refuses) */
static bool verb_between(const dy_sa *sa, const dy_vg *v, size_t to)
{
    for (size_t h = 0; h < sa->nvg; h++) {
        const dy_vg *w = &sa->vg[h];
        if (w != v && w->clause == v->clause && w->b >= v->e && w->e <= to)
            return true;
    }
    return false;
}

/* The first NP with a country actor in the clause of token `from`, from
 * there to `to`, other than NP src's coordination. -1 if none. */
static int16_t actor_after(const dy_sa *sa, size_t from, size_t to, int16_t src)
{
    int c = from > 0 ? sa->cl_at[from - 1] : 0;
    for (size_t k = from; k < to && k < sa->n; k++) {
        if (sa->cl_at[k] != c || sa->vg_at[k] >= 0)
            break;
        int16_t q = sa->np_at[k];
        if (q < 0 || !sa->np[q].nact || sa->np[q].act[0].generic ||
            (sa->np[q].flags & NPF_PRONOUN) ||
            sa->np[q].first_coord == sa->np[src].first_coord)
            continue;
        return sa->np[q].first_coord;
    }
    return -1;
}

/* Does NP q have an actor with a country (not just "---GOV")? */
static bool np_real(const dy_sa *sa, int16_t q)
{
    for (size_t i = 0; i < sa->np[q].nact; i++)
        if (!sa->np[q].act[i].generic)
            return true;
    return false;
}

/* First actor NP in a prepositional phrase after token `from` in the
 * window. */
static int16_t pp_target(const dy_sa *sa, size_t from, size_t to)
{
    /* only in the clause of `from`: not inside complement clauses */
    int c = from < sa->n ? sa->cl_at[from > 0 ? from - 1 : 0] : -1;
    for (size_t k = from; k < to; k++) {
        if (sa->cl_at[k] != c || sa->vg_at[k] >= 0)
            break;
        int16_t p = sa->np_at[k];
        if (p < 0 || !sa->np[p].nact)
            continue;
        if (sa->np[p].prep >= 0 && dy_wc(&sa->t[sa->np[p].prep], WC_PREPS))
            return sa->np[p].first_coord;
        if (sa->np[p].poss >= 0 && sa->np[p].prep >= 0)
            return p;
    }
    return -1;
}

/* The target of a protest that names none itself: the first actor its
 * purpose or complaint names after token `from` ("staged a hunger strike
 * in protest against abuses by the security forces", "blocked roads to
 * press their demands on the government"), in the clause of `from` and the
 * complements and infinitives within it, up to a comma that ends the
 * phrase. Places ("in Lagos", "outside parliament"), the protesters
 * themselves (NP src) and pronouns are passed over. -1 if none. */
static int16_t protest_target(const dy_sa *sa, size_t from, int16_t src)
{
    int c = from > 0 ? sa->cl_at[from - 1] : 0;
    int16_t sf = src >= 0 ? sa->np[src].first_coord : -1;
    for (size_t k = from; k < sa->n; k++) {
        const dy_tok *t = &sa->t[k];
        if (t->tag == T_END || sa_is(sa, k, ";") || sa_is(sa, k, ":"))
            break;
        if (t->tag == T_COMMA) {
            int16_t a = k > 0 ? sa->np_at[k - 1] : -1;
            if (a >= 0 && sa->np[a].next_coord >= 0)
                continue;
            break;
        }
        if (!clause_within(sa, sa->cl_at[k], c))
            break;
        int16_t p = sa->np_at[k];
        if (p < 0 || sa->np[p].b != k || !sa->np[p].nact ||
            sa->np[p].act[0].generic || (sa->np[p].flags & NPF_PRONOUN) ||
            sa->np[p].first_coord == sf)
            continue;
        int16_t pr = sa->np[p].prep;
        if (pr >= 0 && dy_wc(&sa->t[pr], WC_LOCATIVE_PREPS) &&
            !sa_is(sa, (size_t)pr, "to") && !sa_is(sa, (size_t)pr, "from"))
            continue;
        return sa->np[p].first_coord;
    }
    return -1;
}

static bool same_actor(const dy_actor *a, const dy_actor *b)
{
    return strcmp(a->code, b->code) == 0;
}

static void push_event(dy_sa *sa, const dy_actor *src, const dy_actor *tgt,
                       const char *code, uint32_t pattern, size_t vg,
                       size_t vb, size_t ve, uint16_t flags)
{
    if (sa->nev >= DY_ARRAY_LEN(sa->ev))
        return;
    if (src && tgt && same_actor(src, tgt))
        return;
    dy_ev *e = &sa->ev[sa->nev++];
    memset(e, 0, sizeof *e);
    if (src) {
        e->src = *src;
        e->has_src = 1;
    }
    if (tgt) {
        e->tgt = *tgt;
        e->has_tgt = 1;
    }
    {
        size_t l = strlen(code);
        if (l >= sizeof e->code)
            l = sizeof e->code - 1;
        memcpy(e->code, code, l);
        e->code[l] = 0;
    }
    memcpy(e->orig, e->code, sizeof e->orig);
    e->pattern = pattern;
    e->vg = (uint16_t)vg;
    e->verb_b = (uint16_t)vb;
    e->verb_e = (uint16_t)ve;
    e->flags = flags;
    e->loc_tok_b = e->loc_tok_e = -1;
}

void dy_ev_push(dy_sa *sa, const dy_actor *src, const dy_actor *tgt,
                const char *code, uint32_t pattern, size_t vg, size_t vb,
                size_t ve, uint16_t flags)
{
    push_event(sa, src, tgt, code, pattern, vg, vb, ve, flags);
}

/* Emit the events of one matched pattern. */
static void emit(dy_sa *sa, const dy_pattern *pt, uint32_t pidx,
                 const match *m, int16_t src_np, int16_t tgt_np,
                 bool src_single, bool tgt_single, size_t vg, size_t vb,
                 size_t ve, uint16_t flags, bool nosrc)
{
    if (strcmp(pt->code, "---") == 0)
        return;
    (void)m;
    dy_actor srcs[16], tgts[16];
    size_t ns, nt;
    collect(sa, src_np, src_single, srcs, &ns, 16);
    collect(sa, tgt_np, tgt_single, tgts, &nt, 16);
    /* an agent without a country ("missing people", "the police") is too
     * vague to be a target */
    size_t kept = 0;
    for (size_t j = 0; j < nt; j++)
        if (!tgts[j].generic)
            tgts[kept++] = tgts[j];
    nt = kept;
    /* cooperation between the members of a compound subject with no
     * target: "Jordan and Britain agreed", "X and Y held talks" */
    int root = (pt->code[0] - '0') * 10 + (pt->code[1] - '0');
    bool mutual = pt->reciprocal || (root >= 3 && root <= 6);
    /* "French and Egyptian warships launched war games": a show of force
     * by two countries together is a joint exercise (062) */
    if (strcmp(pt->code, "150") == 0 && nt == 0 && ns >= 2 &&
        !dy_code3_eq(srcs[0].code, srcs[1].code)) {
        for (size_t i = 0; i < ns; i++)
            for (size_t j = 0; j < ns; j++)
                if (i != j && !dy_code3_eq(srcs[i].code, srcs[j].code))
                    push_event(sa, &srcs[i], &srcs[j], "062", pidx, vg, vb, ve,
                               (uint16_t)(flags | EV_RECIP));
        return;
    }
    if (mutual && nt == 0 && ns >= 2) {
        /* "X and Y met": every ordered pair */
        for (size_t i = 0; i < ns; i++)
            for (size_t j = 0; j < ns; j++)
                if (i != j && !same_actor(&srcs[i], &srcs[j]))
                    push_event(sa, &srcs[i], &srcs[j], pt->code, pidx, vg, vb,
                               ve, (uint16_t)(flags | EV_RECIP));
        return;
    }
    /* an act of violence by an unnamed perpetrator: a null source, with
     * or without a target */
    if (ns == 0 && nosrc) {
        flags = (uint16_t)(flags | EV_NOSRC);
        if (nt == 0)
            push_event(sa, NULL, NULL, pt->code, pidx, vg, vb, ve, flags);
    }
    if (ns == 0 && nt == 0)
        return;
    if (ns == 0) {
        for (size_t j = 0; j < nt; j++)
            push_event(sa, NULL, &tgts[j], pt->code, pidx, vg, vb, ve, flags);
        return;
    }
    /* "Erdogan's supporters poured into the streets of Ankara": for a
     * protest or a use of force, a target that is the source itself is no
     * target */
    if (nt == 1 && ns == 1 && same_actor(&srcs[0], &tgts[0]) && !pt->rcode[0] &&
        (root == 14 || root == 15 || (root >= 17 && root <= 20)))
        nt = 0;
    if (nt == 0) {
        for (size_t i = 0; i < ns; i++)
            push_event(sa, &srcs[i], NULL, pt->code, pidx, vg, vb, ve, flags);
        return;
    }
    for (size_t i = 0; i < ns; i++)
        for (size_t j = 0; j < nt; j++) {
            push_event(sa, &srcs[i], &tgts[j], pt->code, pidx, vg, vb, ve,
                       flags);
            if (pt->rcode[0] && strcmp(pt->rcode, "---") != 0)
                push_event(sa, &tgts[j], &srcs[i], pt->rcode, pidx, vg, vb, ve,
                           (uint16_t)(flags | (pt->reciprocal ? EV_RECIP : 0)));
        }
}

/* Best pattern of a verb entry at a head token. */
static bool best_pattern(const dy_sa *sa, const dy_verb *vb, size_t head,
                         size_t lo, size_t hi, uint32_t *best, match *bm)
{
    bool found = false;
    for (uint32_t i = 0; i < vb->npats; i++) {
        const dy_pattern *pt = &sa->dict->pats[vb->pats[i]];
        if (pt->petr)
            continue; /* PETRARCH patterns: events_petr.c */
        if ((pt->need & sa->bloom) != pt->need ||
            (pt->need_any[0] && !(pt->need_any[0] & sa->bloom)) ||
            (pt->need_any[1] && !(pt->need_any[1] & sa->bloom)) ||
            (pt->need_any[2] && !(pt->need_any[2] & sa->bloom)))
            continue; /* a word it needs is not in the sentence */
        match m;
        if (!match_pattern(sa, pt, head, lo, hi, &m))
            continue;
        if (!found || m.score > bm->score) {
            *bm = m;
            *best = vb->pats[i];
            found = true;
        }
    }
    return found;
}


/* Does a gerund after a preposition start at token k ("without returning
 * to Mali", "after fighting in Chad")? Such a phrase names another
 * act, with places of its own. */
static bool prep_gerund(const dy_sa *sa, size_t k)
{
    int16_t g = sa->vg_at[k];
    if (g < 0 || sa->vg[g].b != k || !(sa->vg[g].flags & VG_GERUND))
        return false;
    size_t pb = k;
    while (pb > 0 && (sa->t[pb - 1].tag == T_RB || sa_is(sa, pb - 1, "not")))
        pb--;
    return pb > 0 && sa->t[pb - 1].tag == T_IN && !sa_is(sa, pb - 1, "by");
}

/* The mention of a country (name, capital, or demonym on a place noun)
 * in a locative phrase after token `from`, in its clause: "in Haiti", "in
 * the capital Monrovia", "near the Ukrainian border". With `border_only`,
 * only "border"-like places ("near the Ukrainian border"). -1 if none. */
static int place_mention(const dy_sa *sa, size_t from, size_t to,
                         bool border_only)
{
    const dy_dict *d = sa->dict;
    int c = from > 0 ? sa->cl_at[from - 1] : 0;
    for (size_t k = from; k < to; k++) {
        if (sa->cl_at[k] != c || prep_gerund(sa, k))
            break;
        int16_t q = sa->np_at[k];
        int m = sa->ment_at[k];
        if (q < 0 || m < 0 || sa->np[q].prep < 0 ||
            (!border_only && !dy_wc(&sa->t[sa->np[q].prep], WC_LOCATIVE_PREPS)))
            continue;
        const dy_mention *mm = &sa->ment[m];
        if (!mm->code[0] || d->ents[mm->entity].kind != ENT_COUNTRY)
            continue;
        bool on_place = mm->kind == PH_ADJ &&
                        dy_wc(&sa->t[sa->np[q].head], WC_PLACE_HEADS);
        if (border_only ? on_place
                        : (mm->kind == PH_NAME || mm->kind == PH_CAPITAL ||
                           on_place))
            return m;
    }
    return -1;
}

/* A country actor from mention m. */
static void place_actor(const dy_sa *sa, int m, dy_actor *a)
{
    const dy_mention *mm = &sa->ment[m];
    memset(a, 0, sizeof *a);
    dy_code_join(a->code, mm->code, 3, "");
    a->b = mm->b;
    a->e = mm->e;
    a->entity = mm->entity;
    a->conf = mm->conf * 0.8f;
}

/* emit() with a place actor replacing the source and/or the target. */
static void emit_over(dy_sa *sa, const dy_pattern *pt, uint32_t pidx,
                      int16_t src, int16_t tgt, bool ssingle, bool tsingle,
                      const dy_actor *src_over, const dy_actor *tgt_over,
                      size_t g, size_t vb, size_t ve, bool nosrc)
{
    if (strcmp(pt->code, "---") == 0)
        return;
    dy_actor srcs[16], tgts[16];
    size_t ns = 0, nt = 0;
    if (src_over)
        srcs[ns++] = *src_over;
    else
        collect(sa, src, ssingle, srcs, &ns, 16);
    if (tgt_over)
        tgts[nt++] = *tgt_over;
    else
        collect(sa, tgt, tsingle, tgts, &nt, 16);
    if (ns == 0 && nosrc) {
        if (!nt)
            push_event(sa, NULL, NULL, pt->code, pidx, g, vb, ve, EV_NOSRC);
        for (size_t j = 0; j < nt; j++)
            push_event(sa, NULL, &tgts[j], pt->code, pidx, g, vb, ve, EV_NOSRC);
        return;
    }
    for (size_t i = 0; i < ns; i++) {
        /* "Russia mobilised troops in Russia": the source's own country
         * is no target */
        if (!nt || (tgt_over && same_actor(&srcs[i], tgt_over))) {
            push_event(sa, &srcs[i], NULL, pt->code, pidx, g, vb, ve, 0);
            continue;
        }
        for (size_t j = 0; j < nt; j++)
            push_event(sa, &srcs[i], &tgts[j], pt->code, pidx, g, vb, ve, 0);
    }
}

/* ---- unnamed perpetrators ------------------------------------------------------------ */

/* Is there a word of violence ("bomb", "gunmen", "hijacked", "explosion")
 * among tokens [b, e)? */
static bool violence_cue(const dy_sa *sa, size_t b, size_t e)
{
    for (size_t k = b; k < e && k < sa->n; k++)
        if (dy_wc(&sa->t[k], WC_VIOLENCE_CUES))
            return true;
    return false;
}

/* Does NP q (or another member of its coordination) name an actor, or is
 * it a name or pronoun dyad does not know (someone named, not unnamed)? */
static bool np_named(const dy_sa *sa, int16_t q)
{
    for (int16_t c = sa->np[q].first_coord; c >= 0; c = sa->np[c].next_coord) {
        const dy_np *p = &sa->np[c];
        uint8_t tag = sa->t[p->head].tag;
        if (p->nact || (p->flags & NPF_PRONOUN) || tag == T_NNP ||
            tag == T_NNPS || (p->poss >= 0 && sa->np[p->poss].nact))
            return true;
    }
    return false;
}

static bool np_cue(const dy_sa *sa, int16_t q)
{
    for (int16_t c = sa->np[q].first_coord; c >= 0; c = sa->np[c].next_coord)
        if (violence_cue(sa, sa->np[c].b, sa->np[c].e))
            return true;
    return false;
}

/* Is the perpetrator of verb group v's act unnamed: a subject that is no
 * actor ("a truck bomb killed", "a sniper shot"), or a passive without an
 * agent that names one ("was assassinated")? Verbs that are violent in
 * themselves (attack, assassinate, shoot) need nothing more; others (kill,
 * hit, destroy) need a word of violence in the subject ("a truck bomb",
 * "hijacked airliners") or, for a passive, in the clause ("were killed in
 * an air strike"): "the earthquake killed 50 people" is no attack. hi is
 * the end of the verb's window. */
static bool unnamed_perpetrator(const dy_sa *sa, const dy_vg *v, bool passive,
                                size_t hi)
{
    /* a verb group that is neither finite, nor a participle, gerund or
     * infinitive is a noun the tagger missed ("died as a result of
     * torture") */
    if (!(v->flags & (VG_FINITE | VG_INF | VG_PARTICIPLE | VG_GERUND |
                      VG_PASSIVE)))
        return false;
    bool violent = dy_wc(&sa->t[v->head], WC_VIOLENT_VERBS);
    if (passive) {
        if (v->agent >= 0)
            return !np_named(sa, v->agent) && (violent || np_cue(sa, v->agent));
        return violent || violence_cue(sa, v->e, hi);
    }
    if (v->subj < 0 || np_named(sa, v->subj))
        return false;
    return violent || np_cue(sa, v->subj);
}

static void verb_events(dy_sa *sa, bool *used)
{
    const dy_dict *d = sa->dict;
    dy_petr_ctx *pc = NULL;
    for (size_t g = 0; g < sa->nvg; g++) {
        dy_vg *v = &sa->vg[g];
        if (!v->verb)
            continue;
        /* a verb with PETRARCH patterns is coded PETRARCH's way */
        if (dy_petr_verb(sa, v)) {
            if (!pc) {
                pc = &sa->petr;
                memset(pc, 0, sizeof *pc);
                pc->opts = sa->petr_opts;
            }
            dy_petr_code_verb(sa, pc, g, used);
            continue;
        }
        /* "suspected of blowing up", "without returning": a gerund after a
         * preposition names an act, it does not report one */
        if (v->flags & VG_GERUND) {
            size_t pb = v->b;
            while (pb > 0 && (sa->t[pb - 1].tag == T_RB || sa_is(sa, pb - 1, "not")))
                pb--;
            if (pb > 0 && sa->t[pb - 1].tag == T_IN && !sa_is(sa, pb - 1, "by"))
                continue;
        }
        size_t lo = window_start(sa, v), hi = window_end(sa, v);
        v->win_end = (uint16_t)hi;
        uint32_t pidx = 0;
        match m = {0};
        bool found = false;
        /* every entry that starts with this verb ("set", "set free") */
        for (uint32_t vi = v->verb; vi; vi = d->verbs[vi - 1].next_same) {
            uint32_t p1;
            match m1;
            if (best_pattern(sa, &d->verbs[vi - 1], v->head, lo, hi, &p1, &m1) &&
                (!found || m1.score > m.score)) {
                m = m1;
                pidx = p1;
                found = true;
            }
        }
        if (!found)
            continue;
        const dy_pattern *pt = &d->pats[pidx];
        for (size_t i = 0; i < m.nused; i++)
            used[m.used[i]] = true;
        /* roles: explicit slots win, else grammatical roles; a slot that
         * took a possessor means the possessed actor, as objects do */
        int16_t src = dy_np_possessed(sa, m.src_np), tgt = dy_np_possessed(sa, m.tgt_np);
        bool ssingle = m.src_single, tsingle = m.tgt_single;
        bool passive = (v->flags & VG_PASSIVE) != 0;
        /* "Israel is opposed to French mediation", "is committed to the
         * talks": a participle that states an attitude, without a
         * by-agent, is not a passive */
        if (passive && v->agent < 0 && dy_wc(&sa->t[v->head], WC_STATIVE_PARTICIPLES) &&
            sa_is(sa, v->e, "to"))
            passive = false;
        if (src < 0)
            src = passive ? v->agent : v->subj;
        if (tgt < 0) {
            if (passive) {
                tgt = v->subj;
            } else {
                tgt = v->obj >= 0 && np_real(sa, v->obj) ? v->obj : -1;
                if (tgt < 0)
                    tgt = pp_target(sa, v->e, hi);
            }
        }
        int proot = (pt->code[0] - '0') * 10 + (pt->code[1] - '0');
        /* "reiterated the United States' support for Ukraine": a possessor
         * of the subject's own country is whose act it is, not the target;
         * the target is the first actor after the possessed phrase */
        if (tgt >= 0 && src >= 0 && m.tgt_np < 0 && (sa->np[tgt].flags & NPF_POSS) &&
            (size_t)tgt + 1 < sa->nnp && sa->np[tgt + 1].poss == tgt &&
            sa->np[tgt].nact && sa->np[src].nact &&
            strncmp(sa->np[tgt].act[0].code, sa->np[src].act[0].code, 3) == 0)
            tgt = actor_after(sa, sa->np[tgt + 1].e, hi, src);
        /* "Turkish troops could be deployed to Libya": forces moved by an
         * unnamed agent are their own state's posture, aimed where they go */
        if (passive && proot == 15 && v->agent < 0 && m.src_np < 0 &&
            m.tgt_np < 0 && v->subj >= 0 && np_real(sa, v->subj)) {
            src = v->subj;
            tgt = pp_target(sa, v->e, hi);
            passive = false;
        }
        if (tgt < 0 && !passive && (proot == 2 || proot == 10 || proot == 13 ||
                                    proot == 11 || proot == 12)) {
            /* "demanded that North Korea abandon ...": the subject of the
             * complement clause is who the demand is made on */
            for (size_t h = g + 1; h < sa->nvg && tgt < 0; h++) {
                const dy_vg *c = &sa->vg[h];
                int cc = c->clause;
                if (sa->cl[cc].type == CL_THAT && sa->cl[cc].parent == (int)v->clause &&
                    sa->cl[cc].b >= v->e && c->subj >= 0 && sa->np[c->subj].nact &&
                    !verb_between(sa, v, sa->cl[cc].b))
                    tgt = c->subj;
            }
        }
        if (tgt < 0 && !passive) {
            /* "threatened to deliver blows to the United States": the
             * target of an infinitive complement */
            for (size_t h = g + 1; h < sa->nvg && tgt < 0; h++) {
                const dy_vg *c = &sa->vg[h];
                if (c->ctrl != (int16_t)g || !(c->flags & VG_INF))
                    continue;
                if (c->obj >= 0 && np_real(sa, c->obj))
                    tgt = c->obj;
                else
                    tgt = pp_target(sa, c->e, window_end(sa, c));
            }
        }
        if (tgt < 0 && !passive && proot == 13) {
            /* "threatened to strike unless the government paid": a threat is
             * aimed at the one whose act would avert it */
            for (size_t h = g + 1; h < sa->nvg && tgt < 0; h++) {
                const dy_vg *c = &sa->vg[h];
                const dy_clause *cc = &sa->cl[c->clause];
                if (cc->type == CL_IF && cc->b >= v->e &&
                    clause_within(sa, cc->parent, (int)v->clause) &&
                    c->subj >= 0 && np_real(sa, c->subj) &&
                    (src < 0 || sa->np[c->subj].first_coord !=
                                    sa->np[src].first_coord))
                    tgt = sa->np[c->subj].first_coord;
            }
        }
        if (tgt < 0 && !passive && (proot == 2 || proot == 10)) {
            /* "demanded guarantees that would prevent NATO expansion": an
             * appeal or demand is made of the actor its object speaks of
             * (not one of an adverbial clause: "demanded new roads after a
             * court cleared the smugglers") */
            for (size_t k = v->e; k < sa->n && tgt < 0; k++) {
                if (sa->t[k].tag == T_END || sa_is(sa, k, ";"))
                    break;
                if (sa->cl[sa->cl_at[k]].type == CL_ADV &&
                    sa->cl_at[k] != (int16_t)v->clause)
                    continue;
                int16_t q = sa->np_at[k];
                if (q >= 0 && sa->np[q].nact && !sa->np[q].act[0].generic &&
                    (src < 0 || sa->np[q].first_coord != sa->np[src].first_coord) &&
                    !(sa->np[q].flags & NPF_PRONOUN))
                    tgt = q;
            }
        }
        /* "moved artillery and tanks closer to the Armenian border": the
         * forces a posture moves are the source's own, not its target */
        if (proot == 15 && tgt >= 0 && src >= 0 && tgt == v->obj &&
            sa->np[tgt].nact && sa->np[src].nact &&
            dy_code3_eq(sa->np[tgt].act[0].code, sa->np[src].act[0].code))
            tgt = -1;
        if (tgt < 0 && !passive && proot == 14)
            tgt = protest_target(sa, v->e, src);
        /* A place standing for an actor: acts without a target are aimed
         * at the country where they happen ("lifted the state of
         * emergency in Darfur", "strengthened its forces in Syria",
         * "deploying troops near the Ukrainian border"), except statements
         * and appeals, and meetings, whose place is only a venue; a
         * passive without an agent ("was arrested in Lebanon") has that
         * country's authorities as its source. */
        int pm_src = -1, pm_tgt = -1;
        if (tgt < 0 && !passive && proot == 15)
            pm_tgt = place_mention(sa, v->e, hi, true); /* "to the ... border" */
        /* "Egypt and Israel signed a treaty in Washington": the place of
         * a reciprocal act between a compound subject is a venue */
        bool between = pt->reciprocal && src >= 0 &&
                       (sa->np[sa->np[src].first_coord].next_coord >= 0 ||
                        sa->np[src].nact >= 2); /* "the two leaders" */
        if (pm_tgt < 0 && tgt < 0 && !passive && proot != 1 && proot != 2 &&
            proot != 4 && !between)
            pm_tgt = place_mention(sa, v->e, hi, false);
        if (src < 0 && passive &&
            (proot == 9 || proot == 11 || proot == 16 || proot == 17))
            pm_src = place_mention(sa, v->e, hi, false);
        if (src >= 0 && tgt >= 0 &&
            sa->np[src].first_coord == sa->np[tgt].first_coord)
            tgt = -1;
        /* "Washington and Moscow traded warnings over the Russian
         * build-up": a reciprocal act of a compound subject is between its
         * members unless the pattern names the other side */
        if (between && m.tgt_np < 0 && tgt >= 0 && !passive)
            tgt = -1;
        /* an assault, fight or massacre by an unnamed perpetrator ("a
         * truck bomb killed", "was assassinated"): a null source */
        bool nosrc = proot >= 18 && proot <= 20 &&
                     m.src_np < 0 && pm_src < 0 &&
                     unnamed_perpetrator(sa, v, passive, hi);
        if (pm_src >= 0 || pm_tgt >= 0) {
            dy_actor ps, pt2;
            if (pm_src >= 0)
                place_actor(sa, pm_src, &ps);
            if (pm_tgt >= 0)
                place_actor(sa, pm_tgt, &pt2);
            emit_over(sa, pt, pidx, src, tgt, ssingle, tsingle,
                      pm_src >= 0 ? &ps : NULL, pm_tgt >= 0 ? &pt2 : NULL, g,
                      v->head, v->head + 1, nosrc);
            continue;
        }
        emit(sa, pt, pidx, &m, src, tgt, ssingle, tsingle, g, v->head,
             v->head + 1, 0, nosrc);
    }
}

/* The verb group that governs NP k (as subject or object), or -1. */
static int16_t governing_vg(const dy_sa *sa, int16_t k)
{
    int16_t f = sa->np[k].first_coord;
    for (size_t g = 0; g < sa->nvg; g++) {
        const dy_vg *v = &sa->vg[g];
        if (v->subj == f || v->obj == f || v->subj == k || v->obj == k)
            return (int16_t)g;
    }
    return -1;
}


/* Did verb group g produce an event of its own? With `acts`, statements
 * (root 01) do not count. */
static bool vg_has_event(const dy_sa *sa, size_t g, bool acts)
{
    for (size_t i = 0; i < sa->nev; i++)
        if (sa->ev[i].vg == g && !(sa->ev[i].flags & EV_NOUN) &&
            !(acts && sa->ev[i].code[0] == '0' && sa->ev[i].code[1] == '1'))
            return true;
    return false;
}

static void noun_events(dy_sa *sa, bool *used)
{
    const dy_dict *d = sa->dict;
    for (size_t k = 0; k < sa->nnp; k++) {
        dy_np *p = &sa->np[k];
        size_t h = p->head;
        const dy_word *wi = &d->winfo[sa->t[h].w];
        if (!wi->noun || used[h] || sa->ment_at[h] >= 0)
            continue;
        /* "to the US-led war against Iraq", "after the attack": an event
         * noun inside a prepositional phrase is background, not news */
        if (p->flags & NPF_INPP)
            continue;
        /* window: the NP and what follows in its clause */
        size_t hi = h + 1;
        while (hi < sa->n && sa->cl_at[hi] == sa->cl_at[h] &&
               sa->vg_at[hi] < 0 && sa->t[hi].tag != T_END &&
               !(sa->t[hi].tag == T_COMMA &&
                 !(sa->np_at[hi - 1] >= 0 && sa->np[sa->np_at[hi - 1]].next_coord >= 0)))
            hi++;
        /* "fighting erupted in Khartoum between the army and the RSF": the
         * subject of a verb of occurring ("erupted", "broke out") is the
         * event, and its phrases may follow the verb */
        int16_t og = -1;
        if (hi < sa->n && sa->vg_at[hi] >= 0) {
            const dy_vg *ov = &sa->vg[sa->vg_at[hi]];
            if (ov->subj == p->first_coord && !(ov->flags & VG_PASSIVE) &&
                dy_wc(&sa->t[ov->head], WC_OCCUR_VERBS) && ov->obj < 0) {
                og = sa->vg_at[hi];
                hi = window_end(sa, ov);
            }
        }
        uint32_t pidx = 0;
        match m = {0};
        bool found = false;
        for (uint32_t vi = wi->noun; vi; vi = d->verbs[vi - 1].next_same) {
            uint32_t p1;
            match m1;
            if (best_pattern(sa, &d->verbs[vi - 1], h, p->b, hi, &p1, &m1) &&
                (!found || m1.score > m.score)) {
                m = m1;
                pidx = p1;
                found = true;
            }
        }
        if (!found)
            continue;
        const dy_pattern *pt = &d->pats[pidx];
        int16_t src = m.src_np, tgt = m.tgt_np;
        /* the noun's own modifiers: "Russian attack", "Russia's attack" */
        if (src < 0 && p->poss >= 0 && sa->np[p->poss].nact)
            src = p->poss;
        if (src < 0 && p->nact && !p->act[0].generic && m.tgt_np != (int16_t)k)
            src = (int16_t)k;
        int16_t g = governing_vg(sa, (int16_t)k);
        if (g < 0 && p->poss >= 0)
            g = governing_vg(sa, p->poss); /* "denounced China's crackdown" */
        bool announced = false;
        bool object = g >= 0 && (sa->vg[g].obj == p->first_coord ||
                                 (p->poss >= 0 && sa->vg[g].obj == p->poss));
        /* "Hamas's release of hostages was delayed": the subject of a
         * passive blocking verb */
        if (g >= 0 && (sa->vg[g].flags & VG_PASSIVE) &&
            (sa->vg[g].subj == p->first_coord ||
             (p->poss >= 0 && sa->vg[g].subj == p->poss)) &&
            dy_wc(&sa->t[sa->vg[g].head], WC_BLOCKING_VERBS))
            continue;
        if (object) {
            const dy_tok *gv = &sa->t[sa->vg[g].head];
            /* "halted economic aid", "prevented the demonstration": the
             * verb says the act did not happen (or is its own event) */
            /* ("announced a suspension of flights to Moldova": the act
             * announced is the event, not the announcement) */
            if (dy_wc(gv, WC_BLOCKING_VERBS) || vg_has_event(sa, (size_t)g, true))
                continue;
            announced = vg_has_event(sa, (size_t)g, false);
            /* "held talks", "declared a ceasefire": the subject of a light
             * verb is the one who acts */
            if (src < 0 && sa->vg[g].subj >= 0 &&
                !(sa->vg[g].flags & VG_PASSIVE) && dy_wc(gv, WC_LIGHT_VERBS))
                src = sa->vg[g].subj;
        }
        /* "Trump said tariffs on goods from Mexico could take effect on
         * February 1": sanctions no one is named to impose, told of by an
         * actor's statement, are the speaker's */
        if (src < 0 && pt->code[0] == '1' && pt->code[1] == '6' && g >= 0 &&
            (sa->vg[g].subj == p->first_coord ||
             (sa->vg[g].obj == p->first_coord &&
              dy_wc(&sa->t[sa->vg[g].head], WC_SAYING_VERBS)))) {
            for (int sg = g; sg >= 0; sg--) {
                const dy_vg *sv = &sa->vg[sg];
                if (dy_wc(&sa->t[sv->head], WC_SAYING_VERBS) && sv->subj >= 0 &&
                    sa->np[sv->subj].nact && sv->e <= p->b) {
                    src = sv->subj;
                    break;
                }
            }
            /* the bare complement's own verb ("could take effect") is the
             * event's, for its modality and date, not the saying verb */
            if (src >= 0 && sa->vg[g].obj == p->first_coord)
                for (size_t cg = (size_t)g + 1; cg < sa->nvg; cg++)
                    if (sa->vg[cg].subj == p->first_coord) {
                        g = (int16_t)cg;
                        break;
                    }
        }
        if (tgt < 0)
            tgt = pp_target(sa, p->e, hi);
        if (tgt < 0 && pt->code[0] == '1' && pt->code[1] == '4')
            tgt = protest_target(sa, p->e, src);
        /* "heavy fighting broke out in Nagorno-Karabakh": violence that
         * occurred, by no one named */
        int nroot = (pt->code[0] - '0') * 10 + (pt->code[1] - '0');
        bool nosrc = og >= 0 && src < 0 &&
                     nroot >= 18 && nroot <= 20;
        if (src < 0 && tgt < 0 && !nosrc)
            continue;
        size_t nev0 = sa->nev;
        emit(sa, pt, pidx, &m, src, tgt, m.src_single, m.tgt_single,
             g >= 0 ? (size_t)g : 0xFFFF, h, h + 1, EV_NOUN, nosrc);
        if (announced && sa->nev > nev0)
            for (size_t i = 0; i < nev0; i++)
                if (sa->ev[i].vg == (uint16_t)g && !(sa->ev[i].flags & EV_NOUN)) {
                    sa->ev[i].dropped = 1;
                    sa->ev[i].why = "statement of an act: the act is the event";
                }
        for (size_t i = 0; i < m.nused; i++)
            used[m.used[i]] = true;
    }
}

void dy_match_events(dy_sa *sa)
{
    sa->bloom = 0;
    for (size_t i = 0; i < sa->n; i++)
        sa->bloom |= dy_bloom_bit(sa->t[i].w) | dy_bloom_bit(sa->t[i].lem);
    bool used[DY_MAX_STOK];
    memset(used, 0, sizeof used);
    sa->nev = 0;
    verb_events(sa, used);
    noun_events(sa, used);
}
