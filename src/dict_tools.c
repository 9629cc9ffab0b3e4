/* dict_tools.c - inspecting dictionaries: stats, lookup, check, export. */
#include "analyze.h"

#include <stdio.h>
#include <stdlib.h>

const char *dyad_dict_stats(dyad_dict *dd)
{
    dy_dict *d = (dy_dict *)dd;
    if (!d)
        return "";
    dy_dict_materialize(d); /* a load deferred to a compiled image */
    size_t kinds[8] = {0}, phk[8] = {0};
    for (size_t i = 0; i < d->nents; i++)
        kinds[d->ents[i].kind & 7]++;
    for (size_t i = 0; i < d->nphr; i++)
        phk[d->phr[i].kind & 7]++;
    size_t verbs = 0, nouns = 0, vpats = 0, npats = 0, setmem = 0;
    for (size_t i = 0; i < d->nverbs; i++) {
        if (d->verbs[i].noun) {
            nouns++;
            npats += d->verbs[i].npats;
        } else {
            verbs++;
            vpats += d->verbs[i].npats;
        }
    }
    for (size_t i = 0; i < d->nsets; i++)
        setmem += d->sets[i].nmem;
    size_t story = 0;
    for (size_t i = 0; i < d->ndiscards; i++)
        story += d->discards[i].story;
    dy_buf *b = &d->out;
    dy_buf_clear(b);
    dy_buf_printf(b, "files %zu\n", d->nfiles);
    dy_buf_printf(b, "countries %zu\n", kinds[ENT_COUNTRY]);
    dy_buf_printf(b, "actors %zu\n", kinds[ENT_ACTOR]);
    dy_buf_printf(b, "persons %zu\n", kinds[ENT_PERSON]);
    dy_buf_printf(b, "roles %zu\n", d->nroles);
    dy_buf_printf(b, "agents %zu\n", kinds[ENT_AGENT]);
    dy_buf_printf(b, "agent_nouns %zu\n", phk[PH_AGENT]);
    dy_buf_printf(b, "names %zu\n", phk[PH_NAME]);
    dy_buf_printf(b, "adjectives %zu\n", phk[PH_ADJ]);
    dy_buf_printf(b, "capitals %zu\n", phk[PH_CAPITAL]);
    dy_buf_printf(b, "seats %zu\n", phk[PH_SEAT]);
    dy_buf_printf(b, "institutions %zu\n", phk[PH_INST]);
    dy_buf_printf(b, "peoples %zu\n", phk[PH_PEOPLE]);
    dy_buf_printf(b, "verbs %zu\n", verbs);
    dy_buf_printf(b, "verb_patterns %zu\n", vpats);
    dy_buf_printf(b, "nouns %zu\n", nouns);
    dy_buf_printf(b, "noun_patterns %zu\n", npats);
    dy_buf_printf(b, "patterns %zu\n", d->npats);
    dy_buf_printf(b, "sets %zu\n", d->nsets);
    dy_buf_printf(b, "set_members %zu\n", setmem);
    dy_buf_printf(b, "codes %zu\n", d->ncodes);
    dy_buf_printf(b, "discards %zu\n", d->ndiscards - story);
    dy_buf_printf(b, "story_discards %zu\n", story);
    dy_buf_printf(b, "words %u\n", d->words.n);
    dy_buf_printf(b, "warnings %zu\n", d->nwarnings);
    if (d->petr.files) {
        /* TABARI/PETRARCH files, counted in their own terms; transformations
         * and issues are understood but not used by the coder (yet) */
        const dy_petr_stats *ps = &d->petr;
        dy_buf_printf(b, "petr_files %zu\n", ps->files);
        dy_buf_printf(b, "petr_verb_blocks %zu\n", ps->verb_blocks);
        dy_buf_printf(b, "petr_verb_lines %zu\n", ps->verb_lines);
        dy_buf_printf(b, "petr_verb_patterns %zu\n", ps->verb_patterns);
        dy_buf_printf(b, "petr_synsets %zu\n", ps->synsets);
        dy_buf_printf(b, "petr_synset_members %zu\n", ps->synset_members);
        dy_buf_printf(b, "petr_transformations_unused %zu\n",
                      ps->transformations);
        dy_buf_printf(b, "petr_actor_entries %zu\n", ps->actor_entries);
        dy_buf_printf(b, "petr_actor_synonyms %zu\n", ps->actor_synonyms);
        dy_buf_printf(b, "petr_actor_codes %zu\n", ps->actor_codes);
        dy_buf_printf(b, "petr_agent_lines %zu\n", ps->agent_lines);
        dy_buf_printf(b, "petr_agent_macros %zu\n", ps->agent_macros);
        dy_buf_printf(b, "petr_discards %zu\n", ps->discards);
        dy_buf_printf(b, "petr_issue_categories_unused %zu\n",
                      ps->issue_categories);
        dy_buf_printf(b, "petr_issue_phrases_unused %zu\n", ps->issue_phrases);
        dy_buf_printf(b, "petr_issue_exclusions_unused %zu\n",
                      ps->issue_exclusions);
    }
    if (d->tagger)
        dy_buf_printf(b, "tagger_words %zu\n", dy_tagger_words(d->tagger));
    return dy_buf_cstr(b);
}

