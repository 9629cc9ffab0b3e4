/* places.c - the gazetteer (a read-only mapped table built by
 * tools/build_gazetteer.py) and the choice of each event's place.
 *
 * An event's place is a name in a locative phrase of the event's clause
 * ("in Donetsk", "outside Bamako", "in the southern city of Aden"), else,
 * for physical events (meetings, force, coercion, protest), a name the verb
 * acts on ("seized Kabul", "an assault on Tskhinvali", "into Israel"), else
 * a country given by a demonym with a border word ("near the Ukrainian
 * border" -> UKR without a point), else the dateline for the sentence's
 * first event (both directions of a reciprocal one). A name used as an actor (subject, "Moscow said", or the
 * object of a verbal event, "warned Washington") is never a place.
 *
 * Ambiguous names are resolved by what the phrase says ("Paris, Texas",
 * "the Georgian town of Gori", "the Donetsk region"), the places the story
 * has named before, the countries of its actors, and population; a
 * country's name resolves to the country (or one of its divisions in
 * context), never to a town of the same name. */
#include "places.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utf8proc.h>

#ifndef DYAD_DEFAULT_GAZETTEER
#define DYAD_DEFAULT_GAZETTEER "/usr/local/share/dyad/gazetteer.bin"
#endif

/* ---- the file format (see tools/build_gazetteer.py) ------------------------ */

#define GZ_MAGIC "DYGAZ\0\3\0"
#define GZ_FILTER_BITS (1u << 21)
#define GZ_NONE16 0xFFFFu
#define GZ_NONE32 0xFFFFFFFFu
#define GZ_REF_ADJ 0x80000000u  /* the name is a demonym of the country */

enum { GZF_POINT = 1, GZF_CAPITAL = 2, GZF_SEAT = 4, GZF_HIST = 8 };

typedef struct gz_hdr {
    char magic[8];
    uint32_t nplaces, nkeys, nrefs, nbuckets, ncountries, nadmin1, nstr, size;
    uint32_t off[8];            /* places keys refs buckets countries admin1
                                   strings filter                            */
} gz_hdr;

typedef struct gz_place {
    int32_t lat, lon;           /* degrees * 1e5                             */
    uint32_t pop, name;
    uint16_t country, admin1;   /* indices, GZ_NONE16 = none                 */
    uint8_t feature, flags;     /* DY_PL_*, GZF_*                            */
    uint16_t pad;
} gz_place;

typedef struct gz_key {
    uint32_t hash, str, ref0;
    uint16_t nref;
    uint8_t ntok, flags;
} gz_key;

typedef struct gz_ref {
    uint32_t place;             /* | GZ_REF_ADJ                              */
    uint32_t disp;              /* the name as written                       */
} gz_ref;

typedef struct gz_country {
    char a3[4], a2[4];
    uint32_t name, place, capital;
} gz_country;

typedef struct gz_admin1 {
    uint32_t code, name, place;
    uint16_t country, pad;
} gz_admin1;

struct dy_gaz {
    void *map;
    size_t size;
    const gz_hdr *h;
    const gz_place *places;
    const gz_key *keys;
    const gz_ref *refs;
    const uint32_t *buckets;
    const gz_country *countries;
    const gz_admin1 *admin1;
    const char *str;
    const uint8_t *filter;      /* bits of names, and of name prefixes      */
};

static uint32_t fnv1a(const char *s, size_t n)
{
    uint32_t h = 0x811C9DC5u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x01000193u;
    }
    return h;
}

/* ---- loading ---------------------------------------------------------------- */

static int gz_bad(dy_err *err, const char *path, const char *why)
{
    return dy_fail(err, DYAD_EDICT, "%s: not a dyad gazetteer (%s); rebuild it "
                   "with `make gazetteer`", path, why);
}

static bool str_ok(const dy_gaz *g, uint32_t off)
{
    return off < g->h->nstr;
}

/* Check every index and offset once, so that lookups need not. */
static const char *gz_validate(dy_gaz *g)
{
    const gz_hdr *h = g->h;
    const size_t sz[8] = {sizeof(gz_place), sizeof(gz_key), sizeof(gz_ref),
                          sizeof(uint32_t), sizeof(gz_country),
                          sizeof(gz_admin1), 1, 1};
    const uint32_t cnt[8] = {h->nplaces, h->nkeys, h->nrefs, h->nbuckets,
                             h->ncountries, h->nadmin1, h->nstr,
                             GZ_FILTER_BITS / 8};
    if (h->size != g->size)
        return "size";
    for (int i = 0; i < 8; i++) {
        if (h->off[i] % 8 || h->off[i] < sizeof *h || h->off[i] > g->size ||
            (uint64_t)cnt[i] * sz[i] > g->size - h->off[i])
            return "section bounds";
    }
    const char *base = (const char *)g->map;
    g->places = (const gz_place *)(const void *)(base + h->off[0]);
    g->keys = (const gz_key *)(const void *)(base + h->off[1]);
    g->refs = (const gz_ref *)(const void *)(base + h->off[2]);
    g->buckets = (const uint32_t *)(const void *)(base + h->off[3]);
    g->countries = (const gz_country *)(const void *)(base + h->off[4]);
    g->admin1 = (const gz_admin1 *)(const void *)(base + h->off[5]);
    g->str = base + h->off[6];
    g->filter = (const uint8_t *)base + h->off[7];
    if (!h->nstr || g->str[h->nstr - 1] != 0)
        return "strings";
    if (!h->nbuckets || (h->nbuckets & (h->nbuckets - 1)) ||
        h->nbuckets < h->nkeys || h->nplaces >= GZ_REF_ADJ)
        return "counts";
    for (uint32_t i = 0; i < h->nplaces; i++) {
        const gz_place *p = &g->places[i];
        if (!str_ok(g, p->name) || p->feature < DY_PL_COUNTRY ||
            p->feature > DY_PL_SITE ||
            (p->country != GZ_NONE16 && p->country >= h->ncountries) ||
            (p->admin1 != GZ_NONE16 && p->admin1 >= h->nadmin1))
            return "place";
    }
    for (uint32_t i = 0; i < h->nkeys; i++) {
        const gz_key *k = &g->keys[i];
        if (!str_ok(g, k->str) || k->ref0 > h->nrefs ||
            k->nref > h->nrefs - k->ref0)
            return "name";
    }
    for (uint32_t i = 0; i < h->nrefs; i++)
        if ((g->refs[i].place & ~GZ_REF_ADJ) >= h->nplaces ||
            !str_ok(g, g->refs[i].disp))
            return "reference";
    for (uint32_t i = 0; i < h->nbuckets; i++)
        if (g->buckets[i] > h->nkeys)
            return "hash table";
    for (uint32_t i = 0; i < h->ncountries; i++) {
        const gz_country *c = &g->countries[i];
        if (!str_ok(g, c->name) || c->place >= h->nplaces ||
            (c->capital != GZ_NONE32 && c->capital >= h->nplaces) ||
            c->a3[3] || c->a2[3])
            return "country";
    }
    for (uint32_t i = 0; i < h->nadmin1; i++) {
        const gz_admin1 *a = &g->admin1[i];
        if (!str_ok(g, a->code) || !str_ok(g, a->name) ||
            a->place >= h->nplaces || a->country >= h->ncountries)
            return "admin-1";
    }
    return NULL;
}

