/* coder.c - the pipeline driver: one document through cleaning,
 * segmentation, tagging, actor lookup, structure, event matching and
 * resolution, into dyad_event records; plus the document accessors. */
#include "analyze.h"
#include "coder.h"
#include "places.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* Time a stage when profiling: PROF(c, ST_X, statement). */
#define PROF(c, st, stmt)                                                  \
    do {                                                                   \
        if (DY_UNLIKELY((c)->opts.profile)) {                              \
            uint64_t t0_ = now_ns();                                       \
            stmt;                                                          \
            (c)->prof[st] += now_ns() - t0_;                               \
        } else {                                                           \
            stmt;                                                          \
        }                                                                  \
    } while (0)

void dyad_options_init(dyad_options *o)
{
    memset(o, 0, sizeof *o);
    o->version = DYAD_OPTIONS_VERSION;
    o->require_dyad = 0;
    o->unknown_source = 1;
}

dyad_status dyad_coder_new(dyad_coder **out, const dyad_dict *dd,
                           const dyad_options *opts)
{
    if (!out || !dd)
        return DYAD_EINVAL;
    *out = NULL;
    const dy_dict *d = (const dy_dict *)dd;
    if (!d->finished)
        return DYAD_EINVAL;
    dyad_coder *c = dy_calloc(1, sizeof *c);
    if (!c)
        return DYAD_ENOMEM;
    c->sa = dy_calloc(1, sizeof *c->sa);
    if (!c->sa) {
        dy_free(c);
        return DYAD_ENOMEM;
    }
    c->dict = d;
    dyad_coder_set_petr(c, NULL);
    dyad_options_init(&c->opts);
    if (opts) {
        if (opts->version == 1) {
            /* a caller built against version 1: its struct ends before
             * unknown_source, which keeps its default */
            memcpy(&c->opts, opts, offsetof(dyad_options, unknown_source));
            c->opts.version = DYAD_OPTIONS_VERSION;
        } else if (opts->version == DYAD_OPTIONS_VERSION) {
            c->opts = *opts;
        } else {
            dy_free(c->sa);
            dy_free(c);
            return DYAD_EINVAL;
        }
    }
    if (c->opts.default_date) {
        if (dy_parse_date(c->opts.default_date, strlen(c->opts.default_date),
                          &c->default_days)) {
            dy_free(c->sa);
            dy_free(c);
            return DYAD_EINVAL;
        }
        c->has_default = 1;
    }
    dy_doc_init(&c->doc);
    dy_buf_init(&c->out);
    dy_buf_init(&c->warn);
    dy_buf_init(&c->explain);
    dy_buf_init(&c->profbuf);
    /* lexicon lookups by word id (NULL: the tagger looks every token up) */
    c->tagmemo = d->tagger ? dy_tagmemo_new((size_t)d->words.n + 1) : NULL;
    /* set blooms (NULL: set items are looked up without them) */
    c->setbloom = dy_set_blooms(d);
    c->sa->setbloom = c->setbloom;
    /* date word classes by word id (NULL: computed for every token) */
    c->txmemo = dy_calloc((size_t)d->words.n + 1, sizeof *c->txmemo);
    c->sa->txmemo = c->txmemo;
    c->sa->ntxmemo = c->txmemo ? (size_t)d->words.n + 1 : 0;
    *out = c;
    return DYAD_OK;
}

void dyad_petr_config_init(dyad_petr_config *c)
{
    if (!c)
        return;
    c->comma_min = 2;
    c->comma_max = 8;
    c->comma_bmin = 0;
    c->comma_bmax = 0;
    c->comma_emin = 2;
    c->comma_emax = 8;
    c->new_actor_length = 0;
}

static uint16_t clamp_words(int v)
{
    return (uint16_t)(v < 0 ? 0 : v > 1000 ? 1000 : v);
}

dyad_status dyad_coder_set_petr(dyad_coder *c, const dyad_petr_config *cfg)
{
    if (!c)
        return DYAD_EINVAL;
    dyad_petr_config d;
    dyad_petr_config_init(&d);
    if (!cfg)
        cfg = &d;
    dy_petr_opts *o = &c->sa->petr_opts;
    o->min = clamp_words(cfg->comma_min);
    o->max = clamp_words(cfg->comma_max);
    o->bmin = clamp_words(cfg->comma_bmin);
    o->bmax = clamp_words(cfg->comma_bmax);
    o->emin = clamp_words(cfg->comma_emin);
    o->emax = clamp_words(cfg->comma_emax);
    o->new_actor_length = clamp_words(cfg->new_actor_length);
    return DYAD_OK;
}