size_t dyad_dict_lookup(dyad_dict *dd, const char *text, const char *date,
                        const char **result)
{
    dy_dict *d = (dy_dict *)dd;
    *result = "";
    if (!d || !text || !d->finished)
        return 0;
    int32_t days = dy_today();
    if (date && dy_parse_date(date, strlen(date), &days))
        return 0;
    dy_sa *sa = dy_calloc(1, sizeof *sa);
    dy_doc *doc = dy_calloc(1, sizeof *doc);
    if (!sa || !doc) {
        dy_free(sa);
        dy_free(doc);
        return 0;
    }
    dy_doc_init(doc);
    dy_err err;
    size_t found = 0;
    dy_buf *b = &d->out;
    dy_buf_clear(b);
    if (dy_text_load(doc, text, strlen(text), &err) == 0 && dy_clean(doc) == 0) {
        doc->ndebris = 0;
        if (dy_segment(doc, d) == 0 && doc->ntok) {
            size_t n = DY_MIN(doc->ntok, DY_MAX_STOK);
            sa->dict = d;
            sa->doc = doc;
            dy_sent whole = {0, (uint32_t)n, 0, (uint32_t)doc->len, 0, 0};
            sa->sent = &whole;
            sa->story_days = days;
            sa->t = doc->toks;
            sa->n = n;
            dy_tagger_tag(d->tagger, sa->t, n);
            dy_find_mentions(sa);
            dy_chunk(sa);
            dy_memory mem;
            memset(&mem, 0, sizeof mem);
            dy_np_actors(sa, &mem);
            for (size_t k = 0; k < sa->nnp; k++) {
                const dy_np *p = &sa->np[k];
                for (size_t a = 0; a < p->nact; a++) {
                    const dy_actor *ac = &p->act[a];
                    dy_buf_printf(b, "%s\t", ac->code);
                    dy_buf_put(b, doc->text + sa->t[p->b].beg,
                               sa->t[p->e - 1].end - sa->t[p->b].beg);
                    if (ac->entity != UINT32_MAX) {
                        const dy_entity *e = &d->ents[ac->entity];
                        const dy_role *role = NULL;
                        char code[32];
                        dy_entity_code(d, e, days, code, &role);
                        dy_buf_printf(b, "\t%s (%s:%u)", e->name,
                                      d->files[e->src.file], e->src.line);
                        if (role)
                            dy_buf_printf(b, " role %s:%u%s%s",
                                          d->files[role->src.file],
                                          role->src.line,
                                          role->title ? " " : "",
                                          role->title ? role->title : "");
                    } else {
                        dy_buf_puts(b, "\t(composed from country/agent words)");
                    }
                    if (ac->conf < 1.0f)
                        dy_buf_printf(b, " confidence %.2f", ac->conf);
                    dy_buf_puts(b, "\n");
                    found++;
                }
            }
        }
    }
    dy_doc_free(doc);
    dy_free(doc);
    dy_free(sa);
    *result = dy_buf_cstr(b);
    return found;
}

static void report(dy_buf *b, size_t *n, const dy_dict *d, dy_src s,
                   const char *fmt, ...) DY_PRINTF(5, 6);

static void report(dy_buf *b, size_t *n, const dy_dict *d, dy_src s,
                   const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    dy_buf_printf(b, "%s:%u: %s\n", s.file < d->nfiles ? d->files[s.file] : "?",
                  s.line, msg);
    (*n)++;
}

