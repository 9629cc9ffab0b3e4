/* dict.c - the dictionary object: building entries, inflection, the phrase
 * trie, date-resolved codes, and the public dyad_dict_* functions. */
#include "dict.h"

#include "doc.h"
#include "places.h" /* the gazetteer */
#include "wordlists.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>

#ifndef DYAD_DEFAULT_DICT_DIR
#define DYAD_DEFAULT_DICT_DIR "/usr/local/share/dyad"
#endif
#ifndef DYAD_DEFAULT_TAGGER_DIR
#define DYAD_DEFAULT_TAGGER_DIR "/usr/share/perl5/Lingua/EN/Tagger"
#endif

/* ---- lifecycle ---------------------------------------------------------- */

dyad_status dyad_dict_new(dyad_dict **out)
{
    if (!out)
        return DYAD_EINVAL;
    *out = NULL;
    dy_dict *d = dy_calloc(1, sizeof *d);
    if (!d)
        return DYAD_ENOMEM;
    dy_arena_init(&d->arena, 1 << 18);
    dy_arena_init(&d->scratch, 4096);
    if (dy_strtab_init(&d->words)) {
        dy_strtab_free(&d->words);
        dy_free(d);
        return DYAD_ENOMEM;
    }
    dy_buf_init(&d->warnings);
    dy_buf_init(&d->out);
    *out = (dyad_dict *)d;
    return DYAD_OK;
}

void dyad_dict_free(dyad_dict *dd)
{
    dy_dict *d = (dy_dict *)dd;
    if (!d)
        return;
    if (d->img_used) {
        /* the tables are in the mapped image */
        dy_gaz_free(d->gaz);
        dy_buf_free(&d->warnings);
        dy_buf_free(&d->out);
        dy_cache_free(d);
        dy_arena_free(&d->arena);
        dy_arena_free(&d->scratch);
        dy_free(d);
        return;
    }
    dy_cache_free(d);
    for (size_t i = 0; i < d->nverbs; i++)
        dy_free(d->verbs[i].pats);
    for (size_t i = 0; i < d->nsets; i++) {
        dy_free(d->sets[i].members);
        dy_free(d->sets[i].idx);
    }
    dy_free(d->files);
    dy_free(d->winfo);
    dy_free(d->ents);
    dy_free(d->phr);
    dy_free(d->roles);
    dy_free(d->verbs);
    dy_free(d->pats);
    dy_free(d->items);
    dy_free(d->altw);
    dy_free(d->sets);
    dy_free(d->codes);
    dy_free(d->discards);
    dy_free(d->irreg);
    dy_free(d->nodes);
    dy_free(d->edge_keys);
    dy_free(d->edge_vals);
    dy_free(d->phr_at);
    dy_free(d->discard_first);
    dy_free(d->fuzzy);
    dy_free(d->gapped);
    dy_tagger_free(d->tagger);
    dy_gaz_free(d->gaz); /* places */
    dy_buf_free(&d->warnings);
    dy_buf_free(&d->out);
    dy_strtab_free(&d->words);
    dy_arena_free(&d->arena);
    dy_arena_free(&d->scratch);
    dy_free(d);
}

const char *dyad_dict_errmsg(const dyad_dict *dd)
{
    const dy_dict *d = (const dy_dict *)dd;
    return d ? d->err.msg : "no dictionary";
}

size_t dyad_dict_warning_count(const dyad_dict *dd)
{
    dy_dict_materialize((dy_dict *)(uintptr_t)dd);
    return ((const dy_dict *)dd)->nwarnings;
}

const char *dyad_dict_warnings(const dyad_dict *dd)
{
    dy_dict *d = (dy_dict *)(uintptr_t)dd;
    dy_dict_materialize(d);
    return dy_buf_cstr(&d->warnings);
}

/* ---- building ------------------------------------------------------------ */

/* snprintf(dst, cap, "%s", s) without the cost of a printf call: the
 * loaders copy a code into every entity, role and pattern. */
static void copy_str(char *dst, size_t cap, const char *s)
{
    size_t n = strnlen(s, cap - 1);
    memcpy(dst, s, n);
    dst[n] = 0;
}

uint32_t dy_dict_file(dy_dict *d, const char *path)
{
    if (DY_GROW(d->files, d->capfiles, d->nfiles + 1))
        return 0;
    const char *p = dy_arena_strndup(&d->arena, path, strlen(path));
    if (!p)
        return 0;
    d->files[d->nfiles] = p;
    return (uint32_t)d->nfiles++;
}

uint32_t dy_dict_intern(dy_dict *d, const char *s, size_t n)
{
    return dy_strtab_intern(&d->words, s, n);
}

void dy_dict_warn(dy_dict *d, dy_src src, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    dy_buf_printf(&d->warnings, "%s:%u: %s\n",
                  src.file < d->nfiles ? d->files[src.file] : "?", src.line,
                  msg);
    d->nwarnings++;
}

long dy_dict_add_entity(dy_dict *d, int kind, const char *code,
                        const char *name, dy_src src)
{
    if (DY_GROW(d->ents, d->capents, d->nents + 1))
        return dy_fail(&d->err, DYAD_ENOMEM, "out of memory");
    dy_entity *e = &d->ents[d->nents];
    memset(e, 0, sizeof *e);
    e->kind = (uint8_t)kind;
    copy_str(e->code, sizeof e->code, code ? code : "");
    e->name = name ? dy_arena_strndup(&d->arena, name, strlen(name)) : "";
    if (!e->name)
        return dy_fail(&d->err, DYAD_ENOMEM, "out of memory");
    e->src = src;
    return (long)d->nents++;
}

int dy_dict_add_role(dy_dict *d, uint32_t ent, const char *code, int32_t from,
                     int32_t to, const char *title, dy_src src)
{
    dy_entity *e = &d->ents[ent];
    /* keep an entity's roles contiguous: move them to the end if needed */
    if (e->nroles && e->role0 + e->nroles != d->nroles) {
        if (DY_GROW(d->roles, d->caproles, d->nroles + e->nroles + 1))
            return dy_fail(&d->err, DYAD_ENOMEM, "out of memory");
        memmove(d->roles + d->nroles, d->roles + e->role0,
                e->nroles * sizeof *d->roles);
        e->role0 = (uint32_t)d->nroles;
        d->nroles += e->nroles;
    }
    if (DY_GROW(d->roles, d->caproles, d->nroles + 1))
        return dy_fail(&d->err, DYAD_ENOMEM, "out of memory");
    if (!e->nroles)
        e->role0 = (uint32_t)d->nroles;
    dy_role *r = &d->roles[d->nroles++];
    memset(r, 0, sizeof *r);
    copy_str(r->code, sizeof r->code, code);
    r->from = from;
    r->to = to;
    r->title = title && *title ? dy_arena_strndup(&d->arena, title, strlen(title))
                               : NULL;
    r->src = src;
    e->nroles++;
    return 0;
}