void dyad_coder_free(dyad_coder *c)
{
    if (!c)
        return;
    dy_doc_free(&c->doc);
    dy_buf_free(&c->out);
    dy_buf_free(&c->warn);
    dy_buf_free(&c->explain);
    dy_buf_free(&c->profbuf);
    dy_free(c->events);
    dy_free(c->evx);
    dy_tagmemo_free(c->tagmemo);
    dy_free(c->setbloom);
    dy_free(c->txmemo);
    dy_free(c->sa);
    dy_free(c);
}

const char *dyad_coder_errmsg(const dyad_coder *c)
{
    return c ? c->err.msg : "no coder";
}

/* ---- discards -------------------------------------------------------------- */

static bool has_first(const dy_dict *d, uint32_t w)
{
    size_t lo = 0, hi = d->ndiscards;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (d->discard_first[mid] == w)
            return true;
        if (d->discard_first[mid] < w)
            lo = mid + 1;
        else
            hi = mid;
    }
    return false;
}

/* 0 = none, 1 = sentence discard, 2 = story discard. */
static int discard_in(const dy_dict *d, const dy_tok *t, size_t n,
                      const dy_discard **which)
{
    int found = 0;
    for (size_t i = 0; i < n; i++) {
        if (!(t[i].wflags & W_DISCARD) ||
            !has_first(d, t[i].w))
            continue;
        for (size_t k = 0; k < d->ndiscards; k++) {
            const dy_discard *x = &d->discards[k];
            if (x->words[0] != t[i].w || i + x->ntok > n)
                continue;
            bool ok = true;
            for (size_t j = 1; j < x->ntok && ok; j++)
                ok = t[i + j].w == x->words[j] || t[i + j].lem == x->words[j];
            if (ok) {
                int level = x->story ? 2 : 1;
                if (level > found) {
                    found = level;
                    *which = x;
                }
            }
        }
    }
    return found;
}

/* ---- events out ------------------------------------------------------------- */

static const char *arena_str(dyad_coder *c, const char *s, size_t n)
{
    char *p = dy_arena_strndup(&c->doc.arena, s, n);
    return p ? p : "";
}

static void fill_actor(dyad_coder *c, dyad_actor *out, const dy_actor *a,
                       bool has, const dy_sa *sa)
{
    memset(out, 0, sizeof *out);
    out->code = "";
    out->text = "";
    out->entry = "";
    if (!has)
        return;
    out->code = arena_str(c, a->code, strlen(a->code));
    if (a->newactor && a->b < a->e && a->e <= sa->n) {
        /* PETRARCH's new actor: its whole text (the code is cut at 31) */
        char buf[256];
        size_t l = dy_petr_actor_text(sa, a->b, a->e, buf, sizeof buf);
        out->code = arena_str(c, buf, l);
    }
    if (a->b < a->e && a->e <= sa->n) {
        out->beg = sa->t[a->b].beg;
        out->end = sa->t[a->e - 1].end;
        out->text = arena_str(c, c->doc.text + out->beg, out->end - out->beg);
    }
    if (a->entity != UINT32_MAX && a->entity < c->dict->nents)
        out->entry = c->dict->ents[a->entity].name;
    out->confidence = a->conf > 0 ? a->conf : 1.0;
}

