/* eval.c - scoring coded events against gold records, as defined in
 * ../shared/eval/README.md: per sentence, a maximum one-to-one matching of
 * gold and system events with equal keys at four levels (root + dyad,
 * triple, PLOVER, root), summed into micro precision, recall and F1, plus
 * counts per event type and the number of records coded exactly. */
#include "coder.h"
#include "json.h"

#include <stdio.h>
#include <stdlib.h>

enum { L_ROOT_DYAD = 0, L_TRIPLE, L_PLOVER, L_ROOT, L_COUNT };
static const char *const level_names[L_COUNT] = {"root_dyad", "triple",
                                                 "plover", "root"};

#define MAX_EV 64
#define MAX_TYPES 64

typedef struct ev {
    char src[32], tgt[32];      /* "" = null                                 */
    char cameo[8];              /* "" = null                                 */
    char plover[16];            /* "" = null                                 */
    char cands[8][4];           /* cameo_candidates (roots)                  */
    int ncands;
    char pcands[8][16];         /* plover_candidates                         */
    int npcands;
    int required;
} ev;

typedef struct counts {
    long tp, fp, fn;
} counts;

typedef struct typecount {
    char name[16];
    counts c;
} typecount;

struct dyad_eval {
    dy_err err;
    dy_arena arena;
    counts lv[L_COUNT];
    long skipped[L_COUNT];
    long records, exact, exact_pool;
    typecount types[L_COUNT][MAX_TYPES];
    int ntypes[L_COUNT];
    dy_buf errors;
    dy_buf report;
    long gold_events, sys_events;
    int rec_require_dyad;       /* of the last dyad_eval_record, -1 = none  */
    int rec_has_petr;           /* it had a "petr_config"                   */
    dyad_petr_config rec_petr;  /* its comma_* values over the defaults     */
};

dyad_status dyad_eval_new(dyad_eval **out)
{
    if (!out)
        return DYAD_EINVAL;
    dyad_eval *e = dy_calloc(1, sizeof *e);
    if (!e)
        return DYAD_ENOMEM;
    dy_arena_init(&e->arena, 1 << 16);
    dy_buf_init(&e->errors);
    dy_buf_init(&e->report);
    *out = e;
    return DYAD_OK;
}

void dyad_eval_free(dyad_eval *e)
{
    if (!e)
        return;
    dy_arena_free(&e->arena);
    dy_buf_free(&e->errors);
    dy_buf_free(&e->report);
    dy_free(e);
}

int dyad_eval_record_petr(const dyad_eval *e, dyad_petr_config *cfg)
{
    if (!cfg)
        return e && e->rec_has_petr;
    if (e && e->rec_has_petr) {
        *cfg = e->rec_petr;
        return 1;
    }
    dyad_petr_config_init(cfg);
    return 0;
}

void dyad_eval_record_options(const dyad_eval *e, int *require_dyad)
{
    if (require_dyad)
        *require_dyad = e ? e->rec_require_dyad : -1;
}

const char *dyad_eval_errmsg(const dyad_eval *e)
{
    return e ? e->err.msg : "no evaluator";
}

/* ---- reading events ------------------------------------------------------------ */

static void copy_code(char *out, size_t cap, const dy_json *v)
{
    out[0] = 0;
    if (!v || v->type != JS_STR)
        return;
    /* "---" alone is the null actor */
    if (strcmp(v->s, "---") == 0)
        return;
    snprintf(out, cap, "%s", v->s);
}

