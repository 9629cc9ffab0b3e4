/* actors.c - finding actor mentions: longest match of dictionary phrases
 * over the sentence's word ids (a trie keyed by word id), with the case
 * guard, date-resolved codes, and approximate matching of person names
 * garbled by transliteration or machine translation ("Zelenszkig"). */
#include "analyze.h"
#include "places.h"

#include <stdio.h>

bool dy_word_in(const dy_tok *t, const char *const *list)
{
    if (!t->nlow)
        return false;
    char c0 = t->low[0];
    for (size_t i = 0; list[i]; i++) {
        /* the first byte rejects almost every entry without strlen */
        if (list[i][0] != c0)
            continue;
        size_t k = 1;
        while (k < t->nlow && list[i][k] == t->low[k])
            k++;
        if (k == t->nlow && list[i][k] == 0)
            return true;
    }
    return false;
}

/* Does token t satisfy the case requirement of a phrase word? */
static bool case_ok(const dy_tok *t, unsigned req)
{
    if (req == CASE_ANY || !(t->wflags & W_COMMON))
        return true;
    if (req == CASE_UPPER)
        return (t->flags & TOKF_UPPER) != 0;
    return (t->flags & (TOKF_CAP | TOKF_UPPER)) != 0;
}

static int kind_rank(int kind)
{
    switch (kind) {
    case PH_NAME: return 6;
    case PH_INST: return 5;
    case PH_SEAT: return 5;
    case PH_CAPITAL: return 4;
    case PH_PEOPLE: return 3;
    case PH_ADJ: return 2;
    case PH_AGENT: return 1;
    default: return 0;
    }
}

/* The code a phrase gives on a date ("" if none). */
static void phrase_code(const dy_dict *d, const dy_phrase *p, int32_t days,
                        char out[32])
{
    const dy_entity *e = &d->ents[p->entity];
    out[0] = 0;
    char base[32];
    if (e->kind == ENT_AGENT) {
        dy_code_join(out, e->code, 0, "");
        return;
    }
    if (!dy_entity_code(d, e, days, base, NULL))
        return;
    switch (p->kind) {
    case PH_CAPITAL:
    case PH_SEAT:
        dy_code_join(out, base, 3, "GOV");
        break;
    case PH_INST:
        dy_code_join(out, base, 3, p->agent);
        break;
    case PH_PEOPLE:
        dy_code_join(out, base, 3, "CVL");
        break;
    default:
        dy_code_join(out, base, 0, "");
    }
}

/* Score a candidate phrase: prefer names over adjectives, and persons with
 * a role on the date over those without. */
static int phrase_score(const dy_dict *d, const dy_phrase *p, int32_t days)
{
    const dy_entity *e = &d->ents[p->entity];
    int s = kind_rank(p->kind) * 10;
    if (e->kind == ENT_PERSON) {
        const dy_role *r;
        char c[32];
        if (dy_entity_code(d, e, days, c, &r))
            s += r ? 8 : 4;
    } else {
        s += 5;
    }
    return s;
}

/* ---- approximate person names -------------------------------------------- */

/* Phonetic key for names: folds spelling conventions of transliteration
 * (sz -> s, zs -> z, cz -> ch, w -> v, ij/iy/yy/yi -> y, kh -> h, doubled
 * letters). */
size_t dy_name_key(const char *s, size_t n, char *out, size_t cap)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k + 2 < cap; i++) {
        char c = s[i], nx = i + 1 < n ? s[i + 1] : 0;
        if ((unsigned char)c >= 0x80)
            continue;
        if (c == 's' && nx == 'z') { out[k++] = 's'; i++; continue; }
        if (c == 'z' && nx == 's') { out[k++] = 'z'; i++; continue; }
        if (c == 'c' && nx == 'z') { out[k++] = 'c'; out[k++] = 'h'; i++; continue; }
        if (c == 'k' && nx == 'h') { out[k++] = 'h'; i++; continue; }
        if (c == 'p' && nx == 'h') { out[k++] = 'f'; i++; continue; }
        if ((c == 'i' || c == 'y') && (nx == 'j' || nx == 'y' || nx == 'i') &&
            i + 2 >= n) { out[k++] = 'y'; i++; continue; }
        if (c == 'w') c = 'v';
        if (c == 'j' && i + 1 == n) c = 'y';
        if (c == 'i' && i + 1 == n) c = 'y';
        if (k && out[k - 1] == c)
            continue;
        out[k++] = c;
    }
    out[k] = 0;
    return k;
}

/* Optimal-string-alignment distance, bounded by max (returns max+1 when
 * larger). */