static int cmp_phr(const void *a, const void *b, void *ctx)
{
    const dy_dict *d = ctx;
    const dy_phrase *x = &d->phr[*(const uint32_t *)a];
    const dy_phrase *y = &d->phr[*(const uint32_t *)b];
    if (x->ntok != y->ntok)
        return x->ntok < y->ntok ? -1 : 1;
    int c = memcmp(x->words, y->words, x->ntok * sizeof x->words[0]);
    if (c)
        return c;
    return x->kind - y->kind;
}

size_t dyad_dict_check(dyad_dict *dd, const char **out)
{
    dy_dict *d = (dy_dict *)dd;
    dy_dict_materialize(d); /* a load deferred to a compiled image */
    size_t n = 0;
    dy_buf *b = &d->out;
    dy_buf_clear(b);
    /* event codes of patterns must be in the code table */
    if (d->ncodes) {
        for (size_t i = 0; i < d->npats; i++) {
            const dy_pattern *p = &d->pats[i];
            if (strcmp(p->code, "---") && !dy_dict_code(d, p->code))
                report(b, &n, d, p->src, "unknown event code %s", p->code);
            if (p->rcode[0] && strcmp(p->rcode, "---") &&
                !dy_dict_code(d, p->rcode))
                report(b, &n, d, p->src, "unknown event code %s", p->rcode);
        }
    }
    /* patterns that can never match: a set without members */
    for (size_t i = 0; i < d->npats; i++) {
        const dy_pattern *p = &d->pats[i];
        for (size_t k = 0; k < (size_t)p->nbefore + p->nafter; k++) {
            const dy_item *it = &d->items[p->items + k];
            if (it->type == IT_SET && d->sets[it->v].nmem == 0)
                report(b, &n, d, p->src, "pattern %s uses an empty set",
                       p->id);
        }
    }
    /* actor codes: roles and agent combinations */
    for (size_t i = 0; i < d->nents; i++) {
        const dy_entity *e = &d->ents[i];
        for (uint32_t r = 0; r < e->nroles; r++) {
            const dy_role *a = &d->roles[e->role0 + r];
            for (uint32_t s = r + 1; s < e->nroles; s++) {
                const dy_role *c = &d->roles[e->role0 + s];
                /* a role that ends on the day the next begins is a
                 * handover (on that day the later role answers) */
                bool handover = a->to == c->from || c->to == a->from;
                if (a->from <= c->to && c->from <= a->to && !handover &&
                    strcmp(a->code, c->code) != 0) {
                    char f1[11], t1[11];
                    int32_t of = DY_MAX(a->from, c->from), ot = DY_MIN(a->to, c->to);
                    dy_format_date(of, f1);
                    dy_format_date(ot, t1);
                    report(b, &n, d, c->src,
                           "%s: roles %s and %s overlap (%s..%s)", e->name,
                           a->code, c->code, of == INT32_MIN ? "" : f1,
                           ot == INT32_MAX ? "" : t1);
                }
            }
        }
    }
    /* duplicate phrases naming different entities with different codes */
    uint32_t *idx = dy_malloc((d->nphr + 1) * sizeof *idx);
    if (idx) {
        for (size_t i = 0; i < d->nphr; i++)
            idx[i] = (uint32_t)i;
        if (d->nphr > 1)
            qsort_r(idx, d->nphr, sizeof *idx, cmp_phr, d);
        int32_t today = dy_today();
        for (size_t i = 1; i < d->nphr; i++) {
            const dy_phrase *x = &d->phr[idx[i - 1]], *y = &d->phr[idx[i]];
            if (cmp_phr(&idx[i - 1], &idx[i], d) != 0 || x->entity == y->entity)
                continue;
            const dy_entity *ex = &d->ents[x->entity], *ey = &d->ents[y->entity];
            if (ex->kind == ENT_AGENT && ey->kind == ENT_AGENT &&
                strcmp(ex->code, ey->code) == 0)
                continue;
            char cx[32] = "", cy[32] = "";
            dy_entity_code(d, ex, today, cx, NULL);
            dy_entity_code(d, ey, today, cy, NULL);
            /* persons sharing a surname are resolved by date: fine when
             * their roles differ in time */
            if (ex->kind == ENT_PERSON && ey->kind == ENT_PERSON)
                continue;
            if (strcmp(cx, cy) == 0)
                continue;
            char text[256] = "";
            size_t m = 0;
            for (size_t k = 0; k < y->ntok && m + 40 < sizeof text; k++)
                m += (size_t)snprintf(text + m, sizeof text - m, "%s%s",
                                      k ? " " : "",
                                      dy_strtab_str(&d->words, y->words[k]));
            report(b, &n, d, y->src,
                   "phrase \"%s\" also names %s (%s:%u) with another code",
                   text, ex->name, d->files[ex->src.file], ex->src.line);
        }
        dy_free(idx);
    }
    *out = dy_buf_cstr(b);
    return n;
}

