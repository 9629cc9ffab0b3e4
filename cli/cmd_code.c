/* cmd_code.c - `dyad code`: read records, code them (in parallel with -j),
 * and write events in input order. */
#include "cli.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static const char help[] =
    "usage: dyad code [options] [FILE...]\n"
    "\n"
    "Code news text into political events. FILE is a plain-text article, a\n"
    "JSON-lines file ({\"id\",\"date\",\"text\",...} per line) or PETRARCH XML;\n"
    "the format is recognised from the content. No FILE or '-' reads stdin.\n"
    "\n"
    "options:\n"
    "  --date YYYY-MM-DD   story date of plain-text articles, and of records\n"
    "                      without one (default: today, with a warning)\n"
    "  --format FMT        json (default: one event per line), eval (one line\n"
    "                      per record, gold format), tsv (PETRARCH-compatible)\n"
    "  --explain           print the analysis of every sentence and why it\n"
    "                      gave (or did not give) events\n"
    "  --input FMT         auto (default), text, jsonl, xml\n"
    "  --dict PATH         a dictionary file or folder (repeatable); default:\n"
    "                      dyad's own dictionaries\n"
    "  --require-dyad      only events with both a source and a target\n"
    "                      (default: the target may be null)\n"
    "  --no-unknown-source drop assaults, fights and mass violence (CAMEO\n"
    "                      18-20) whose perpetrator is unnamed (default:\n"
    "                      kept with a null source)\n"
    "  --petr-comma LIST   PETRARCH's comma_min,max,bmin,bmax,emin,emax for\n"
    "                      verbs from PETRARCH files (default 2,8,0,0,2,8)\n"
    "  --petr-new-actors N PETRARCH's new_actor_length: for those verbs, an\n"
    "                      entity without a code of fewer than N spaces is\n"
    "                      coded as its text (default 0: not)\n"
    "  -j N                code with N threads (output identical to -j 1)\n"
    "  --max-record BYTES  skip records larger than this (default 16 MiB)\n"
    "  --profile           print the time spent in each stage on stderr\n"
    "\n"
    "exit status: 0 ok, 1 some records were skipped (see stderr), 2 usage\n"
    "error, 3 fatal error (dictionary, input/output).\n";

typedef struct job {
    int state;              /* 0 free, 1 pending, 2 taken, 3 done           */
    dyad_input in;
    char *id, *date, *text, *source, *url, *title;
    const char *file;
    char *out;
    size_t outlen;
    char *msg;              /* error or warnings for stderr                  */
    int skipped;
} job;

typedef struct pool {
    pthread_mutex_t mu;
    pthread_cond_t cv_work, cv_done;
    job *ring;
    size_t cap;
    size_t head;            /* oldest slot not yet written                   */
    size_t count;           /* slots in use                                  */
    size_t take;            /* next slot for a worker                        */
    int quit;
    int idle;               /* workers waiting for a job                     */
    int main_waiting;       /* the main thread waits for finished jobs ...   */
    size_t want;            /* ... for this many in a row at the head        */
    const dyad_dict *dict;
    dyad_options opts;
    dyad_petr_config petr;
    dyad_output_format fmt;
    int fatal;
} pool;

static char *dupn(const char *s, size_t n)
{
    if (!s)
        return NULL;
    char *p = malloc(n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = 0;
    }
    return p;
}

static char *dups(const char *s) { return s ? dupn(s, strlen(s)) : NULL; }

static void job_clear(job *j)
{
    free(j->id);
    free(j->date);
    free(j->text);
    free(j->source);
    free(j->url);
    free(j->title);
    free(j->out);
    free(j->msg);
    memset(j, 0, sizeof *j);
}

static int job_fill(job *j, const dyad_input *in, const char *file)
{
    j->id = dups(in->id);
    j->date = dups(in->date);
    j->text = dupn(in->text, in->text_len);
    j->source = dups(in->source);
    j->url = dups(in->url);
    j->title = dups(in->title);
    j->file = file;
    if (!j->text)
        return -1;
    j->in = *in;
    j->in.id = j->id;
    j->in.date = j->date;
    j->in.text = j->text;
    j->in.source = j->source;
    j->in.url = j->url;
    j->in.title = j->title;
    return 0;
}

