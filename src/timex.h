/* timex.h - date expressions in news sentences ("the When" of an event).
 *
 * dy_timex_find finds the date expressions in one sentence's tokens and
 * resolves each against the story date; dy_timex_pick chooses the one that
 * dates a given event (or none: the event takes the story date);
 * dy_dateline_parse reads a wire dateline ("KYIV, Jan 3 (Reuters) -").
 *
 * Everything here is allocation-free, keeps no state and is thread-safe.
 *
 * What is recognised (token spans; case-insensitive unless noted)
 *   weekdays          "Sunday", "on Sunday evening", "last/this/next Sunday",
 *                     "this past/coming Sunday", "Sunday's"
 *   relative days     yesterday, today, tomorrow, tonight, last night,
 *                     this morning/afternoon/evening, "the day before
 *                     yesterday", "the day after tomorrow", "yesterday
 *                     morning"
 *   month dates       "January 10", "Jan. 10, 2022", "10 January 2022",
 *                     "10th January", "on the 10th of January", "Dec 30",
 *                     "January 10-12" (first day), "Sunday, January 2"
 *   months            "in January", "January 2022", "early/mid/late
 *                     January", "mid-January", "last/next/this March"
 *                     (month precision). "May", "March" and "August" must
 *                     be capitalised and, without a day or year, follow a
 *                     preposition or modifier (in, by, since, early ...);
 *                     abbreviations without a period ("Jan") need a day or
 *                     year ("Jan Egeland" is not a date).
 *   periods           this/last/next week|month|year|weekend, "earlier this
 *                     year", "later this month", "early next week", "late
 *                     last year", "earlier in the week", "(over) the
 *                     weekend" (the weekend just past, or the coming one in
 *                     a future clause)
 *   offsets           "two days ago", "a week ago", "three months ago",
 *                     "10 years ago", "in two weeks", "in 10 days' time"
 *   years             "in 2019", "since 2014" (DY_TXF_SINCE), "early 2021",
 *                     "mid-2021", "the 2015 Minsk agreement" (DY_TXF_ATTR),
 *                     "between 2014 and 2016", "in 2014-2016" (the first
                     year, DY_TXF_SINCE). A bare 1900..2099 number is a
 *                     year only in a year context: after in/since/until/
 *                     during/through/around, or after by/from/of/after/
 *                     before/between/to/and/the/its... when followed by
 *                     punctuation, a capitalised word, "'s" or an event noun
 *                     (election, agreement, war ...). "2000 soldiers",
 *                     "122,000", "1.5 billion", "10 people" are not dates.
 *   numeric dates     ISO "2022-01-10" / "2022/01/10"; d/m/y and m/d/y with
 *                     / . or - and a 2- or 4-digit year. When a part is > 12
 *                     the order is clear; when both readings are valid the
 *                     one nearer the story date wins (a tie: m/d/y) and the
 *                     expression carries DY_TXF_AMBIG.
 *
 * Not recognised (the event falls back to the story date): vague periods
 * ("recently", "in recent weeks", "the past week", "a few days ago"),
 * dates relative to another event ("the previous day", "two days later"),
 * seasons, holidays, decades, clock times.
 *
 * Direction (past or future) of an expression without a year
 *   Weekdays, month-day dates and months need a direction. It comes from
 *   the nearest tense cue around the expression within its clause: future
 *   (will, would, 'll, shall, may, could, scheduled, due, planned, plans,
 *   expected, set to, slated, upcoming, ahead of, next, is/are to, "to" +
 *   a planning verb, "be" + participle) or past (said, told, was, had, a
 *   past-tense -ed word or irregular past form, VBD/VBN tags when the
 *   tokens are tagged). Without a cue, future_hint = 1 means future; else
 *   weekdays point to the past and month dates/months to the nearest
 *   occurrence (ties: the past). A weekday equal to the story's weekday is
 *   the story day itself ("said on Monday" in a Monday story), unless
 *   "last" or "next" says otherwise.
 */
#ifndef DY_TIMEX_H
#define DY_TIMEX_H

#include "dy.h"

enum { DY_PREC_DAY = 1, DY_PREC_WEEK, DY_PREC_MONTH, DY_PREC_YEAR };
enum { DY_TX_EXPLICIT = 1, DY_TX_RELATIVE = 2 };

/* dy_timex.flags */
enum {
    DY_TXF_ATTR = 1,    /* modifies a noun: "the 2015 agreement", "the
                           January 6 attack"; dates that noun, not a clause */
    DY_TXF_SINCE = 2,   /* the start of a range: "since 2014",
                           "2014-2016" (days is the first year)           */
    DY_TXF_AMBIG = 4,   /* numeric date whose d/m order was guessed        */
    DY_TXF_OFFSET = 8,  /* "N units ago" / "in N units": `days` is the
                           shifted day itself, not the start of a period  */
    DY_TXF_PERIOD = 16  /* early/mid/late or earlier/later part of the
                           period ("mid-January", "earlier this year")    */
};

typedef struct dy_timex {
    uint32_t tok0, tok1;   /* token span [tok0, tok1) of the expression;
                              it includes modifiers (last, early, the day
                              before, in + N units, ago) but not a plain
                              preposition (on, in, since)                  */
    int32_t days;          /* resolved day, days since 1970-01-01; for
                              week/month/year precision the first day of
                              the period (weeks start on Monday, a weekend
                              on Saturday), except with DY_TXF_OFFSET       */
    uint8_t precision;     /* DY_PREC_*                                     */
    uint8_t kind;          /* DY_TX_EXPLICIT (a calendar date, month or
                              year is written) or DY_TX_RELATIVE            */
    int8_t dir;            /* -1 the expression points to the past of the
                              story date, +1 to its future, 0 the story day
                              or a period that contains it                 */
    uint8_t flags;         /* DY_TXF_*                                      */
} dy_timex;

