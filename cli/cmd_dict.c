/* cmd_dict.c - `dyad dict lookup|check|stats|convert`. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static const char help[] =
    "usage: dyad dict <lookup|check|stats|convert> [options]\n"
    "\n"
    "  lookup [--date YYYY-MM-DD] TEXT   actor code(s) of TEXT on the date\n"
    "                                     (default today) and the entries used\n"
    "  check                              validate the dictionaries; exit 1 if\n"
    "                                     problems are found\n"
    "  stats                              count entries by kind\n"
    "  convert                            write the dictionaries in dyad's\n"
    "                                     format (e.g. PETRARCH files given\n"
    "                                     with --dict)\n"
    "\n"
    "options:\n"
    "  --dict PATH   dictionary file or folder (repeatable); default: dyad's\n";

int cmd_dict(int argc, char **argv)
{
    if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        fputs(help, argc < 2 ? stderr : stdout);
        return argc < 2 ? EXIT_USAGE : EXIT_OK;
    }
    const char *sub = argv[1];
    dict_opts dop = {{0}, 0};
    const char *date = NULL, *text = NULL;
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i], *v;
        int r = cli_dict_option(&dop, argc, argv, &i);
        if (r < 0)
            return EXIT_USAGE;
        if (r > 0)
            continue;
        if ((v = cli_value(argc, argv, &i, "--date"))) {
            if (!*v)
                return EXIT_USAGE;
            date = v;
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "dyad: unknown option '%s'\n\n%s", a, help);
            return EXIT_USAGE;
        } else if (!text) {
            text = a;
        } else {
            fprintf(stderr, "dyad: give the lookup text as one argument\n");
            return EXIT_USAGE;
        }
    }
    int lookup = strcmp(sub, "lookup") == 0, check = strcmp(sub, "check") == 0,
        stats = strcmp(sub, "stats") == 0, convert = strcmp(sub, "convert") == 0;
    if (!lookup && !check && !stats && !convert) {
        fprintf(stderr, "dyad: unknown dict command '%s'\n\n%s", sub, help);
        return EXIT_USAGE;
    }
    if (lookup && !text) {
        fprintf(stderr, "dyad: dict lookup needs a TEXT\n");
        return EXIT_USAGE;
    }
    if (!lookup && text) {
        fprintf(stderr, "dyad: unexpected argument '%s'\n", text);
        return EXIT_USAGE;
    }
    dyad_dict *d = cli_load_dict(&dop);
    if (!d)
        return check ? EXIT_SKIPPED : EXIT_FATAL;
    int rc = EXIT_OK;
    if (lookup) {
        const char *res;
        size_t n = dyad_dict_lookup(d, text, date, &res);
        if (!n) {
            fprintf(stderr, "dyad: \"%s\" is not an actor%s%s\n", text,
                    date ? " on " : "", date ? date : "");
            rc = EXIT_SKIPPED;
        }
        fputs(res, stdout);
    } else if (check) {
        const char *rep;
        size_t n = dyad_dict_check(d, &rep);
        fputs(rep, stdout);
        if (dyad_dict_warning_count(d))
            fputs(dyad_dict_warnings(d), stdout);
        size_t total = n + dyad_dict_warning_count(d);
        fprintf(stderr, "dyad: %zu problem%s found\n", total, total == 1 ? "" : "s");
        rc = total ? EXIT_SKIPPED : EXIT_OK;
    } else if (stats) {
        fputs(dyad_dict_stats(d), stdout);
    } else {
        if (dyad_dict_export(d, stdout))
            rc = EXIT_FATAL;
    }
    dyad_dict_free(d);
    return rc;
}
