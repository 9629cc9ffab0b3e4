/* events_petr.c - verbs whose patterns come from a TABARI/PETRARCH verb
 * file are matched and coded with PETRARCH's rules (PETRARCH-1,
 * petrarch.py: check_verbs, verb_pattern_match, find_source/find_target,
 * make_event_strings, check_commas), on dyad's analysis of the sentence
 * instead of a Treebank parse:
 *
 *   - a named entity is a noun phrase with its possessor and its of / in /
 *     from attachment (chunk.c codes these as one phrase); a coordination
 *     is a compound;
 *   - comma-delimited clauses of 2-8 words (and a final one of 2-8 words)
 *     are deleted before coding, as PETRARCH's check_commas does with its
 *     default configuration (dy_petr_opts changes the limits);
 *   - the part of the sentence after the verb, up to the end of its verb
 *     phrase, is the lower sequence; the part before it, back to the
 *     sentence start or a comma, the upper one. Pattern words after `*`
 *     are found in order in the lower sequence, those before it in the
 *     upper one, with any words in between unless `_` joins them; words
 *     match as written (no lemmas: EFFORT is not "efforts"); `$` and `+`
 *     take the named entity they fall on, `^` skips one, `%` takes a
 *     compound: before the verb as source and target at once (each member
 *     with each other), after it as the targets;
 *   - without `+` the target is the first coded entity of the lower
 *     sequence (a compound counts as coded), else its first entity at all
 *     (not a bare time word); without one there is no event. Without `$`
 *     the source is the verb's grammatical subject when it names an actor
 *     other than the target (dyad's analysis: a coordinated verb phrase
 *     shares it), else the coded entity nearest before the verb whose code
 *     is not the target's, else the nearest entity;
 *   - with new_actor_length, an entity that names no actor is coded as its
 *     text ("THE MINISTRY OF MAGIC");
 *   - a passive verb with a "by" after it swaps source and target;
 *   - a pattern coded `---` falls back on the verb's own code; a verb that
 *     was coded (even without actors) is not searched for further verbs
 *     inside its verb phrase;
 *   - there is no modality: negation, conditions and futures are what the
 *     patterns say they are (the resolver leaves these events alone);
 *   - `A:B` codes A from source to target and B back, filling a missing
 *     side with the other; one event per source, target and code. */
#include "analyze.h"

#include <stdio.h>

/* ---- the sentence: entities, deleted clauses ------------------------------ */

static bool clause_comma(const dy_sa *sa, size_t k)
{
    if (sa->t[k].tag != T_COMMA)
        return false;
    /* a comma inside a list of noun phrases is part of the compound */
    int16_t a = k > 0 ? sa->np_at[k - 1] : -1;
    if (a >= 0 && sa->np[a].next_coord >= 0)
        return false;
    /* and so is one between adjectives: "complete, full diplomatic ties" */
    return !(k > 0 && k + 1 < sa->n && dy_tag_is_adj(sa->t[k - 1].tag) &&
             dy_tag_is_adj(sa->t[k + 1].tag));
}

/* Words counted by check_commas: tokens that start with a letter. */
static size_t count_words(const dy_sa *sa, const uint8_t *del, size_t b,
                          size_t e)
{
    size_t n = 0;
    for (size_t k = b; k < e && k < sa->n; k++) {
        char c = sa->t[k].low[0];
        if (!del[k] && sa->t[k].nlow && c >= 'a' && c <= 'z')
            n++;
    }
    return n;
}

