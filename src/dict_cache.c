/* dict_cache.c - compiled dictionary images.
 *
 * Reading and finishing dyad's own dictionaries, or the Phoenix set, takes
 * 180-350M instructions and 13-26 MB of fresh memory, and a finished
 * dictionary never changes. So the finished dictionary of a single
 * dyad_dict_load (the CLI's default dictionaries, or `--dict PATH`) is
 * written to a cache file laid out exactly as it is used in memory at a
 * fixed address, pointers included. A later process loading the same path
 * maps that file read-only at that address and uses its tables in place:
 * nothing is parsed, copied or relocated, and the pages come from the page
 * cache.
 *
 * An image is used only when all of this holds; otherwise the files are
 * read as if there were no cache, and the results are the same either way:
 *   - it is a regular file of the user's that others cannot write, in a
 *     folder of the user's that others cannot write;
 *   - header: magic, format version, file size, the sizes of the structs
 *     it holds, and a checksum of everything after the header;
 *   - build: the program or shared library that holds this code has the
 *     same GNU build id (which the linker derives from all of its
 *     contents; without one, the same device, inode, size and mtime), so
 *     any rebuild invalidates every image; the same decimal point (strtod);
 *   - inputs: the same load path (as written), reading the same files in
 *     the same order (the walk of dyad_dict_load), each with the same
 *     device, inode, size, mtime and ctime; the same three tagger files
 *     (DYAD_TAGGER_DIR); the same codes.dyad when finish read one
 *     (DYAD_DICT_DIR);
 *   - it maps at its address (MAP_FIXED_NOREPLACE: nothing else is there).
 * The gazetteer is not part of an image: finish loads it as always.
 *
 * Where: DYAD_DICT_CACHE=DIR, or $XDG_CACHE_HOME/dyad, or ~/.cache/dyad.
 * DYAD_DICT_CACHE=off (or "", "0", "none") disables the cache. Loads of
 * less than 256 KB of files are not cached (tests and small dictionaries
 * load fast anyway), and at most 16 images are kept. */
#include "dict.h"

#include <dirent.h>
#include <elf.h>
#include <link.h>
#include <locale.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#if defined(__linux__) && UINTPTR_MAX == UINT64_MAX && defined(MAP_FIXED_NOREPLACE)
#define DY_CACHE 1
#else
#define DY_CACHE 0
#endif

/* Raised whenever what a compiled image holds changes, including values
 * the loader derives (word flags such as the case guard's W_COMMON) */
#define IMG_VERSION 3
#define IMG_MIN_BYTES (256u << 10)  /* smaller loads are not cached       */
#define IMG_MAX_SIZE (1ull << 30)   /* one address slot                    */
#define IMG_KEEP 16                 /* images kept in the cache folder     */
#define CPATH (PATH_MAX + 128)      /* a file in the cache folder          */

/* The structs an image holds with their pointers: a change of any of them
 * must be reflected in emit() below (and the format version raised). */
#if DY_CACHE
_Static_assert(sizeof(dy_dict) == 3008, "dy_dict changed: update dict_cache.c");
_Static_assert(sizeof(dy_strtab) == 80, "dy_strtab changed: update dict_cache.c");
_Static_assert(sizeof(dy_entity) == 128, "dy_entity changed: update dict_cache.c");
_Static_assert(sizeof(dy_role) == 56, "dy_role changed: update dict_cache.c");
_Static_assert(sizeof(dy_pattern) == 88, "dy_pattern changed: update dict_cache.c");
_Static_assert(sizeof(dy_verb) == 56, "dy_verb changed: update dict_cache.c");
_Static_assert(sizeof(dy_set) == 48, "dy_set changed: update dict_cache.c");
_Static_assert(sizeof(dy_code) == 96, "dy_code changed: update dict_cache.c");
#endif

/* Sizes of every struct in an image, as one number for the header. */
static uint64_t layout_sig(void)
{
    const size_t sz[] = {
        sizeof(dy_dict),    sizeof(dy_strtab),   sizeof(dy_word),
        sizeof(dy_entity),  sizeof(dy_phrase),   sizeof(dy_role),
        sizeof(dy_verb),    sizeof(dy_pattern),  sizeof(dy_item),
        sizeof(dy_set),     sizeof(dy_code),     sizeof(dy_discard),
        sizeof(dy_trie_node), sizeof(dy_fuzzy),  sizeof(dy_petr_stats),
        IMG_VERSION};
    return dy_hash(sz, sizeof sz);
}

typedef struct img_hdr {
    char magic[8];            /* "dyadimg\n"                                */
    uint32_t version, hdr_size;
    uint64_t base;            /* address the image is mapped at             */
    uint64_t size;            /* of the file                                */
    uint64_t checksum;        /* of bytes [hdr_size, size)                  */
    uint64_t layout;          /* layout_sig()                               */
    uint64_t dict;            /* offset of the dy_dict                      */
    uint64_t warn, warn_len, nwarn; /* warnings before the gazetteer's      */
    uint64_t sig[4], sig_len[4];    /* load, build, tagger, codes           */
} img_hdr;

enum { SIG_LOAD, SIG_BUILD, SIG_TAGGER, SIG_CODES };

/* ---- checksum ----------------------------------------------------------- */

/* A Fletcher-style sum over 64-bit words (n is a multiple of 8): it sees
 * any changed word and any reordering, at a word a cycle (the whole of an
 * image is summed each time it is mapped). */