static int osa(const char *a, size_t na, const char *b, size_t nb, int max)
{
    if ((int)(na > nb ? na - nb : nb - na) > max)
        return max + 1;
    int prev2[40], prev[40], cur[40];
    if (na >= 39 || nb >= 39)
        return max + 1;
    for (size_t j = 0; j <= nb; j++)
        prev[j] = (int)j;
    for (size_t i = 1; i <= na; i++) {
        cur[0] = (int)i;
        int best = cur[0];
        for (size_t j = 1; j <= nb; j++) {
            int c = a[i - 1] == b[j - 1] ? 0 : 1;
            int v = DY_MIN(DY_MIN(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + c);
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                v = DY_MIN(v, prev2[j - 2] + 1);
            cur[j] = v;
            best = DY_MIN(best, v);
        }
        if (best > max)
            return max + 1;
        memcpy(prev2, prev, sizeof prev);
        memcpy(prev, cur, sizeof cur);
    }
    return prev[nb];
}

/* Try to read an unknown capitalised token as a garbled one-word person
 * name (a surname entry) or country name ("Venezeula"). Returns the phrase
 * index or UINT32_MAX. */
static uint32_t fuzzy_person(const dy_sa *sa, const dy_tok *t, float *conf)
{
    const dy_dict *d = sa->dict;
    if (t->nlow < 6 || t->nlow > 30 || !(t->flags & TOKF_CAP) ||
        (t->flags & TOKF_DIGIT))
        return UINT32_MAX;
    if (dy_tagger_common(d->tagger, t->low, t->nlow))
        return UINT32_MAX;
    char key[64];
    size_t nk = dy_name_key(t->low, t->nlow, key, sizeof key);
    uint32_t best = UINT32_MAX;
    int bestd = 99;
    unsigned c0 = (unsigned char)key[0];
    for (size_t i = d->fuzzy_at[c0]; i < d->fuzzy_at[c0 + 1]; i++) {
        const dy_fuzzy *f = &d->fuzzy[i];
        int max = nk >= 8 ? 2 : 1;
        if ((size_t)f->nkey + (size_t)max < nk)
            continue;
        if (f->nkey > nk + (size_t)max)
            break;
        int dist = osa(key, nk, f->key, f->nkey, max);
        if (dist <= max && dist < bestd) {
            bestd = dist;
            best = f->phrase;
        }
    }
    if (best == UINT32_MAX)
        return best;
    /* "near the town of Kirkuk" is no garbled surname and "Chechnya" no
     * garbled "Czechia": a word the gazetteer knows as a place is not read
     * as a person or a country */
    if (d->gaz && dy_gaz_lookup(d->gaz, t->s, t->n, NULL, NULL) >= 0)
        return UINT32_MAX;
    *conf = 1.0f - (float)bestd / (float)(nk + 1);
    return best;
}

/* ---- mentions ------------------------------------------------------------------ */

/* The longest dictionary phrase starting at token i (the best scored of
 * that length): its index, or UINT32_MAX; *end gets the token after it. */
static uint32_t longest_at(const dy_sa *sa, size_t i, size_t *end)
{
    const dy_dict *d = sa->dict;
    uint32_t node = 0;
    size_t best_end = 0;
    uint32_t best_phr = UINT32_MAX;
    int best_score = -1;
    for (size_t j = i; j < sa->n && j - i < DY_PHRASE_MAX; j++) {
        node = dy_trie_child(d, node, sa->t[j].w);
        if (!node)
            break;
        const dy_trie_node *nd = &d->nodes[node];
        for (uint16_t k = 0; k < nd->nphr; k++) {
            uint32_t pi = d->phr_at[nd->first + k];
            const dy_phrase *p = &d->phr[pi];
            bool ok = true;
            for (size_t q = 0; q < p->ntok && ok; q++)
                ok = case_ok(&sa->t[i + q], (p->casemask >> (2 * q)) & 3);
            if (!ok)
                continue;
            int sc = phrase_score(d, p, sa->story_days);
            if (j + 1 > best_end || sc > best_score) {
                if (j + 1 > best_end)
                    best_score = -1;
                if (sc > best_score) {
                    best_end = j + 1;
                    best_phr = pi;
                    best_score = sc;
                }
            }
        }
    }
    *end = best_end;
    return best_phr;
}

/* Does token i start no named actor (nothing, or only a sector phrase:
 * "Defence" in "Forces for Defence of Democracy", not "Russia" in "Forces
 * of Russia")? */
static bool unknown_name_word(const dy_sa *sa, size_t i)
{
    const dy_dict *d = sa->dict;
    if (!(d->winfo[sa->t[i].w].flags & W_PHRASE))
        return true;
    size_t e = 0;
    uint32_t p = longest_at(sa, i, &e);
    return p == UINT32_MAX || d->phr[p].kind == PH_AGENT;
}

void dy_find_mentions(dy_sa *sa)
{
    const dy_dict *d = sa->dict;
    sa->nment = 0;
    for (size_t i = 0; i < sa->n; i++)
        sa->ment_at[i] = -1;
    for (size_t i = 0; i < sa->n;) {
        /* most tokens start no phrase: skip them without a trie lookup */
        if (!(sa->t[i].wflags & W_PHRASE) &&
            !(sa->t[i].w == 0 && d->nfuzzy && (sa->t[i].flags & TOKF_CAP))) {
            i++;
            continue;
        }
        size_t best_end = 0;
        uint32_t best_phr = longest_at(sa, i, &best_end);
        /* "the Gaza Strip" after "the West": a longer phrase that starts
         * inside this one and
         * ends after it wins ("the West" + "Bank" would be two actors) */
        if (best_phr != UINT32_MAX && best_end > i + 1) {
            bool longer = false;
            for (size_t j = i + 1; j < best_end && !longer; j++) {
                size_t e2 = 0;
                uint32_t p2;
                /* ("the US Navy ship": a sector noun phrase, "Navy ship",
                 * does not break up a name, "US Navy") */
                if ((sa->t[j].wflags & W_PHRASE) &&
                    (p2 = longest_at(sa, j, &e2)) != UINT32_MAX && e2 > best_end &&
                    !(d->phr[p2].kind == PH_AGENT && d->phr[best_phr].kind != PH_AGENT))
                    longer = true;
            }
            if (longer) {
                i++;
                continue;
            }
        }
        /* "the army ousted President Mugabe": an agent phrase that starts
         * with a past-tense verb after a noun ("ousted president") is the
         * verb and its object, not an agent */
        if (best_phr != UINT32_MAX && best_end > i + 1 && i > 0 &&
            sa->t[i].tag == T_VBD && !d->phr[best_phr].petr &&
            d->phr[best_phr].kind == PH_AGENT &&
            (dy_tag_is_noun(sa->t[i - 1].tag) || sa->t[i - 1].tag == T_PRP)) {
            i++;
            continue;
        }
        /* "Forces for Defence of Democracy", "Movement for Democratic
         * Change": a capitalised sector word that opens a longer name the
         * dictionaries do not know is part of that name, not an agent */
        if (best_phr != UINT32_MAX && !d->phr[best_phr].petr &&
            d->phr[best_phr].kind == PH_AGENT && i > 0 &&
            strcmp(d->ents[d->phr[best_phr].entity].code, "GOV") != 0 && /* "Minister for Interior" */
            strcmp(d->ents[d->phr[best_phr].entity].code, "LEG") != 0 &&
            strcmp(d->ents[d->phr[best_phr].entity].code, "JUD") != 0 &&
            (sa->t[i].flags & TOKF_CAP) && !(sa->t[i].flags & TOKF_SSTART) &&
            best_end + 1 < sa->n &&
            (sa_is(sa, best_end, "for") || sa_is(sa, best_end, "of")) &&
            (sa->t[best_end + 1].flags & TOKF_CAP) &&
            unknown_name_word(sa, best_end + 1)) {
            i = best_end;
            continue;
        }
        /* "the Africa Stadium", "the Tehran Times Hotel": a name before a
         * capitalised facility noun names the facility, not an actor */
        if (best_phr != UINT32_MAX && best_end < sa->n &&
            (sa->t[best_end].flags & TOKF_CAP) &&
            dy_wc(&sa->t[best_end], WC_FACILITY_NOUNS) &&
            !d->phr[best_phr].petr && d->phr[best_phr].kind == PH_NAME &&
            d->ents[d->phr[best_phr].entity].kind != ENT_PERSON) {
            i = best_end;
            continue;
        }
        float conf = 1.0f;
        uint8_t fuzzy = 0;
        /* not the first word of a longer name dyad does not know ("Khattiya
         * Sawasdiphol" is no garbled "Haniyeh") */
        if (best_phr == UINT32_MAX && sa->t[i].w == 0 && d->nfuzzy &&
            !(i + 1 < sa->n && sa->t[i + 1].w == 0 &&
              (sa->t[i + 1].flags & TOKF_CAP) && (sa->t[i + 1].flags & TOKF_ALPHA))) {
            best_phr = fuzzy_person(sa, &sa->t[i], &conf);
            /* "Leopard tanks" is no garbled "Leotard": a name that modifies
             * a common noun after it names a thing */
            if (best_phr != UINT32_MAX && i + 1 < sa->n &&
                d->ents[d->phr[best_phr].entity].kind == ENT_PERSON &&
                !(sa->t[i + 1].flags & (TOKF_CAP | TOKF_UPPER)) &&
                (sa->t[i + 1].tag == T_NN || sa->t[i + 1].tag == T_NNS))
                best_phr = UINT32_MAX;
            if (best_phr != UINT32_MAX) {
                best_end = i + 1;
                fuzzy = 1;
            }
        }
        if (best_phr == UINT32_MAX || sa->nment >= DY_MAX_STOK) {
            i++;
            continue;
        }
        const dy_phrase *p = &d->phr[best_phr];
        dy_mention *m = &sa->ment[sa->nment];
        m->b = (uint16_t)i;
        m->e = (uint16_t)best_end;
        m->kind = p->kind;
        m->fuzzy = fuzzy;
        m->phrase = best_phr;
        m->entity = p->entity;
        m->conf = conf;
        phrase_code(d, p, sa->story_days, m->code);
        for (size_t q = i; q < best_end; q++)
            sa->ment_at[q] = (int16_t)sa->nment;
        sa->nment++;
        i = best_end;
    }
}