/* check_commas() with the given limits (0 as a maximum turns a rule off). */
static void delete_commas(const dy_sa *sa, dy_petr_ctx *pc)
{
    const dy_petr_opts *o = &pc->opts;
    size_t commas[DY_MAX_STOK], nc = 0;
    for (size_t k = 0; k < sa->n; k++)
        if (clause_comma(sa, k))
            commas[nc++] = k;
    if (!nc)
        return;
    /* the end: the final punctuation */
    size_t end = sa->n;
    while (end > 0 && (sa->t[end - 1].tag == T_END ||
                       sa->t[end - 1].tag == T_CLOSEQ))
        end--;
    if (o->bmax) {
        size_t w = count_words(sa, pc->del, 0, commas[0]);
        if (w >= o->bmin && w <= o->bmax)
            for (size_t k = 0; k < commas[0]; k++)
                pc->del[k] = 1;
    }
    if (o->emax) {
        size_t c = commas[nc - 1];
        size_t w = count_words(sa, pc->del, c + 1, end);
        if (c + 1 < end && w >= o->emin && w <= o->emax)
            for (size_t k = c + 1; k < end; k++)
                pc->del[k] = 1;
    }
    if (o->max)
        for (size_t i = 0; i + 1 < nc; i++) {
            size_t w = count_words(sa, pc->del, commas[i] + 1, commas[i + 1]);
            if (w >= o->min && w <= o->max)
                for (size_t k = commas[i] + 1; k < commas[i + 1]; k++)
                    pc->del[k] = 1;
        }
}

/* A bare time expression ("today", "late Sunday"; not "on Saturday", not
 * "five years") is not a named entity: the parser makes it an NP-TMP. */
static bool tmp_np(const dy_sa *sa, int16_t q)
{
    const dy_np *p = &sa->np[q];
    int ht = sa->t[p->head].tag;
    return !(p->flags & NPF_INPP) && !p->nact && p->next_coord < 0 &&
           p->first_coord == q && ht != T_NNS && ht != T_NNPS &&
           dy_wc(&sa->t[p->head], WC_TIME_HEADS);
}

static void init_ctx(const dy_sa *sa, dy_petr_ctx *pc)
{
    pc->init = 1;
    for (size_t k = 0; k < sa->nnp; k++)
        pc->unit[k] = (int16_t)k;
    /* a possessor belongs to its phrase */
    for (size_t k = 0; k < sa->nnp; k++)
        if (sa->np[k].poss >= 0)
            pc->unit[sa->np[k].poss] = (int16_t)k;
    /* an attachment that chunk.c made part of the phrase before it ("the
     * government of Gondor", "Lawmakers in Fornost and Gondor"), or that
     * PETRARCH would merge although neither side names an actor ("the
     * Ministry of Magic", an unnamed entity) */
    for (size_t k = 0; k < sa->nnp; k++) {
        int16_t att = dy_petr_attachment(sa, k);
        if (att < 0)
            continue;
        bool acts = false;
        for (int16_t c = (int16_t)k; c >= 0; c = sa->np[c].next_coord)
            acts = acts || sa->np[c].nact;
        for (int16_t c = att; c >= 0; c = sa->np[c].next_coord)
            acts = acts || sa->np[c].nact;
        if (!(sa->np[att].flags & NPF_PETR_ATT) && acts)
            continue;
        for (int16_t c = att; c >= 0; c = sa->np[c].next_coord)
            pc->unit[c] = (int16_t)k;
    }
    /* the representative: followed through (a possessor of an attached
     * phrase), then the first member of its coordination */
    for (size_t k = 0; k < sa->nnp; k++) {
        int16_t u = pc->unit[k];
        for (int i = 0; i < 8 && pc->unit[u] != u; i++)
            u = pc->unit[u];
        pc->unit[k] = sa->np[u].first_coord;
    }
    for (size_t k = 0; k < sa->nnp; k++) {
        pc->ub[k] = UINT16_MAX;
        pc->ue[k] = 0;
    }
    for (size_t k = 0; k < sa->nnp; k++) {
        int16_t u = pc->unit[k];
        if (sa->np[k].b < pc->ub[u])
            pc->ub[u] = sa->np[k].b;
        if (sa->np[k].e > pc->ue[u])
            pc->ue[u] = sa->np[k].e;
    }
    for (size_t k = 0; k < sa->n; k++) {
        int16_t q = sa->np_at[k];
        pc->unit_at[k] = q >= 0 && !tmp_np(sa, q) ? pc->unit[q] : -1;
    }
    /* tokens between the members of a unit ("and", ",", "of") belong to it */
    for (size_t k = 0; k < sa->nnp; k++)
        if (pc->unit[k] == (int16_t)k && !tmp_np(sa, (int16_t)k))
            for (size_t i = pc->ub[k]; i < pc->ue[k]; i++)
                if (pc->unit_at[i] < 0)
                    pc->unit_at[i] = (int16_t)k;
    memset(pc->del, 0, sa->n);
    memset(pc->skip, 0, sizeof pc->skip);
    delete_commas(sa, pc);
}