int dy_gaz_load(dy_gaz **out, const char *path, dy_err *err)
{
    *out = NULL;
    const uint16_t one = 1;
    if (*(const unsigned char *)&one != 1)
        return dy_fail(err, DYAD_EDICT, "%s: the gazetteer format is "
                       "little-endian; this machine is not", path);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return dy_fail(err, DYAD_EIO, "%s: %s", path, strerror(errno));
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return dy_fail(err, DYAD_EIO, "%s: not a regular file", path);
    }
    if ((size_t)st.st_size < sizeof(gz_hdr)) {
        close(fd);
        return gz_bad(err, path, "too short");
    }
    void *map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (map == MAP_FAILED)
        return dy_fail(err, DYAD_EIO, "%s: %s", path, strerror(errno));
    dy_gaz *g = dy_calloc(1, sizeof *g);
    if (!g) {
        munmap(map, (size_t)st.st_size);
        return dy_fail(err, DYAD_ENOMEM, "out of memory");
    }
    g->map = map;
    g->size = (size_t)st.st_size;
    g->h = map;
    const char *why = memcmp(g->h->magic, GZ_MAGIC, 8) ? "magic or version"
                                                       : gz_validate(g);
    if (why) {
        dy_gaz_free(g);
        return gz_bad(err, path, why);
    }
    *out = g;
    return 0;
}

void dy_gaz_load_default(dy_gaz **out, dy_buf *warn, size_t *nwarn)
{
    *out = NULL;
    const char *e = getenv("DYAD_GAZETTEER");
    const char *path = e ? e : DYAD_DEFAULT_GAZETTEER;
    if (!*path || strcmp(path, "none") == 0)
        return;
    dy_err err;
    dy_err_clear(&err);
    if (dy_gaz_load(out, path, &err)) {
        dy_buf_printf(warn, "%s: places disabled (events get no location)\n",
                      err.msg);
        (*nwarn)++;
    }
}

void dy_gaz_free(dy_gaz *g)
{
    if (!g)
        return;
    if (g->map)
        munmap(g->map, g->size);
    dy_free(g);
}

size_t dy_gaz_count(const dy_gaz *g) { return g ? g->h->nplaces : 0; }

/* The filter: may a name have hash h / may a longer name start with the
 * words of hash h? */
static bool may_be_name(const dy_gaz *g, uint32_t h)
{
    uint32_t b = h >> 11;
    return (g->filter[b >> 3] >> (b & 7)) & 1;
}

static bool may_be_prefix(const dy_gaz *g, uint32_t h)
{
    uint32_t b = (h * 0x9E3779B1u) >> 11;
    return (g->filter[b >> 3] >> (b & 7)) & 1;
}

static const gz_key *gz_find_h(const dy_gaz *g, const char *k, size_t n,
                               uint32_t h)
{
    uint32_t mask = g->h->nbuckets - 1;
    for (uint32_t j = h & mask, probes = 0; probes <= mask;
         j = (j + 1) & mask, probes++) {
        uint32_t b = g->buckets[j];
        if (!b)
            return NULL;
        const gz_key *key = &g->keys[b - 1];
        if (key->hash == h && strncmp(g->str + key->str, k, n) == 0 &&
            g->str[key->str + n] == 0)
            return key;
    }
    return NULL;
}

static const gz_key *gz_find(const dy_gaz *g, const char *k, size_t n)
{
    uint32_t h = fnv1a(k, n);
    return may_be_name(g, h) ? gz_find_h(g, k, n, h) : NULL;
}

/* ---- views -------------------------------------------------------------------- */

static const char *const feature_names[] = {"",       "country", "admin1",
                                            "city",   "region",  "water",
                                            "site"};

int dy_gaz_view(const dy_gaz *g, int32_t place, uint32_t disp,
                dy_place_view *v)
{
    memset(v, 0, sizeof *v);
    if (!g || place < 0 || (uint32_t)place >= g->h->nplaces)
        return -1;
    const gz_place *p = &g->places[place];
    v->canonical = g->str + p->name;
    v->name = disp && str_ok(g, disp) ? g->str + disp : v->canonical;
    v->country = p->country != GZ_NONE16 ? g->countries[p->country].a3 : "";
    v->admin1 = p->admin1 != GZ_NONE16 ? g->str + g->admin1[p->admin1].code
                                       : "";
    v->feature = feature_names[p->feature];
    v->kind = p->feature;
    v->has_point = (p->flags & GZF_POINT) != 0;
    v->lat = p->lat / 1e5;
    v->lon = p->lon / 1e5;
    v->population = p->pop;
    return 0;
}

const char *dy_place_method_name(int m)
{
    static const char *const names[] = {"",         "locative", "direction",
                                        "object",   "demonym",  "dateline"};
    return m >= 0 && m < (int)DY_ARRAY_LEN(names) ? names[m] : "";
}

/* ---- keys ------------------------------------------------------------------------ */

/* Apostrophe-like code points dropped from keys (the build drops them too). */
static bool is_apos_cp(uint32_t cp)
{
    return cp == 0x2019 || cp == 0x2018 || cp == 0x02BC || cp == 0x02BB ||
           cp == 0x02BF || cp == 0x02BE || cp == 0x00B4 || cp == 0x02B9 ||
           cp == 0x02BA;
}

/* Append the key form of already folded text s (lower case, no accents)
 * to out[*len]: alphanumerics and non-ASCII letters kept, apostrophes and
 * dots dropped, anything else one space. Returns false on overflow. */
static bool key_append(char *out, size_t cap, size_t *len, const char *s,
                       size_t n)
{
    size_t m = *len;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            i++;
            if (c == '.' || c == '\'' || c == '`')
                continue;
            bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                         (c >= 'A' && c <= 'Z');
            if (!alnum) {
                if (m && out[m - 1] != ' ') {
                    if (m + 1 >= cap)
                        return false;
                    out[m++] = ' ';
                }
                continue;
            }
            if (m + 1 >= cap)
                return false;
            out[m++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            continue;
        }
        uint32_t cp;
        int k = dy_utf8_decode((const unsigned char *)s + i, n - i, &cp);
        if (!k) {
            i++;
            continue;
        }
        if (is_apos_cp(cp)) {
            i += (size_t)k;
            continue;
        }
        if (cp >= 0x2010 && cp <= 0x2015) {
            if (m && out[m - 1] != ' ') {
                if (m + 1 >= cap)
                    return false;
                out[m++] = ' ';
            }
            i += (size_t)k;
            continue;
        }
        if (m + (size_t)k >= cap)
            return false;
        memcpy(out + m, s + i, (size_t)k);
        m += (size_t)k;
        i += (size_t)k;
    }
    *len = m;
    return true;
}

/* Key of raw text (any case, accents): folded through utf8proc like the
 * tokens' `low`. Returns its length, 0 if none. */