/* ---- export ------------------------------------------------------------------- */

/* Word w spelt for case requirement c (CASE_*), into out[64]. */
static size_t spell(const dy_dict *d, uint32_t w, unsigned c, char out[64])
{
    const char *s = dy_strtab_str(&d->words, w);
    size_t k = 0;
    for (; s[k] && k < 63; k++) {
        char ch = s[k];
        if (ch >= 'a' && ch <= 'z' &&
            (c == CASE_UPPER || (c == CASE_CAP && k == 0)))
            ch = (char)(ch - 32);
        out[k] = ch;
    }
    out[k] = 0;
    return k;
}

/* 's, 're, n't...: tokens the tokenizer splits off the word before. */
static bool clitic(const char *s)
{
    return (s[0] == '\'' && s[1]) || strcmp(s, "n't") == 0 ||
           strcmp(s, "N'T") == 0;
}

/* Does text tokenise to exactly the word w? */
static bool reads_as(const dy_dict *d, const char *text, size_t n, uint32_t w)
{
    dy_tok t[2];
    dy_arena a;
    dy_arena_init(&a, 256);
    size_t nt = dy_tokenize_phrase(text, n, &a, t, 2);
    bool ok = nt == 1 && t[0].low &&
              dy_dict_word(d, t[0].low, t[0].nlow) == w;
    dy_arena_free(&a);
    return ok;
}

/* A phrase's words as written in dyad's format: the spelling carries the
 * case requirement (`Turkey`, `US`), and words with punctuation whose
 * reading depends on case ("c." in "Frank C. Mockler", "s&p") are raised
 * until they read back as the same token. */
static size_t render_phrase(const dy_dict *d, const uint32_t *w, size_t n,
                            uint32_t casemask, char *out, size_t cap)
{
    size_t k = 0;
    out[0] = 0;
    for (size_t i = 0; i < n; i++) {
        char sp[64];
        unsigned c = (casemask >> (2 * i)) & 3;
        size_t m = spell(d, w[i], c, sp);
        bool plain = true;
        for (size_t j = 0; j < m && plain; j++)
            plain = (sp[j] >= 'a' && sp[j] <= 'z') || (sp[j] >= 'A' && sp[j] <= 'Z') ||
                    (sp[j] >= '0' && sp[j] <= '9') || (unsigned char)sp[j] >= 0x80;
        for (unsigned up = c + 1;
             !plain && up <= CASE_UPPER && !reads_as(d, sp, m, w[i]); up++)
            m = spell(d, w[i], up, sp);
        if (k + m + 2 >= cap)
            break;
        /* clitics ('s, n't) are read as tokens only when glued */
        if (i && !clitic(sp))
            out[k++] = ' ';
        memcpy(out + k, sp, m);
        k += m;
        out[k] = 0;
    }
    return k;
}

static void put_phrase(FILE *f, const dy_dict *d, const uint32_t *w, size_t n,
                       uint32_t casemask)
{
    char buf[DY_PHRASE_MAX * 66 + 1];
    render_phrase(d, w, n, casemask, buf, sizeof buf);
    fputs(buf, f);
}

static void put_words(FILE *f, const dy_dict *d, const uint32_t *w, size_t n)
{
    put_phrase(f, d, w, n, 0);
}

static void put_role_range(FILE *f, const dy_role *r)
{
    char a[11] = "", b[11] = "";
    if (r->from != INT32_MIN)
        dy_format_date(r->from, a);
    if (r->to != INT32_MAX)
        dy_format_date(r->to, b);
    fprintf(f, "%s..%s", a, b);
}