static int add_event(dyad_coder *c, const dy_sa *sa, const dy_ev *e)
{
    const dy_dict *d = c->dict;
    if (DY_GROW(c->events, c->capevents, c->nevents + 1) ||
        dy_grow((void **)&c->evx, &c->capevx, c->nevents + 1, sizeof *c->evx))
        return DYAD_ENOMEM;
    dyad_event *o = &c->events[c->nevents];
    memset(o, 0, sizeof *o);
    o->sentence = (int)sa->sidx;
    fill_actor(c, &o->source, &e->src, e->has_src, sa);
    fill_actor(c, &o->target, &e->tgt, e->has_tgt, sa);
    o->cameo = arena_str(c, e->code, strlen(e->code));
    const dy_code *code = dy_dict_code(d, e->code);
    o->plover = code ? code->plover : "";
    o->plover_mode = code ? code->mode : "";
    o->plover_context = code ? code->context : "";
    o->goldstein = code ? code->goldstein : 0;
    o->quad_class = code ? code->quad : 0;
    o->verb_beg = sa->t[e->verb_b].beg;
    o->verb_end = sa->t[e->verb_e - 1].end;
    o->verb_text = arena_str(c, c->doc.text + o->verb_beg,
                             o->verb_end - o->verb_beg);
    o->pattern = e->pattern < d->npats ? d->pats[e->pattern].id : "";
    char date[11];
    dy_format_date(e->date, date);
    o->date = arena_str(c, date, 10);
    o->date_source = e->date_src == 1 ? "explicit"
                     : e->date_src == 2 ? "relative"
                     : e->date_src == 3 ? "context"
                                        : "story";
    o->future = e->future;
    o->negated = (e->flags & EV_NEG) != 0;
    o->modality = e->modality == EVM_HYPO     ? "hypothetical"
                  : e->modality == EVM_INTENT ? "intent"
                  : e->modality == EVM_REPORTED ? "reported"
                                                : "";
    o->location = o->loc_country = o->loc_admin1 = "";
    o->loc_feature = o->loc_method = "";
    /* places (places.c): strings are the gazetteer's, which the dictionary
     * keeps for the coder's life */
    dy_place_view pv;
    if (e->place >= 0 && dy_gaz_view(d->gaz, e->place, e->place_name, &pv) == 0) {
        size_t pb, pe;
        o->location = dy_place_written(sa, e, &pb, &pe)
                          ? arena_str(c, c->doc.text + pb, pe - pb)
                          : pv.name;
        o->loc_country = pv.country;
        o->loc_admin1 = pv.admin1;
        o->loc_feature = pv.feature;
        o->loc_method = dy_place_method_name(e->place_method);
        o->has_point = pv.has_point;
        o->lat = pv.lat;
        o->lon = pv.lon;
    }
    c->evx[c->nevents].sent_beg = sa->sent->beg;
    c->evx[c->nevents].sent_end = sa->sent->end;
    c->nevents++;
    return 0;
}

/* ---- explain ---------------------------------------------------------------------- */