static uint64_t ck_image(uint64_t seed, const unsigned char *p, size_t n)
{
    uint64_t a = seed, b = 0;
    for (size_t i = 0; i < n; i += 8) {
        uint64_t v;
        memcpy(&v, p + i, 8);
        a += v;
        b += a;
    }
    return a ^ (b * 0x9E3779B97F4A7C15ull) ^ ((uint64_t)n * 0xff51afd7ed558ccdull);
}

/* ---- signatures ------------------------------------------------------------ */

static void sig_stat(dy_buf *b, char kind, const char *path,
                     const struct stat *st)
{
    if (!st) {
        dy_buf_printf(b, "%c %zu:%s missing\n", kind, strlen(path), path);
        return;
    }
    dy_buf_printf(b, "%c %zu:%s %ju %ju %jd %jd.%09ld %jd.%09ld\n", kind,
                  strlen(path), path, (uintmax_t)st->st_dev,
                  (uintmax_t)st->st_ino, (intmax_t)st->st_size,
                  (intmax_t)st->st_mtim.tv_sec, (long)st->st_mtim.tv_nsec,
                  (intmax_t)st->st_ctim.tv_sec, (long)st->st_ctim.tv_nsec);
}

static void sig_path(dy_buf *b, char kind, const char *path)
{
    struct stat st;
    sig_stat(b, kind, path, stat(path, &st) == 0 ? &st : NULL);
}

/* The files dyad_dict_load(path) reads, in its order (load_path in
 * dict.c), with their stat. -1 where that load would fail. */
static int sig_walk(dy_buf *b, const char *path, int depth, uint64_t *bytes)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return -1;
    if (!S_ISDIR(st.st_mode)) {
        sig_stat(b, 'f', path, &st);
        *bytes += (uint64_t)st.st_size;
        return 0;
    }
    if (depth > 8)
        return -1;
    char **names;
    size_t nn;
    if (dy_dict_dir_names(path, &names, &nn))
        return -1;
    int r = 0;
    for (size_t i = 0; i < nn && !r; i++) {
        char full[PATH_MAX];
        int k = snprintf(full, sizeof full, "%s/%s", path, names[i]);
        (void)k; /* truncated as load_path truncates it */
        struct stat s2;
        if (stat(full, &s2) != 0)
            continue;
        if (S_ISDIR(s2.st_mode)) {
            dy_buf_printf(b, "d %zu:%s\n", strlen(full), full);
            r = sig_walk(b, full, depth + 1, bytes);
        } else if (dy_dict_file_name(names[i])) {
            sig_stat(b, 'f', full, &s2);
            *bytes += (uint64_t)s2.st_size;
        }
    }
    dy_dict_dir_free(names, nn);
    return r;
}

static int sig_load(dy_buf *b, const char *path, uint64_t *bytes)
{
    dy_buf_clear(b);
    *bytes = 0;
    dy_buf_printf(b, "load %zu:%s\n", strlen(path), path);
    if (sig_walk(b, path, 0, bytes) || b->oom)
        return -1;
    return 0;
}

/* The object (program or shared library) that holds this code: its GNU
 * build id, which the linker derives from the whole of its contents. */
typedef struct self_obj {
    uintptr_t addr;
    int found;
    char name[PATH_MAX];    /* "" = the main program                       */
    unsigned char id[64];
    size_t nid;
} self_obj;

static int self_cb(struct dl_phdr_info *info, size_t size, void *arg)
{
    (void)size;
    self_obj *o = arg;
    bool here = false;
    for (int i = 0; i < info->dlpi_phnum && !here; i++) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
        uintptr_t a = info->dlpi_addr + ph->p_vaddr;
        here = ph->p_type == PT_LOAD && o->addr >= a && o->addr - a < ph->p_memsz;
    }
    if (!here)
        return 0;
    o->found = 1;
    snprintf(o->name, sizeof o->name, "%s", info->dlpi_name ? info->dlpi_name : "");
    for (int i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
        if (ph->p_type != PT_NOTE)
            continue;
        const unsigned char *p = (const unsigned char *)(info->dlpi_addr + ph->p_vaddr);
        size_t n = ph->p_filesz, k = 0;
        while (k + sizeof(ElfW(Nhdr)) <= n) {
            ElfW(Nhdr) nh;
            memcpy(&nh, p + k, sizeof nh);
            size_t name = k + sizeof nh, desc = name + ((nh.n_namesz + 3u) & ~3u);
            size_t next = desc + ((nh.n_descsz + 3u) & ~3u);
            if (next > n || next <= k)
                break;
            if (nh.n_type == NT_GNU_BUILD_ID && nh.n_namesz == 4 &&
                memcmp(p + name, "GNU", 4) == 0 && nh.n_descsz &&
                nh.n_descsz <= sizeof o->id) {
                memcpy(o->id, p + desc, nh.n_descsz);
                o->nid = nh.n_descsz;
                return 1;
            }
            k = next;
        }
    }
    return 1;
}

/* The code that builds dictionaries, and what else decides what it builds
 * (the locale's decimal point, for strtod). -1 when the code cannot be
 * identified: then nothing is cached. */