static int read_events(const dy_json *arr, ev *out, int *n)
{
    *n = 0;
    if (!arr || arr->type != JS_ARR)
        return -1;
    for (const dy_json *j = arr->child; j; j = j->next) {
        if (j->type != JS_OBJ)
            return -1;
        if (*n >= MAX_EV)
            break;
        ev *e = &out[(*n)++];
        memset(e, 0, sizeof *e);
        copy_code(e->src, sizeof e->src, dy_json_get(j, "source"));
        copy_code(e->tgt, sizeof e->tgt, dy_json_get(j, "target"));
        copy_code(e->cameo, sizeof e->cameo, dy_json_get(j, "cameo"));
        copy_code(e->plover, sizeof e->plover, dy_json_get(j, "plover"));
        const dy_json *c = dy_json_get(j, "cameo_candidates");
        if (c && c->type == JS_ARR)
            for (const dy_json *k = c->child; k && e->ncands < 8; k = k->next)
                if (k->type == JS_STR)
                    snprintf(e->cands[e->ncands++], 4, "%.2s", k->s);
        c = dy_json_get(j, "plover_candidates");
        if (c && c->type == JS_ARR)
            for (const dy_json *k = c->child; k && e->npcands < 8; k = k->next)
                if (k->type == JS_STR)
                    snprintf(e->pcands[e->npcands++], 16, "%s", k->s);
        const dy_json *r = dy_json_get(j, "required");
        e->required = !(r && r->type == JS_FALSE);
    }
    return 0;
}

/* ---- keys ----------------------------------------------------------------------- */

/* Is the gold label known at this level (else the sentence is skipped)? */
static bool gold_known(const ev *g, int level, bool actors)
{
    switch (level) {
    case L_ROOT_DYAD:
        return actors && (g->cameo[0] || g->ncands);
    case L_TRIPLE:
        return actors && ((g->cameo[0] && strlen(g->cameo) >= 3) || g->ncands);
    case L_ROOT:
        return g->cameo[0] || g->ncands;
    default:
        return true;
    }
}

/* Does the gold event take part at this level at all? */
static bool gold_counts(const ev *g, int level)
{
    if (level == L_PLOVER)
        return g->plover[0] || g->npcands;
    return true;
}

static bool sys_counts(const ev *s, int level)
{
    if (level == L_PLOVER)
        return s->plover[0] != 0;
    return s->cameo[0] != 0;
}

static bool eq3(const char *a, const char *b)
{
    if (!a[0] || !b[0])
        return !a[0] && !b[0];
    return strncmp(a, b, 3) == 0;
}

static bool root_ok(const ev *g, const ev *s)
{
    if (g->cameo[0])
        return strncmp(g->cameo, s->cameo, 2) == 0;
    for (int i = 0; i < g->ncands; i++)
        if (strncmp(g->cands[i], s->cameo, 2) == 0)
            return true;
    return false;
}

static bool keys_match(const ev *g, const ev *s, int level)
{
    switch (level) {
    case L_ROOT_DYAD:
        return root_ok(g, s) && eq3(g->src, s->src) && eq3(g->tgt, s->tgt);
    case L_TRIPLE:
        if (strcmp(g->src, s->src) != 0 || strcmp(g->tgt, s->tgt) != 0)
            return false;
        if (g->cameo[0])
            return strcmp(g->cameo, s->cameo) == 0;
        return root_ok(g, s);
    case L_PLOVER:
        if (g->plover[0])
            return strcmp(g->plover, s->plover) == 0;
        for (int i = 0; i < g->npcands; i++)
            if (strcmp(g->pcands[i], s->plover) == 0)
                return true;
        return false;
    case L_ROOT:
        return root_ok(g, s);
    }
    return false;
}

/* ---- matching ------------------------------------------------------------------------ */

typedef struct bip {
    bool adj[MAX_EV][MAX_EV];
    int ng, ns;
    int match_s[MAX_EV];    /* system -> gold, -1                           */
    int match_g[MAX_EV];
    bool seen[MAX_EV];
} bip;

static bool augment(bip *b, int g)
{
    for (int s = 0; s < b->ns; s++) {
        if (!b->adj[g][s] || b->seen[s])
            continue;
        b->seen[s] = true;
        if (b->match_s[s] < 0 || augment(b, b->match_s[s])) {
            b->match_s[s] = g;
            b->match_g[g] = s;
            return true;
        }
    }
    return false;
}