int dy_dict_add_phrase_words(dy_dict *d, uint32_t ent, int kind,
                             const char *agent, const uint32_t *words,
                             size_t nw, uint32_t casemask, dy_src src)
{
    if (nw == 0)
        return 0;
    if (nw > DY_PHRASE_MAX) {
        dy_dict_warn(d, src, "phrase longer than %d words ignored",
                     DY_PHRASE_MAX);
        return 0;
    }
    if (DY_GROW(d->phr, d->capphr, d->nphr + 1))
        return dy_fail(&d->err, DYAD_ENOMEM, "out of memory");
    dy_phrase *p = &d->phr[d->nphr++];
    memset(p, 0, sizeof *p);
    p->entity = ent;
    p->kind = (uint8_t)kind;
    p->ntok = (uint8_t)nw;
    if (agent)
        copy_str(p->agent, sizeof p->agent, agent);
    p->casemask = casemask;
    memcpy(p->words, words, nw * sizeof *words);
    p->src = src;
    return 0;
}

size_t dy_dict_tokens(dy_dict *d, const char *s, size_t n, dy_tok *out,
                      size_t max)
{
    dy_arena_reset(&d->scratch);
    return dy_tokenize_phrase(s, n, &d->scratch, out, max);
}

/* Tokenise a dictionary phrase into word ids and a case mask. */
static size_t phrase_words(dy_dict *d, const char *text, size_t n,
                           uint32_t *words, uint32_t *casemask)
{
    dy_tok toks[DY_PHRASE_MAX + 1];
    size_t nt = dy_dict_tokens(d, text, n, toks, DY_PHRASE_MAX + 1);
    *casemask = 0;
    if (nt > DY_PHRASE_MAX)
        return nt;
    for (size_t i = 0; i < nt; i++) {
        words[i] = dy_dict_intern(d, toks[i].low, toks[i].nlow);
        unsigned c = 0;
        if (toks[i].flags & TOKF_UPPER)
            c = CASE_UPPER;
        else if (toks[i].flags & TOKF_CAP)
            c = CASE_CAP;
        *casemask |= c << (2 * i);
    }
    return nt;
}

int dy_dict_add_phrase(dy_dict *d, uint32_t ent, int kind, const char *agent,
                       const char *text, size_t n, dy_src src)
{
    uint32_t words[DY_PHRASE_MAX], cm;
    size_t nw = phrase_words(d, text, n, words, &cm);
    if (nw > DY_PHRASE_MAX) {
        dy_dict_warn(d, src, "phrase longer than %d words ignored",
                     DY_PHRASE_MAX);
        return 0;
    }
    for (size_t i = 0; i < nw; i++)
        if (!words[i])
            return dy_fail(&d->err, DYAD_ENOMEM, "out of memory");
    return dy_dict_add_phrase_words(d, ent, kind, agent, words, nw, cm, src);
}

long dy_dict_add_verb(dy_dict *d, const char *lemma, size_t n, int noun,
                      dy_src src)
{
    uint32_t words[DY_PHRASE_MAX], cm;
    size_t nw = phrase_words(d, lemma, n, words, &cm);
    if (nw == 0 || nw > 5)
        return dy_fail(&d->err, DYAD_EDICT, "%s:%u: bad verb '%.*s'",
                       d->files[src.file], src.line, (int)n, lemma);
    if (DY_GROW(d->verbs, d->capverbs, d->nverbs + 1))
        return dy_fail(&d->err, DYAD_ENOMEM, "out of memory");
    dy_verb *v = &d->verbs[d->nverbs];
    memset(v, 0, sizeof *v);
    v->lemma = words[0];
    for (size_t i = 1; i < nw; i++)
        v->particles[v->nparticles++] = words[i];
    v->noun = (uint8_t)noun;
    v->src = src;
    return (long)d->nverbs++;
}

int dy_dict_add_irregular(dy_dict *d, uint32_t form, uint32_t lemma)
{
    if (DY_GROW(d->irreg, d->capirreg, d->nirreg + 2))
        return dy_fail(&d->err, DYAD_ENOMEM, "out of memory");
    d->irreg[d->nirreg++] = form;
    d->irreg[d->nirreg++] = lemma;
    return 0;
}

int dy_dict_add_pattern(dy_dict *d, uint32_t verb, const char *code,
                        const char *rcode, int reciprocal,
                        const dy_item *before, size_t nbefore,
                        const dy_item *after, size_t nafter, const char *id,
                        dy_src src)
{
    if (nbefore > 255 || nafter > 255)
        return dy_fail(&d->err, DYAD_EDICT, "%s:%u: pattern too long",
                       d->files[src.file], src.line);
    if (DY_GROW(d->pats, d->cappats, d->npats + 1) ||
        DY_GROW(d->items, d->capitems, d->nitems + nbefore + nafter))
        return dy_fail(&d->err, DYAD_ENOMEM, "out of memory");
    dy_verb *v = &d->verbs[verb];
    if (v->npats + 1 > v->cappats) {
        size_t c = v->cappats;
        if (dy_grow((void **)&v->pats, &c, v->npats + 1, sizeof *v->pats))
            return dy_fail(&d->err, DYAD_ENOMEM, "out of memory");
        v->cappats = (uint32_t)c;
    }
    dy_pattern *p = &d->pats[d->npats];
    memset(p, 0, sizeof *p);
    copy_str(p->code, sizeof p->code, code);
    copy_str(p->rcode, sizeof p->rcode, rcode ? rcode : "");
    p->reciprocal = (uint8_t)reciprocal;
    p->nbefore = (uint8_t)nbefore;
    p->nafter = (uint8_t)nafter;
    p->noun = v->noun;
    p->items = (uint32_t)d->nitems;
    p->verb = verb;
    p->id = id ? dy_arena_strndup(&d->arena, id, strlen(id)) : "";
    p->src = src;
    if (nbefore)
        memcpy(d->items + d->nitems, before, nbefore * sizeof *before);
    d->nitems += nbefore;
    if (nafter)
        memcpy(d->items + d->nitems, after, nafter * sizeof *after);
    d->nitems += nafter;
    v->pats[v->npats++] = (uint32_t)d->npats;
    d->npats++;
    return 0;
}

long dy_dict_find_set(const dy_dict *d, uint32_t name_word)
{
    for (size_t i = 0; i < d->nsets; i++)
        if (d->sets[i].name == name_word)
            return (long)i;
    return -1;
}