static size_t key_of_text(const char *s, size_t n, char *out, size_t cap)
{
    utf8proc_uint8_t *lo = NULL;
    utf8proc_ssize_t r = utf8proc_map(
        (const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &lo,
        UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
            UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | UTF8PROC_LUMP);
    size_t len = 0;
    bool ok = r > 0 && key_append(out, cap, &len, (const char *)lo, (size_t)r);
    free(lo);
    if (!ok)
        return 0;
    while (len && out[len - 1] == ' ')
        len--;
    out[len] = 0;
    return len;
}

/* ---- choosing among places of one name -------------------------------------------- */

typedef struct pick_ctx {
    const dy_place_ctx *doc;    /* places named by the story (may be NULL) */
    const uint16_t *actor_cc;   /* countries of the story's actors         */
    int nactor;
    int32_t hint_country;       /* a demonym or possessor in the phrase    */
    int32_t within_country;     /* "X, Y": Y's country, -1                 */
    int32_t within_admin1;      /* "X, Y": Y's division, -1                */
    uint8_t type;               /* the phrase says DY_PL_ADMIN1 or _CITY   */
    bool demonym;               /* take demonyms (country only)            */
} pick_ctx;

static bool ctx_has_country(const dy_place_ctx *c, uint16_t cc)
{
    if (!c || cc == GZ_NONE16)
        return false;
    for (int i = 0; i < c->ncountry; i++)
        if (c->country[i] == cc)
            return true;
    return false;
}

static bool ctx_has_admin1(const dy_place_ctx *c, uint16_t a1)
{
    if (!c || a1 == GZ_NONE16)
        return false;
    for (int i = 0; i < c->nadmin1; i++)
        if (c->admin1[i] == a1)
            return true;
    return false;
}

void dy_place_ctx_add(const dy_gaz *g, dy_place_ctx *ctx, int32_t place)
{
    if (!g || !ctx || place < 0 || (uint32_t)place >= g->h->nplaces)
        return;
    const gz_place *p = &g->places[place];
    if (p->country != GZ_NONE16 && !ctx_has_country(ctx, p->country)) {
        if (ctx->ncountry == DY_ARRAY_LEN(ctx->country)) {
            memmove(ctx->country, ctx->country + 1,
                    sizeof ctx->country - sizeof ctx->country[0]);
            ctx->ncountry--;
        }
        ctx->country[ctx->ncountry++] = p->country;
    }
    if (p->admin1 != GZ_NONE16 && !ctx_has_admin1(ctx, p->admin1)) {
        if (ctx->nadmin1 == DY_ARRAY_LEN(ctx->admin1)) {
            memmove(ctx->admin1, ctx->admin1 + 1,
                    sizeof ctx->admin1 - sizeof ctx->admin1[0]);
            ctx->nadmin1--;
        }
        ctx->admin1[ctx->nadmin1++] = p->admin1;
    }
}

static bool in_region(const gz_place *p, const pick_ctx *pc)
{
    if (pc->within_admin1 >= 0)
        return p->admin1 == (uint16_t)pc->within_admin1;
    if (pc->within_country >= 0)
        return p->country == (uint16_t)pc->within_country;
    return true;
}

/* Score of a place for a name, without the country rule. */
static double place_score(const dy_gaz *g, const gz_place *p,
                          const pick_ctx *pc)
{
    double s;
    switch (p->feature) {
    case DY_PL_CITY:
        s = log10((double)p->pop + 10.0);
        if (p->flags & GZF_CAPITAL)
            s += 1.0;
        else if (p->flags & GZF_SEAT)
            s += 0.3;
        break;
    case DY_PL_ADMIN1: s = log10((double)p->pop + 10.0) - 0.5; break;
    case DY_PL_COUNTRY: s = 8.0; break;
    default: s = (p->flags & GZF_POINT) ? 5.5 : 4.0; break;
    }
    if (p->flags & GZF_HIST)
        s -= 2.0;
    if (pc->type == DY_PL_ADMIN1 && p->feature != DY_PL_ADMIN1 &&
        p->feature != DY_PL_REGION)
        s -= 3.0;
    if (pc->type == DY_PL_CITY && p->feature != DY_PL_CITY)
        s -= 3.0;
    if (ctx_has_country(pc->doc, p->country))
        s += 1.0;
    if (ctx_has_admin1(pc->doc, p->admin1))
        s += 2.5;
    for (int i = 0; i < pc->nactor; i++)
        if (pc->actor_cc[i] == p->country) {
            s += 0.5;
            break;
        }
    (void)g;
    return s;
}

/* Choose among the places of key k. Returns the place or -1; *disp the
 * name as written, *strong whether the choice is well supported (for
 * names that are also common words). */
static int32_t pick(const dy_gaz *g, const gz_key *k, const pick_ctx *pc,
                    uint32_t *disp, bool *strong)
{
    const gz_ref *r = g->refs + k->ref0;
    size_t n = k->nref;
    bool any_region = false, any_hint = false;
    for (size_t i = 0; i < n; i++) {
        uint32_t pi = r[i].place & ~GZ_REF_ADJ;
        if ((r[i].place & GZ_REF_ADJ) && !pc->demonym)
            continue;
        const gz_place *p = &g->places[pi];
        if ((pc->within_country >= 0 || pc->within_admin1 >= 0) &&
            in_region(p, pc))
            any_region = true;
        if (pc->hint_country >= 0 && p->country == (uint16_t)pc->hint_country)
            any_hint = true;
    }
    /* the country rule: a country's name names the country, or one of the
     * country's divisions when the story is about that other country */
    int32_t country = -1, best_a1 = -1;
    double best_a1_s = -1e9;
    uint32_t country_disp = 0, a1_disp = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t pi = r[i].place & ~GZ_REF_ADJ;
        bool adj = (r[i].place & GZ_REF_ADJ) != 0;
        if (adj && !pc->demonym)
            continue;
        const gz_place *p = &g->places[pi];
        if (any_region && !in_region(p, pc))
            continue;
        if (any_hint && p->country != (uint16_t)pc->hint_country)
            continue;
        if (p->feature == DY_PL_COUNTRY && country < 0) {
            country = (int32_t)pi;
            country_disp = r[i].disp;
        } else if (p->feature == DY_PL_ADMIN1 && !adj) {
            double s = place_score(g, p, pc);
            if (s > best_a1_s) {
                best_a1_s = s;
                best_a1 = (int32_t)pi;
                a1_disp = r[i].disp;
            }
        }
    }
    *strong = any_region || any_hint || pc->type;
    if (country >= 0 && pc->type != DY_PL_CITY) {
        *strong = true;
        if (best_a1 >= 0) {
            const gz_place *a = &g->places[best_a1];
            const gz_place *c = &g->places[country];
            if (pc->type == DY_PL_ADMIN1 || any_region ||
                (ctx_has_country(pc->doc, a->country) &&
                 !ctx_has_country(pc->doc, c->country))) {
                *disp = a1_disp;
                return best_a1;
            }
        }
        *disp = country_disp;
        return country;
    }
    int32_t best = -1;
    double best_s = -1e9;
    for (size_t i = 0; i < n; i++) {
        uint32_t pi = r[i].place & ~GZ_REF_ADJ;
        if (r[i].place & GZ_REF_ADJ)
            continue;
        const gz_place *p = &g->places[pi];
        if (any_region && !in_region(p, pc))
            continue;
        if (any_hint && p->country != (uint16_t)pc->hint_country)
            continue;
        double s = place_score(g, p, pc);
        if (s > best_s) {
            best_s = s;
            best = (int32_t)pi;
            *disp = r[i].disp;
        }
    }
    if (best >= 0) {
        const gz_place *p = &g->places[best];
        if (p->feature != DY_PL_CITY || p->pop >= 100000 ||
            (p->flags & (GZF_CAPITAL | GZF_SEAT)))
            *strong = true;
    }
    return best;
}

/* The gazetteer countries of the story's actors (mem->roots, which only
 * grows), mapped once each into mem->places. */
