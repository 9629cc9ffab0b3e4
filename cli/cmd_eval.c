/* cmd_eval.c - `dyad eval`: code gold records and score them, or score an
 * existing system output. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static const char help[] =
    "usage: dyad eval [options] GOLD.jsonl\n"
    "\n"
    "Code the records of a gold file (../shared/eval format) and print\n"
    "precision, recall and F1 at the levels root_dyad, triple, plover and\n"
    "root, counts per event type, and the number of records coded exactly.\n"
    "\n"
    "options:\n"
    "  --dict PATH     dictionary file or folder (repeatable); default: dyad's\n"
    "  --json          print the scores as JSON\n"
    "  --errors        list misses and false positives with their sentences\n"
    "  --output FILE   also write the system output (one line per record)\n"
    "  --system FILE   score this system output instead of coding\n"
    "  --require-dyad  only events with both a source and a target\n"
    "  --no-unknown-source  drop violence (CAMEO 18-20) by an unnamed\n"
    "                  perpetrator (default: kept with a null source)\n";

/* Read a whole line from f into *buf (grown as needed); returns length or
 * -1 at the end. */
static long read_line(FILE *f, char **buf, size_t *cap)
{
    ssize_t n = getline(buf, cap, f);
    if (n < 0)
        return -1;
    while (n > 0 && ((*buf)[n - 1] == '\n' || (*buf)[n - 1] == '\r'))
        (*buf)[--n] = 0;
    return (long)n;
}

int cmd_eval(int argc, char **argv)
{
    dict_opts dop = {{0}, 0};
    const char *gold = NULL, *outp = NULL, *sysp = NULL;
    int json = 0, errors = 0;
    dyad_options opts;
    dyad_options_init(&opts);
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
        } else if (strcmp(a, "--json") == 0) {
            json = 1;
        } else if (strcmp(a, "--errors") == 0) {
            errors = 1;
        } else if (strcmp(a, "--require-dyad") == 0) {
            opts.require_dyad = 1;
        } else if (strcmp(a, "--no-unknown-source") == 0) {
            opts.unknown_source = 0;
        } else if ((v = cli_value(argc, argv, &i, "--output"))) {
            if (!*v)
                return EXIT_USAGE;
            outp = v;
        } else if ((v = cli_value(argc, argv, &i, "--system"))) {
            if (!*v)
                return EXIT_USAGE;
            sysp = v;
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "dyad: unknown option '%s'\n\n%s", a, help);
            return EXIT_USAGE;
        } else if (!gold) {
            gold = a;
        } else {
            fprintf(stderr, "dyad: eval takes one gold file\n");
            return EXIT_USAGE;
        }
    }
    if (!gold) {
        fputs(help, stderr);
        return EXIT_USAGE;
    }
    FILE *gf = fopen(gold, "rb");
    if (!gf) {
        fprintf(stderr, "dyad: %s: cannot open\n", gold);
        return EXIT_FATAL;
    }
    FILE *sf = NULL, *of = NULL;
    if (sysp && !(sf = fopen(sysp, "rb"))) {
        fprintf(stderr, "dyad: %s: cannot open\n", sysp);
        fclose(gf);
        return EXIT_FATAL;
    }
    dyad_dict *dict = NULL;
    dyad_coder *c = NULL, *c_dyad = NULL, *c_any = NULL;
    if (!sf) {
        dict = cli_load_dict(&dop);
        /* two coders: records may ask for dyads only, or not (PETRARCH's
         * require_dyad); without a request the command-line option holds */
        dyad_options o1 = opts, o0 = opts;
        o1.require_dyad = 1;
        o0.require_dyad = 0;
        if (dict && (dyad_coder_new(&c_dyad, dict, &o1) ||
                     dyad_coder_new(&c_any, dict, &o0))) {
            fclose(gf);
            dyad_dict_free(dict);
            return EXIT_FATAL;
        }
        if (!dict || dyad_coder_new(&c, dict, &opts)) {
            fclose(gf);
            dyad_dict_free(dict);
            return EXIT_FATAL;
        }
    }
    if (outp && !(of = fopen(outp, "wb"))) {
        fprintf(stderr, "dyad: %s: cannot write\n", outp);
        fclose(gf);
        return EXIT_FATAL;
    }
    dyad_eval *ev;
    if (dyad_eval_new(&ev)) {
        fprintf(stderr, "dyad: out of memory\n");
        return EXIT_FATAL;
    }
    char *line = NULL, *sline = NULL;
    size_t cap = 0, scap = 0;
    long n, lineno = 0, bad = 0;
    while ((n = read_line(gf, &line, &cap)) >= 0) {
        lineno++;
        if (n == 0)
            continue;
        dyad_status s;
        if (sf) {
            long m = read_line(sf, &sline, &scap);
            if (m < 0) {
                fprintf(stderr, "dyad: %s: fewer lines than %s\n", sysp, gold);
                bad++;
                break;
            }
            s = dyad_eval_add_pair(ev, line, (size_t)n, sline, (size_t)m);
        } else {
            dyad_input rec;
            s = dyad_eval_record(ev, line, (size_t)n, &rec);
            if (!s) {
                /* the record's strings are borrowed from ev: copy them */
                char *id = rec.id ? strdup(rec.id) : NULL;
                char *date = rec.date ? strdup(rec.date) : NULL;
                char *text = strndup(rec.text, rec.text_len);
                rec.id = id;
                rec.date = date;
                rec.text = text;
                rec.line = lineno;
                int want;
                dyad_eval_record_options(ev, &want);
                dyad_coder *cc = want == 1 ? c_dyad : want == 0 ? c_any : c;
                /* and its PETRARCH comma configuration (defaults if none) */
                dyad_petr_config pcfg;
                dyad_eval_record_petr(ev, &pcfg);
                dyad_coder_set_petr(cc, &pcfg);
                dyad_status cs = dyad_code(cc, &rec);
                if (cs)
                    fprintf(stderr, "dyad: %s:%ld: %s\n", gold, lineno,
                            dyad_coder_errmsg(cc));
                s = dyad_eval_add(ev, line, (size_t)n, cs ? NULL : cc);
                if (of) {
                    size_t ol;
                    const char *o = dyad_output(cc, DYAD_OUT_EVAL, &ol);
                    fwrite(o, 1, ol, of);
                }
                free(id);
                free(date);
                free(text);
            }
        }
        if (s) {
            fprintf(stderr, "dyad: %s:%ld: %s\n", gold, lineno,
                    dyad_eval_errmsg(ev));
            bad++;
        }
    }
    fputs(dyad_eval_report(ev, json, errors), stdout);
    free(line);
    free(sline);
    fclose(gf);
    if (sf)
        fclose(sf);
    if (of)
        fclose(of);
    dyad_eval_free(ev);
    dyad_coder_free(c);
    dyad_coder_free(c_dyad);
    dyad_coder_free(c_any);
    dyad_dict_free(dict);
    return bad ? EXIT_SKIPPED : EXIT_OK;
}