static int sig_build(dy_buf *b)
{
    dy_buf_clear(b);
    const struct lconv *lc = localeconv();
    dy_buf_printf(b, "dyad %s layout %016jx point %s\n", DYAD_VERSION,
                  (uintmax_t)layout_sig(),
                  lc && lc->decimal_point ? lc->decimal_point : "");
    self_obj o;
    memset(&o, 0, sizeof o);
    o.addr = (uintptr_t)&dy_cache_probe;
    dl_iterate_phdr(self_cb, &o);
    if (!o.found)
        return -1;
    if (o.nid) {
        dy_buf_puts(b, "id ");
        for (size_t i = 0; i < o.nid; i++)
            dy_buf_printf(b, "%02x", o.id[i]);
        dy_buf_putc(b, '\n');
        return b->oom ? -1 : 0;
    }
    /* no build id: the file's identity, when it can be found */
    struct stat st;
    const char *f = o.name[0] ? o.name : "/proc/self/exe";
    if (f[0] != '/' || stat(f, &st) != 0)
        return -1;
    sig_stat(b, 'x', f, &st);
    return b->oom ? -1 : 0;
}

static void sig_tagger(dy_buf *b)
{
    static const char *const names[3] = {"tags.yml", "words.yml", "unknown.yml"};
    const char *dir = dy_dict_tagger_dir();
    dy_buf_clear(b);
    for (int i = 0; i < 3; i++) {
        char path[PATH_MAX];
        int k = snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        if (k < 0 || (size_t)k >= sizeof path)
            dy_buf_puts(b, "t too long\n"); /* finish fails: no image */
        else
            sig_path(b, 't', path);
    }
}

void dy_cache_sig_codes(dy_dict *d, const char *path)
{
    dy_buf_clear(&d->sig_codes);
    sig_path(&d->sig_codes, 'c', path);
}

/* ---- where ------------------------------------------------------------------ */

/* The cache folder, or -1 when caching is off. */
static int cache_dir(char *out, size_t cap)
{
    if (!DY_CACHE)
        return -1;
    const char *e = getenv("DYAD_DICT_CACHE");
    int k;
    if (e) {
        if (!*e || strcmp(e, "off") == 0 || strcmp(e, "0") == 0 ||
            strcmp(e, "none") == 0)
            return -1;
        k = snprintf(out, cap, "%s", e);
    } else if ((e = getenv("XDG_CACHE_HOME")) && *e == '/') {
        k = snprintf(out, cap, "%s/dyad", e);
    } else if ((e = getenv("HOME")) && *e == '/') {
        k = snprintf(out, cap, "%s/.cache/dyad", e);
    } else {
        return -1;
    }
    return k > 0 && (size_t)k < cap - 64 ? 0 : -1;
}

/* A folder (or file) of ours that others cannot write. */
static bool ours(const struct stat *st)
{
    return st->st_uid == geteuid() && !(st->st_mode & (S_IWGRP | S_IWOTH));
}

/* The image's name for a load of path, and its address. */
static uint64_t img_key(const char *path, const char *dir, char *name,
                        size_t cap)
{
    dy_buf k;
    dy_buf_init(&k);
    dy_buf_printf(&k, "%s", path);
    dy_buf_putc(&k, 0);
    if (path[0] != '/') {
        char cwd[PATH_MAX];
        if (getcwd(cwd, sizeof cwd))
            dy_buf_puts(&k, cwd);
    }
    dy_buf_putc(&k, 0);
    dy_buf_puts(&k, dy_dict_tagger_dir());
    dy_buf_putc(&k, 0);
    char codes[PATH_MAX];
    dy_dict_codes_path(codes, sizeof codes);
    dy_buf_puts(&k, codes);
    uint64_t h = dy_hash(k.p ? k.p : "", k.len);
    dy_buf_free(&k);
    int n = snprintf(name, cap, "%s/dict-%016jx.img", dir, (uintmax_t)h);
    if (n < 0 || (size_t)n >= cap)
        name[0] = 0;
    /* 1 GB slots from 32 TB up: far from the program, its heap, its
     * libraries and mmap area, and from ASan's shadow memory */
    return 0x200000000000ull + ((h >> 24) % 4096) * IMG_MAX_SIZE;
}

/* ---- writing ------------------------------------------------------------------ */

struct dy_imgw {
    FILE *f;                /* NULL: a dry run that only lays out         */
    uint64_t base, off;
    int err;
};

uint64_t dy_imgw_addr(const dy_imgw *w) { return w->base + w->off; }

int dy_imgw_put(dy_imgw *w, const void *p, size_t n)
{
    if (w->err)
        return -1;
    w->off += n;
    if (!w->f || !n)
        return 0;
    if (fwrite(p, 1, n, w->f) != n) {
        w->err = 1;
        return -1;
    }
    return 0;
}

int dy_imgw_align(dy_imgw *w, size_t a)
{
    static const unsigned char zero[64];
    size_t pad = (a - (size_t)(w->off % a)) % a;
    return pad ? dy_imgw_put(w, zero, pad) : 0;
}

/* Where the parts of an image are (addresses), found by a dry run. */
typedef struct lay {
    uint64_t dict, files, slots, str, len, hash, winfo, ents, phr, roles,
        verbs, pats, items, altw, sets, codes, discards, irreg, nodes,
        ekeys, evals, phr_at, dfirst, gapped, fuzzy, vpats, setdata, tagger, warn,
        sig[4], pool;
} lay;

/* Address of the next string of the pool, which is written in the order
 * its strings are handed out. */