long dy_dict_add_set(dy_dict *d, const char *name, size_t n)
{
    uint32_t w = dy_dict_intern(d, name, n);
    if (!w)
        return dy_fail(&d->err, DYAD_ENOMEM, "out of memory");
    long i = dy_dict_find_set(d, w);
    if (i >= 0)
        return i;
    if (DY_GROW(d->sets, d->capsets, d->nsets + 1))
        return dy_fail(&d->err, DYAD_ENOMEM, "out of memory");
    memset(&d->sets[d->nsets], 0, sizeof d->sets[0]);
    d->sets[d->nsets].name = w;
    return (long)d->nsets++;
}

int dy_dict_set_add_member(dy_dict *d, uint32_t set, const uint32_t *words,
                           size_t nw)
{
    dy_set *s = &d->sets[set];
    if (s->len + nw + 1 > s->cap) {
        size_t c = s->cap;
        if (dy_grow((void **)&s->members, &c, s->len + nw + 1,
                    sizeof *s->members))
            return dy_fail(&d->err, DYAD_ENOMEM, "out of memory");
        s->cap = (uint32_t)c;
    }
    s->members[s->len++] = (uint32_t)nw;
    memcpy(s->members + s->len, words, nw * sizeof *words);
    s->len += (uint32_t)nw;
    s->nmem++;
    return 0;
}

uint32_t dy_dict_add_alt(dy_dict *d, const uint32_t *words, size_t n)
{
    if (DY_GROW(d->altw, d->capaltw, d->naltw + n))
        return UINT32_MAX;
    uint32_t at = (uint32_t)d->naltw;
    memcpy(d->altw + at, words, n * sizeof *words);
    d->naltw += n;
    return at;
}

int dy_dict_add_code(dy_dict *d, const dy_code *c)
{
    for (size_t i = 0; i < d->ncodes; i++)
        if (strcmp(d->codes[i].code, c->code) == 0) {
            d->codes[i] = *c;
            return 0;
        }
    if (DY_GROW(d->codes, d->capcodes, d->ncodes + 1))
        return dy_fail(&d->err, DYAD_ENOMEM, "out of memory");
    d->codes[d->ncodes++] = *c;
    return 0;
}

int dy_dict_add_discard(dy_dict *d, const char *text, size_t n, int story,
                        dy_src src)
{
    uint32_t words[DY_PHRASE_MAX], cm;
    size_t nw = phrase_words(d, text, n, words, &cm);
    if (nw == 0 || nw > DY_PHRASE_MAX) {
        dy_dict_warn(d, src, "discard phrase empty or too long: ignored");
        return 0;
    }
    if (DY_GROW(d->discards, d->capdiscards, d->ndiscards + 1))
        return dy_fail(&d->err, DYAD_ENOMEM, "out of memory");
    dy_discard *x = &d->discards[d->ndiscards++];
    memset(x, 0, sizeof *x);
    memcpy(x->words, words, nw * sizeof *words);
    x->ntok = (uint8_t)nw;
    x->story = (uint8_t)story;
    x->src = src;
    return 0;
}