static void add_type(dyad_eval *e, int level, const char *name, int tp,
                     int fp, int fn)
{
    if (!name[0])
        name = "(none)";
    int i;
    for (i = 0; i < e->ntypes[level]; i++)
        if (strcmp(e->types[level][i].name, name) == 0)
            break;
    if (i == e->ntypes[level]) {
        if (i >= MAX_TYPES)
            return;
        snprintf(e->types[level][i].name, 16, "%s", name);
        memset(&e->types[level][i].c, 0, sizeof(counts));
        e->ntypes[level]++;
    }
    e->types[level][i].c.tp += tp;
    e->types[level][i].c.fp += fp;
    e->types[level][i].c.fn += fn;
}

static const char *type_of(const ev *x, int level, char *buf)
{
    if (level == L_PLOVER)
        return x->plover[0] ? x->plover : x->npcands ? x->pcands[0] : "";
    if (x->cameo[0]) {
        snprintf(buf, 4, "%.2s", x->cameo);
        return buf;
    }
    return x->ncands ? x->cands[0] : "";
}

static void describe(dy_buf *b, const ev *x)
{
    dy_buf_printf(b, "%s -> %s %s%s%s", x->src[0] ? x->src : "null",
                  x->tgt[0] ? x->tgt : "null", x->cameo[0] ? x->cameo : "?",
                  x->plover[0] ? " " : "", x->plover);
}

/* Score one record; returns whether it was coded exactly (triple level). */
static bool score(dyad_eval *e, const ev *gold, int ng, const ev *sys, int ns,
                  bool actors, const char *id, const char *text)
{
    bool exact = true;
    bool any_err = false;
    for (int level = 0; level < L_COUNT; level++) {
        bool known = true;
        for (int i = 0; i < ng; i++)
            if (gold_counts(&gold[i], level) && !gold_known(&gold[i], level, actors))
                known = false;
        if (!known) {
            e->skipped[level]++;
            if (level == L_TRIPLE)
                exact = false;
            continue;
        }
        bip *b = dy_calloc(1, sizeof *b);
        if (!b)
            return false;
        int gi[MAX_EV], si[MAX_EV];
        int ngl = 0, nsl = 0;
        for (int i = 0; i < ng; i++)
            if (gold_counts(&gold[i], level))
                gi[ngl++] = i;
        for (int j = 0; j < ns; j++)
            if (sys_counts(&sys[j], level))
                si[nsl++] = j;
        b->ng = ngl;
        b->ns = nsl;
        for (int x = 0; x < ngl; x++)
            for (int y = 0; y < nsl; y++)
                b->adj[x][y] = keys_match(&gold[gi[x]], &sys[si[y]], level);
        for (int y = 0; y < nsl; y++)
            b->match_s[y] = -1;
        for (int x = 0; x < ngl; x++)
            b->match_g[x] = -1;
        /* required gold events first, then optional ones */
        for (int pass = 0; pass < 2; pass++)
            for (int x = 0; x < ngl; x++) {
                if (gold[gi[x]].required != (pass == 0))
                    continue;
                memset(b->seen, 0, sizeof b->seen);
                augment(b, x);
            }
        int tp = 0, fp = 0, fn = 0;
        char tb[4];
        for (int x = 0; x < ngl; x++) {
            const ev *g = &gold[gi[x]];
            if (b->match_g[x] >= 0) {
                if (g->required) {
                    tp++;
                    add_type(e, level, type_of(g, level, tb), 1, 0, 0);
                }
            } else if (g->required) {
                fn++;
                add_type(e, level, type_of(g, level, tb), 0, 0, 1);
                if (level == L_TRIPLE || (level == L_ROOT_DYAD && !actors)) {
                }
                if (level == L_ROOT_DYAD) {
                    if (!any_err) {
                        dy_buf_printf(&e->errors, "%s: %s\n", id, text);
                        any_err = true;
                    }
                    dy_buf_puts(&e->errors, "  miss  ");
                    describe(&e->errors, g);
                    dy_buf_puts(&e->errors, "\n");
                }
            }
        }
        for (int y = 0; y < nsl; y++) {
            if (b->match_s[y] >= 0)
                continue;
            fp++;
            add_type(e, level, type_of(&sys[si[y]], level, tb), 0, 1, 0);
            if (level == L_ROOT_DYAD) {
                if (!any_err) {
                    dy_buf_printf(&e->errors, "%s: %s\n", id, text);
                    any_err = true;
                }
                dy_buf_puts(&e->errors, "  false ");
                describe(&e->errors, &sys[si[y]]);
                dy_buf_puts(&e->errors, "\n");
            }
        }
        e->lv[level].tp += tp;
        e->lv[level].fp += fp;
        e->lv[level].fn += fn;
        if (level == L_TRIPLE && (fp || fn))
            exact = false;
        dy_free(b);
    }
    return exact;
}