static uint64_t pool_str(const char *s, uint64_t *cur)
{
    uint64_t at = *cur;
    *cur += strlen(s) + 1;
    return at;
}

#define PTR(T, a) ((T)(uintptr_t)(a))
#define PUT(w, p, n) \
    do { if (dy_imgw_put(w, p, n)) return -1; } while (0)
#define ALIGN(w) \
    do { if (dy_imgw_align(w, 8)) return -1; } while (0)
#define AT(w, field) \
    do { ALIGN(w); L->field = dy_imgw_addr(w); } while (0)

/* Write (or, with w->f NULL, lay out) the image of d. L gets the
 * addresses of the parts; P gives them (from the dry run) to the pointers
 * written. */
static int emit(dy_imgw *w, const dy_dict *d, const dy_buf sig[4], lay *L,
                const lay *P)
{
    const dy_strtab *t = &d->words;
    uint64_t pool = P->pool;
    /* the dictionary */
    AT(w, dict);
    {
        dy_dict c;
        memcpy(&c, d, sizeof c);
        memset(&c.err, 0, sizeof c.err);
        memset(&c.arena, 0, sizeof c.arena);
        memset(&c.scratch, 0, sizeof c.scratch);
        c.files = PTR(const char **, P->files);
        c.capfiles = c.nfiles;
        c.words.slots = PTR(uint32_t *, P->slots);
        c.words.str = PTR(const char **, P->str);
        c.words.len = PTR(uint32_t *, P->len);
        c.words.hash = PTR(uint64_t *, P->hash);
        c.words.cap = (size_t)t->n + 1;
        memset(&c.words.arena, 0, sizeof c.words.arena);
        c.winfo = PTR(dy_word *, P->winfo);
        c.capwinfo = (size_t)t->n + 1;
        c.ents = PTR(dy_entity *, P->ents);
        c.capents = c.nents;
        c.phr = PTR(dy_phrase *, P->phr);
        c.capphr = c.nphr;
        c.roles = PTR(dy_role *, P->roles);
        c.caproles = c.nroles;
        c.verbs = PTR(dy_verb *, P->verbs);
        c.capverbs = c.nverbs;
        c.pats = PTR(dy_pattern *, P->pats);
        c.cappats = c.npats;
        c.items = PTR(dy_item *, P->items);
        c.capitems = c.nitems;
        c.altw = PTR(uint32_t *, P->altw);
        c.capaltw = c.naltw;
        c.sets = PTR(dy_set *, P->sets);
        c.capsets = c.nsets;
        c.codes = PTR(dy_code *, P->codes);
        c.capcodes = c.ncodes;
        c.discards = PTR(dy_discard *, P->discards);
        c.capdiscards = c.ndiscards;
        c.irreg = PTR(uint32_t *, P->irreg);
        c.capirreg = c.nirreg;
        c.nodes = PTR(dy_trie_node *, P->nodes);
        c.capnodes = c.nnodes;
        c.edge_keys = PTR(uint64_t *, P->ekeys);
        c.edge_vals = PTR(uint32_t *, P->evals);
        c.phr_at = PTR(uint32_t *, P->phr_at);
        c.discard_first = PTR(uint32_t *, P->dfirst);
        c.gapped = d->gapped ? PTR(uint32_t *, P->gapped) : NULL;
        c.fuzzy = PTR(dy_fuzzy *, P->fuzzy);
        c.tagger = PTR(dy_tagger *, P->tagger);
        c.gaz = NULL;
        memset(&c.warnings, 0, sizeof c.warnings);
        c.nwarnings = 0;
        memset(&c.out, 0, sizeof c.out);
        c.nloads = 0;
        c.first_path = NULL;
        c.deferred = 0;
        c.img = NULL;
        c.img_size = 0;
        c.img_used = 0;
        memset(&c.sig_load, 0, sizeof c.sig_load);
        memset(&c.sig_codes, 0, sizeof c.sig_codes);
        memset(&c.sig_tagger, 0, sizeof c.sig_tagger);
        c.warn_len0 = c.nwarn0 = 0;
        PUT(w, &c, sizeof c);
    }
    /* file names */
    AT(w, files);
    for (size_t i = 0; i < d->nfiles; i++) {
        uint64_t a = pool_str(d->files[i], &pool);
        PUT(w, &a, 8);
    }
    /* the word table */
    size_t nw = (size_t)t->n + 1;
    AT(w, slots);
    PUT(w, t->slots, ((size_t)t->mask + 1) * sizeof *t->slots);
    AT(w, str);
    for (size_t i = 0; i < nw; i++) {
        uint64_t a = pool;
        pool += (uint64_t)t->len[i] + 1;
        PUT(w, &a, 8);
    }
    AT(w, len);
    PUT(w, t->len, nw * sizeof *t->len);
    AT(w, hash);
    PUT(w, t->hash, nw * sizeof *t->hash);
    AT(w, winfo);
    PUT(w, d->winfo, nw * sizeof *d->winfo);
    /* entries */
    AT(w, ents);
    for (size_t i = 0; i < d->nents; i++) {
        dy_entity e;
        memcpy(&e, &d->ents[i], sizeof e);
        e.name = e.name ? PTR(const char *, pool_str(e.name, &pool)) : NULL;
        PUT(w, &e, sizeof e);
    }
    AT(w, phr);
    PUT(w, d->phr, d->nphr * sizeof *d->phr);
    AT(w, roles);
    for (size_t i = 0; i < d->nroles; i++) {
        dy_role r;
        memcpy(&r, &d->roles[i], sizeof r);
        r.title = r.title ? PTR(const char *, pool_str(r.title, &pool)) : NULL;
        PUT(w, &r, sizeof r);
    }
    uint64_t vp = P->vpats;
    AT(w, verbs);
    for (size_t i = 0; i < d->nverbs; i++) {
        dy_verb v;
        memcpy(&v, &d->verbs[i], sizeof v);
        v.cappats = v.npats;
        if (v.pats) {
            v.pats = PTR(uint32_t *, vp);
            vp += (uint64_t)v.npats * sizeof *v.pats;
        }
        PUT(w, &v, sizeof v);
    }
    AT(w, pats);
    for (size_t i = 0; i < d->npats; i++) {
        dy_pattern p;
        memcpy(&p, &d->pats[i], sizeof p);
        p.id = p.id ? PTR(const char *, pool_str(p.id, &pool)) : NULL;
        PUT(w, &p, sizeof p);
    }
    AT(w, items);
    PUT(w, d->items, d->nitems * sizeof *d->items);
    AT(w, altw);
    PUT(w, d->altw, d->naltw * sizeof *d->altw);
    uint64_t sd = P->setdata;
    AT(w, sets);
    for (size_t i = 0; i < d->nsets; i++) {
        dy_set s;
        memcpy(&s, &d->sets[i], sizeof s);
        s.cap = s.len;
        if (s.members)
            s.members = PTR(uint32_t *, sd);
        sd += ((uint64_t)s.len * 4 + 7) & ~7ull;
        if (s.idx)
            s.idx = PTR(uint64_t *, sd);
        sd += ((uint64_t)s.nmem * 2 + 1) * 8;
        PUT(w, &s, sizeof s);
    }
    AT(w, codes);
    for (size_t i = 0; i < d->ncodes; i++) {
        dy_code c;
        memcpy(&c, &d->codes[i], sizeof c);
        c.name = c.name ? PTR(const char *, pool_str(c.name, &pool)) : NULL;
        PUT(w, &c, sizeof c);
    }
    AT(w, discards);
    PUT(w, d->discards, d->ndiscards * sizeof *d->discards);
    AT(w, irreg);
    PUT(w, d->irreg, d->nirreg * sizeof *d->irreg);
    AT(w, nodes);
    PUT(w, d->nodes, d->nnodes * sizeof *d->nodes);
    AT(w, ekeys);
    PUT(w, d->edge_keys, (d->edge_mask + 1) * sizeof *d->edge_keys);
    AT(w, evals);
    PUT(w, d->edge_vals, (d->edge_mask + 1) * sizeof *d->edge_vals);
    AT(w, phr_at);
    PUT(w, d->phr_at, d->nphr_at * sizeof *d->phr_at);
    AT(w, dfirst);
    PUT(w, d->discard_first, d->ndiscards * sizeof *d->discard_first);
    AT(w, gapped);
    if (d->gapped)
        PUT(w, d->gapped, d->ngapped * sizeof *d->gapped);
    AT(w, fuzzy);
    for (size_t i = 0; i < d->nfuzzy; i++) {
        /* the key's bytes past its end and the padding are not set (and
         * not read): zeros in the image */
        const dy_fuzzy *s = &d->fuzzy[i];
        dy_fuzzy f;
        memset(&f, 0, sizeof f);
        memcpy(f.key, s->key, DY_MIN((size_t)s->nkey + 1, sizeof f.key));
        f.nkey = s->nkey;
        f.phrase = s->phrase;
        PUT(w, &f, sizeof f);
    }
    /* arrays of verbs and sets */
    AT(w, vpats);
    for (size_t i = 0; i < d->nverbs; i++)
        if (d->verbs[i].pats)
            PUT(w, d->verbs[i].pats, d->verbs[i].npats * sizeof(uint32_t));
    AT(w, setdata);
    static const uint64_t zero = 0;
    for (size_t i = 0; i < d->nsets; i++) {
        const dy_set *s = &d->sets[i];
        if (s->len)
            PUT(w, s->members, (size_t)s->len * 4);
        ALIGN(w);
        if (s->idx)
            PUT(w, s->idx, (size_t)s->nmem * 2 * 8);
        else
            for (size_t k = 0; k < (size_t)s->nmem * 2; k++)
                PUT(w, &zero, 8);
        PUT(w, &zero, 8);
    }
    /* the tagger's lexicon */
    AT(w, tagger);
    if (dy_tagger_image(d->tagger, w))
        return -1;
    /* warnings, signatures */
    AT(w, warn);
    PUT(w, d->warnings.p, d->warn_len0);
    for (int k = 0; k < 4; k++) {
        AT(w, sig[k]);
        PUT(w, sig[k].p, sig[k].len);
    }
    /* the strings, in the order handed out above */
    AT(w, pool);
    for (size_t i = 0; i < d->nfiles; i++)
        PUT(w, d->files[i], strlen(d->files[i]) + 1);
    for (size_t i = 0; i < nw; i++) {
        PUT(w, t->str[i], t->len[i]);
        PUT(w, "", 1);
    }
    for (size_t i = 0; i < d->nents; i++)
        if (d->ents[i].name)
            PUT(w, d->ents[i].name, strlen(d->ents[i].name) + 1);
    for (size_t i = 0; i < d->nroles; i++)
        if (d->roles[i].title)
            PUT(w, d->roles[i].title, strlen(d->roles[i].title) + 1);
    for (size_t i = 0; i < d->npats; i++)
        if (d->pats[i].id)
            PUT(w, d->pats[i].id, strlen(d->pats[i].id) + 1);
    for (size_t i = 0; i < d->ncodes; i++)
        if (d->codes[i].name)
            PUT(w, d->codes[i].name, strlen(d->codes[i].name) + 1);
    ALIGN(w);
    return 0;
}