const dy_code *dy_dict_code(const dy_dict *d, const char *code)
{
    /* codes are sorted by finish(); binary search */
    size_t lo = 0, hi = d->ncodes;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(d->codes[mid].code, code);
        if (c == 0)
            return &d->codes[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

/* ---- inflection ------------------------------------------------------- */

static bool is_vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* Number of vowel groups (rough syllable count). */
static int syllables(const char *s, size_t n)
{
    int k = 0;
    bool prev = false;
    for (size_t i = 0; i < n; i++) {
        bool v = is_vowel(s[i]) || (s[i] == 'y' && i > 0);
        if (v && !prev)
            k++;
        prev = v;
    }
    return k;
}

/* Does the word end consonant-vowel-consonant (not w, x, y)? */
static bool ends_cvc(const char *s, size_t n)
{
    if (n < 3)
        return false;
    char a = s[n - 3], b = s[n - 2], c = s[n - 1];
    return !is_vowel(a) && is_vowel(b) && !is_vowel(c) && c != 'w' &&
           c != 'x' && c != 'y' && !(a == 'q' && b == 'u');
}

static void put(char out[64], const char *s, size_t n, const char *suf)
{
    size_t k = strlen(suf);
    if (n + k >= 64) {
        out[0] = 0;
        return;
    }
    memcpy(out, s, n);
    memcpy(out + n, suf, k + 1);
}

/* Writes the -s, -ed, -ing forms and, for two-syllable CVC verbs, the
 * doubled variants too (visit -> visited; commit -> committed): the extra
 * spellings cost nothing and match whichever the text uses. */
size_t dy_inflect_verb(const char *s, size_t n, char out[6][64])
{
    size_t k = 0;
    if (n == 0 || n > 60)
        return 0;
    char last = s[n - 1], prev = n > 1 ? s[n - 2] : 0;
    /* -s */
    if (last == 's' || last == 'x' || last == 'z' ||
        (last == 'h' && (prev == 'c' || prev == 's')) ||
        (last == 'o' && !is_vowel(prev)))
        put(out[k++], s, n, "es");
    else if (last == 'y' && !is_vowel(prev))
        put(out[k++], s, n - 1, "ies");
    else
        put(out[k++], s, n, "s");
    /* -ed and -ing */
    int syl = syllables(s, n);
    bool dbl = ends_cvc(s, n) && syl == 1;
    bool dbl_too = ends_cvc(s, n) && syl >= 2;
    char base[64];
    if (last == 'e') {
        put(out[k++], s, n, "d");
        if (n >= 2 && prev == 'i')
            put(out[k++], s, n - 2, "ying");
        else if (prev == 'e' || prev == 'y' || prev == 'o')
            put(out[k++], s, n, "ing");
        else
            put(out[k++], s, n - 1, "ing");
    } else if (last == 'y' && !is_vowel(prev)) {
        put(out[k++], s, n - 1, "ied");
        put(out[k++], s, n, "ing");
    } else if (dbl) {
        memcpy(base, s, n);
        base[n] = last;
        put(out[k++], base, n + 1, "ed");
        put(out[k++], base, n + 1, "ing");
    } else {
        put(out[k++], s, n, "ed");
        put(out[k++], s, n, "ing");
        if (dbl_too) {
            /* stress decides (visited, committed): generate both */
            memcpy(base, s, n);
            base[n] = last;
            put(out[k++], base, n + 1, "ed");
            put(out[k++], base, n + 1, "ing");
        }
    }
    return k;
}

size_t dy_inflect_noun(const char *s, size_t n, char out[64])
{
    if (n == 0 || n > 60)
        return 0;
    char last = s[n - 1], prev = n > 1 ? s[n - 2] : 0;
    if (n >= 3 && memcmp(s + n - 3, "man", 3) == 0 &&
        !(n >= 6 && memcmp(s + n - 6, "german", 6) == 0))
        put(out, s, n - 3, "men");
    else if (last == 's' || last == 'x' || last == 'z' ||
             (last == 'h' && (prev == 'c' || prev == 's')))
        put(out, s, n, "es");
    else if (last == 'y' && !is_vowel(prev))
        put(out, s, n - 1, "ies");
    else
        put(out, s, n, "s");
    return out[0] ? 1 : 0;
}

static int load_file(dy_dict *d, const char *path);

/* ---- finishing ------------------------------------------------------------ */

static int winfo_ensure(dy_dict *d)
{
    size_t need = (size_t)d->words.n + 1;
    if (need > d->capwinfo) {
        size_t old = d->capwinfo;
        if (DY_GROW(d->winfo, d->capwinfo, need))
            return DYAD_ENOMEM;
        memset(d->winfo + old, 0, (d->capwinfo - old) * sizeof *d->winfo);
    }
    return 0;
}

/* Intern form and make lemma its lemma unless it has one already. */
static int add_form(dy_dict *d, const char *s, size_t n, uint32_t lemma,
                    uint32_t verb1, uint32_t noun1, int vf)
{
    if (!n)
        return 0;
    uint32_t w = dy_dict_intern(d, s, n);
    if (!w || winfo_ensure(d))
        return DYAD_ENOMEM;
    dy_word *wi = &d->winfo[w];
    if (w != lemma && !wi->lemma)
        wi->lemma = lemma;
    if (verb1 && !wi->verb) {
        wi->verb = verb1;
        wi->form = (uint8_t)vf;
        wi->flags |= W_VERBFORM;
    }
    if (noun1 && !wi->noun) {
        wi->noun = noun1;
        wi->flags |= W_NOUNFORM;
    }
    return 0;
}

/* Inflections of every dictionary word that can be inflected: verb lemmas,
 * event nouns, and the words of patterns and sets. */
static int build_forms(dy_dict *d)
{
    char forms[6][64], pl[64];
    if (winfo_ensure(d))
        return DYAD_ENOMEM;
    /* chain entries that share their first word ("set", "set free") */
    uint32_t *head = dy_calloc((size_t)d->words.n * 2 + 2, sizeof *head);
    if (!head)
        return DYAD_ENOMEM;
    for (size_t v = d->nverbs; v-- > 0;) {
        dy_verb *vb = &d->verbs[v];
        size_t key = (size_t)vb->lemma * 2 + vb->noun;
        vb->next_same = head[key];
        head[key] = (uint32_t)v + 1;
    }
    /* irregular forms first, so that they win */
    for (size_t i = 0; i + 1 < d->nirreg; i += 2) {
        uint32_t form = d->irreg[i], lemma = d->irreg[i + 1];
        if (winfo_ensure(d))
            { dy_free(head); return DYAD_ENOMEM; }
        if (form != lemma && !d->winfo[form].lemma)
            d->winfo[form].lemma = lemma;
    }
    for (size_t v = 0; v < d->nverbs; v++) {
        dy_verb *vb = &d->verbs[v];
        const char *s = dy_strtab_str(&d->words, vb->lemma);
        size_t n = d->words.len[vb->lemma];
        uint32_t v1 = head[(size_t)vb->lemma * 2 + vb->noun];
        if (vb->noun) {
            if (add_form(d, s, n, vb->lemma, 0, v1, 0))
                { dy_free(head); return DYAD_ENOMEM; }
            if (dy_inflect_noun(s, n, pl) &&
                add_form(d, pl, strlen(pl), vb->lemma, 0, v1, 0))
                { dy_free(head); return DYAD_ENOMEM; }
        } else {
            if (add_form(d, s, n, vb->lemma, v1, 0, VF_BASE))
                { dy_free(head); return DYAD_ENOMEM; }
            size_t k = dy_inflect_verb(s, n, forms);
            static const int vf[] = {VF_S, VF_ED, VF_ING, VF_ING, VF_ED,
                                     VF_ING};
            for (size_t j = 0; j < k; j++)
                if (add_form(d, forms[j], strlen(forms[j]), vb->lemma, v1, 0,
                             vf[j]))
                    { dy_free(head); return DYAD_ENOMEM; }
        }
    }
    /* irregular forms of verbs point to the verb too */
    for (size_t i = 0; i + 1 < d->nirreg; i += 2) {
        uint32_t form = d->irreg[i], lemma = d->irreg[i + 1];
        if (winfo_ensure(d))
            { dy_free(head); return DYAD_ENOMEM; }
        dy_word *lw = &d->winfo[lemma], *fw = &d->winfo[form];
        if (lw->verb && !fw->verb) {
            fw->verb = lw->verb;
            fw->flags |= W_VERBFORM;
            fw->form = VF_ED;
        }
        if (lw->noun && !fw->noun) {
            fw->noun = lw->noun;
            fw->flags |= W_NOUNFORM;
        }
    }
    /* pattern words: plural and verb forms map to the written word. A
     * word is inflected once however many items have it: adding its forms
     * again would change nothing (a form keeps the first lemma it gets). */
    size_t nwords_before = d->words.n;
    uint8_t *seen = dy_calloc(nwords_before + 1, 1); /* 1 items, 2 sets */
    if (!seen)
        { dy_free(head); return DYAD_ENOMEM; }
    for (size_t i = 0; i < d->nitems; i++) {
        dy_item *it = &d->items[i];
        uint32_t ws[64];
        size_t nw = 0;
        if (it->type == IT_WORD)
            ws[nw++] = it->v;
        else if (it->type == IT_ALT)
            for (size_t j = 0; j < it->n && nw < 64; j++)
                ws[nw++] = d->altw[it->v + j];
        for (size_t j = 0; j < nw; j++) {
            uint32_t w = ws[j];
            if (w > nwords_before || (seen[w] & 1))
                continue;
            seen[w] |= 1;
            const char *s = dy_strtab_str(&d->words, w);
            size_t n = d->words.len[w];
            if (n < 3)
                continue;
            if (dy_inflect_noun(s, n, pl) && add_form(d, pl, strlen(pl), w, 0, 0, 0))
                { dy_free(seen); dy_free(head); return DYAD_ENOMEM; }
            size_t k = dy_inflect_verb(s, n, forms);
            for (size_t f = 0; f < k; f++)
                if (add_form(d, forms[f], strlen(forms[f]), w, 0, 0, 0))
                    { dy_free(seen); dy_free(head); return DYAD_ENOMEM; }
        }
    }
    for (size_t si = 0; si < d->nsets; si++) {
        dy_set *st = &d->sets[si];
        for (uint32_t p = 0; p < st->len;) {
            uint32_t nw = st->members[p];
            /* inflect the last word of each member */
            uint32_t w = nw > 0 ? st->members[p + nw] : 0;
            if (nw > 0 && (w > nwords_before || !(seen[w] & 2))) {
                if (w <= nwords_before)
                    seen[w] |= 2;
                const char *s = dy_strtab_str(&d->words, w);
                size_t n = d->words.len[w];
                if (n >= 3 && dy_inflect_noun(s, n, pl) &&
                    add_form(d, pl, strlen(pl), w, 0, 0, 0))
                    { dy_free(seen); dy_free(head); return DYAD_ENOMEM; }
            }
            p += nw + 1;
        }
    }
    dy_free(seen);
    dy_free(head);
    return winfo_ensure(d);
}

/* Intern the closed word classes of wordlists.h and mark their words. */
static int intern_wordlists(dy_dict *d)
{
#define DY_WC_LIST(name, ...) static const char *const wl_##name[] = {__VA_ARGS__, NULL};
    DY_WORDLISTS(DY_WC_LIST)
#undef DY_WC_LIST
    static const char *const *const lists[WC_COUNT] = {
#define DY_WC_PTR(name, ...) wl_##name,
        DY_WORDLISTS(DY_WC_PTR)
#undef DY_WC_PTR
    };
    for (int c = 0; c < WC_COUNT; c++)
        for (size_t i = 0; lists[c][i]; i++) {
            uint32_t w = dy_dict_intern(d, lists[c][i], strlen(lists[c][i]));
            if (!w || winfo_ensure(d))
                return DYAD_ENOMEM;
            d->winfo[w].wc |= 1ull << c;
        }
    return 0;
}

static int edge_put(dy_dict *d, uint32_t parent, uint32_t word, uint32_t child)
{
    uint64_t key = ((uint64_t)(parent + 1) << 32) | word;
    size_t i = (size_t)dy_hash(&key, sizeof key) & d->edge_mask;
    while (d->edge_keys[i]) {
        if (d->edge_keys[i] == key) {
            d->edge_vals[i] = child;
            return 0;
        }
        i = (i + 1) & d->edge_mask;
    }
    d->edge_keys[i] = key;
    d->edge_vals[i] = child;
    return 0;
}

uint32_t dy_trie_child(const dy_dict *d, uint32_t node, uint32_t word)
{
    if (!d->edge_keys || !word)
        return 0;
    uint64_t key = ((uint64_t)(node + 1) << 32) | word;
    size_t i = (size_t)dy_hash(&key, sizeof key) & d->edge_mask;
    while (d->edge_keys[i]) {
        if (d->edge_keys[i] == key)
            return d->edge_vals[i];
        i = (i + 1) & d->edge_mask;
    }
    return 0;
}

/* Build the phrase trie over all phrases (actor names, agents, ...). */
static int build_trie(dy_dict *d)
{
    size_t total = 1;
    for (size_t i = 0; i < d->nphr; i++)
        total += d->phr[i].ntok;
    size_t cap = 16;
    while (cap < total * 2)
        cap *= 2;
    d->edge_mask = cap - 1;
    d->edge_keys = dy_calloc(cap, sizeof *d->edge_keys);
    d->edge_vals = dy_calloc(cap, sizeof *d->edge_vals);
    d->nodes = dy_calloc(total, sizeof *d->nodes);
    uint32_t *end_node = dy_calloc(d->nphr + 1, sizeof *end_node);
    if (!d->edge_keys || !d->edge_vals || !d->nodes || !end_node) {
        dy_free(end_node);
        return DYAD_ENOMEM;
    }
    d->capnodes = total;
    d->nnodes = 1;
    for (size_t i = 0; i < d->nphr; i++) {
        dy_phrase *p = &d->phr[i];
        uint32_t node = 0;
        for (size_t k = 0; k < p->ntok; k++) {
            uint32_t c = dy_trie_child(d, node, p->words[k]);
            if (!c) {
                c = (uint32_t)d->nnodes++;
                edge_put(d, node, p->words[k], c);
            }
            node = c;
        }
        end_node[i] = node;
        d->nodes[node].nphr++;
    }
    /* group phrase indices by end node (counting sort) */
    uint32_t acc = 0;
    for (size_t n = 0; n < d->nnodes; n++) {
        d->nodes[n].first = acc;
        acc += d->nodes[n].nphr;
        d->nodes[n].nphr = 0;
    }
    d->phr_at = dy_malloc((acc + 1) * sizeof *d->phr_at);
    if (!d->phr_at) {
        dy_free(end_node);
        return DYAD_ENOMEM;
    }
    d->nphr_at = acc;
    for (size_t i = 0; i < d->nphr; i++) {
        dy_trie_node *nd = &d->nodes[end_node[i]];
        d->phr_at[nd->first + nd->nphr++] = (uint32_t)i;
    }
    dy_free(end_node);
    return 0;
}

static int cmp_code(const void *a, const void *b)
{
    return strcmp(((const dy_code *)a)->code, ((const dy_code *)b)->code);
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

static int cmp_fuzzy(const void *a, const void *b)
{
    const dy_fuzzy *x = a, *y = b;
    int c = (unsigned char)x->key[0] - (unsigned char)y->key[0];
    if (c)
        return c;
    if (x->nkey != y->nkey)
        return x->nkey - y->nkey;
    return x->phrase < y->phrase ? -1 : x->phrase > y->phrase;
}

const char *dy_dict_tagger_dir(void)
{
    const char *e = getenv("DYAD_TAGGER_DIR");
    return e && *e ? e : DYAD_DEFAULT_TAGGER_DIR;
}

void dy_dict_codes_path(char *out, size_t cap)
{
    const char *e = getenv("DYAD_DICT_DIR");
    snprintf(out, cap, "%s/codes.dyad", e && *e ? e : DYAD_DEFAULT_DICT_DIR);
}

static dyad_status finish(dy_dict *d);

dyad_status dyad_dict_finish(dyad_dict *dd)
{
    dy_dict *d = (dy_dict *)dd;
    if (!d)
        return DYAD_EINVAL;
    if (d->finished)
        return DYAD_OK;
    if (d->deferred) {
        /* the compiled image of what was loaded (dict_cache.c) */
        if (dy_cache_adopt(d) == 0) {
            /* places: not part of an image */
            if (!d->gaz)
                dy_gaz_load_default(&d->gaz, &d->warnings, &d->nwarnings);
            d->finished = 1;
            return DYAD_OK;
        }
        int r = dy_dict_materialize(d);
        if (r)
            return (dyad_status)r;
    }
    dyad_status r = finish(d);
    if (r == DYAD_OK)
        dy_cache_store(d);
    return r;
}

static dyad_status finish(dy_dict *d)
{
    for (size_t i = 0; i < d->nsets; i++)
        if (!d->sets[i].defined) {
            const dy_set *st = &d->sets[i];
            return (dyad_status)dy_fail(
                &d->err, DYAD_EDICT, "%s:%u: set '@%s' is used but never defined",
                st->used.file < d->nfiles ? d->files[st->used.file] : "?",
                st->used.line, dy_strtab_str(&d->words, st->name));
        }
    /* the CAMEO code table is ontology, not a choice of dictionary: a
     * dictionary set without one (e.g. PETRARCH files) gets dyad's */
    if (d->ncodes == 0) {
        char path[4096];
        dy_dict_codes_path(path, sizeof path);
        if (d->sig_load.len)
            dy_cache_sig_codes(d, path);
        struct stat st;
        if (stat(path, &st) == 0) {
            int rc = load_file(d, path);
            if (rc)
                return (dyad_status)rc;
        }
    }
    dy_cache_sig_tagger(d);
    int r = dy_tagger_load(&d->tagger, dy_dict_tagger_dir(), &d->err);
    if (r)
        return (dyad_status)r;
    /* places: the gazetteer is optional; a missing one is a warning (not
     * part of a compiled image: the warnings before it are) */
    d->warn_len0 = d->warnings.len;
    d->nwarn0 = d->nwarnings;
    if (!d->gaz)
        dy_gaz_load_default(&d->gaz, &d->warnings, &d->nwarnings);
    if (intern_wordlists(d) || build_forms(d) || build_trie(d))
        return (dyad_status)dy_fail(&d->err, DYAD_ENOMEM, "out of memory");
    dy_qsort(d->codes, d->ncodes, sizeof *d->codes, cmp_code);
    /* case guard: words that are ordinary English words in lower case */
    for (uint32_t w = 1; w <= d->words.n; w++)
        if (dy_tagger_common_any(d->tagger, dy_strtab_str(&d->words, w),
                             d->words.len[w]))
            d->winfo[w].flags |= W_COMMON;
    for (size_t i = 0; i < d->nphr; i++)
        d->winfo[d->phr[i].words[0]].flags |= W_PHRASE;
    /* set members indexed by their first and by their last word */
    for (size_t i = 0; i < d->nsets; i++) {
        dy_set *st = &d->sets[i];
        st->idx = dy_malloc(((size_t)st->nmem * 2 + 1) * sizeof *st->idx);
        if (!st->idx)
            return (dyad_status)dy_fail(&d->err, DYAD_ENOMEM, "out of memory");
        size_t k = 0;
        for (uint32_t p = 0; p < st->len; p += st->members[p] + 1) {
            uint32_t nw = st->members[p];
            st->idx[k] = ((uint64_t)st->members[p + 1] << 32) | p;
            st->idx[st->nmem + k] = ((uint64_t)st->members[p + nw] << 32) | p;
            d->winfo[st->members[p + 1]].flags |= W_SETFIRST;
            d->winfo[st->members[p + nw]].flags |= W_SETLAST;
            k++;
        }
        dy_qsort(st->idx, st->nmem, sizeof *st->idx, cmp_u64);
        dy_qsort(st->idx + st->nmem, st->nmem, sizeof *st->idx, cmp_u64);
    }
    /* the words a pattern cannot match without, as bloom bits over word
     * ids, so that the matcher skips patterns whose words are absent */
    for (size_t i = 0; i < d->npats; i++) {
        dy_pattern *p = &d->pats[i];
        p->need = 0;
        memset(p->need_any, 0, sizeof p->need_any);
        size_t na = 0;
        for (size_t k = 0; k < (size_t)p->nbefore + p->nafter; k++) {
            const dy_item *it = &d->items[p->items + k];
            if (it->type == IT_WORD) {
                p->need |= dy_bloom_bit(it->v);
            } else if ((it->type == IT_ALT || it->type == IT_SET) && na < 3) {
                uint64_t m = 0;
                if (it->type == IT_ALT) {
                    for (size_t j = 0; j < it->n; j++)
                        m |= dy_bloom_bit(d->altw[it->v + j]);
                } else {
                    const dy_set *st = &d->sets[it->v];
                    for (uint32_t q = 0; q < st->len; q++)
                        m |= dy_bloom_bit(st->members[q]);
                }
                if (~m) /* a saturated mask tests nothing */
                    p->need_any[na++] = m;
            }
        }
    }
    for (size_t i = 0; i < d->nphr; i++)
        if (d->phr[i].kind == PH_AGENT)
            for (size_t k = 0; k < d->phr[i].ntok; k++)
                d->winfo[d->phr[i].words[k]].flags |= W_AGENT;
    /* one-word person and country names for approximate matching */
    d->fuzzy = dy_malloc((d->nphr + 1) * sizeof *d->fuzzy);
    if (!d->fuzzy)
        return (dyad_status)dy_fail(&d->err, DYAD_ENOMEM, "out of memory");
    for (size_t i = 0; i < d->nphr; i++) {
        const dy_phrase *p = &d->phr[i];
        if (p->ntok != 1 || p->kind != PH_NAME ||
            (d->ents[p->entity].kind != ENT_PERSON &&
             (d->ents[p->entity].kind != ENT_COUNTRY || p->petr)))
            continue; /* PETRARCH's countries match as written */
        uint32_t w = p->words[0];
        if (d->words.len[w] < 5 || (d->winfo[w].flags & W_COMMON))
            continue;
        dy_fuzzy *f = &d->fuzzy[d->nfuzzy];
        size_t k = dy_name_key(dy_strtab_str(&d->words, w), d->words.len[w],
                               f->key, sizeof f->key);
        if (k < 4)
            continue;
        f->nkey = (uint8_t)k;
        f->phrase = (uint32_t)i;
        d->nfuzzy++;
    }
    dy_qsort(d->fuzzy, d->nfuzzy, sizeof *d->fuzzy, cmp_fuzzy);
    for (size_t i = 0, c = 0; c <= 256; c++) {
        while (i < d->nfuzzy && (unsigned char)d->fuzzy[i].key[0] < c)
            i++;
        d->fuzzy_at[c] = (uint32_t)i;
    }
    /* PETRARCH phrases that allow other words between theirs, by first
     * word */
    {
        uint64_t *keys = dy_malloc((d->nphr + 1) * sizeof *keys);
        d->gapped = dy_malloc((d->nphr + 1) * sizeof *d->gapped);
        if (!keys || !d->gapped) {
            dy_free(keys);
            return (dyad_status)dy_fail(&d->err, DYAD_ENOMEM, "out of memory");
        }
        size_t n = 0;
        for (size_t i = 0; i < d->nphr; i++)
            if (d->phr[i].gaps && d->phr[i].ntok > 1)
                keys[n++] = (uint64_t)d->phr[i].words[0] << 32 | (uint32_t)i;
        dy_qsort(keys, n, sizeof *keys, cmp_u64);
        for (size_t i = 0; i < n; i++)
            d->gapped[i] = (uint32_t)keys[i];
        d->ngapped = n;
        dy_free(keys);
    }
    d->discard_first = dy_malloc((d->ndiscards + 1) * sizeof *d->discard_first);
    if (!d->discard_first)
        return (dyad_status)dy_fail(&d->err, DYAD_ENOMEM, "out of memory");
    for (size_t i = 0; i < d->ndiscards; i++) {
        d->discard_first[i] = d->discards[i].words[0];
        d->winfo[d->discards[i].words[0]].flags |= W_DISCARD;
    }
    dy_qsort(d->discard_first, d->ndiscards, sizeof *d->discard_first, cmp_u32);
    d->finished = 1;
    return DYAD_OK;
}

/* ---- lookups ------------------------------------------------------------- */

uint32_t dy_dict_word(const dy_dict *d, const char *low, size_t n)
{
    return dy_strtab_find(&d->words, low, n);
}

uint32_t dy_dict_lemma(const dy_dict *d, uint32_t w)
{
    if (!w || !d->winfo)
        return w;
    uint32_t l = d->winfo[w].lemma;
    return l ? l : w;
}

int dy_entity_code(const dy_dict *d, const dy_entity *e, int32_t days,
                   char out[32], const dy_role **role)
{
    const dy_role *best = NULL;
    for (uint32_t i = 0; i < e->nroles; i++) {
        const dy_role *r = &d->roles[e->role0 + i];
        if (days >= r->from && days <= r->to &&
            (!best || r->from >= best->from))
            best = r;
    }
    if (role)
        *role = best;
    if (best) {
        dy_code_join(out, best->code, 0, "");
        return 1;
    }
    if (e->kind == ENT_PERSON) {
        if (e->else_code[0]) {
            dy_code_join(out, e->else_code, 0, "");
            return 1;
        }
        /* a person with no roles at all (compatibility dictionaries may
         * give only a plain code) */
        if (e->nroles == 0 && e->code[0]) {
            dy_code_join(out, e->code, 0, "");
            return 1;
        }
        return 0;
    }
    dy_code_join(out, e->code, 0, "");
    return out[0] != 0;
}

/* ---- loading files -------------------------------------------------------- */

/* A dictionary file's bytes: mapped (a regular file; its pages come from
 * the page cache, nothing is copied) or read into memory (anything else,
 * or where mapping fails). */
typedef struct dict_text {
    const char *buf;
    size_t n;
    void *map;              /* mmap'ed (n bytes), or NULL                  */
    char *heap;             /* read into memory, or NULL                   */
} dict_text;

static void text_free(dict_text *t)
{
    if (t->map)
        munmap(t->map, t->n);
    dy_free(t->heap);
}

static int read_file(dy_dict *d, const char *path, dict_text *t)
{
    memset(t, 0, sizeof *t);
    FILE *f = fopen(path, "rb");
    if (!f)
        return dy_fail(&d->err, DYAD_EIO, "%s: cannot open: %s", path,
                       strerror(errno));
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
        (uintmax_t)st.st_size < SIZE_MAX) {
        void *m = mmap(NULL, (size_t)st.st_size, PROT_READ,
                       MAP_PRIVATE | MAP_POPULATE, fileno(f), 0);
        if (m != MAP_FAILED) {
            fclose(f);
            t->map = m;
            t->buf = m;
            t->n = (size_t)st.st_size;
            return 0;
        }
    }
    dy_buf b;
    dy_buf_init(&b);
    char tmp[65536];
    size_t k;
    while ((k = fread(tmp, 1, sizeof tmp, f)) > 0)
        dy_buf_put(&b, tmp, k);
    int err = ferror(f);
    fclose(f);
    if (err || b.oom) {
        dy_buf_free(&b);
        return dy_fail(&d->err, err ? DYAD_EIO : DYAD_ENOMEM,
                       "%s: cannot read", path);
    }
    dy_buf_cstr(&b);
    t->heap = b.p ? b.p : dy_strdup("");
    t->buf = t->heap;
    t->n = b.len;
    return t->heap ? 0 : DYAD_ENOMEM;
}

static bool is_dyad_format(const char *buf, size_t n)
{
    /* first non-comment, non-blank line is %dyad-dict */
    size_t i = n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    while (i < n) {
        while (i < n && (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\r' ||
                         buf[i] == '\n'))
            i++;
        if (i < n && buf[i] == '#') {
            while (i < n && buf[i] != '\n')
                i++;
            continue;
        }
        return n - i >= 10 && memcmp(buf + i, "%dyad-dict", 10) == 0;
    }
    return false;
}

/* What a file load may change, to undo it when the file fails: nothing of
 * a failing file is kept (entries are only appended, but verbs and sets
 * defined in earlier files may have grown). */
typedef struct snapshot {
    size_t nents, nphr, nroles, nverbs, npats, nitems, naltw, nsets,
        ncodes, ndiscards, nirreg, nfiles;
    uint32_t *verb_npats;     /* per verb existing before                   */
    uint32_t *set_len, *set_nmem;
    uint8_t *set_defined;
    dy_code *codes;
} snapshot;

static int snap_take(const dy_dict *d, snapshot *s)
{
    memset(s, 0, sizeof *s);
    s->nents = d->nents;
    s->nphr = d->nphr;
    s->nroles = d->nroles;
    s->nverbs = d->nverbs;
    s->npats = d->npats;
    s->nitems = d->nitems;
    s->naltw = d->naltw;
    s->nsets = d->nsets;
    s->ncodes = d->ncodes;
    s->ndiscards = d->ndiscards;
    s->nirreg = d->nirreg;
    s->nfiles = d->nfiles;
    s->verb_npats = dy_malloc((d->nverbs + 1) * sizeof *s->verb_npats);
    s->set_len = dy_malloc((d->nsets + 1) * sizeof *s->set_len);
    s->set_nmem = dy_malloc((d->nsets + 1) * sizeof *s->set_nmem);
    s->set_defined = dy_malloc(d->nsets + 1);
    s->codes = dy_malloc((d->ncodes + 1) * sizeof *s->codes);
    if (!s->verb_npats || !s->set_len || !s->set_nmem || !s->set_defined ||
        !s->codes)
        return DYAD_ENOMEM;
    for (size_t i = 0; i < d->nverbs; i++)
        s->verb_npats[i] = d->verbs[i].npats;
    for (size_t i = 0; i < d->nsets; i++) {
        s->set_len[i] = d->sets[i].len;
        s->set_nmem[i] = d->sets[i].nmem;
        s->set_defined[i] = d->sets[i].defined;
    }
    if (d->ncodes)
        memcpy(s->codes, d->codes, d->ncodes * sizeof *s->codes);
    return 0;
}

static void snap_free(snapshot *s)
{
    dy_free(s->verb_npats);
    dy_free(s->set_len);
    dy_free(s->set_nmem);
    dy_free(s->set_defined);
    dy_free(s->codes);
}

static void snap_restore(dy_dict *d, const snapshot *s)
{
    for (size_t i = s->nverbs; i < d->nverbs; i++)
        dy_free(d->verbs[i].pats);
    for (size_t i = 0; i < s->nverbs; i++)
        d->verbs[i].npats = s->verb_npats[i];
    for (size_t i = s->nsets; i < d->nsets; i++)
        dy_free(d->sets[i].members);
    for (size_t i = 0; i < s->nsets; i++) {
        d->sets[i].len = s->set_len[i];
        d->sets[i].nmem = s->set_nmem[i];
        d->sets[i].defined = s->set_defined[i];
    }
    if (s->ncodes)
        memcpy(d->codes, s->codes, s->ncodes * sizeof *d->codes);
    d->nents = s->nents;
    d->nphr = s->nphr;
    d->nroles = s->nroles;
    d->nverbs = s->nverbs;
    d->npats = s->npats;
    d->nitems = s->nitems;
    d->naltw = s->naltw;
    d->nsets = s->nsets;
    d->ncodes = s->ncodes;
    d->ndiscards = s->ndiscards;
    d->nirreg = s->nirreg;
}

static int load_file(dy_dict *d, const char *path)
{
    dict_text text;
    int r = read_file(d, path, &text);
    if (r)
        return r;
    const char *buf = text.buf;
    size_t n = text.n;
    snapshot snap;
    if (snap_take(d, &snap)) {
        snap_free(&snap);
        text_free(&text);
        return dy_fail(&d->err, DYAD_ENOMEM, "out of memory");
    }
    if (is_dyad_format(buf, n)) {
        r = dy_load_dyad(d, path, buf, n);
    } else {
        int kind = dy_petr_detect(buf, n);
        if (kind)
            r = dy_load_petr(d, path, buf, n, kind);
        else
            r = dy_fail(&d->err, DYAD_EDICT,
                        "%s:1: not a dictionary file (no '%%dyad-dict' header "
                        "and not a TABARI/PETRARCH file)",
                        path);
    }
    if (r)
        snap_restore(d, &snap);
    snap_free(&snap);
    text_free(&text);
    return r;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

bool dy_dict_file_name(const char *name)
{
    size_t n = strlen(name);
    if (name[0] == '.')
        return false;
    if (n > 5 && strcmp(name + n - 5, ".dyad") == 0)
        return true;
    if (n > 4 && strcmp(name + n - 4, ".txt") == 0)
        return true;
    return false;
}

int dy_dict_dir_names(const char *path, char ***out, size_t *n)
{
    *out = NULL;
    *n = 0;
    DIR *dir = opendir(path);
    if (!dir)
        return DYAD_EIO;
    char **names = NULL;
    size_t nn = 0, cap = 0;
    struct dirent *de;
    int r = 0;
    while ((de = readdir(dir))) {
        if (de->d_name[0] == '.')
            continue;
        if (DY_GROW(names, cap, nn + 1) || !(names[nn] = dy_strdup(de->d_name))) {
            r = DYAD_ENOMEM;
            break;
        }
        nn++;
    }
    int e = errno;
    closedir(dir);
    errno = e;
    if (r) {
        dy_dict_dir_free(names, nn);
        return r;
    }
    dy_qsort(names, nn, sizeof *names, cmp_str);
    *out = names;
    *n = nn;
    return 0;
}

void dy_dict_dir_free(char **names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        dy_free(names[i]);
    dy_free(names);
}

static int load_path(dy_dict *d, const char *path, int depth)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return dy_fail(&d->err, DYAD_EIO, "%s: cannot open: %s", path,
                       strerror(errno));
    if (!S_ISDIR(st.st_mode))
        return load_file(d, path);
    if (depth > 8)
        return dy_fail(&d->err, DYAD_EIO, "%s: folders nested too deep", path);
    char **names;
    size_t nn;
    int r = dy_dict_dir_names(path, &names, &nn);
    if (r == DYAD_EIO)
        return dy_fail(&d->err, DYAD_EIO, "%s: cannot open folder: %s", path,
                       strerror(errno));
    for (size_t i = 0; i < nn && !r; i++) {
        char full[PATH_MAX];
        snprintf(full, sizeof full, "%s/%s", path, names[i]);
        struct stat s2;
        if (stat(full, &s2) != 0)
            continue;
        if (S_ISDIR(s2.st_mode))
            r = load_path(d, full, depth + 1);
        else if (dy_dict_file_name(names[i]))
            r = load_file(d, full);
    }
    dy_dict_dir_free(names, nn);
    if (r == DYAD_ENOMEM)
        dy_fail(&d->err, r, "out of memory");
    return r;
}

int dy_dict_materialize(dy_dict *d)
{
    if (!d || !d->deferred)
        return 0;
    dy_cache_drop(d);
    return load_path(d, d->first_path, 0);
}

dyad_status dyad_dict_load(dyad_dict *dd, const char *path)
{
    dy_dict *d = (dy_dict *)dd;
    if (!d || !path)
        return DYAD_EINVAL;
    if (d->finished)
        return (dyad_status)dy_fail(&d->err, DYAD_EINVAL,
                                    "dictionary already finished");
    if (d->deferred) {
        /* a second load: the first one's image cannot be used */
        int r = dy_dict_materialize(d);
        if (r)
            return (dyad_status)r;
    }
    /* the first load of an empty dictionary may have a compiled image
     * (dict_cache.c): its files are then read only if finish cannot use
     * it */
    if (d->nloads++ == 0 && d->nfiles == 0 && dy_cache_probe(d, path))
        return DYAD_OK;
    return (dyad_status)load_path(d, path, 0);
}

dyad_status dyad_dict_load_default(dyad_dict *dd)
{
    const char *e = getenv("DYAD_DICT_DIR");
    return dyad_dict_load(dd, e && *e ? e : DYAD_DEFAULT_DICT_DIR);
}

