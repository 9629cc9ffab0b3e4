/* cli.h - shared pieces of the dyad command-line tool. */
#ifndef DYAD_CLI_H
#define DYAD_CLI_H

#include "dyad.h"

#include <stdio.h>

/* Exit codes of every subcommand. */
enum {
    EXIT_OK = 0,        /* success                                             */
    EXIT_SKIPPED = 1,   /* finished, but some input records were skipped       */
    EXIT_USAGE = 2,     /* bad command line                                    */
    EXIT_FATAL = 3      /* could not start or could not go on (dictionary, I/O) */
};

#define MAX_DICTS 32

typedef struct dict_opts {
    const char *paths[MAX_DICTS];
    int n;
} dict_opts;

/* Load the dictionaries named with --dict (or dyad's own) and finish them.
 * Prints the error and returns NULL on failure. */
dyad_dict *cli_load_dict(const dict_opts *o);

/* If argv[*i] is --dict PATH (or --dict=PATH), consume it into o and return
 * 1; return -1 on a usage error; 0 if it is another option. */
int cli_dict_option(dict_opts *o, int argc, char **argv, int *i);

/* Value of an option "--name VALUE" or "--name=VALUE" at argv[*i]. */
const char *cli_value(int argc, char **argv, int *i, const char *name);

int cmd_code(int argc, char **argv);
int cmd_eval(int argc, char **argv);
int cmd_dict(int argc, char **argv);

#endif