/* Keep the IMG_KEEP most recently written images of the folder. */
static void prune(const char *dir)
{
    DIR *dd = opendir(dir);
    if (!dd)
        return;
    struct old {
        char name[64];
        struct timespec t;
    } *v = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(dd))) {
        size_t k = strlen(de->d_name);
        if (k >= 64 || k < 9 || strncmp(de->d_name, "dict-", 5) != 0 ||
            strcmp(de->d_name + k - 4, ".img") != 0)
            continue;
        char path[CPATH];
        struct stat st;
        int pk = snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
        if (pk < 0 || (size_t)pk >= sizeof path)
            continue;
        if (stat(path, &st) != 0 || DY_GROW(v, cap, n + 1))
            continue;
        memcpy(v[n].name, de->d_name, k + 1);
        v[n].t = st.st_mtim;
        n++;
    }
    closedir(dd);
    while (n > IMG_KEEP) {
        size_t o = 0;
        for (size_t i = 1; i < n; i++)
            if (v[i].t.tv_sec < v[o].t.tv_sec ||
                (v[i].t.tv_sec == v[o].t.tv_sec && v[i].t.tv_nsec < v[o].t.tv_nsec))
                o = i;
        char path[CPATH];
        int pk = snprintf(path, sizeof path, "%s/%s", dir, v[o].name);
        if (pk > 0 && (size_t)pk < sizeof path)
            unlink(path);
        v[o] = v[--n];
    }
    dy_free(v);
}