/* The actors of unit u (every member of its coordination); pronouns are
 * not resolved (PETRARCH codes them as unnamed entities). */
static size_t unit_actors(const dy_sa *sa, const dy_petr_ctx *pc, int16_t u,
                          dy_actor *out, size_t max)
{
    size_t n = 0;
    (void)pc;
    for (int16_t c = u; c >= 0; c = sa->np[c].next_coord) {
        const dy_np *p = &sa->np[c];
        if (p->flags & NPF_PRONOUN)
            continue;
        for (size_t i = 0; i < p->nact && n < max; i++) {
            bool dup = false;
            for (size_t j = 0; j < n; j++)
                if (strcmp(out[j].code, p->act[i].code) == 0)
                    dup = true;
            if (!dup)
                out[n++] = p->act[i];
        }
    }
    return n;
}

size_t dy_petr_actor_text(const dy_sa *sa, size_t b, size_t e, char *out,
                          size_t cap)
{
    size_t k = 0;
    if (cap < 3) {
        if (cap)
            out[0] = 0;
        return 0;
    }
    out[k++] = '"';
    for (size_t i = b; i < e && i < sa->n; i++) {
        const dy_tok *t = &sa->t[i];
        if (t->tag == T_POS || sa_is(sa, i, "'s") || sa_is(sa, i, "'"))
            continue;
        if (k > 1 && k + 1 < cap - 1)
            out[k++] = ' ';
        for (size_t j = 0; j < t->n && k + 1 < cap - 1; j++) {
            char c = t->s[j];
            out[k++] = c >= 'a' && c <= 'z' ? (char)(c - 32) : c;
        }
    }
    out[k++] = '"';
    out[k] = 0;
    return k;
}

/* PETRARCH's new actor for tokens [b, e) (new_actor_length > 0): false
 * when the text has too many words. */
static bool new_actor(const dy_sa *sa, const dy_petr_ctx *pc, size_t b,
                      size_t e, dy_actor *a)
{
    char buf[256];
    size_t l = dy_petr_actor_text(sa, b, e, buf, sizeof buf);
    size_t spaces = 0;
    for (size_t i = 0; i < l; i++)
        spaces += buf[i] == ' ';
    if (l <= 2 || spaces >= pc->opts.new_actor_length)
        return false;
    memset(a, 0, sizeof *a);
    dy_code_join(a->code, buf, 0, "");
    a->b = (uint16_t)b;
    a->e = (uint16_t)e;
    a->entity = UINT32_MAX;
    a->conf = 0.5f;
    a->petr = 1;
    a->newactor = 1;
    return true;
}

/* The codes of entity u for an event: its actors, and with
 * new_actor_length the text of each member that names none. */
static size_t entity_codes(const dy_sa *sa, const dy_petr_ctx *pc, int16_t u,
                           dy_actor *out, size_t max)
{
    if (!pc->opts.new_actor_length)
        return unit_actors(sa, pc, u, out, max);
    size_t n = 0;
    bool single = sa->np[u].next_coord < 0;
    for (int16_t c = u; c >= 0 && n < max; c = sa->np[c].next_coord) {
        const dy_np *p = &sa->np[c];
        bool any = false;
        if (!(p->flags & NPF_PRONOUN))
            for (size_t i = 0; i < p->nact && n < max; i++) {
                bool dup = false;
                for (size_t j = 0; j < n; j++)
                    if (strcmp(out[j].code, p->act[i].code) == 0)
                        dup = true;
                if (!dup)
                    out[n++] = p->act[i];
                any = true;
            }
        if (any)
            continue;
        size_t b = p->b, e = p->e;
        if (single) {
            b = pc->ub[u];
            e = pc->ue[u];
        } else if (p->poss >= 0) {
            b = sa->np[p->poss].b;
        }
        if (n < max && new_actor(sa, pc, b, e, &out[n]))
            n++;
    }
    return n;
}