static void put_item(FILE *f, const dy_dict *d, const dy_item *it)
{
    switch (it->type) {
    case IT_WORD:
        fputs(dy_strtab_str(&d->words, it->v), f);
        break;
    case IT_ALT:
        for (size_t j = 0; j < it->n; j++)
            fprintf(f, "%s%s", j ? "|" : "",
                    dy_strtab_str(&d->words, d->altw[it->v + j]));
        break;
    case IT_SET:
        fprintf(f, "@%s", dy_strtab_str(&d->words, d->sets[it->v].name));
        break;
    case IT_SRC: fputc('$', f); break;
    case IT_TGT: fputc('+', f); break;
    case IT_PLACE: fputs("@place", f); break;
    default: fputs("_any_", f); break;
    }
}

/* A pattern's items. dyad's format can glue two words with `_`; other
 * adjacency (to the verb, or around sets and actor slots) is written as a
 * gap, the only thing the reader accepts there. */
static void put_pattern(FILE *f, const dy_dict *d, const dy_verb *vb,
                        const dy_pattern *p)
{
    const dy_item *it = d->items + p->items;
    /* before the verb: stored from the verb leftwards; rev[j].adjacent =
     * touches its right neighbour */
    for (size_t j = p->nbefore; j-- > 0;) {
        bool glue = j + 1 < p->nbefore && it[j + 1].adjacent &&
                    it[j + 1].type == IT_WORD && it[j].type == IT_WORD;
        if (!glue || !clitic(dy_strtab_str(&d->words, it[j].v)))
            fputc(glue ? '_' : ' ', f);
        put_item(f, d, &it[j]);
    }
    fputs(" *", f);
    const dy_item *af = it + p->nbefore;
    for (size_t j = 0; j < p->nafter; j++) {
        if (j < vb->nparticles)
            continue;
        bool glue = j > vb->nparticles && af[j].adjacent &&
                    af[j].type == IT_WORD && af[j - 1].type == IT_WORD;
        if (!glue || !clitic(dy_strtab_str(&d->words, af[j].v)))
            fputc(glue ? '_' : ' ', f);
        put_item(f, d, &af[j]);
    }
}

/* The phrase that a `country`/`actor`/`person` header line adds itself:
 * the one the entity's name reads as, else its first name (then the header
 * is written as that phrase). *name_ok: the name itself reads as the
 * phrase, with the same case requirement. Returns SIZE_MAX for none. */
static size_t header_phrase(const dy_dict *d, const dy_entity *e,
                            const uint32_t *ph, size_t nph, bool *name_ok)
{
    dy_tok toks[DY_PHRASE_MAX + 1];
    dy_arena tmp;
    dy_arena_init(&tmp, 1024);
    size_t nt = dy_tokenize_phrase(e->name, strlen(e->name), &tmp, toks,
                                   DY_PHRASE_MAX + 1);
    uint32_t w[DY_PHRASE_MAX], cm = 0;
    bool ok = nt > 0 && nt <= DY_PHRASE_MAX;
    for (size_t i = 0; ok && i < nt; i++) {
        ok = toks[i].low &&
             (w[i] = dy_dict_word(d, toks[i].low, toks[i].nlow)) != 0;
        unsigned c = toks[i].flags & TOKF_UPPER ? CASE_UPPER
                     : toks[i].flags & TOKF_CAP ? CASE_CAP : CASE_ANY;
        cm |= c << (2 * i);
    }
    dy_arena_free(&tmp);
    size_t firstname = SIZE_MAX;
    *name_ok = false;
    for (size_t k = 0; k < nph; k++) {
        const dy_phrase *p = &d->phr[ph[k]];
        if (p->kind != PH_NAME)
            continue;
        if (firstname == SIZE_MAX)
            firstname = k;
        if (ok && p->ntok == nt && memcmp(p->words, w, nt * sizeof *w) == 0) {
            *name_ok = p->casemask == cm;
            return k;
        }
    }
    return firstname;
}

/* Agent codes dyad's format can write: three capitals, after the actor's
 * code. */
static bool agent_writable(const dy_dict *d, const dy_entity *e,
                           const uint32_t *ph, size_t nph)
{
    const char *c = e->code;
    if (strlen(c) != 3 || c[0] < 'A' || c[0] > 'Z' || c[1] < 'A' ||
        c[1] > 'Z' || c[2] < 'A' || c[2] > 'Z')
        return false;
    for (size_t k = 0; k < nph; k++)
        if (d->phr[ph[k]].prefix)
            return false;
    return true;
}

