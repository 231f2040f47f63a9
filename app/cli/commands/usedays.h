// SPDX-License-Identifier: GPL-3.0-or-later
// Use days, the timeline follow-back: useday record|correct|delete|list|show (docs/use-days.md).
#pragma once

#include "options.h"

namespace uc::cli {

int useDayRecord(const Invocation &line);
int useDayCorrect(const Invocation &line);
int useDayDelete(const Invocation &line);
int useDayList(const Invocation &line);
int useDayShow(const Invocation &line);

inline constexpr Option useDayRecordOptions[] = {
    { .name = "client", .value = "C", .required = true, .help = "the client's code" },
    { .name = "substance",
      .value = "alcohol|opioids|stimulants|cannabis|sedatives|nicotine|other",
      .required = true,
      .help = "the substance class" },
    { .name = "date", .value = "YYYY-MM-DD", .help = "one day (or --from and --to)" },
    { .name = "from", .value = "YYYY-MM-DD", .help = "the first day of a range, with --to (at most 366 days)" },
    { .name = "to", .value = "YYYY-MM-DD", .help = "the last day of the range, today at the latest" },
    { .name = "used", .value = "yes|no", .required = true, .help = "yes: used that day; no: abstinent" },
    { .name = "amount", .value = "N", .help = "on a day used, how much (0 to 1000): standard drinks for alcohol" },
    { .name = "unit", .value = "U", .help = "the amount's unit (g, joints, cigarettes); alcohol: standard-drinks" },
    { .name = "source",
      .value = "recall|screen|collateral",
      .help = "how it is known: the client's recall in session (the default), a drug screen, someone close" },
};
inline constexpr Command useDayRecordCommand {
    .words = "useday record",
    .options = useDayRecordOptions,
    .run = useDayRecord,
    .help = "Record a day, or every day of a range (--from and --to, at most 366 days), as used or abstinent for "
            "a substance, the timeline follow-back way. A day with no entry stays unknown and never counts as "
            "abstinent. An unknown substance, a day after today, a range that ends before it starts or is longer "
            "than 366 days, an amount below 0 or on an abstinent day: exit 2, naming it, nothing stored. A day of "
            "the range recorded already: exit 6, nothing stored (correct it with useday correct). Recorded in the "
            "audit trail by client and number of days only.",
    .brief = "record days used or abstinent, one day or a range",
};

inline constexpr Command useDayCorrectCommand {
    .words = "useday correct",
    .options = useDayRecordOptions,
    .run = useDayCorrect,
    .help = "As useday record, but a day recorded already is replaced, in one transaction: the vault keeps the "
            "entry replaced, marked with who replaced it and when. The same checks and exit codes, but no exit 6.",
    .brief = "replace the entries of a day or a range",
};

inline constexpr Option useDayDeleteOptions[] = {
    { .name = "client", .value = "C", .required = true, .help = "the client's code" },
    { .name = "substance",
      .value = "alcohol|opioids|stimulants|cannabis|sedatives|nicotine|other",
      .required = true,
      .help = "the substance class" },
    { .name = "date", .value = "YYYY-MM-DD", .help = "one day (or --from and --to)" },
    { .name = "from", .value = "YYYY-MM-DD", .help = "the first day of a range, with --to" },
    { .name = "to", .value = "YYYY-MM-DD", .help = "the last day of the range" },
};
inline constexpr Command useDayDeleteCommand {
    .words = "useday delete",
    .options = useDayDeleteOptions,
    .run = useDayDelete,
    .help = "Make the substance's recorded days of a day or range unknown again (entered in error). The vault keeps "
            "them as they were, marked replaced. None of them recorded: exit 2.",
    .brief = "make recorded days unknown again",
};

inline constexpr Option useDayListOptions[] = {
    { .name = "client", .value = "C", .required = true, .help = "the client's code" },
    { .name = "substance", .value = "S", .help = "one substance class only" },
    { .name = "from", .value = "YYYY-MM-DD", .help = "days on or after" },
    { .name = "to", .value = "YYYY-MM-DD", .help = "days on or before" },
};
inline constexpr Command useDayListCommand {
    .words = "useday list",
    .options = useDayListOptions,
    .run = useDayList,
    .help = "The client's recorded days by substance, then date: date, substance, used or abstinent, amount and "
            "source. With --json an array of {\"id\", \"date\", \"substance\", \"used\" (true/false), \"amount\" "
            "(null when not given), \"unit\", \"source\", \"recorded_by\"} (docs/use-days.md). Unknown days are not "
            "listed: they have no entry.",
    .brief = "a client's recorded use days",
};

inline constexpr Option useDayShowOptions[] = {
    { .name = "client", .value = "C", .required = true, .help = "the client's code" },
    { .name = "from", .value = "YYYY-MM-DD", .help = "the period's first day (else the first day recorded)" },
    { .name = "to", .value = "YYYY-MM-DD", .help = "the period's last day (else today)" },
};
inline constexpr Command useDayShowCommand {
    .words = "useday show",
    .options = useDayShowOptions,
    .run = useDayShow,
    .help = "The timeline of each substance recorded, over the period: days used, abstinent and unknown, percent "
            "days abstinent (of the known days, not of the period), the longest run of days abstinent, days since "
            "the last use, and a strip of one letter a day (U used, A abstinent, ? unknown). With --json an array "
            "of {\"substance\", \"from\", \"to\", \"days\", \"used\", \"abstinent\", \"unknown\", "
            "\"percent_abstinent\" (null when no day is known), \"percent_of\", \"longest_abstinent_run\", "
            "\"days_since_last_use\" (null when no use is recorded), \"strip\"} (docs/use-days.md).",
    .brief = "a client's timeline and its figures",
};

} // namespace uc::cli