static bool unit_compound(const dy_sa *sa, int16_t u)
{
    return sa->np[u].next_coord >= 0;
}

/* ---- pattern matching ------------------------------------------------------- */

typedef struct pmatch {
    int score;
    int16_t src, tgt;           /* units bound by $, + and %, -1              */
    uint8_t pct;                /* a % item matched                           */
    uint16_t used[32];
    uint8_t nused;
} pmatch;

/* PETRARCH matches pattern words as written: "EFFORT" is not "efforts" */
static bool word_at(const dy_sa *sa, size_t k, uint32_t w)
{
    return sa->t[k].w == w;
}

/* Does item it match at token k (dir > 0: rightwards)? *next is the
 * position after it in the direction of the search. */
/* What a matched pattern item adds to the match's score: a word, a word
 * choice or a synset 3, an actor slot or a wildcard 2. */
static int item_weight(const dy_item *it)
{
    return it->type == IT_WORD || it->type == IT_ALT || it->type == IT_SET ? 3 : 2;
}

static bool item_here(const dy_sa *sa, const dy_petr_ctx *pc,
                      const dy_item *it, size_t k, int dir, size_t *next,
                      int16_t *unit)
{
    const dy_dict *d = sa->dict;
    *unit = -1;
    switch (it->type) {
    case IT_WORD:
        if (!word_at(sa, k, it->v))
            return false;
        *next = dir > 0 ? k + 1 : k - 1;
        return true;
    case IT_ALT:
        for (size_t j = 0; j < it->n; j++)
            if (word_at(sa, k, d->altw[it->v + j])) {
                *next = dir > 0 ? k + 1 : k - 1;
                return true;
            }
        return false;
    case IT_SET: {
        size_t l = dy_set_match(sa, k, &d->sets[it->v], dir);
        if (!l)
            return false;
        *next = dir > 0 ? k + l : k - l;
        return true;
    }
    case IT_SRC:
    case IT_TGT:
    case IT_ANY: {
        int16_t u = pc->unit_at[k];
        if (u < 0)
            return false;
        if (it->type == IT_SRC && it->n == 1 && !unit_compound(sa, u))
            return false; /* %: a compound */
        *unit = u;
        *next = dir > 0 ? pc->ue[u] : (size_t)pc->ub[u] - 1;
        return true;
    }
    }
    return false;
}

static bool petr_match(const dy_sa *sa, const dy_petr_ctx *pc,
                       const dy_pattern *pt, size_t head, size_t lo,
                       size_t hi, pmatch *m)
{
    const dy_item *items = sa->dict->items + pt->items;
    memset(m, 0, sizeof *m);
    m->src = m->tgt = -1;
    int score = 1;
    size_t pos = head + 1;
    const dy_item *after = items + pt->nbefore;
    for (size_t i = 0; i < pt->nafter; i++) {
        const dy_item *it = &after[i];
        bool found = false;
        for (size_t k = pos; k < hi; k++) {
            if (pc->del[k])
                continue;
            size_t next;
            int16_t u;
            if (item_here(sa, pc, it, k, 1, &next, &u)) {
                found = true;
                if (it->type == IT_SRC && it->n == 1) {
                    /* % after the verb: a compound target */
                    m->tgt = u;
                    m->pct = 1;
                } else if (it->type == IT_SRC) {
                    m->src = u;
                } else if (it->type == IT_TGT) {
                    m->tgt = u;
                } else if (it->type != IT_ANY &&
                           m->nused < DY_ARRAY_LEN(m->used)) {
                    m->used[m->nused++] = (uint16_t)k;
                }
                score += item_weight(it);
                if (k == pos)
                    score += 1;
                pos = next;
                break;
            }
            if (it->adjacent)
                break;
        }
        if (!found)
            return false;
    }
    /* before: leftwards from the verb itself (auxiliaries are words here) */
    size_t lpos = head; /* exclusive */
    const dy_item *before = items;
    for (size_t i = 0; i < pt->nbefore; i++) {
        const dy_item *it = &before[i];
        bool found = false;
        size_t k = lpos;
        while (k > lo) {
            k--;
            if (pc->del[k])
                continue;
            size_t next;
            int16_t u;
            if (item_here(sa, pc, it, k, -1, &next, &u)) {
                found = true;
                if (it->type == IT_SRC) {
                    /* % before the verb: source and target at once */
                    m->src = u;
                    if (it->n == 1) {
                        m->tgt = u;
                        m->pct = 1;
                    }
                } else if (it->type == IT_TGT) {
                    m->tgt = u;
                } else if (it->type != IT_ANY &&
                           m->nused < DY_ARRAY_LEN(m->used)) {
                    m->used[m->nused++] = (uint16_t)k;
                }
                score += item_weight(it);
                if (k + 1 == lpos)
                    score += 1;
                lpos = next + 1;
                break;
            }
            if (it->adjacent)
                break;
        }
        if (!found)
            return false;
    }
    m->score = score;
    return true;
}