static dyad_status parse_gold(dyad_eval *e, const char *gold, size_t len,
                              dy_json **out)
{
    char emsg[160];
    dy_arena_reset(&e->arena);
    dy_json *j = dy_json_parse(gold, len, &e->arena, emsg);
    if (!j || j->type != JS_OBJ)
        return (dyad_status)dy_fail(&e->err, DYAD_EGOLD, "bad gold record: %s",
                                    j ? "not an object" : emsg);
    if (!dy_json_get(j, "events"))
        return (dyad_status)dy_fail(&e->err, DYAD_EGOLD,
                                    "gold record without \"events\"");
    *out = j;
    return DYAD_OK;
}

static dyad_status add_common(dyad_eval *e, const dy_json *g, const ev *sys,
                              int ns)
{
    ev *gold = dy_calloc(MAX_EV, sizeof *gold);
    if (!gold)
        return DYAD_ENOMEM;
    int ng;
    if (read_events(dy_json_get(g, "events"), gold, &ng)) {
        dy_free(gold);
        return (dyad_status)dy_fail(&e->err, DYAD_EGOLD,
                                    "gold \"events\" is not a list of objects");
    }
    const dy_json *ac = dy_json_get(g, "actors_coded");
    bool actors = !(ac && ac->type == JS_FALSE);
    const char *id = dy_json_str(g, "id", NULL);
    const char *text = dy_json_str(g, "text", NULL);
    e->records++;
    e->gold_events += ng;
    e->sys_events += ns;
    bool exact = score(e, gold, ng, sys, ns, actors, id ? id : "?",
                       text ? text : "");
    /* records the PETRARCH suite disables (sentence="false") are not part of
     * the exact-record count */
    const char *attr = dy_json_str(g, "petr_sentence_attr", NULL);
    if (!(attr && strcmp(attr, "false") == 0)) {
        e->exact_pool++;
        if (exact)
            e->exact++;
    }
    dy_free(gold);
    return DYAD_OK;
}

dyad_status dyad_eval_add(dyad_eval *e, const char *gold_json, size_t len,
                          const dyad_coder *c)
{
    if (!e || !gold_json)
        return DYAD_EINVAL;
    dy_json *g;
    dyad_status r = parse_gold(e, gold_json, len, &g);
    if (r)
        return r;
    ev *sys = dy_calloc(MAX_EV, sizeof *sys);
    if (!sys)
        return DYAD_ENOMEM;
    int ns = 0;
    size_t n = c ? dyad_event_count(c) : 0;
    for (size_t i = 0; i < n && ns < MAX_EV; i++) {
        const dyad_event *x = dyad_event_get(c, i);
        ev *s = &sys[ns++];
        snprintf(s->src, sizeof s->src, "%s",
                 strcmp(x->source.code, "---") ? x->source.code : "");
        snprintf(s->tgt, sizeof s->tgt, "%s",
                 strcmp(x->target.code, "---") ? x->target.code : "");
        snprintf(s->cameo, sizeof s->cameo, "%s", x->cameo);
        snprintf(s->plover, sizeof s->plover, "%s", x->plover);
        s->required = 1;
    }
    r = add_common(e, g, sys, ns);
    dy_free(sys);
    return r;
}

