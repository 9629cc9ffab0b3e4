/* coder.h - the coder object (private layout, shared by coder.c and the
 * output writers). */
#ifndef DY_CODER_H
#define DY_CODER_H

#include "analyze.h"

enum {
    ST_CLEAN = 0, ST_SEGMENT, ST_TAG, ST_ACTORS, ST_CHUNK, ST_EVENTS,
    ST_RESOLVE, ST_OUTPUT, DY_STAGES
};

/* Private per-event data beside the public dyad_event. */
typedef struct dy_evx {
    uint32_t sent_beg, sent_end;    /* the sentence's bytes                  */
} dy_evx;

struct dyad_coder {
    const dy_dict *dict;
    dyad_options opts;
    int32_t default_days;
    int has_default;
    dy_err err;
    dy_doc doc;
    dy_sa *sa;
    dy_tagmemo *tagmemo;    /* lexicon lookups by word id, or NULL          */
    uint64_t *setbloom;     /* dy_set_blooms of the dictionary, or NULL     */
    uint32_t *txmemo;       /* date word classes by word id, or NULL        */
    dy_memory mem;
    unsigned long seq;              /* documents coded                       */
    const char *id;
    const char *url, *source;       /* metadata of the document (or NULL)    */
    int32_t story;
    char story_str[11];
    dyad_event *events;
    size_t nevents, capevents;
    dy_evx *evx;
    size_t capevx;
    int oom;
    dy_buf warn, explain, out;
    /* profile: nanoseconds per stage, and counts */
    uint64_t prof[DY_STAGES];
    uint64_t ndocs, nsents, ntoks, nevs;
    dy_buf profbuf;
};

#endif