/* Was a file read changed in the last two seconds? Where timestamps are
 * coarse, a second change within the same tick could go unseen by its
 * signature (as in git's "racy" index entries): such a load is not stored
 * (the next one will be). */
static int fresh_secs = 2;

void dy_cache_set_fresh(int secs) { fresh_secs = secs; }

static bool too_fresh(const dy_dict *d)
{
    struct timespec now;
    if (fresh_secs <= 0)
        return false;
    if (clock_gettime(CLOCK_REALTIME, &now) != 0)
        return true;
    for (size_t i = 0; i < d->nfiles; i++) {
        struct stat st;
        if (stat(d->files[i], &st) != 0 ||
            st.st_mtim.tv_sec >= now.tv_sec - fresh_secs ||
            st.st_ctim.tv_sec >= now.tv_sec - fresh_secs)
            return true;
    }
    return false;
}

void dy_cache_store(dy_dict *d)
{
    char dir[PATH_MAX], name[CPATH], tmp[CPATH];
    if (d->nloads != 1 || !d->first_path || !d->sig_load.len || d->img_used ||
        !d->tagger || !d->sig_tagger.len || cache_dir(dir, sizeof dir))
        return;
    dy_buf sig[4];
    for (int k = 0; k < 4; k++)
        dy_buf_init(&sig[k]);
    FILE *f = NULL;
    int fd = -1;
    tmp[0] = 0;
    uint64_t bytes;
    /* the inputs must not have changed while they were read */
    if (sig_load(&sig[SIG_LOAD], d->first_path, &bytes) ||
        sig[SIG_LOAD].len != d->sig_load.len ||
        memcmp(sig[SIG_LOAD].p, d->sig_load.p, d->sig_load.len) != 0)
        goto out;
    sig_tagger(&sig[SIG_TAGGER]);
    if (sig[SIG_TAGGER].len != d->sig_tagger.len || sig[SIG_TAGGER].oom ||
        memcmp(sig[SIG_TAGGER].p, d->sig_tagger.p, d->sig_tagger.len) != 0)
        goto out;
    if (d->sig_codes.len) {
        char codes[PATH_MAX];
        dy_dict_codes_path(codes, sizeof codes);
        sig_path(&sig[SIG_CODES], 'c', codes);
        if (sig[SIG_CODES].len != d->sig_codes.len || sig[SIG_CODES].oom ||
            memcmp(sig[SIG_CODES].p, d->sig_codes.p, d->sig_codes.len) != 0)
            goto out;
    }
    if (sig_build(&sig[SIG_BUILD]) || d->warnings.oom || too_fresh(d))
        goto out;
    /* the folder: ours, made if missing */
    struct stat st;
    if (stat(dir, &st) != 0) {
        char *slash = strrchr(dir, '/');
        if (slash && slash != dir) {
            *slash = 0;
            mkdir(dir, 0700);   /* ~/.cache may be missing too */
            *slash = '/';
        }
        if (mkdir(dir, 0700) != 0 || stat(dir, &st) != 0)
            goto out;
    }
    if (!S_ISDIR(st.st_mode) || !ours(&st))
        goto out;
    uint64_t base = img_key(d->first_path, dir, name, sizeof name);
    /* lay out, then write */
    lay L, P;
    memset(&L, 0, sizeof L);
    img_hdr h;
    memset(&h, 0, sizeof h);
    dy_imgw w;
    memset(&w, 0, sizeof w);
    w.base = base;
    w.off = sizeof h;
    if (emit(&w, d, sig, &L, &L) || w.off > IMG_MAX_SIZE)
        goto out;
    P = L;
    int tk = snprintf(tmp, sizeof tmp, "%s/.dict-XXXXXX", dir);
    if (tk < 0 || (size_t)tk >= sizeof tmp) {
        tmp[0] = 0;
        goto out;
    }
    fd = mkstemp(tmp);
    if (fd < 0) {
        tmp[0] = 0;
        goto out;
    }
    f = fdopen(fd, "wb");
    if (!f)
        goto out;
    fd = -1;
    memset(&w, 0, sizeof w);
    w.f = f;
    w.base = base;
    w.off = 0;
    if (fwrite(&h, 1, sizeof h, f) != sizeof h) /* placeholder */
        goto out;
    w.off = sizeof h;
    memset(&L, 0, sizeof L);
    /* the same layout as the dry run, a whole number of checksum words */
    if (emit(&w, d, sig, &L, &P) || w.off % 8 || memcmp(&L, &P, sizeof L) != 0 ||
        fflush(f) != 0)
        goto out;
    /* the checksum of what was written, as the reader will compute it */
    void *m = mmap(NULL, (size_t)w.off, PROT_READ, MAP_SHARED, fileno(f), 0);
    if (m == MAP_FAILED)
        goto out;
    h.checksum = ck_image(base, (const unsigned char *)m + sizeof h,
                          (size_t)(w.off - sizeof h));
    munmap(m, (size_t)w.off);
    memcpy(h.magic, "dyadimg\n", 8);
    h.version = IMG_VERSION;
    h.hdr_size = sizeof h;
    h.base = base;
    h.size = w.off;
    h.layout = layout_sig();
    h.dict = L.dict - base;
    h.warn = L.warn - base;
    h.warn_len = d->warn_len0;
    h.nwarn = d->nwarn0;
    for (int k = 0; k < 4; k++) {
        h.sig[k] = L.sig[k] - base;
        h.sig_len[k] = sig[k].len;
    }
    if (fseek(f, 0, SEEK_SET) != 0 || fwrite(&h, 1, sizeof h, f) != sizeof h ||
        fflush(f) != 0)
        goto out;
    int bad = fclose(f);
    f = NULL;
    if (bad || rename(tmp, name) != 0)
        goto out;
    tmp[0] = 0;
    prune(dir);
out:
    for (int k = 0; k < 4; k++)
        dy_buf_free(&sig[k]);
    if (f)
        fclose(f);
    if (fd >= 0)
        close(fd);
    if (tmp[0])
        unlink(tmp);
}