static void explain_sentence(dyad_coder *c, const dy_sa *sa, const char *why)
{
    dy_buf *b = &c->explain;
    const dy_dict *d = c->dict;
    dy_buf_printf(b, "\n[%zu] ", sa->sidx);
    dy_buf_put(b, c->doc.text + sa->sent->beg, sa->sent->end - sa->sent->beg);
    dy_buf_puts(b, "\n");
    if (why) {
        dy_buf_printf(b, "  skipped: %s\n", why);
        return;
    }
    dy_buf_puts(b, "  tokens:");
    for (size_t i = 0; i < sa->n; i++) {
        dy_buf_putc(b, ' ');
        dy_buf_put(b, sa->t[i].s, sa->t[i].n);
        dy_buf_printf(b, "/%s", dy_tag_name(sa->t[i].tag));
    }
    dy_buf_puts(b, "\n");
    for (size_t k = 0; k < sa->nment; k++) {
        const dy_mention *m = &sa->ment[k];
        const dy_phrase *p = &d->phr[m->phrase];
        dy_buf_puts(b, "  actor: ");
        dy_buf_put(b, c->doc.text + sa->t[m->b].beg,
                   sa->t[m->e - 1].end - sa->t[m->b].beg);
        dy_buf_printf(b, " -> %s (%s, entry \"%s\" %s:%u%s)\n",
                      m->code[0] ? m->code : "no code on this date",
                      m->kind == PH_AGENT ? "agent"
                      : m->kind == PH_ADJ ? "adjective"
                                          : "name",
                      d->ents[m->entity].name, d->files[p->src.file],
                      p->src.line, m->fuzzy ? ", approximate" : "");
    }
    for (size_t k = 0; k < sa->nvg; k++) {
        const dy_vg *g = &sa->vg[k];
        dy_buf_puts(b, "  verb: ");
        dy_buf_put(b, c->doc.text + sa->t[g->b].beg,
                   sa->t[g->e - 1].end - sa->t[g->b].beg);
        static const char *const cl[] = {"main", "that", "if", "relative",
                                         "adverbial", "quote"};
        dy_buf_printf(b, " [clause %u %s%s%s%s%s%s]", g->clause,
                      cl[sa->cl[g->clause].type],
                      g->tense == TENSE_PAST ? " past"
                      : g->tense == TENSE_FUT ? " future"
                                              : "",
                      g->modal ? " modal" : "", g->flags & VG_NEG ? " neg" : "",
                      g->flags & VG_PASSIVE ? " passive" : "",
                      g->flags & VG_INF ? " infinitive" : "");
        const int16_t roles[3] = {g->subj, g->obj, g->agent};
        static const char *const names[3] = {"subject", "object", "by"};
        for (int r = 0; r < 3; r++) {
            if (roles[r] < 0)
                continue;
            const dy_np *p = &sa->np[roles[r]];
            dy_buf_printf(b, " %s=\"", names[r]);
            dy_buf_put(b, c->doc.text + sa->t[p->b].beg,
                       sa->t[p->e - 1].end - sa->t[p->b].beg);
            dy_buf_puts(b, "\"");
            for (int16_t q = roles[r]; q >= 0; q = sa->np[q].next_coord)
                for (size_t a = 0; a < sa->np[q].nact; a++)
                    dy_buf_printf(b, " %s", sa->np[q].act[a].code);
        }
        if (!g->verb)
            dy_buf_puts(b, " (not an event verb)");
        dy_buf_puts(b, "\n");
    }
    for (size_t k = 0; k < sa->ntx; k++) {
        char d10[11];
        dy_format_date(sa->tx_days[k], d10);
        dy_buf_printf(b, "  date: \"%.*s\" -> %s", (int)sa->t[sa->tx_tok[k]].n,
                      sa->t[sa->tx_tok[k]].s, d10);
        if (sa->tx_owner[k] >= 0) {
            const dy_vg *g = &sa->vg[sa->tx_owner[k]];
            dy_buf_printf(b, " (nearest verb \"%.*s\")", (int)sa->t[g->head].n,
                          sa->t[g->head].s);
        }
        dy_buf_puts(b, "\n");
    }
    for (size_t k = 0; k < sa->nev; k++) {
        const dy_ev *e = &sa->ev[k];
        dy_buf_printf(b, "  %s: %s -> %s %s", e->dropped ? "dropped" : "event",
                      e->has_src ? e->src.code : "-",
                      e->has_tgt ? e->tgt.code : "-", e->code);
        if (e->pattern < d->npats) {
            const dy_pattern *p = &d->pats[e->pattern];
            dy_buf_printf(b, " pattern %s (%s:%u)", p->id, d->files[p->src.file],
                          p->src.line);
        }
        if (e->why)
            dy_buf_printf(b, " (%s)", e->why);
        if (!e->dropped) {
            char d10[11];
            dy_format_date(e->date, d10);
            dy_buf_printf(b, " date %s (%s)", d10,
                          e->date_src == 1   ? "explicit"
                          : e->date_src == 2 ? "relative"
                          : e->date_src == 3 ? "previous sentence"
                                             : "story");
        }
        /* places: where, and how it was chosen */
        dy_place_view pv;
        if (!e->dropped && e->place >= 0 &&
            dy_gaz_view(d->gaz, e->place, e->place_name, &pv) == 0)
            dy_buf_printf(b, " place %s (%s %s %s, %s)", pv.name, pv.feature,
                          pv.country, pv.admin1,
                          dy_place_method_name(e->place_method));
        dy_buf_puts(b, "\n");
    }
    if (!sa->nev)
        dy_buf_puts(b, "  no event: no verb or noun pattern matched with actors\n");
}

/* ---- coding -------------------------------------------------------------------------- */