dyad_status dyad_eval_add_pair(dyad_eval *e, const char *gold_json,
                               size_t gold_len, const char *sys_json,
                               size_t sys_len)
{
    if (!e || !gold_json || !sys_json)
        return DYAD_EINVAL;
    /* parse the system line first into its own arena */
    dy_arena sa;
    dy_arena_init(&sa, 1 << 14);
    char emsg[160];
    dy_json *sj = dy_json_parse(sys_json, sys_len, &sa, emsg);
    ev *sys = dy_calloc(MAX_EV, sizeof *sys);
    int ns = 0;
    dyad_status r = DYAD_OK;
    if (!sys)
        r = DYAD_ENOMEM;
    else if (!sj || read_events(dy_json_get(sj, "events"), sys, &ns))
        r = (dyad_status)dy_fail(&e->err, DYAD_EINPUT,
                                 "bad system record: %s",
                                 sj ? "no \"events\" list" : emsg);
    if (!r) {
        for (int i = 0; i < ns; i++)
            sys[i].required = 1;
        dy_json *g;
        r = parse_gold(e, gold_json, gold_len, &g);
        if (!r)
            r = add_common(e, g, sys, ns);
    }
    dy_free(sys);
    dy_arena_free(&sa);
    return r;
}

dyad_status dyad_eval_record(dyad_eval *e, const char *gold_json, size_t len,
                             dyad_input *rec)
{
    if (!e || !gold_json || !rec)
        return DYAD_EINVAL;
    dy_json *g;
    dyad_status r = parse_gold(e, gold_json, len, &g);
    if (r)
        return r;
    e->rec_require_dyad = -1;
    const dy_json *cfg = dy_json_get(g, "petr_config");
    const dy_json *rd = cfg ? dy_json_get(cfg, "require_dyad") : NULL;
    if (rd && (rd->type == JS_TRUE || rd->type == JS_FALSE))
        e->rec_require_dyad = rd->type == JS_TRUE;
    e->rec_has_petr = cfg != NULL;
    dyad_petr_config_init(&e->rec_petr);
    if (cfg) {
        static const char *const keys[7] = {
            "comma_min",  "comma_max",  "comma_bmin",      "comma_bmax",
            "comma_emin", "comma_emax", "new_actor_length"};
        int *vals[7] = {&e->rec_petr.comma_min,  &e->rec_petr.comma_max,
                        &e->rec_petr.comma_bmin, &e->rec_petr.comma_bmax,
                        &e->rec_petr.comma_emin, &e->rec_petr.comma_emax,
                        &e->rec_petr.new_actor_length};
        for (int i = 0; i < 7; i++) {
            const dy_json *v = dy_json_get(cfg, keys[i]);
            if (v && v->type == JS_NUM)
                *vals[i] = atoi(v->s);
        }
    }
    memset(rec, 0, sizeof *rec);
    rec->id = dy_json_str(g, "id", NULL);
    rec->date = dy_json_str(g, "date", NULL);
    size_t tl = 0;
    rec->text = dy_json_str(g, "text", &tl);
    rec->text_len = tl;
    if (!rec->text)
        return (dyad_status)dy_fail(&e->err, DYAD_EGOLD,
                                    "gold record without \"text\"");
    return DYAD_OK;
}

/* ---- report ------------------------------------------------------------------------------ */

static double ratio(long a, long b) { return b ? (double)a / (double)b : 0.0; }

