/* json.h - a small JSON reader (one value per call, into an arena) used for
 * JSON-lines input and gold records. */
#ifndef DY_JSON_H
#define DY_JSON_H

#include "dy.h"

enum { JS_NULL = 0, JS_FALSE, JS_TRUE, JS_NUM, JS_STR, JS_ARR, JS_OBJ };

typedef struct dy_json dy_json;
struct dy_json {
    uint8_t type;
    const char *s;          /* JS_STR: decoded, NUL-terminated; JS_NUM: text */
    size_t n;               /* string length / number of children            */
    const char *key;        /* member key when inside an object              */
    size_t keylen;
    dy_json *child, *next;  /* arrays and objects                            */
};

/* Parse the JSON text s[0..n) into nodes allocated from arena. On error
 * returns NULL and writes "column N: reason" into err (size 160). */
dy_json *dy_json_parse(const char *s, size_t n, dy_arena *arena, char *err);

/* Member `key` of an object, or NULL. */
const dy_json *dy_json_get(const dy_json *obj, const char *key);
/* The string of member `key` if it is a string, else NULL. */
const char *dy_json_str(const dy_json *obj, const char *key, size_t *len);

#endif