static void code_window(dyad_coder *c, const dy_sent *s, size_t sidx,
                        size_t t0, size_t n, int32_t story)
{
    dy_sa *sa = c->sa;
    sa->dict = c->dict;
    sa->doc = &c->doc;
    sa->sent = s;
    sa->sidx = sidx;
    sa->story_days = story;
    sa->t = c->doc.toks + t0;
    sa->n = n;
    c->nsents++;
    c->ntoks += n;
    PROF(c, ST_TAG, dy_tagger_tag_memo(c->dict->tagger, sa->t, n, c->tagmemo));
    PROF(c, ST_ACTORS, dy_find_mentions(sa));
    PROF(c, ST_CHUNK, dy_chunk(sa); dy_np_actors(sa, &c->mem));
    PROF(c, ST_EVENTS, dy_match_events(sa));
    PROF(c, ST_RESOLVE, dy_resolve_events(sa, &c->mem));
    dy_place_events(sa, &c->mem); /* places: each event's location */
    /* events come out in the order of their verbs and event nouns in the
     * text ("began air strikes in Yemen ..., months after the Houthis
     * seized Sanaa": the strikes first), ties in the order found */
    uint8_t order[DY_ARRAY_LEN(sa->ev)];
    for (size_t k = 0; k < sa->nev; k++) {
        size_t j = k;
        for (; j > 0 && sa->ev[order[j - 1]].verb_b > sa->ev[k].verb_b; j--)
            order[j] = order[j - 1];
        order[j] = (uint8_t)k;
    }
    for (size_t ki = 0; ki < sa->nev; ki++) {
        dy_ev *e = &sa->ev[order[ki]];
        /* negated events are kept, flagged, when the user asks for them */
        if (e->dropped && !(c->opts.keep_negated && (e->flags & EV_NEG)))
            continue;
        /* an unnamed perpetrator (events.c, EV_NOSRC) keeps its event
         * only while it is still an act of violence (not a threat of one) */
        if (!e->has_src && (e->flags & EV_NOSRC) &&
            !(e->code[0] == '1' && e->code[1] == '8') &&
            !(e->code[0] == '1' && e->code[1] == '9') &&
            !(e->code[0] == '2' && e->code[1] == '0')) {
            e->dropped = 1;
            e->why = "no source (an unnamed perpetrator's act that is no "
                     "longer violence)";
            continue;
        }
        /* one left without a source (a device's act in a known country
         * has its UAF source, places.c) is kept only on request */
        if (!e->has_src && (e->flags & EV_NOSRC) && !c->opts.unknown_source) {
            e->dropped = 1;
            e->why = "no source (an unnamed perpetrator; unknown_source off)";
            continue;
        }
        if ((!e->has_src && !(e->flags & EV_NOSRC)) ||
            (c->opts.require_dyad && !e->has_tgt)) {
            e->dropped = 1;
            e->why = e->has_src ? "no target (dyads required)" : "no source";
            continue;
        }
        /* generic agents without a country on both sides say nothing */
        if (e->has_src && e->has_tgt && e->src.generic && e->tgt.generic) {
            e->dropped = 1;
            e->why = "both actors without a country";
            continue;
        }
        c->nevs++;
        if (add_event(c, sa, e)) {
            c->oom = 1;
            return;
        }
    }
    if (c->opts.explain)
        explain_sentence(c, sa, NULL);
}