/* Agent nouns: `noun X` when the next phrase is X's regular plural (the
 * reader makes it again), else `plural X` (a form written as it is). */
static void put_agent_nouns(FILE *f, const dy_dict *d, const uint32_t *ph,
                            size_t nph, const char *indent)
{
    for (size_t k = 0; k < nph; k++) {
        const dy_phrase *p = &d->phr[ph[k]];
        if (p->kind != PH_AGENT)
            continue;
        bool pair = false;
        if (k + 1 < nph && !p->plural) {
            const dy_phrase *q = &d->phr[ph[k + 1]];
            const char *last = dy_strtab_str(&d->words, p->words[p->ntok - 1]);
            char pl[64];
            if (q->kind == PH_AGENT && q->ntok == p->ntok &&
                memcmp(q->words, p->words,
                       (p->ntok - 1u) * sizeof p->words[0]) == 0 &&
                dy_inflect_noun(last, strlen(last), pl) &&
                strcmp(pl, dy_strtab_str(&d->words, q->words[q->ntok - 1])) == 0)
                pair = true;
        }
        fprintf(f, "%s%s ", indent, pair ? "noun" : "plural");
        put_words(f, d, p->words, p->ntok);
        fputc('\n', f);
        if (pair)
            k++;
    }
}

dyad_status dyad_dict_export(dyad_dict *dd, FILE *f)
{
    dy_dict *d = (dy_dict *)dd;
    if (!d || !f)
        return DYAD_EINVAL;
    dy_dict_materialize(d); /* a load deferred to a compiled image */
    fprintf(f, "%%dyad-dict 1\n# exported by dyad %s\n", DYAD_VERSION);
    static const char *const kinds[] = {"", "name", "adj", "people", "capital",
                                        "seat", "inst", "noun"};
    /* phrases grouped by entity, in order */
    uint32_t *first = dy_calloc(d->nents + 1, sizeof *first);
    uint32_t *order = dy_malloc((d->nphr + 1) * sizeof *order);
    if (!first || !order) {
        dy_free(first);
        dy_free(order);
        return DYAD_ENOMEM;
    }
    for (size_t k = 0; k < d->nphr; k++)
        if (d->phr[k].entity < d->nents)
            first[d->phr[k].entity + 1]++;
    for (size_t i = 0; i < d->nents; i++)
        first[i + 1] += first[i];
    {
        uint32_t *fill = dy_calloc(d->nents + 1, sizeof *fill);
        if (!fill) {
            dy_free(first);
            dy_free(order);
            return DYAD_ENOMEM;
        }
        for (size_t k = 0; k < d->nphr; k++) {
            uint32_t e = d->phr[k].entity;
            if (e < d->nents)
                order[first[e] + fill[e]++] = (uint32_t)k;
        }
        dy_free(fill);
    }
    for (size_t i = 0; i < d->nsets; i++) {
        const dy_set *s = &d->sets[i];
        fprintf(f, "\nset @%s\n", dy_strtab_str(&d->words, s->name));
        for (uint32_t p = 0; p < s->len;) {
            uint32_t nw = s->members[p];
            fputs("  word ", f);
            put_words(f, d, s->members + p + 1, nw);
            fputc('\n', f);
            p += nw + 1;
        }
    }
    for (size_t i = 0; i < d->nents; i++) {
        const dy_entity *e = &d->ents[i];
        const uint32_t *ph = order + first[i];
        size_t nph = first[i + 1] - first[i], skip = SIZE_MAX;
        char name[DY_PHRASE_MAX * 66 + 1];
        bool name_ok = true;
        snprintf(name, sizeof name, "%s", e->name);
        if (e->kind != ENT_AGENT) {
            skip = header_phrase(d, e, ph, nph, &name_ok);
            if (skip != SIZE_MAX && !name_ok) {
                const dy_phrase *hp = &d->phr[ph[skip]];
                render_phrase(d, hp->words, hp->ntok, hp->casemask, name,
                              sizeof name);
            }
        }
        switch (e->kind) {
        case ENT_COUNTRY: fprintf(f, "\ncountry %s %s\n", e->code, name); break;
        case ENT_ACTOR:
            fprintf(f, "\nactor %s %s\n", e->code[0] ? e->code : "---", name);
            break;
        case ENT_PERSON: fprintf(f, "\nperson %s\n", name); break;
        case ENT_AGENT:
            if (!agent_writable(d, e, ph, nph)) {
                /* PETRARCH agents like [~GOVFRM] or [NGO~] */
                fprintf(f, "\n# agent %s %s: not written: dyad's format has "
                           "three-letter agent codes after the actor's only\n",
                        e->code, e->name);
                put_agent_nouns(f, d, ph, nph, "#   ");
                continue;
            }
            fprintf(f, "\nagent %s %s\n", e->code, e->name);
            put_agent_nouns(f, d, ph, nph, "  ");
            continue;
        }
        for (size_t k = 0; k < nph; k++) {
            const dy_phrase *p = &d->phr[ph[k]];
            if (k == skip)
                continue;
            fprintf(f, "  %s ", kinds[p->kind & 7]);
            if (p->kind == PH_INST)
                fprintf(f, "%s ", p->agent);
            put_phrase(f, d, p->words, p->ntok, p->casemask);
            fputc('\n', f);
        }
        for (uint32_t r = 0; r < e->nroles; r++) {
            const dy_role *ro = &d->roles[e->role0 + r];
            fprintf(f, "  role %s ", ro->code);
            put_role_range(f, ro);
            fprintf(f, "%s%s\n", ro->title ? " " : "", ro->title ? ro->title : "");
        }
        if (e->kind == ENT_PERSON && e->else_code[0])
            fprintf(f, "  else %s\n", e->else_code);
        if (e->kind == ENT_PERSON && !e->else_code[0] && !e->nroles && e->code[0])
            fprintf(f, "  role %s ..\n", e->code);
    }
    dy_free(first);
    dy_free(order);
    for (size_t v = 0; v < d->nverbs; v++) {
        const dy_verb *vb = &d->verbs[v];
        fprintf(f, "\n%s %s", vb->noun ? "noun" : "verb",
                dy_strtab_str(&d->words, vb->lemma));
        for (size_t k = 0; k < vb->nparticles; k++)
            fprintf(f, " %s", dy_strtab_str(&d->words, vb->particles[k]));
        fputc('\n', f);
        /* irregular forms given by the dictionaries (each once) */
        size_t nf = 0;
        for (size_t k = 0; k + 1 < d->nirreg; k += 2) {
            if (d->irreg[k + 1] != vb->lemma || d->irreg[k] == vb->lemma)
                continue;
            bool seen = false;
            for (size_t j = 0; j < k && !seen; j += 2)
                seen = d->irreg[j] == d->irreg[k] && d->irreg[j + 1] == vb->lemma;
            if (!seen)
                fprintf(f, "%s%s", nf++ ? "; " : (vb->noun ? "  plural " : "  forms "),
                        dy_strtab_str(&d->words, d->irreg[k]));
        }
        if (nf)
            fputc('\n', f);
        for (uint32_t k = 0; k < vb->npats; k++) {
            const dy_pattern *p = &d->pats[vb->pats[k]];
            fprintf(f, "  %s%s%s", p->code, p->rcode[0] ? ":" : "", p->rcode);
            put_pattern(f, d, vb, p);
            fprintf(f, " id=%s\n", p->id);
        }
    }
    for (size_t i = 0; i < d->ncodes; i++) {
        const dy_code *c = &d->codes[i];
        if (i == 0)
            fputc('\n', f);
        fprintf(f, "code %s %.1f %d %s", c->code, c->goldstein, c->quad,
                c->plover[0] ? c->plover : "-");
        if (c->mode[0] || c->context[0])
            fprintf(f, "/%s", c->mode);
        if (c->context[0])
            fprintf(f, "/%s", c->context);
        fprintf(f, " %s\n", c->name ? c->name : "");
    }
    for (size_t i = 0; i < d->ndiscards; i++) {
        const dy_discard *x = &d->discards[i];
        if (i == 0)
            fputc('\n', f);
        fprintf(f, "discard %s ", x->story ? "story" : "sentence");
        put_words(f, d, x->words, x->ntok);
        fputc('\n', f);
    }
    return ferror(f) ? DYAD_EIO : DYAD_OK;
}