void dy_cache_sig_tagger(dy_dict *d)
{
    if (d->nloads == 1 && d->sig_load.len)
        sig_tagger(&d->sig_tagger);
}

/* ---- reading -------------------------------------------------------------------- */

static bool same(const char *img, const img_hdr *h, int k, const dy_buf *b)
{
    return !b->oom && h->sig_len[k] == b->len &&
           (b->len == 0 || memcmp(img + h->sig[k], b->p, b->len) == 0);
}

/* A header that can be trusted with the file's size. */
static bool hdr_ok(const img_hdr *h, uint64_t fsize, uint64_t base)
{
    if (memcmp(h->magic, "dyadimg\n", 8) != 0 || h->version != IMG_VERSION ||
        h->hdr_size != sizeof *h || h->layout != layout_sig() ||
        h->base != base || h->size != fsize || h->size > IMG_MAX_SIZE ||
        h->size % 8 || h->dict % 8 || h->dict + sizeof(dy_dict) > h->size ||
        h->warn > h->size || h->warn_len > h->size - h->warn)
        return false;
    for (int k = 0; k < 4; k++)
        if (h->sig[k] > h->size || h->sig_len[k] > h->size - h->sig[k])
            return false;
    return true;
}

int dy_cache_probe(dy_dict *d, const char *path)
{
    char dir[PATH_MAX], name[CPATH];
    if (cache_dir(dir, sizeof dir))
        return 0;
    uint64_t bytes;
    if (sig_load(&d->sig_load, path, &bytes) || bytes < IMG_MIN_BYTES) {
        dy_buf_clear(&d->sig_load);
        return 0;
    }
    d->first_path = dy_strdup(path);
    if (!d->first_path) {
        dy_buf_clear(&d->sig_load);
        return 0;
    }
    uint64_t base = img_key(path, dir, name, sizeof name);
    struct stat st;
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode) || !ours(&st))
        return 0;
    int fd = open(name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return 0;
    img_hdr h;
    dy_buf build;
    dy_buf_init(&build);
    void *m = MAP_FAILED;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || !ours(&st) ||
        pread(fd, &h, sizeof h, 0) != (ssize_t)sizeof h ||
        !hdr_ok(&h, (uint64_t)st.st_size, base))
        goto fail;
    /* the inputs first (no need to map a stale image) */
    if (sig_build(&build))
        goto fail;
    char *s = dy_malloc(h.sig_len[SIG_LOAD] + h.sig_len[SIG_BUILD] + 1);
    if (!s)
        goto fail;
    bool fresh =
        pread(fd, s, h.sig_len[SIG_LOAD], (off_t)h.sig[SIG_LOAD]) ==
            (ssize_t)h.sig_len[SIG_LOAD] &&
        h.sig_len[SIG_LOAD] == d->sig_load.len &&
        memcmp(s, d->sig_load.p, d->sig_load.len) == 0 &&
        pread(fd, s, h.sig_len[SIG_BUILD], (off_t)h.sig[SIG_BUILD]) ==
            (ssize_t)h.sig_len[SIG_BUILD] &&
        h.sig_len[SIG_BUILD] == build.len && !build.oom &&
        memcmp(s, build.p, build.len) == 0;
    dy_free(s);
    if (!fresh)
        goto fail;
    m = mmap((void *)(uintptr_t)base, (size_t)h.size, PROT_READ,
             MAP_PRIVATE | MAP_FIXED_NOREPLACE | MAP_POPULATE, fd, 0);
    if (m == MAP_FAILED)
        goto fail;
    if ((uintptr_t)m != base)
        goto fail;  /* a kernel without MAP_FIXED_NOREPLACE put it elsewhere */
    const unsigned char *img = m;
    if (ck_image(base, img + h.hdr_size, (size_t)(h.size - h.hdr_size)) !=
        h.checksum)
        goto fail;
    close(fd);
    dy_buf_free(&build);
    d->img = m;
    d->img_size = (size_t)h.size;
    d->deferred = 1;
    return 1;