/* Find the date expressions in one sentence's tokens (uses low/nlow, s/n,
 * flags and, when set, tag) and resolve them against story_days.
 * future_hint: 1 if the clause the caller cares about is future-oriented
 * (will, scheduled to, plans to), else 0; it decides weekday names and
 * month dates without a year when no tense cue is found next to the
 * expression. 2: they are ahead whatever the cues (the date of a proposed
 * act: "proposed talks in Istanbul on Thursday"). Expressions are returned in sentence order and do not
 * overlap. Returns the number written to out (at most max). */
size_t dy_timex_find(const dy_tok *toks, size_t n, int32_t story_days,
                     int future_hint, dy_timex *out, size_t max);

/* The tense cue nearest to token i within its clause: +1 future, -1 past,
 * 0 none. Callers can use it to compute future_hint for an event verb, and
 * to mark an event as planned. */
int dy_timex_tense(const dy_tok *toks, size_t n, size_t i);

/* Which expression dates an event? ev is the token of the event's verb
 * (predicate), or DY_TX_MAIN for the sentence's main event.
 *
 * The sentence is cut into clauses at ; : -- ( ) and spaced dashes, at
 * that/which/who/whom/whose/where, at subordinators (after, before, since,
 * when, while, because, until, following, amid, despite, ahead of, ...)
 * unless one introduces the expression itself ("since 2014", "after
 * Sunday") or a reduced clause ("after taking off from Tehran on
 * Wednesday"), after a leading reporting verb and its own date ("said on
 * Tuesday | troops attacked ..."), and before a trailing report (", the
 * ministry said on Tuesday"). A relative clause set off by commas is
 * skipped over; one without commas ends at its first auxiliary after its
 * verb ("police who fired on protesters | were disbanded"). A dateline at
 * the start ("KYIV, Jan 3 (Reuters) -") is a clause of its own.
 *
 * With ev: the expression in ev's clause nearest to ev (after ev on a
 * tie). With DY_TX_MAIN: the main clause is the first one (after a
 * dateline and an initial subordinate clause "After talks failed, ...");
 * when it is a reporting frame "X said (on DATE) (that) S" (no verb before
 * the reporting verb), the event is S's: the first expression of S; if S
 * has none, the frame's date when S is a stance or intent ("said on Sunday
 * it would not tolerate ...", no past-tense cue in S), else none ("said on
 * Tuesday its troops had withdrawn": the withdrawal's date is not given).
 * An expression with DY_TXF_ATTR is never picked. Returns an index into
 * tx, or -1: no expression belongs to the event, use the story date. */
#define DY_TX_MAIN ((size_t)-1)
int dy_timex_pick(const dy_tok *toks, size_t n, const dy_timex *tx,
                  size_t ntx, size_t ev);

/* The word classes of toks[0, min(n, DY_TX_CLASSES)) that find and pick
 * use, computed once per sentence for the _wf variants below (which take
 * wf = NULL, or a sentence longer than DY_TX_CLASSES, as the plain ones). */
#define DY_TX_CLASSES 256
void dy_timex_classes(const dy_tok *toks, size_t n, uint32_t *wf);
/* The same with a memo of the classes by dictionary word id (tok->w must
 * be the id of tok->low in the dictionary whose word count, nmemo, sized
 * the memo; zeroed at first; one per thread). A NULL memo is
 * dy_timex_classes. */
void dy_timex_classes_memo(const dy_tok *toks, size_t n, uint32_t *wf,
                           uint32_t *memo, size_t nmemo);
size_t dy_timex_find_wf(const dy_tok *toks, size_t n, const uint32_t *wf,
                        int32_t story_days, int future_hint, dy_timex *out,
                        size_t max);
int dy_timex_pick_wf(const dy_tok *toks, size_t n, const uint32_t *wf,
                     const dy_timex *tx, size_t ntx, size_t ev);

/* Parse a dateline at the start of an article's raw text:
 *   "KYIV, Jan 3 (Reuters) -"   "WASHINGTON (AP) --"   "Moscow, 3 January
 *   2022:"   "BEIRUT, Lebanon (AP) —"   "GENEVA, March 4, 2022 (AFP) -"
 *   "Jan 3 (Reuters) -"   "UNITED NATIONS —"
 * A place is a run of up to five capitalised words; a mixed-case place
 * ("Moscow") needs a date or an (Agency) to count, an all-caps one does
 * not. The dateline must end in -, --, an en or em dash, or a colon.
 * Returns the bytes consumed (dateline, dash and following blanks), or 0
 * when the text does not start with a dateline. *days is -1 without a date;
 * a date without a year takes the year that puts it nearest ref_days.
 * place_beg and place_len give the place (the first one of "KYIV/MOSCOW",
 * without a following region such as ", Lebanon"); *place_len is 0 when
 * there is none. */
size_t dy_dateline_parse(const char *text, size_t len, int32_t ref_days,
                         int32_t *days, size_t *place_beg,
                         size_t *place_len);

#endif /* DY_TIMEX_H */