/* ---- the verb phrase ------------------------------------------------------------ */

/* End of the lower sequence of verb group g: the end of the sentence,
 * strong punctuation, a coordinated verb phrase ("... and promised"), or a
 * comma that a new clause with its own subject follows. */
static size_t lower_end(const dy_sa *sa, const dy_petr_ctx *pc, const dy_vg *v)
{
    size_t k = v->e;
    for (; k < sa->n; k++) {
        if (pc->del[k])
            continue;
        const dy_tok *t = &sa->t[k];
        if (t->tag == T_END || sa_is(sa, k, ";") || sa_is(sa, k, ":") ||
            sa_is(sa, k, "--"))
            break;
        if (t->tag == T_CC && k + 1 < sa->n) {
            size_t j = k + 1;
            while (j < sa->n && (sa->t[j].tag == T_RB || sa->t[j].tag == T_MD))
                j++;
            if (j < sa->n && sa->vg_at[j] >= 0)
                break;
        }
        if (t->tag == T_COMMA && clause_comma(sa, k)) {
            /* ", a senior official said": a subject and a finite verb,
             * unless another comma closes them (", it seems,") */
            size_t j = k + 1;
            while (j < sa->n && pc->del[j])
                j++;
            if (j < sa->n && sa->t[j].tag == T_COMMA)
                continue;
            size_t e = j;
            bool noun = false;
            while (e < sa->n && sa->vg_at[e] < 0 &&
                   (sa->np_at[e] >= 0 || sa->t[e].tag == T_DT ||
                    sa->t[e].tag == T_RB || dy_tag_is_adj(sa->t[e].tag) ||
                    sa->t[e].tag == T_PRPS)) {
                noun = noun || sa->np_at[e] >= 0;
                e++;
            }
            if (noun && e < sa->n && sa->vg_at[e] >= 0 &&
                (sa->vg[sa->vg_at[e]].flags & VG_FINITE)) {
                size_t c = sa->vg[sa->vg_at[e]].e;
                while (c < sa->n && c < e + 6 && sa->t[c].tag != T_COMMA &&
                       sa->t[c].tag != T_END)
                    c++;
                if (!(c < sa->n && sa->t[c].tag == T_COMMA))
                    break;
            }
        }
    }
    return k;
}

/* Start of the upper sequence: the sentence start or a comma. */
static size_t upper_start(const dy_sa *sa, const dy_petr_ctx *pc, size_t head)
{
    size_t k = head;
    while (k > 0) {
        if (!pc->del[k - 1] && clause_comma(sa, k - 1))
            break;
        k--;
    }
    return k;
}

/* ---- coding ----------------------------------------------------------------------- */

static bool unit_coded(const dy_sa *sa, const dy_petr_ctx *pc, int16_t u,
                       bool generic_ok)
{
    if (unit_compound(sa, u))
        return true;
    dy_actor a[DY_MAX_ACT];
    size_t n = unit_actors(sa, pc, u, a, DY_MAX_ACT);
    for (size_t i = 0; i < n; i++)
        if (generic_ok || !a[i].generic)
            return true;
    return false;
}