fail:
    if (m != MAP_FAILED)
        munmap(m, (size_t)h.size);
    close(fd);
    dy_buf_free(&build);
    return 0;
}

void dy_cache_drop(dy_dict *d)
{
    if (d->img && !d->img_used)
        munmap(d->img, d->img_size);
    if (!d->img_used) {
        d->img = NULL;
        d->img_size = 0;
    }
    d->deferred = 0;
}

int dy_cache_adopt(dy_dict *d)
{
    if (!d->deferred || !d->img)
        return -1;
    const char *img = d->img;
    const img_hdr *h = d->img;
    /* what finish reads besides the files: the same tagger, codes.dyad */
    dy_buf b;
    dy_buf_init(&b);
    sig_tagger(&b);
    bool ok = same(img, h, SIG_TAGGER, &b);
    if (ok && h->sig_len[SIG_CODES]) {
        char codes[PATH_MAX];
        dy_dict_codes_path(codes, sizeof codes);
        dy_buf_clear(&b);
        sig_path(&b, 'c', codes);
        ok = same(img, h, SIG_CODES, &b);
    }
    dy_buf_free(&b);
    if (!ok)
        return -1;
    const dy_dict *c = (const dy_dict *)(const void *)(img + h->dict);
    size_t wl = d->warnings.len;
    dy_buf_put(&d->warnings, img + h->warn, (size_t)h->warn_len);
    if (d->warnings.oom) {
        d->warnings.len = wl;
        return -1;
    }
    d->nwarnings += (size_t)h->nwarn;
    d->files = c->files;
    d->nfiles = c->nfiles;
    d->capfiles = c->capfiles;
    dy_strtab_free(&d->words);
    d->words = c->words;
    d->winfo = c->winfo;
    d->capwinfo = c->capwinfo;
    d->ents = c->ents;
    d->nents = c->nents;
    d->capents = c->capents;
    d->phr = c->phr;
    d->nphr = c->nphr;
    d->capphr = c->capphr;
    d->roles = c->roles;
    d->nroles = c->nroles;
    d->caproles = c->caproles;
    d->verbs = c->verbs;
    d->nverbs = c->nverbs;
    d->capverbs = c->capverbs;
    d->pats = c->pats;
    d->npats = c->npats;
    d->cappats = c->cappats;
    d->items = c->items;
    d->nitems = c->nitems;
    d->capitems = c->capitems;
    d->altw = c->altw;
    d->naltw = c->naltw;
    d->capaltw = c->capaltw;
    d->sets = c->sets;
    d->nsets = c->nsets;
    d->capsets = c->capsets;
    d->codes = c->codes;
    d->ncodes = c->ncodes;
    d->capcodes = c->capcodes;
    d->discards = c->discards;
    d->ndiscards = c->ndiscards;
    d->capdiscards = c->capdiscards;
    d->irreg = c->irreg;
    d->nirreg = c->nirreg;
    d->capirreg = c->capirreg;
    d->nodes = c->nodes;
    d->nnodes = c->nnodes;
    d->capnodes = c->capnodes;
    d->edge_keys = c->edge_keys;
    d->edge_vals = c->edge_vals;
    d->edge_mask = c->edge_mask;
    d->phr_at = c->phr_at;
    d->nphr_at = c->nphr_at;
    d->discard_first = c->discard_first;
    d->gapped = c->gapped;
    d->ngapped = c->ngapped;
    d->fuzzy = c->fuzzy;
    d->nfuzzy = c->nfuzzy;
    memcpy(d->fuzzy_at, c->fuzzy_at, sizeof d->fuzzy_at);
    d->tagger = c->tagger;
    d->petr_verbs = c->petr_verbs;
    d->petr = c->petr;
    d->img_used = 1;
    d->deferred = 0;
    return 0;
}

void dy_cache_free(dy_dict *d)
{
    if (d->img)
        munmap(d->img, d->img_size);
    d->img = NULL;
    dy_free(d->first_path);
    dy_buf_free(&d->sig_load);
    dy_buf_free(&d->sig_tagger);
    dy_buf_free(&d->sig_codes);
}