static void actor_countries(const dy_gaz *g, dy_memory *mem)
{
    dy_place_ctx *ctx = &mem->places;
    while (ctx->nroots_seen < mem->nroots && ctx->nroots_seen < 16) {
        const char *root = mem->roots[ctx->nroots_seen++];
        for (uint32_t c = 0; c < g->h->ncountries; c++)
            if (memcmp(g->countries[c].a3, root, 3) == 0) {
                if (ctx->nactor < DY_ARRAY_LEN(ctx->actor))
                    ctx->actor[ctx->nactor++] = (uint16_t)c;
                break;
            }
    }
}

int32_t dy_gaz_lookup(const dy_gaz *g, const char *name, size_t n,
                      const dy_place_ctx *ctx, uint32_t *disp)
{
    if (!g || !name)
        return -1;
    char key[256];
    /* "Paris, Texas": the part after a comma says where */
    const char *comma = memchr(name, ',', n);
    size_t kn = key_of_text(name, comma ? (size_t)(comma - name) : n, key,
                            sizeof key);
    const gz_key *k = kn ? gz_find(g, key, kn) : NULL;
    if (!k)
        return -1;
    pick_ctx pc = {ctx, NULL, 0, -1, -1, -1, 0, false};
    if (comma) {
        char qk[256];
        size_t qn = key_of_text(comma + 1, n - (size_t)(comma + 1 - name), qk,
                                sizeof qk);
        const gz_key *q = qn ? gz_find(g, qk, qn) : NULL;
        if (q) {
            pick_ctx qc = {ctx, NULL, 0, -1, -1, -1, 0, false};
            uint32_t d;
            bool st;
            int32_t w = pick(g, q, &qc, &d, &st);
            if (w >= 0 && g->places[w].feature == DY_PL_ADMIN1)
                pc.within_admin1 = g->places[w].admin1;
            else if (w >= 0 && g->places[w].feature == DY_PL_COUNTRY)
                pc.within_country = g->places[w].country;
        }
    }
    uint32_t d = 0;
    bool strong;
    int32_t p = pick(g, k, &pc, &d, &strong);
    if (disp)
        *disp = d;
    return p;
}

/* ---- the sentence ------------------------------------------------------------------- */

#define PL_MAXTOK 6
#define PL_MAXCAND 24

enum { GOV_NONE = 0, GOV_STATIC, GOV_DIRECTION, GOV_VERB };

typedef struct pl_cand {
    uint16_t b, e;              /* the name's tokens                         */
    int16_t gov;                /* preposition or verb token                 */
    int16_t clause;
    int32_t place;
    uint32_t disp;
    uint8_t gov_kind;           /* GOV_*                                     */
    uint8_t method;             /* DY_PLM_*                                  */
    uint8_t spec;               /* 3 city/site, 2 division/region/sea, 1 country */
} pl_cand;

static const char *const static_preps[] = {
    "in", "at", "near", "outside", "inside", "around", "within", "throughout",
    "across", "along", "off", "beside", "nearby", "amid", "among", NULL};
static const char *const direction_preps[] = {
    "into", "onto", "to", "toward", "towards", "from", "over", "through",
    "on", "upon", "against", "via", "past", "across", NULL};
static const char *const compass[] = {
    "east", "west", "north", "south", "northeast", "northwest", "southeast",
    "southwest", "north-east", "north-west", "south-east", "south-west",
    "outskirts", NULL};
/* nouns naming the kind of place in "the X of NAME" and "NAME X" */
static const char *const city_nouns[] = {
    "city", "cities", "town", "towns", "village", "villages", "port",
    "capital", "suburb", "suburbs", "settlement", "camp", "enclave",
    "stronghold", "hometown", NULL};
/* "talks on the status of X", "the future of X": X is a topic */
static const char *const topic_nouns[] = {
    "status", "future", "fate", "issue", "question", "independence",
    "sovereignty", "recognition", "situation", NULL};
static const char *const admin_nouns[] = {
    "region", "regions", "province", "provinces", "state", "oblast",
    "governorate", "district", "county", "prefecture", "republic", NULL};
/* nouns that make a demonym a place: "near the Ukrainian border" */
static const char *const border_nouns[] = {
    "border", "borders", "frontier", "coast", "coastline", "territory",
    "territories", "waters", "airspace", "soil", "side", "capital",
    "countryside", "mainland", NULL};