static bool same_codes(const dy_sa *sa, const dy_petr_ctx *pc, int16_t a,
                       int16_t b)
{
    dy_actor x[DY_MAX_ACT], y[DY_MAX_ACT];
    size_t nx = unit_actors(sa, pc, a, x, DY_MAX_ACT);
    size_t ny = unit_actors(sa, pc, b, y, DY_MAX_ACT);
    if (!nx || nx != ny)
        return false;
    for (size_t i = 0; i < nx; i++)
        if (strcmp(x[i].code, y[i].code) != 0)
            return false;
    return true;
}

static void add_event(dy_sa *sa, const dy_actor *src, const dy_actor *tgt,
                      const char *code, uint32_t pidx, size_t g)
{
    if (!code[0] || strcmp(code, "---") == 0)
        return;
    if (src && tgt && strcmp(src->code, tgt->code) == 0)
        return;
    /* one event per source, target and code */
    for (size_t i = 0; i < sa->nev; i++) {
        const dy_ev *e = &sa->ev[i];
        if (!(e->flags & EV_PETR) || strcmp(e->code, code) != 0)
            continue;
        if ((src ? e->has_src && strcmp(e->src.code, src->code) == 0
                 : !e->has_src) &&
            (tgt ? e->has_tgt && strcmp(e->tgt.code, tgt->code) == 0
                 : !e->has_tgt))
            return;
    }
    const dy_vg *v = &sa->vg[g];
    dy_ev_push(sa, src, tgt, code, pidx, g, v->head, v->head + 1u, EV_PETR);
}

static void events_for(dy_sa *sa, const dy_petr_ctx *pc, int16_t su,
                       int16_t tu, const dy_pattern *pt, const char *code,
                       const char *rcode, uint32_t pidx, size_t g)
{
    dy_actor s[DY_MAX_ACT], t[DY_MAX_ACT];
    size_t ns = su >= 0 ? entity_codes(sa, pc, su, s, DY_MAX_ACT) : 0;
    size_t nt = tu >= 0 ? entity_codes(sa, pc, tu, t, DY_MAX_ACT) : 0;
    (void)pt;
    if (rcode[0]) {
        /* a paired code: a missing side is the other one */
        if (!ns && nt) {
            memcpy(s, t, nt * sizeof *t);
            ns = nt;
        } else if (!nt && ns) {
            memcpy(t, s, ns * sizeof *s);
            nt = ns;
        }
    }
    if (!ns)
        return;
    for (size_t i = 0; i < ns; i++) {
        if (!nt) {
            add_event(sa, &s[i], NULL, code, pidx, g);
            continue;
        }
        for (size_t j = 0; j < nt; j++)
            add_event(sa, &s[i], &t[j], code, pidx, g);
    }
    if (rcode[0])
        for (size_t j = 0; j < nt; j++)
            for (size_t i = 0; i < ns; i++)
                add_event(sa, &t[j], &s[i], rcode, pidx, g);
}

bool dy_petr_verb(const dy_sa *sa, const dy_vg *v)
{
    const dy_dict *d = sa->dict;
    for (uint32_t vi = v->verb; vi; vi = d->verbs[vi - 1].next_same)
        if (d->verbs[vi - 1].petr)
            return true;
    return false;
}