/* Code one job with coder c: fills out/msg/skipped. */
static void run_job(dyad_coder *c, job *j, dyad_output_format fmt)
{
    dyad_status s = dyad_code(c, &j->in);
    char buf[1400];
    if (s) {
        snprintf(buf, sizeof buf, "dyad: %s:%ld: record %s: %s: skipped\n",
                 j->file, j->in.line, j->in.id ? j->in.id : "?",
                 dyad_coder_errmsg(c));
        j->msg = dups(buf);
        j->skipped = 1;
        if (fmt == DYAD_OUT_EVAL) {
            /* one line per input record, even a skipped one */
            dyad_code(c, &(dyad_input){.id = j->in.id, .text = "",
                                       .date = "2000-01-01"});
            size_t n;
            const char *o = dyad_output(c, fmt, &n);
            j->out = dupn(o, n);
            j->outlen = n;
        }
        return;
    }
    const char *w = dyad_doc_warnings(c);
    if (*w) {
        /* prefix each warning line */
        size_t cap = strlen(w) * 2 + 256, m = 0;
        char *msg = malloc(cap);
        if (msg) {
            const char *p = w;
            while (*p) {
                const char *nl = strchr(p, '\n');
                size_t l = nl ? (size_t)(nl - p) : strlen(p);
                m += (size_t)snprintf(msg + m, cap - m, "dyad: %s: %s: warning: %.*s\n",
                                      j->file, dyad_doc_id(c), (int)l, p);
                p += l + (nl ? 1 : 0);
                if (m >= cap - 128)
                    break;
            }
            j->msg = msg;
        }
    }
    size_t n;
    const char *o = dyad_output(c, fmt, &n);
    j->out = dupn(o, n);
    j->outlen = n;
}

/* Finished jobs in a row at the head of the ring. Caller holds the lock. */
static size_t done_at_head(const pool *p)
{
    size_t k = 0;
    while (k < p->count && p->ring[(p->head + k) % p->cap].state == 3)
        k++;
    return k;
}

static void *worker(void *arg)
{
    pool *p = arg;
    dyad_coder *c;
    if (dyad_coder_new(&c, p->dict, &p->opts) ||
        dyad_coder_set_petr(c, &p->petr)) {
        pthread_mutex_lock(&p->mu);
        p->fatal = 1;
        pthread_cond_broadcast(&p->cv_done);
        pthread_mutex_unlock(&p->mu);
        return NULL;
    }
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (!p->quit && !(p->count > 0 && p->ring[p->take % p->cap].state == 1 &&
                             p->take < p->head + p->count)) {
            p->idle++;
            pthread_cond_wait(&p->cv_work, &p->mu);
            p->idle--;
        }
        if (p->quit && !(p->take < p->head + p->count &&
                         p->ring[p->take % p->cap].state == 1))
            break;
        job *j = &p->ring[p->take % p->cap];
        p->take++;
        j->state = 2;
        pthread_mutex_unlock(&p->mu);
        run_job(c, j, p->fmt);
        pthread_mutex_lock(&p->mu);
        j->state = 3;
        /* a wake-up (a system call, and a context switch) only when the
         * main thread waits and has what it waits for */
        if (p->main_waiting && done_at_head(p) >= p->want)
            pthread_cond_broadcast(&p->cv_done);
    }
    pthread_mutex_unlock(&p->mu);
    if (p->opts.profile) {
        pthread_mutex_lock(&p->mu);
        fprintf(stderr, "dyad: profile of one worker:\n%s", dyad_coder_profile(c));
        pthread_mutex_unlock(&p->mu);
    }
    dyad_coder_free(c);
    return NULL;
}

static long skipped_total;

static void write_job(job *j)
{
    if (j->msg)
        fputs(j->msg, stderr);
    if (j->out)
        fwrite(j->out, 1, j->outlen, stdout);
    if (j->skipped)
        skipped_total++;
    job_clear(j);
}

/* Write finished jobs at the head, in order, after waiting until `want`
 * of them in a row are finished (0: no waiting). Waiting for several at
 * once, not one, spares the threads a wake-up per job. Caller holds the
 * lock. */
static void drain(pool *p, size_t want)
{
    if (want > p->count)
        want = p->count;
    while (want && !p->fatal && done_at_head(p) < want) {
        p->want = want;
        p->main_waiting = 1;
        pthread_cond_wait(&p->cv_done, &p->mu);
        p->main_waiting = 0;
    }
    while (p->count > 0) {
        job *j = &p->ring[p->head % p->cap];
        if (j->state != 3)
            return;
        pthread_mutex_unlock(&p->mu);
        write_job(j);
        pthread_mutex_lock(&p->mu);
        p->head++;
        p->count--;
    }
}