/* capitalised words that are never places here */
static const char *const not_places[] = {
    "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "christmas", "easter", "ramadan", "eid", "god", NULL};
/* lower-case words inside multi-word names ("Rostov-on-Don", "Ras al-Ain",
 * "Bosnia and Herzegovina") */
static const char *const name_particles[] = {
    "of", "al", "el", "de", "la", "le", "on", "upon", "sur", "am", "an",
    "ad", "ar", "as", "ash", "at", "az", "del", "di", "da", "du", "des",
    "bin", "ibn", "y", "i", "en", "and", "the", "es", "ul", "ur", NULL};

static bool tok_is(const dy_tok *t, const char *const *list)
{
    return dy_word_in(t, list);
}

static bool is_verb_tok(const dy_tok *t)
{
    return dy_tag_is_verb(t->tag) && !(t->flags & TOKF_HYPHJOIN);
}

/* The event's clause and verb range. */
static int ev_clause(const dy_sa *sa, const dy_ev *e)
{
    if (!(e->flags & EV_NOUN) && e->vg < sa->nvg)
        return sa->vg[e->vg].clause;
    return e->verb_b < sa->n ? sa->cl_at[e->verb_b] : -1;
}

/* Physical events happen somewhere: meetings and visits (04), material
 * cooperation (06-08), protest (14), force posture (15), coercion and
 * violence (17-20). Statements, appeals, demands and threats are about
 * places, not in them. */
static bool ev_physical(const dy_ev *e)
{
    const char *c = e->orig[0] ? e->orig : e->code;
    if (!c[0] || !c[1])
        return false;
    int root = (c[0] - '0') * 10 + (c[1] - '0');
    return root == 4 || root == 6 || root == 7 || root == 8 || root == 14 ||
           root == 15 || (root >= 17 && root <= 20);
}

/* Longest gazetteer name starting at token i. */
static const gz_key *match_at(const dy_gaz *g, const dy_sa *sa, size_t i,
                              size_t *end)
{
    char key[256];
    size_t len = 0;
    const gz_key *best = NULL;
    for (size_t j = i; j < sa->n && j < i + PL_MAXTOK; j++) {
        const dy_tok *t = &sa->t[j];
        if (!(t->flags & TOKF_ALPHA) || t->tag == T_POS)
            break;
        if (j > i && !(t->flags & (TOKF_CAP | TOKF_HYPHJOIN)) &&
            !tok_is(t, name_particles))
            break;
        size_t before = len;
        if (len) {
            if (len + 1 >= sizeof key)
                break;
            key[len++] = ' ';
        }
        if (!key_append(key, sizeof key, &len, t->low, t->nlow))
            break;
        while (len && key[len - 1] == ' ')
            len--;
        if (len == before || len == 0)
            continue;
        uint32_t h = fnv1a(key, len);
        const gz_key *k = may_be_name(g, h) ? gz_find_h(g, key, len, h) : NULL;
        if (k) {
            best = k;
            *end = j + 1;
        }
        if (!may_be_prefix(g, h))
            break;
    }
    return best;
}

/* Does the key name (also) a country by a demonym or name? Returns the
 * country index or -1. */
static int32_t key_country(const dy_gaz *g, const gz_key *k, bool *adj_only)
{
    int32_t c = -1;
    *adj_only = true;
    for (size_t i = 0; i < k->nref; i++) {
        const gz_ref *r = &g->refs[k->ref0 + i];
        const gz_place *p = &g->places[r->place & ~GZ_REF_ADJ];
        if (!(r->place & GZ_REF_ADJ))
            *adj_only = false;
        if (p->feature == DY_PL_COUNTRY && c < 0)
            c = p->country;
    }
    return c;
}

typedef struct pl_gov {
    int16_t tok;                /* preposition or verb, -1                   */
    uint8_t kind;               /* GOV_*                                     */
    uint8_t type;               /* DY_PL_CITY / _ADMIN1 from "the X of"     */
    int32_t country;            /* demonym or possessor in the phrase, -1   */
} pl_gov;

/* Walk left from the name at token b over its noun phrase ("the southern
 * Lebanese port city of", "Beirut's") to what governs it. */
static pl_gov governor(const dy_sa *sa, size_t b)
{
    pl_gov v = {-1, GOV_NONE, 0, -1};
    bool first_of = true;
    for (size_t steps = 0, j = b; j-- > 0 && steps < 12; steps++) {
        const dy_tok *t = &sa->t[j];
        if (sa_is(sa, j, "of")) {
            if (j > 0 && tok_is(&sa->t[j - 1], compass)) {
                v.tok = (int16_t)(j - 1);
                v.kind = GOV_STATIC;
                return v;
            }
            if (first_of && j > 0) {
                if (tok_is(&sa->t[j - 1], topic_nouns))
                    return v;
                if (tok_is(&sa->t[j - 1], city_nouns))
                    v.type = DY_PL_CITY;
                else if (tok_is(&sa->t[j - 1], admin_nouns))
                    v.type = DY_PL_ADMIN1;
            }
            first_of = false;
            continue;
        }
        if (t->tag == T_IN || t->tag == T_TO || t->tag == T_RP ||
            ((t->tag == T_RB || t->tag == T_JJ) &&
             (tok_is(t, static_preps) || tok_is(t, direction_preps)))) {
            if (tok_is(t, static_preps))
                v.kind = GOV_STATIC;
            else if (tok_is(t, direction_preps))
                v.kind = GOV_DIRECTION;
            else
                return v;
            /* "close to", "next to" */
            if (sa_is(sa, j, "to") && j > 0 &&
                (sa_is(sa, j - 1, "close") || sa_is(sa, j - 1, "next")))
                v.kind = GOV_STATIC;
            v.tok = (int16_t)j;
            return v;
        }
        if (is_verb_tok(t)) {
            v.tok = (int16_t)j;
            v.kind = GOV_VERB;
            return v;
        }
        bool np = t->tag == T_DT || dy_tag_is_adj(t->tag) ||
                  dy_tag_is_noun(t->tag) || t->tag == T_CD ||
                  t->tag == T_POS || t->tag == T_PRPS ||
                  (t->flags & TOKF_HYPHJOIN) || sa_is(sa, j, "and");
        if (!np)
            return v;
    }
    return v;
}

/* A demonym or country in the phrase between the governor and the name
 * says which country ("the Georgian town of Gori", "Iraq's Anbar
 * province"): the nearest one, or -1. */
static int32_t phrase_country(const dy_gaz *g, const dy_sa *sa, size_t b,
                              int16_t gov)
{
    char key[128];
    for (size_t j = b; j-- > 0 && (int16_t)j > gov;) {
        const dy_tok *t = &sa->t[j];
        if (!(t->flags & TOKF_CAP) || (t->flags & TOKF_DIGIT))
            continue;
        size_t len = 0;
        if (!key_append(key, sizeof key, &len, t->low, t->nlow) || !len)
            continue;
        const gz_key *k = gz_find(g, key, len);
        bool adj_only;
        int32_t c = k ? key_country(g, k, &adj_only) : -1;
        if (c >= 0)
            return c;
    }
    return -1;
}

/* The kind of place named by the word after the name ("the Donetsk
 * region", "Kabul province"). */
static uint8_t type_after(const dy_sa *sa, size_t e)
{
    if (e >= sa->n || (sa->t[e].flags & TOKF_CAP))
        return 0;
    if (tok_is(&sa->t[e], admin_nouns))
        return DY_PL_ADMIN1;
    if (sa_is(sa, e, "city") || sa_is(sa, e, "town"))
        return DY_PL_CITY;
    return 0;
}

static uint8_t specificity(int feature)
{
    switch (feature) {
    case DY_PL_CITY:
    case DY_PL_SITE: return 3;
    case DY_PL_COUNTRY: return 1;
    default: return 2;
    }
}

/* Is the name part of an actor that is not a place (a person, an
 * organisation, an agent: "Wang Yi", "U.N.", "police"), or the country
 * word of an actor description ("U.S. troops")? */
static bool names_actor(const dy_sa *sa, size_t b, size_t e)
{
    const dy_dict *d = sa->dict;
    for (size_t j = b; j < e; j++) {
        int16_t m = sa->ment_at[j];
        if (m < 0 || (size_t)m >= sa->nment)
            continue;
        const dy_mention *mt = &sa->ment[m];
        if (mt->kind == PH_AGENT)
            return true;
        if (mt->entity >= d->nents)
            continue;
        int kind = d->ents[mt->entity].kind;
        bool covers = mt->b <= b && mt->e >= e;
        /* a person's name ("Wang Yi", "Aung San Suu Kyi"); an organisation
         * whose name has the place inside ("Islamic State of Iraq") or is
         * an abbreviation ("U.N."); not one named after the place ("Davos",
         * "the Munich Security Conference") */
        if (kind == ENT_PERSON && covers)
            return true;
        /* a state's institution whose name holds the place ("the US
         * Navy"); not one that is the place's name ("in Rawalpindi") */
        if (kind == ENT_COUNTRY && mt->kind == PH_INST && covers &&
            (size_t)(mt->e - mt->b) > e - b)
            return true;
        if (kind == ENT_ACTOR && covers &&
            (mt->b < b || (sa->t[j].flags & TOKF_UPPER)))
            return true;
    }
    /* "U.S. troops", "Kabul police": an agent follows */
    if (e < sa->n && sa->ment_at[e] >= 0 && (size_t)sa->ment_at[e] < sa->nment &&
        sa->ment[sa->ment_at[e]].kind == PH_AGENT &&
        sa->ment[sa->ment_at[e]].b == e)
        return true;
    return false;
}

/* Find the place names of the sentence that could be the place of an
 * event: governed by a locative or directional preposition, or by a
 * verb, in a clause that has an event. */
static size_t find_candidates(const dy_gaz *g, dy_sa *sa, const uint8_t *mark,
                              const pick_ctx *base, pl_cand *out)
{
    size_t nc = 0;
    for (size_t i = 0; i < sa->n && nc < PL_MAXCAND; i++) {
        const dy_tok *t = &sa->t[i];
        if (!(t->flags & TOKF_CAP) || !(t->flags & TOKF_ALPHA) ||
            (t->flags & (TOKF_HYPHJOIN | TOKF_DIGIT)))
            continue;
        int cl = sa->cl_at[i];
        if (cl < 0 || cl >= (int)(DY_MAX_STOK / 2) || !mark[cl])
            continue;
        pl_gov gv = governor(sa, i);
        if (gv.kind == GOV_NONE)
            continue;
        size_t e = 0;
        const gz_key *k = match_at(g, sa, i, &e);
        if (!k)
            continue;
        if ((e == i + 1 && tok_is(t, not_places)) || names_actor(sa, i, e)) {
            i = e - 1;
            continue;
        }
        gv.country = phrase_country(g, sa, i, gv.tok);
        pick_ctx pc = *base;
        pc.hint_country = gv.country;
        pc.type = gv.type ? gv.type : type_after(sa, e);
        size_t last = e;
        /* "Paris, Texas", "Kabul, Afghanistan" */
        if (e + 1 < sa->n && sa->t[e].tag == T_COMMA &&
            (sa->t[e + 1].flags & TOKF_CAP)) {
            size_t qe = 0;
            const gz_key *q = match_at(g, sa, e + 1, &qe);
            if (q) {
                pick_ctx qc = *base;
                uint32_t qd;
                bool qs;
                int32_t w = pick(g, q, &qc, &qd, &qs);
                if (w >= 0 && (g->places[w].feature == DY_PL_ADMIN1 ||
                               g->places[w].feature == DY_PL_COUNTRY)) {
                    pick_ctx tc = pc;
                    if (g->places[w].feature == DY_PL_ADMIN1)
                        tc.within_admin1 = g->places[w].admin1;
                    else
                        tc.within_country = g->places[w].country;
                    uint32_t td;
                    bool ts;
                    int32_t x = pick(g, k, &tc, &td, &ts);
                    if (x >= 0 && x != w && in_region(&g->places[x], &tc)) {
                        pc = tc;
                        last = qe;
                    }
                }
            }
        }
        bool adj_only;
        int32_t kc = key_country(g, k, &adj_only);
        pl_cand *c = &out[nc];
        memset(c, 0, sizeof *c);
        c->b = (uint16_t)i;
        c->e = (uint16_t)e;
        c->gov = gv.tok;
        c->gov_kind = gv.kind;
        c->clause = (int16_t)cl;
        if (adj_only) {
            /* a demonym: a place only with a border word and a preposition
             * ("near the Ukrainian border"); "the Georgian town of Gori" is
             * Gori, found on its own */
            if (kc < 0)
                continue;
            size_t j = e;
            while (j < sa->n && j < e + 3 && !tok_is(&sa->t[j], border_nouns) &&
                   (dy_tag_is_adj(sa->t[j].tag) || dy_tag_is_noun(sa->t[j].tag)))
                j++;
            if (j >= sa->n || !tok_is(&sa->t[j], border_nouns) ||
                (j + 1 < sa->n && sa_is(sa, j + 1, "of")))
                continue;
            const gz_country *gc = &g->countries[kc];
            bool capital = sa_is(sa, j, "capital") && gc->capital != GZ_NONE32;
            /* "the Georgian capital Tbilisi": the name follows */
            if (capital && j + 1 < sa->n && (sa->t[j + 1].flags & TOKF_CAP))
                continue;
            c->place = (int32_t)(capital ? gc->capital : gc->place);
            c->disp = capital ? 0 : gc->name;
            c->method = DY_PLM_DEMONYM;
            c->spec = 0;
            c->e = (uint16_t)(j + 1);
            nc++;
            i = j;
            continue;
        }
        bool strong = false;
        c->place = pick(g, k, &pc, &c->disp, &strong);
        if (c->place < 0)
            continue;
        /* a name that is also a common word ("Nice", "Split", "Mobile")
         * needs support: a big place, or the phrase says what it is */
        if (e == i + 1 && !strong &&
            ((t->flags & TOKF_SSTART) ||
             dy_tagger_common(sa->dict->tagger, t->low, t->nlow)))
            continue;
        const gz_place *p = &g->places[c->place];
        c->method = gv.kind == GOV_STATIC      ? DY_PLM_LOCATIVE
                    : gv.kind == GOV_DIRECTION ? DY_PLM_DIRECTION
                                               : DY_PLM_OBJECT;
        c->spec = specificity(p->feature);
        nc++;
        i = last - 1;
    }
    return nc;
}

size_t dy_place_name_at(const dy_sa *sa, size_t k)
{
    const dy_dict *d = sa->dict;
    if (k >= sa->n)
        return 0;
    const dy_tok *t = &sa->t[k];
    if (!(t->flags & TOKF_CAP) || !(t->flags & TOKF_ALPHA) ||
        (t->flags & (TOKF_HYPHJOIN | TOKF_DIGIT)))
        return 0;
    int16_t m = sa->ment_at[k];
    if (m >= 0 && (size_t)m < sa->nment) {
        const dy_mention *mt = &sa->ment[m];
        if (mt->b == k && mt->entity < d->nents &&
            d->ents[mt->entity].kind == ENT_COUNTRY &&
            (mt->kind == PH_NAME || mt->kind == PH_CAPITAL))
            return (size_t)(mt->e - mt->b);
    }
    if (!d->gaz)
        return 0;
    size_t e = 0;
    const gz_key *key = match_at(d->gaz, sa, k, &e);
    if (!key || (e == k + 1 && tok_is(t, not_places)) || names_actor(sa, k, e))
        return 0;
    if (e == k + 1 && ((t->flags & TOKF_SSTART) ||
                       dy_tagger_common(d->tagger, t->low, t->nlow)))
        return 0;
    return e - k;
}

/* A verb that starts another predication, whose place a locative after
 * it gives: a finite verb or a gerund ("accused X of planning a coup in
 * Y", "warned X against deploying weapons near Y"), but not the manner of
 * the event ("by shelling a village near Y") nor an infinitive ("called
 * on X to rise up ... outside Y"). */
static bool other_verb(const dy_sa *sa, size_t i)
{
    const dy_tok *t = &sa->t[i];
    if (t->flags & TOKF_HYPHJOIN)
        return false;
    bool after_by = i > 0 && sa_is(sa, i - 1, "by");
    if (t->tag == T_VBD || t->tag == T_VBZ || t->tag == T_VBP)
        return true;
    bool ing = t->nlow > 4 && memcmp(t->low + t->nlow - 3, "ing", 3) == 0;
    /* gerunds, also those the tagger took for adjectives or nouns */
    return ing && !after_by &&
           (t->tag == T_VBG || (i > 0 && sa->t[i - 1].tag == T_IN));
}

/* Is there another predication between the event's verb and token j (a
 * locative of a complement: "accused X of planning a coup in Y")? */
static bool verb_between(const dy_sa *sa, const dy_ev *e, size_t j)
{
    size_t a, b;
    if (j >= e->verb_e) {
        a = e->verb_e;
        b = j;
    } else if (j < e->verb_b) {
        a = j + 1;
        b = e->verb_b;
    } else {
        return false;
    }
    for (size_t i = a; i < b && i < sa->n; i++)
        if (other_verb(sa, i))
            return true;
    return false;
}

/* Does token tok lie in a non-finite complement of the event's verb: after
 * an infinitive ("gave X 48 hours to leave Iraq", "a request to use force
 * in Ukraine") or a gerund after a preposition ("accused X of planning a
 * coup in Y", "warned against deploying weapons near Russia's borders"),
 * with no comma or finite verb between the event's verb and it? The
 * complement's places are the event's (action geography). */
static bool in_complement(const dy_sa *sa, const dy_ev *e, size_t tok)
{
    if ((e->flags & EV_NOUN) || tok < e->verb_e || tok >= sa->n)
        return false;
    bool comp = false;
    for (size_t i = e->verb_e; i <= tok; i++) {
        const dy_tok *t = &sa->t[i];
        if (t->tag == T_COMMA || t->tag == T_END || sa_is(sa, i, "that") ||
            t->tag == T_VBD || t->tag == T_VBZ || t->tag == T_VBP ||
            t->tag == T_MD || t->tag == T_WDT || t->tag == T_WP)
            return false;
        bool ing = t->nlow > 4 && memcmp(t->low + t->nlow - 3, "ing", 3) == 0;
        if ((t->tag == T_VB && i > 0 && sa->t[i - 1].tag == T_TO) ||
            (ing && i > 0 && sa->t[i - 1].tag == T_IN && !sa_is(sa, i - 1, "by")))
            comp = true;
    }
    return comp;
}

/* Does the event's verb continue what comes before it: a participle
 * clause ("..., killing all 298 on board") or a coordinated verb
 * ("crossed into Israel and captured")? Then the places before it are
 * its places too. */
static bool continues(const dy_sa *sa, const dy_ev *e)
{
    if (e->verb_b == 0 || (e->flags & EV_NOUN))
        return false;
    const dy_tok *v = &sa->t[e->verb_b];
    if (sa_is(sa, e->verb_b - 1, "and"))
        return true;
    return (v->tag == T_VBG || v->tag == T_VBN) &&
           sa->t[e->verb_b - 1].tag == T_COMMA;
}

static bool gov_is_event_verb(const dy_sa *sa, const dy_ev *e, int16_t tok)
{
    if (tok < 0)
        return false;
    size_t j = (size_t)tok;
    if (j >= e->verb_b && j < e->verb_e)
        return true;
    if (!(e->flags & EV_NOUN) && e->vg < sa->nvg) {
        const dy_vg *v = &sa->vg[e->vg];
        if (j >= v->b && j < v->e)
            return true;
        return sa->vg_at[j] == (int16_t)e->vg;
    }
    return false;
}

/* Is place a inside place b (b a country, division or region)? */
static bool inside(const dy_gaz *g, int32_t a, int32_t b)
{
    const gz_place *x = &g->places[a], *y = &g->places[b];
    if (a == b || y->country == GZ_NONE16 || x->country != y->country)
        return false;
    if (y->feature == DY_PL_ADMIN1)
        return x->admin1 == y->admin1 && x->feature != DY_PL_ADMIN1;
    return y->feature == DY_PL_COUNTRY ? x->feature != DY_PL_COUNTRY
                                       : x->feature == DY_PL_CITY ||
                                             x->feature == DY_PL_SITE;
}

/* The best candidate for event e, or NULL. */
static const pl_cand *choose(const dy_gaz *g, const dy_sa *sa,
                             const dy_ev *e, const pl_cand *c, size_t nc)
{
    int cl = ev_clause(sa, e);
    bool physical = ev_physical(e);
    const pl_cand *best = NULL;
    int best_rank = -1;
    int rank[PL_MAXCAND];
    for (size_t i = 0; i < nc; i++) {
        rank[i] = -1;
        const pl_cand *x = &c[i];
        if (x->clause != cl)
            continue;
        int cls;
        /* a directional phrase follows its verb ("handed X back to China,
         * ending ..." is not "ending" to China) */
        bool after = x->gov > (int16_t)e->verb_b || continues(sa, e);
        /* statements and appeals: not the place of a complement's act;
         * an event noun's own predicate is no other act ("talks are to
         * begin in Geneva") */
        bool comp = x->gov >= 0 && in_complement(sa, e, (size_t)x->gov);
        /* the complement's name that is the event's target is the
         * recipient or topic, an actor ("agreed to send aid to Ukraine",
         * "refused to recognise Kosovo's independence") */
        if (comp && !physical && e->has_tgt && x->b < e->tgt.e &&
            x->e > e->tgt.b)
            comp = false;
        /* the complement verb's object: the name must be the head, not a
         * possessor or modifier ("ignoring Moscow's demands", "sabotaging
         * the Minsk agreement") */
        if (comp && x->gov_kind == GOV_VERB && x->e < sa->n &&
            (sa->t[x->e].tag == T_POS || dy_tag_is_noun(sa->t[x->e].tag)))
            comp = false;
        if (!physical && x->gov_kind != GOV_VERB &&
            !((e->flags & EV_NOUN) && x->gov > (int16_t)e->verb_b) &&
            verb_between(sa, e, (size_t)x->gov) && !comp)
            continue;
        if (x->method == DY_PLM_DEMONYM) {
            if (x->gov_kind == GOV_DIRECTION && (!physical || !after))
                continue;
            /* "struck the Ukrainian capital", "crossed the Syrian border" */
            if (x->gov_kind == GOV_VERB &&
                (!physical || !gov_is_event_verb(sa, e, x->gov)))
                continue;
            cls = 1;
        } else if (x->gov_kind == GOV_STATIC) {
            cls = 3;
        } else if (x->gov_kind == GOV_DIRECTION) {
            if (!(physical || comp) || !after)
                continue;
            cls = 2;
        } else {
            if (!(physical && gov_is_event_verb(sa, e, x->gov)) && !comp)
                continue;
            cls = 2;
        }
        rank[i] = cls * 10 + x->spec;
        if (rank[i] > best_rank) {
            best_rank = rank[i];
            best = x;
        }
    }
    /* "the Fordow enrichment site in Iran", "captured Mosul ... across
     * northern Iraq": a place inside the chosen country or division, named
     * just before its phrase, is the more precise answer */
    if (best && best->spec <= 2 && best->gov >= 0) {
        for (size_t i = 0; i < nc; i++) {
            const pl_cand *x = &c[i];
            if (rank[i] < 0 || x == best || x->spec <= best->spec ||
                x->e > (size_t)best->gov || (size_t)best->gov - x->e > 8 ||
                !inside(g, x->place, best->place))
                continue;
            bool verb = false;
            for (size_t j = x->e; j < (size_t)best->gov && !verb; j++)
                verb = other_verb(sa, j);
            if (!verb)
                return x;
        }
    }
    return best;
}

static void dateline_place(const dy_gaz *g, dy_sa *sa, dy_memory *mem)
{
    dy_place_ctx *ctx = &mem->places;
    if (ctx->dateline_done)
        return;
    ctx->dateline_done = 1;
    ctx->dateline = -1;
    const dy_doc *d = sa->doc;
    if (!d || !d->dateline_place_len || !d->text ||
        (size_t)d->dateline_place_beg + d->dateline_place_len > d->len)
        return;
    uint32_t disp = 0;
    int32_t p = dy_gaz_lookup(g, d->text + d->dateline_place_beg,
                              d->dateline_place_len, ctx, &disp);
    if (p < 0)
        return;
    ctx->dateline = p;
    ctx->dateline_name = disp;
    dy_place_ctx_add(g, ctx, p);
}

bool dy_place_written(const dy_sa *sa, const dy_ev *e, size_t *beg,
                      size_t *end)
{
    const dy_gaz *g = sa->dict ? sa->dict->gaz : NULL;
    if (!g || e->place < 0 || (uint32_t)e->place >= g->h->nplaces ||
        g->places[e->place].feature == DY_PL_COUNTRY ||
        (e->place_method != DY_PLM_LOCATIVE &&
         e->place_method != DY_PLM_DIRECTION &&
         e->place_method != DY_PLM_OBJECT) ||
        e->loc_tok_b < 0 || e->loc_tok_e <= e->loc_tok_b ||
        (size_t)e->loc_tok_e > sa->n)
        return false;
    bool upper = true;
    for (int16_t j = e->loc_tok_b; j < e->loc_tok_e && upper; j++)
        upper = (sa->t[j].flags & TOKF_UPPER) != 0;
    if (upper)          /* "KYIV": the gazetteer's spelling reads better */
        return false;
    *beg = sa->t[e->loc_tok_b].beg;
    *end = sa->t[e->loc_tok_e - 1].end;
    return *end > *beg;
}

/* Is e an act of violence by a device with no one named behind it ("a
 * roadside bomb near Kandahar killed three policemen", "were killed by an
 * explosive device")? One kind of unnamed perpetrator (events.c,
 * EV_NOSRC): an unidentified armed group of the country where it happened,
 * as CAMEO codes such attackers (UAF of that country). Found whether or not
 * dyad_options.unknown_source keeps other unnamed perpetrators' acts; not
 * for PETRARCH's rule coder. */
static bool device_attacker(const dy_sa *sa, const dy_ev *e)
{
    if (e->dropped || e->has_src || (e->flags & (EV_NOUN | EV_PETR)) ||
        e->vg >= sa->nvg)
        return false;
    const char *c = e->orig[0] ? e->orig : e->code;
    if (!((c[0] == '1' && (c[1] == '8' || c[1] == '9')) ||
          (c[0] == '2' && c[1] == '0')))
        return false;
    const dy_vg *v = &sa->vg[e->vg];
    int16_t q = (v->flags & VG_PASSIVE) ? v->agent : v->subj;
    return q >= 0 && !sa->np[q].nact &&
           dy_wc(&sa->t[sa->np[q].head], WC_DEVICE_NOUNS);
}

/* What the place of event e (candidate c) says of its actors. A protest,
 * coercion or violence (CAMEO 14, 17-20) by a group whose country was only
 * guessed from the story, or that has none, is of the country where it
 * happens ("Protesters rallied in Kharkiv"); a meeting's place is only a
 * venue. A coercive or violent act on a place with no actor named is aimed
 * at the place's country ("Russian troops seized Kherson", "shelled
 * Kharkiv"), unless that is the actor's own ("Malian troops retook
 * Kidal"). PETRARCH-coded events are left as PETRARCH codes them. */
static void place_actors(const dy_gaz *g, dy_ev *e, const pl_cand *c)
{
    if ((e->flags & EV_PETR) ||
        (c->method != DY_PLM_LOCATIVE && c->method != DY_PLM_OBJECT))
        return;
    int root = (e->code[0] - '0') * 10 + (e->code[1] - '0');
    if (root != 14 && (root < 17 || root > 20))
        return;
    dy_place_view pv;
    if (dy_gaz_view(g, c->place, c->disp, &pv) != 0 || strlen(pv.country) != 3 ||
        strncmp(e->src.code, pv.country, 3) == 0)
        return;
    if (c->method == DY_PLM_LOCATIVE && e->has_src &&
        (e->src.defaulted || e->src.generic)) {
        char code[32];
        dy_code_join(code, pv.country, 3, e->src.code + 3);
        memcpy(e->src.code, code, sizeof code);
        e->src.generic = 0;
    } else if (c->method == DY_PLM_OBJECT && root != 14 && !e->has_tgt) {
        memset(&e->tgt, 0, sizeof e->tgt);
        dy_code_join(e->tgt.code, pv.country, 3, "");
        e->tgt.b = c->b;
        e->tgt.e = c->e;
        e->tgt.entity = UINT32_MAX;
        e->tgt.conf = 0.5f;
        e->has_tgt = 1;
    }
}

void dy_place_events(dy_sa *sa, dy_memory *mem)
{
    for (size_t k = 0; k < sa->nev; k++) {
        sa->ev[k].place = -1;
        sa->ev[k].place_name = 0;
        sa->ev[k].place_method = DY_PLM_NONE;
        sa->ev[k].loc_tok_b = sa->ev[k].loc_tok_e = -1;
    }
    const dy_gaz *g = sa->dict ? sa->dict->gaz : NULL;
    if (!g)
        return;
    /* the clauses that have events */
    uint8_t mark[DY_MAX_STOK / 2];
    memset(mark, 0, sizeof mark);
    bool any = false;
    bool unknown[DY_ARRAY_LEN(sa->ev)];
    for (size_t k = 0; k < sa->nev; k++) {
        unknown[k] = device_attacker(sa, &sa->ev[k]);
        if (sa->ev[k].dropped ||
            !(sa->ev[k].has_src || (sa->ev[k].flags & EV_NOSRC) || unknown[k]))
            continue;
        int cl = ev_clause(sa, &sa->ev[k]);
        if (cl >= 0 && cl < (int)DY_ARRAY_LEN(mark)) {
            mark[cl] = 1;
            any = true;
        }
    }
    if (!any)
        return;
    dateline_place(g, sa, mem);
    actor_countries(g, mem);
    pick_ctx base = {&mem->places, mem->places.actor, mem->places.nactor,
                     -1, -1, -1, 0, false};
    pl_cand cand[PL_MAXCAND];
    size_t nc = find_candidates(g, sa, mark, &base, cand);
    bool first = true;
    uint16_t first_vg = UINT16_MAX, first_verb = UINT16_MAX;
    for (size_t k = 0; k < sa->nev; k++) {
        dy_ev *e = &sa->ev[k];
        /* the coder drops events without a source, but for an unnamed
         * perpetrator's */
        if (e->dropped || !(e->has_src || (e->flags & EV_NOSRC) || unknown[k]))
            continue;
        const pl_cand *c = choose(g, sa, e, cand, nc);
        dy_place_view pv;
        if (c && unknown[k] && dy_gaz_view(g, c->place, c->disp, &pv) == 0 &&
            strlen(pv.country) == 3) {
            const dy_np *q = &sa->np[(sa->vg[e->vg].flags & VG_PASSIVE)
                                         ? sa->vg[e->vg].agent
                                         : sa->vg[e->vg].subj];
            memset(&e->src, 0, sizeof e->src);
            dy_code_join(e->src.code, pv.country, 3, "UAF");
            e->src.b = q->b;
            e->src.e = q->e;
            e->src.entity = UINT32_MAX;
            e->src.conf = 0.5f;
            e->has_src = 1;
            e->flags = (uint16_t)(e->flags & ~EV_NOSRC);
        }
        if (!e->has_src && !(e->flags & EV_NOSRC))
            continue;
        if (c) {
            e->place = c->place;
            e->place_name = c->disp;
            e->place_method = c->method;
            e->loc_tok_b = (int16_t)c->b;
            e->loc_tok_e = (int16_t)c->e;
            place_actors(g, e, c);
        } else if ((first || (e->verb_b == first_verb && e->vg == first_vg)) &&
                   mem->places.dateline >= 0) {
            /* the sentence's first act, both directions of it */
            e->place = mem->places.dateline;
            e->place_name = mem->places.dateline_name;
            e->place_method = DY_PLM_DATELINE;
        }
        if (first) {
            first_vg = e->vg;
            first_verb = e->verb_b;
        }
        first = false;
    }
    /* the places named here help to read the next sentences */
    for (size_t i = 0; i < nc; i++)
        if (cand[i].method != DY_PLM_DEMONYM)
            dy_place_ctx_add(g, &mem->places, cand[i].place);
}