void dy_petr_code_verb(dy_sa *sa, dy_petr_ctx *pc, size_t g, bool *used)
{
    const dy_dict *d = sa->dict;
    if (!pc->init)
        init_ctx(sa, pc);
    dy_vg *v = &sa->vg[g];
    if (pc->skip[g] || pc->del[v->head])
        return;
    size_t hi = lower_end(sa, pc, v), lo = upper_start(sa, pc, v->head);
    v->win_end = (uint16_t)hi;
    /* the best pattern, and the verb's own code */
    bool found = false;
    pmatch m = {0};
    uint32_t pidx = 0, bare = UINT32_MAX;
    for (uint32_t vi = v->verb; vi; vi = d->verbs[vi - 1].next_same) {
        const dy_verb *vb = &d->verbs[vi - 1];
        for (uint32_t i = 0; i < vb->npats; i++) {
            const dy_pattern *pt = &d->pats[vb->pats[i]];
            if (!pt->petr)
                continue;
            if ((pt->need & sa->bloom) != pt->need ||
                (pt->need_any[0] && !(pt->need_any[0] & sa->bloom)) ||
                (pt->need_any[1] && !(pt->need_any[1] & sa->bloom)) ||
                (pt->need_any[2] && !(pt->need_any[2] & sa->bloom)))
                continue; /* a word it needs is not in the sentence */
            pmatch m1;
            if (!petr_match(sa, pc, pt, v->head, lo, hi, &m1))
                continue;
            if (pt->petr == 2 && bare == UINT32_MAX)
                bare = vb->pats[i];
            if (!found || m1.score > m.score) {
                m = m1;
                pidx = vb->pats[i];
                found = true;
            }
        }
    }
    if (!found)
        return;
    const dy_pattern *pt = &d->pats[pidx];
    if (strcmp(pt->code, "---") == 0 && !(pt->rcode[0] && strcmp(pt->rcode, "---"))) {
        /* a pattern coded --- leaves the verb's own code */
        if (bare == UINT32_MAX || strcmp(d->pats[bare].code, "---") == 0)
            return;
        pidx = bare;
        pt = &d->pats[bare];
        pmatch m2;
        petr_match(sa, pc, pt, v->head, lo, hi, &m2);
        m = m2;
    }
    /* the verb is coded: its verb phrase holds no further verb */
    for (size_t h = 0; h < sa->nvg; h++)
        if (sa->vg[h].head > v->head && sa->vg[h].head < hi)
            pc->skip[h] = 1;
    for (size_t i = 0; i < m.nused; i++)
        used[m.used[i]] = true;
    /* target: bound, else the first coded entity after the verb, else the
     * first entity */
    int16_t tu = m.tgt, su = m.src;
    if (tu < 0) {
        int16_t any = -1;
        for (size_t k = v->head + 1; k < hi && tu < 0; k++) {
            int16_t u = pc->unit_at[k];
            if (pc->del[k] || u < 0 || pc->ub[u] <= v->head)
                continue;
            if (unit_coded(sa, pc, u, true))
                tu = u;
            else if (any < 0)
                any = u;
        }
        if (tu < 0)
            tu = any;
        if (tu < 0 && su < 0)
            return; /* nothing after the verb: no event */
    }
    bool by = false;
    if (v->flags & VG_PASSIVE)
        for (size_t k = v->e; k < hi && !by; k++)
            by = !pc->del[k] && sa_is(sa, k, "by");
    if (su < 0 && !by && v->subj >= 0) {
        /* the verb's grammatical subject, when it names an actor: a
         * coordinated verb phrase shares it ("condemned ... and promised
         * aid"), and a prepositional phrase inside it does not take its
         * place ("Gollum centre of a row between Radagast ... called") */
        int16_t u = pc->unit[v->subj];
        if (u != tu && !pc->del[sa->np[v->subj].b] &&
            unit_coded(sa, pc, u, false) &&
            !(tu >= 0 && same_codes(sa, pc, u, tu)))
            su = u;
    }
    if (su < 0) {
        int16_t any = -1;
        for (size_t k = v->head; k-- > lo && su < 0;) {
            int16_t u = pc->unit_at[k];
            if (pc->del[k] || u < 0 || u == tu || pc->ue[u] > v->head + 1u)
                continue;
            if (tu >= 0 && same_codes(sa, pc, u, tu))
                continue;
            if (unit_coded(sa, pc, u, false))
                su = u;
            else if (any < 0)
                any = u;
        }
        if (su < 0)
            su = any;
    }
    if (tu < 0)
        return;
    /* a passive with its agent: "was criticized by X" */
    if (by) {
        int16_t x = su;
        su = tu;
        tu = x;
    }
    /* the reader gives a % pattern without a paired code the code both
     * ways (dyad's reciprocal); PETRARCH pairs the compound's members
     * instead, and codes a compound after the verb as targets only */
    const char *rcode = pt->rcode;
    if (m.pct && strcmp(rcode, pt->code) == 0)
        rcode = "";
    events_for(sa, pc, su, tu, pt, pt->code, rcode, pidx, g);
}
