/* main.c - the dyad command: subcommand dispatch and shared option code. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: dyad <command> [options]\n"
    "\n"
    "commands:\n"
    "  code [FILE...]        code news text into events (JSON lines by default)\n"
    "  eval GOLD.jsonl       code gold records and score them\n"
    "  dict lookup TEXT      the actor code(s) of TEXT on a date\n"
    "  dict check            validate dictionaries\n"
    "  dict stats            count dictionary entries by kind\n"
    "  dict convert          write the loaded dictionaries in dyad's format\n"
    "  version               print the version\n"
    "\n"
    "`dyad <command> --help` explains a command's options.\n";

const char *cli_value(int argc, char **argv, int *i, const char *name)
{
    size_t n = strlen(name);
    const char *a = argv[*i];
    if (strncmp(a, name, n) != 0)
        return NULL;
    if (a[n] == '=')
        return a + n + 1;
    if (a[n] != 0)
        return NULL;
    if (*i + 1 >= argc) {
        fprintf(stderr, "dyad: %s needs a value\n", name);
        return "";
    }
    return argv[++*i];
}

int cli_dict_option(dict_opts *o, int argc, char **argv, int *i)
{
    const char *v = cli_value(argc, argv, i, "--dict");
    if (!v)
        return 0;
    if (!*v)
        return -1;
    if (o->n >= MAX_DICTS) {
        fprintf(stderr, "dyad: too many --dict options (at most %d)\n",
                MAX_DICTS);
        return -1;
    }
    o->paths[o->n++] = v;
    return 1;
}

dyad_dict *cli_load_dict(const dict_opts *o)
{
    dyad_dict *d;
    if (dyad_dict_new(&d)) {
        fprintf(stderr, "dyad: out of memory\n");
        return NULL;
    }
    dyad_status s = DYAD_OK;
    if (o->n == 0)
        s = dyad_dict_load_default(d);
    for (int k = 0; k < o->n && !s; k++)
        s = dyad_dict_load(d, o->paths[k]);
    if (!s)
        s = dyad_dict_finish(d);
    if (s) {
        fprintf(stderr, "dyad: %s\n", dyad_dict_errmsg(d));
        fprintf(stderr, "dyad: dictionary not loaded; nothing was coded\n");
        dyad_dict_free(d);
        return NULL;
    }
    return d;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs(usage, stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "code") == 0)
        return cmd_code(argc - 1, argv + 1);
    if (strcmp(cmd, "eval") == 0)
        return cmd_eval(argc - 1, argv + 1);
    if (strcmp(cmd, "dict") == 0)
        return cmd_dict(argc - 1, argv + 1);
    if (strcmp(cmd, "version") == 0 || strcmp(cmd, "--version") == 0) {
        printf("dyad %s\n", dyad_version());
        return EXIT_OK;
    }
    if (strcmp(cmd, "help") == 0 || strcmp(cmd, "--help") == 0 ||
        strcmp(cmd, "-h") == 0) {
        fputs(usage, stdout);
        return EXIT_OK;
    }
    fprintf(stderr, "dyad: unknown command '%s'\n\n%s", cmd, usage);
    return EXIT_USAGE;
}