dyad_status dyad_code(dyad_coder *c, const dyad_input *in)
{
    if (!c || !in || (!in->text && in->text_len))
        return DYAD_EINVAL;
    c->id = c->url = c->source = NULL; /* they lived in the old arena */
    dy_doc_reset(&c->doc);
    dy_err_clear(&c->err);
    dy_buf_clear(&c->warn);
    dy_buf_clear(&c->explain);
    c->nevents = 0;
    c->oom = 0;
    memset(&c->mem, 0, sizeof c->mem);
    c->seq++;
    char idbuf[32];
    if (in->id) {
        c->id = dy_arena_strndup(&c->doc.arena, in->id, strlen(in->id));
    } else {
        snprintf(idbuf, sizeof idbuf, "doc%lu", c->seq);
        c->id = dy_arena_strndup(&c->doc.arena, idbuf, strlen(idbuf));
    }
    if (!c->id)
        return (dyad_status)dy_fail(&c->err, DYAD_ENOMEM, "out of memory");
    c->url = in->url ? dy_arena_strndup(&c->doc.arena, in->url, strlen(in->url))
                     : NULL;
    c->source = in->source ? dy_arena_strndup(&c->doc.arena, in->source,
                                              strlen(in->source))
                           : NULL;
    c->ndocs++;
    int r;
    PROF(c, ST_CLEAN, r = dy_text_load(&c->doc, in->text ? in->text : "",
                                       in->text_len, &c->err);
         if (!r) r = dy_clean(&c->doc) ? DYAD_ENOMEM : 0);
    if (r)
        return (dyad_status)(r == DYAD_ENOMEM && !c->err.msg[0]
                                 ? dy_fail(&c->err, r, "out of memory")
                                 : r);
    if (c->doc.repaired)
        dy_buf_printf(&c->warn, "%zu invalid UTF-8 or control bytes replaced\n",
                      c->doc.repaired);
    PROF(c, ST_SEGMENT, r = dy_segment(&c->doc, c->dict));
    if (r)
        return (dyad_status)dy_fail(&c->err, DYAD_ENOMEM, "out of memory");
    /* the story date */
    int32_t story;
    if (in->date && *in->date) {
        if (dy_parse_date(in->date, strlen(in->date), &story))
            return (dyad_status)dy_fail(&c->err, DYAD_EINPUT,
                                        "bad date '%s' (want YYYY-MM-DD)",
                                        in->date);
    } else if (c->has_default) {
        story = c->default_days;
    } else if (c->doc.dateline_days >= 0) {
        story = c->doc.dateline_days;
        dy_buf_puts(&c->warn, "story date taken from the dateline\n");
    } else {
        story = dy_today();
        dy_buf_puts(&c->warn, "no story date: today's date used\n");
    }
    c->story = story;
    dy_format_date(story, c->story_str);
    /* a story-level discard voids the document */
    const dy_discard *x = NULL;
    if (discard_in(c->dict, c->doc.toks, c->doc.ntok, &x) == 2) {
        dy_buf_printf(&c->warn, "story discarded (%s:%u)\n",
                      c->dict->files[x->src.file], x->src.line);
        return DYAD_OK;
    }
    for (size_t si = 0; si < c->doc.nsent && !c->oom; si++) {
        dy_sent *s = &c->doc.sents[si];
        x = NULL;
        if (discard_in(c->dict, c->doc.toks + s->tok0, s->ntok, &x)) {
            s->discarded = 1;
            if (c->opts.explain) {
                char why[300];
                snprintf(why, sizeof why, "discard phrase (%s:%u)",
                         c->dict->files[x->src.file], x->src.line);
                c->sa->sidx = si;
                c->sa->sent = s;
                explain_sentence(c, c->sa, why);
            }
            continue;
        }
        for (size_t off = 0; off < s->ntok; off += DY_MAX_STOK)
            code_window(c, s, si, s->tok0 + off,
                        DY_MIN(s->ntok - off, DY_MAX_STOK), story);
    }
    if (c->oom)
        return (dyad_status)dy_fail(&c->err, DYAD_ENOMEM, "out of memory");
    return DYAD_OK;
}

const char *dyad_coder_profile(dyad_coder *c)
{
    static const char *const names[DY_STAGES] = {
        "clean", "segment", "tag", "actors", "structure", "events", "resolve",
        "output"};
    if (!c)
        return "";
    dy_buf *b = &c->profbuf;
    dy_buf_clear(b);
    uint64_t total = 0;
    for (int i = 0; i < DY_STAGES; i++)
        total += c->prof[i];
    for (int i = 0; i < DY_STAGES; i++)
        dy_buf_printf(b, "%-10s %9.3f s %5.1f%%\n", names[i], c->prof[i] / 1e9,
                      total ? 100.0 * (double)c->prof[i] / (double)total : 0.0);
    dy_buf_printf(b, "%-10s %9.3f s\n", "total", total / 1e9);
    dy_buf_printf(b, "documents %llu sentences %llu tokens %llu events %llu\n",
                  (unsigned long long)c->ndocs, (unsigned long long)c->nsents,
                  (unsigned long long)c->ntoks, (unsigned long long)c->nevs);
    return dy_buf_cstr(b);
}

size_t dyad_event_count(const dyad_coder *c) { return c ? c->nevents : 0; }

const dyad_event *dyad_event_get(const dyad_coder *c, size_t i)
{
    return c && i < c->nevents ? &c->events[i] : NULL;
}

const char *dyad_doc_id(const dyad_coder *c) { return c && c->id ? c->id : ""; }

const char *dyad_doc_date(const dyad_coder *c) { return c ? c->story_str : ""; }

size_t dyad_sentence_count(const dyad_coder *c) { return c ? c->doc.nsent : 0; }

const char *dyad_sentence_text(const dyad_coder *c, size_t i, size_t *len,
                               size_t *offset)
{
    if (!c || i >= c->doc.nsent)
        return NULL;
    const dy_sent *s = &c->doc.sents[i];
    if (len)
        *len = s->end - s->beg;
    if (offset)
        *offset = s->beg;
    return c->doc.text + s->beg;
}

const char *dyad_doc_warnings(const dyad_coder *c)
{
    return c ? dy_buf_cstr((dy_buf *)(uintptr_t)&c->warn) : "";
}