int cmd_code(int argc, char **argv)
{
    dict_opts dop = {{0}, 0};
    dyad_options opts;
    dyad_options_init(&opts);
    dyad_petr_config petr;
    dyad_petr_config_init(&petr);
    dyad_output_format fmt = DYAD_OUT_JSON;
    dyad_input_format ifmt = DYAD_IN_AUTO;
    const char *files[1024];
    int nfiles = 0, threads = 1;
    size_t max_record = 0;
    const char *date = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v;
        int r = cli_dict_option(&dop, argc, argv, &i);
        if (r < 0)
            return EXIT_USAGE;
        if (r > 0)
            continue;
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            fputs(help, stdout);
            return EXIT_OK;
        } else if ((v = cli_value(argc, argv, &i, "--date"))) {
            if (!*v)
                return EXIT_USAGE;
            date = v;
        } else if ((v = cli_value(argc, argv, &i, "--format"))) {
            if (strcmp(v, "json") == 0)
                fmt = DYAD_OUT_JSON;
            else if (strcmp(v, "eval") == 0)
                fmt = DYAD_OUT_EVAL;
            else if (strcmp(v, "tsv") == 0)
                fmt = DYAD_OUT_TSV;
            else if (strcmp(v, "explain") == 0)
                fmt = DYAD_OUT_EXPLAIN;
            else {
                fprintf(stderr, "dyad: unknown format '%s' (json, eval, tsv, "
                                "explain)\n", v);
                return EXIT_USAGE;
            }
        } else if (strcmp(a, "--explain") == 0) {
            fmt = DYAD_OUT_EXPLAIN;
        } else if ((v = cli_value(argc, argv, &i, "--input"))) {
            if (strcmp(v, "auto") == 0)
                ifmt = DYAD_IN_AUTO;
            else if (strcmp(v, "text") == 0)
                ifmt = DYAD_IN_TEXT;
            else if (strcmp(v, "jsonl") == 0)
                ifmt = DYAD_IN_JSONL;
            else if (strcmp(v, "xml") == 0)
                ifmt = DYAD_IN_PETRXML;
            else {
                fprintf(stderr, "dyad: unknown input format '%s' (auto, text, "
                                "jsonl, xml)\n", v);
                return EXIT_USAGE;
            }
        } else if (strcmp(a, "--require-dyad") == 0) {
            opts.require_dyad = 1;
        } else if (strcmp(a, "--no-unknown-source") == 0) {
            opts.unknown_source = 0;
        } else if ((v = cli_value(argc, argv, &i, "--petr-new-actors"))) {
            char *e = NULL;
            long x = strtol(v, &e, 10);
            if (e == v || *e || x < 0 || x > 1000) {
                fprintf(stderr, "dyad: --petr-new-actors wants a number "
                                "0-1000\n");
                return EXIT_USAGE;
            }
            petr.new_actor_length = (int)x;
        } else if ((v = cli_value(argc, argv, &i, "--petr-comma"))) {
            int *f[6] = {&petr.comma_min,  &petr.comma_max,  &petr.comma_bmin,
                         &petr.comma_bmax, &petr.comma_emin, &petr.comma_emax};
            char *e = NULL;
            for (int k = 0; k < 6; k++) {
                long x = strtol(v, &e, 10);
                if (e == v || x < 0 || x > 1000 ||
                    (k < 5 ? *e != ',' : *e != 0)) {
                    fprintf(stderr, "dyad: --petr-comma wants six numbers "
                                    "0-1000: MIN,MAX,BMIN,BMAX,EMIN,EMAX\n");
                    return EXIT_USAGE;
                }
                *f[k] = (int)x;
                v = e + 1;
            }
        } else if (strcmp(a, "--profile") == 0) {
            opts.profile = 1;
        } else if ((v = cli_value(argc, argv, &i, "-j"))) {
            threads = atoi(v);
            if (threads < 1 || threads > 256) {
                fprintf(stderr, "dyad: -j needs a number from 1 to 256\n");
                return EXIT_USAGE;
            }
        } else if (strncmp(a, "-j", 2) == 0 && a[2] >= '1' && a[2] <= '9') {
            threads = atoi(a + 2);
        } else if ((v = cli_value(argc, argv, &i, "--max-record"))) {
            max_record = (size_t)strtoull(v, NULL, 10);
            if (!max_record) {
                fprintf(stderr, "dyad: --max-record needs a positive number\n");
                return EXIT_USAGE;
            }
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "dyad: unknown option '%s'\n\n%s", a, help);
            return EXIT_USAGE;
        } else {
            if (nfiles >= 1024) {
                fprintf(stderr, "dyad: too many files\n");
                return EXIT_USAGE;
            }
            files[nfiles++] = a;
        }
    }
    if (date) {
        opts.default_date = date;
    }
    if (fmt == DYAD_OUT_EXPLAIN)
        opts.explain = 1;
    if (!nfiles)
        files[nfiles++] = "-";
    dyad_dict *dict = cli_load_dict(&dop);
    if (!dict)
        return EXIT_FATAL;
    /* validate the date once, through a coder */
    dyad_coder *c0;
    if (dyad_coder_new(&c0, dict, &opts) || dyad_coder_set_petr(c0, &petr)) {
        fprintf(stderr, "dyad: bad --date '%s' (want YYYY-MM-DD)\n",
                date ? date : "");
        dyad_dict_free(dict);
        return EXIT_USAGE;
    }
    pool p;
    memset(&p, 0, sizeof p);
    pthread_t tids[256];
    int nt = 0;
    if (threads > 1) {
        p.cap = (size_t)threads * 8;
        p.ring = calloc(p.cap, sizeof *p.ring);
        p.dict = dict;
        p.opts = opts;
        p.petr = petr;
        p.fmt = fmt;
        pthread_mutex_init(&p.mu, NULL);
        pthread_cond_init(&p.cv_work, NULL);
        pthread_cond_init(&p.cv_done, NULL);
        for (; nt < threads && p.ring; nt++)
            if (pthread_create(&tids[nt], NULL, worker, &p))
                break;
        if (!p.ring || nt == 0) {
            fprintf(stderr, "dyad: cannot start threads\n");
            return EXIT_FATAL;
        }
    }
    int fatal = 0;
    for (int f = 0; f < nfiles && !fatal; f++) {
        dyad_reader *r;
        dyad_status s = dyad_reader_open(&r, files[f], ifmt, max_record);
        if (s) {
            fprintf(stderr, "dyad: %s\n", dyad_reader_errmsg(r));
            dyad_reader_free(r);
            fatal = 1;
            break;
        }
        const char *fname = strcmp(files[f], "-") == 0 ? "<stdin>" : files[f];
        for (;;) {
            dyad_input in;
            s = dyad_reader_next(r, &in);
            if (s == DYAD_END)
                break;
            if (s == DYAD_EIO || s == DYAD_ENOMEM) {
                fprintf(stderr, "dyad: %s\n", dyad_reader_errmsg(r));
                fatal = 1;
                break;
            }
            if (s) {
                if (threads > 1) {
                    pthread_mutex_lock(&p.mu);
                    drain(&p, 0);
                    pthread_mutex_unlock(&p.mu);
                }
                fprintf(stderr, "dyad: %s\n", dyad_reader_errmsg(r));
                skipped_total++;
                continue;
            }
            if (threads == 1) {
                job j;
                memset(&j, 0, sizeof j);
                j.in = in;
                j.file = fname;
                run_job(c0, &j, fmt);
                j.in.text = NULL;
                write_job(&j);
                continue;
            }
            pthread_mutex_lock(&p.mu);
            while (p.count == p.cap && !p.fatal)
                drain(&p, p.cap / 2);
            if (p.fatal) {
                pthread_mutex_unlock(&p.mu);
                fatal = 1;
                break;
            }
            job *j = &p.ring[(p.head + p.count) % p.cap];
            if (job_fill(j, &in, fname)) {
                pthread_mutex_unlock(&p.mu);
                fprintf(stderr, "dyad: out of memory\n");
                fatal = 1;
                break;
            }
            j->state = 1;
            p.count++;
            if (p.idle)
                pthread_cond_signal(&p.cv_work);
            drain(&p, 0);
            pthread_mutex_unlock(&p.mu);
        }
        dyad_reader_free(r);
    }
    if (threads > 1) {
        pthread_mutex_lock(&p.mu);
        while (p.count > 0 && !p.fatal)
            drain(&p, 1);
        p.quit = 1;
        pthread_cond_broadcast(&p.cv_work);
        pthread_mutex_unlock(&p.mu);
        for (int k = 0; k < nt; k++)
            pthread_join(tids[k], NULL);
        for (size_t k = 0; k < p.cap; k++)
            job_clear(&p.ring[k]);
        free(p.ring);
        pthread_mutex_destroy(&p.mu);
        pthread_cond_destroy(&p.cv_work);
        pthread_cond_destroy(&p.cv_done);
        if (p.fatal)
            fatal = 1;
    }
    if (opts.profile && threads == 1)
        fprintf(stderr, "dyad: profile:\n%s", dyad_coder_profile(c0));
    dyad_coder_free(c0);
    dyad_dict_free(dict);
    if (fflush(stdout) || ferror(stdout)) {
        fprintf(stderr, "dyad: write error\n");
        return EXIT_FATAL;
    }
    if (fatal)
        return EXIT_FATAL;
    return skipped_total ? EXIT_SKIPPED : EXIT_OK;
}
