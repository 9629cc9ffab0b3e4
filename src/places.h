/* places.h - the gazetteer and the place of each event.
 *
 * The gazetteer is a compact binary table built at install time by
 * tools/build_gazetteer.py (GeoNames cities from npm, ISO 3166 from Debian's
 * iso-codes, dyad's countries.dyad, data/place_aliases.tsv and
 * data/places_extra.tsv). It is mapped read-only when the dictionary is
 * finished and shared by all coders; a dictionary without one codes events
 * without locations.
 *
 * Names are looked up by a key: lower case, accents removed, apostrophes
 * and dots dropped, hyphens and spaces as one space ("Al-Qa'im" and
 * "Al Qā’im" are both "al qaim"). */
#ifndef DY_PLACES_H
#define DY_PLACES_H

#include "analyze.h"

typedef struct dy_gaz dy_gaz;

/* Kinds of places. */
enum {
    DY_PL_COUNTRY = 1,
    DY_PL_ADMIN1,               /* first-level division (state, oblast)      */
    DY_PL_CITY,                 /* populated place                           */
    DY_PL_REGION,               /* other region (Donbas, South Ossetia)      */
    DY_PL_WATER,                /* sea, strait, river                        */
    DY_PL_SITE                  /* building, base, square                    */
};

/* How an event's place was chosen (dy_ev.place_method). */
enum {
    DY_PLM_NONE = 0,
    DY_PLM_LOCATIVE,            /* in / at / near / outside / around X       */
    DY_PLM_DIRECTION,           /* into / to / from / over / on X (physical
                                   events only)                              */
    DY_PLM_OBJECT,              /* object of a physical event ("seized X")   */
    DY_PLM_DEMONYM,             /* "near the Ukrainian border": country only */
    DY_PLM_DATELINE             /* the story's dateline                      */
};

/* Load a gazetteer file. Returns 0, DYAD_EIO (missing or unreadable) or
 * DYAD_EDICT (not a valid gazetteer), with the message in *err. */
int dy_gaz_load(dy_gaz **out, const char *path, dy_err *err);
/* Load the gazetteer named by DYAD_GAZETTEER, else the compiled-in path
 * (DYAD_DEFAULT_GAZETTEER). "" or "none" disables places silently; a
 * missing or bad file is written to *warn (one line) and counted in
 * *nwarn, and *out stays NULL. */
void dy_gaz_load_default(dy_gaz **out, dy_buf *warn, size_t *nwarn);
void dy_gaz_free(dy_gaz *g);
size_t dy_gaz_count(const dy_gaz *g);

/* A place as written out. Strings are borrowed from the gazetteer. */
typedef struct dy_place_view {
    const char *name;           /* the name as matched (alias as written)    */
    const char *canonical;      /* the gazetteer's own name                  */
    const char *country;        /* ISO alpha-3 ("" for open sea)             */
    const char *admin1;         /* ISO 3166-2 code, else GeoNames' code, ""  */
    const char *feature;        /* "country", "admin1", "city", ...          */
    double lat, lon;
    int has_point;
    uint32_t population;
    int kind;                   /* DY_PL_*                                   */
} dy_place_view;

/* Fill *v for a place index; disp is the matched name's string (0 = the
 * place's own name). Returns -1 for an invalid index. */
int dy_gaz_view(const dy_gaz *g, int32_t place, uint32_t disp,
                dy_place_view *v);
const char *dy_place_method_name(int method);

/* Look up a name (any case and accents) and choose among the places of
 * that name with the story context ctx (may be NULL). Returns the place
 * index or -1; *disp (may be NULL) gets the matched name. */
int32_t dy_gaz_lookup(const dy_gaz *g, const char *name, size_t n,
                      const dy_place_ctx *ctx, uint32_t *disp);
/* Record a place as named by the story (its country and admin-1 then
 * favour places of the same country / division). */
void dy_place_ctx_add(const dy_gaz *g, dy_place_ctx *ctx, int32_t place);

/* The length in tokens of a place name that starts at token k: a country
 * or capital named as such ("Kabul", "Lebanon"), else a capitalised
 * gazetteer name that is no person's or organisation's name, no month or
 * weekday, and not a common word by itself ("Tskhinvali", "Ras al-Ain");
 * 0 if none. The pattern item `@place`. */
size_t dy_place_name_at(const dy_sa *sa, size_t k);

/* The name of e's place as the sentence writes it ("Kiev", "Al-Qaim"):
 * its byte range in the document, for places named in the sentence other
 * than countries (which get their standard name). False = use the
 * gazetteer's name. */
bool dy_place_written(const dy_sa *sa, const dy_ev *e, size_t *beg,
                      size_t *end);

/* Choose the place of each event of the sentence (sets dy_ev.place,
 * place_name, place_method, loc_tok_b/e); uses and updates the story's
 * context in mem. Does nothing without a gazetteer. */
void dy_place_events(dy_sa *sa, dy_memory *mem);

#endif