static void prf(const counts *c, double *p, double *r, double *f)
{
    *p = ratio(c->tp, c->tp + c->fp);
    *r = ratio(c->tp, c->tp + c->fn);
    *f = *p + *r > 0 ? 2 * *p * *r / (*p + *r) : 0.0;
}

static int cmp_type(const void *a, const void *b)
{
    return strcmp(((const typecount *)a)->name, ((const typecount *)b)->name);
}

const char *dyad_eval_report(dyad_eval *e, int json, int errors)
{
    if (!e)
        return "";
    dy_buf *b = &e->report;
    dy_buf_clear(b);
    for (int l = 0; l < L_COUNT; l++)
        dy_qsort(e->types[l], (size_t)e->ntypes[l], sizeof(typecount), cmp_type);
    double p, r, f;
    if (json) {
        dy_buf_printf(b, "{\"records\":%ld,\"gold_events\":%ld,"
                         "\"system_events\":%ld,\"exact_records\":%ld,"
                         "\"exact_pool\":%ld,\"levels\":{",
                      e->records, e->gold_events, e->sys_events, e->exact,
                      e->exact_pool);
        for (int l = 0; l < L_COUNT; l++) {
            prf(&e->lv[l], &p, &r, &f);
            dy_buf_printf(b, "%s\"%s\":{\"tp\":%ld,\"fp\":%ld,\"fn\":%ld,"
                             "\"precision\":%.4f,\"recall\":%.4f,\"f1\":%.4f,"
                             "\"skipped\":%ld,\"types\":{",
                          l ? "," : "", level_names[l], e->lv[l].tp,
                          e->lv[l].fp, e->lv[l].fn, p, r, f, e->skipped[l]);
            for (int t = 0; t < e->ntypes[l]; t++) {
                const typecount *tc = &e->types[l][t];
                dy_buf_printf(b, "%s\"%s\":{\"tp\":%ld,\"fp\":%ld,\"fn\":%ld}",
                              t ? "," : "", tc->name, tc->c.tp, tc->c.fp,
                              tc->c.fn);
            }
            dy_buf_puts(b, "}}");
        }
        dy_buf_puts(b, "}}\n");
        return dy_buf_cstr(b);
    }
    dy_buf_printf(b, "records %ld, gold events %ld, system events %ld\n",
                  e->records, e->gold_events, e->sys_events);
    dy_buf_printf(b, "%-10s %6s %6s %6s %9s %7s %7s %8s\n", "level", "tp", "fp",
                  "fn", "precision", "recall", "F1", "skipped");
    for (int l = 0; l < L_COUNT; l++) {
        prf(&e->lv[l], &p, &r, &f);
        dy_buf_printf(b, "%-10s %6ld %6ld %6ld %9.3f %7.3f %7.3f %8ld\n",
                      level_names[l], e->lv[l].tp, e->lv[l].fp, e->lv[l].fn, p,
                      r, f, e->skipped[l]);
    }
    dy_buf_printf(b, "exact records (triple level): %ld of %ld\n", e->exact,
                  e->exact_pool);
    static const int show[] = {L_PLOVER, L_ROOT};
    for (size_t k = 0; k < 2; k++) {
        int l = show[k];
        dy_buf_printf(b, "\nby %s:\n", l == L_PLOVER ? "PLOVER category"
                                                     : "CAMEO root");
        for (int t = 0; t < e->ntypes[l]; t++) {
            const typecount *tc = &e->types[l][t];
            prf(&tc->c, &p, &r, &f);
            dy_buf_printf(b, "  %-10s tp %4ld fp %4ld fn %4ld  F1 %.3f\n",
                          tc->name, tc->c.tp, tc->c.fp, tc->c.fn, f);
        }
    }
    if (errors) {
        dy_buf_puts(b, "\nerrors (root_dyad level):\n");
        dy_buf_put(b, e->errors.p ? e->errors.p : "", e->errors.len);
    }
    return dy_buf_cstr(b);
}
