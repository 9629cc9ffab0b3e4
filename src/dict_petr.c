/* dict_petr.c - reader of TABARI / PETRARCH dictionary files (stub until
 * the compatibility reader lands). */
#include "dict.h"

int dy_petr_detect(const char *buf, size_t n)
{
    (void)buf;
    (void)n;
    return 0;
}

int dy_load_petr(dy_dict *d, const char *path, const char *buf, size_t n,
                 int kind)
{
    (void)buf;
    (void)n;
    (void)kind;
    return dy_fail(&d->err, DYAD_EDICT, "%s: TABARI/PETRARCH files are not "
                                        "supported yet", path);
}
