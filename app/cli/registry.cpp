// SPDX-License-Identifier: GPL-3.0-or-later
#include "registry.h"

#include "commands/agreement.h"
#include "commands/audit.h"
#include "commands/clients.h"
#include "commands/countertransference.h"
#include "commands/demo.h"
#include "commands/episodes.h"
#include "commands/measures.h"
#include "commands/notes.h"
#include "commands/notethemes.h"
#include "commands/patterns.h"
#include "commands/plans.h"
#include "commands/reports.h"
#include "commands/risk.h"
#include "commands/safetyplan.h"
#include "commands/supervision.h"
#include "commands/tag.h"
#include "commands/treatmentevents.h"
#include "commands/usedays.h"
#include "commands/transfer.h"
#include "commands/users.h"
#if defined(UC_PRACTICE)
#include "commands/practice.h"
#endif

#include <array>

namespace uc::cli {

namespace {

constexpr const Command *vaultAndUsers[] = {&initCommand,   &userAddCommand, &userListCommand,  &userRemoveCommand,
                                            &passwdCommand, &recoverCommand, &vaultRekeyCommand};
constexpr const Command *record[] = {
    &clientAddCommand,        &clientEditCommand,      &clientDischargeCommand, &clientListCommand,
    &clientSummaryCommand,    &episodeAddCommand,      &episodeListCommand,     &episodeEndCommand,
    &eventAddCommand,         &eventListCommand,       &eventDeleteCommand,
    &planAddCommand,          &planShowCommand,        &planUpdateCommand,      &planReviewCommand,
    &sessionAddCommand,      &sessionListCommand,     &noteAddCommand,
    &noteListCommand,         &noteShowCommand,        &noteEditCommand,        &noteSignCommand,
    &noteVerifyCommand,       &noteAddendumCommand,    &noteDiscardCommand,     &noteThemeConfirmCommand,
    &noteThemeRejectCommand,  &noteThemeAddCommand,    &noteProgressCommand,    &countertransferenceListCommand,
    &countertransferenceShareCommand, &countertransferenceSharesCommand, &countertransferenceWithdrawCommand, &searchCommand,          &exportCommand,
    &importCommand,           &backupCommand};
constexpr const Command *patternsAndMeasures[] = {&measureAddCommand,    &measureListCommand,   &measureEditCommand,
                                                  &measureDeleteCommand, &useDayRecordCommand,  &useDayCorrectCommand,
                                                  &useDayDeleteCommand,  &useDayListCommand,    &useDayShowCommand,
                                                  &patternsCommand,      &demoCommand};
constexpr const Command *supervision[] = {&superviseAssignCommand, &superviseListCommand,  &queueCommand,
                                          &noteCosignCommand,      &noteReturnCommand,     &noteCommentCommand,
                                          &agreementStartCommand,  &agreementRateCommand,  &agreementReportCommand};
constexpr const Command *risk[] = {&riskListCommand,          &riskCloseCommand,          &riskDismissCommand,
                                   &safetyPlanSetCommand,     &safetyPlanShowCommand,     &safetyPlanHistoryCommand,
                                   &safetyPlanPrintCommand};
constexpr const Command *auditTrail[] = {&auditVerifyCommand, &auditListCommand, &auditExportCommand, &restoreCommand};
constexpr const Command *pdfReports[] = {&reportClientCommand, &reportNoteCommand, &reportSupervisionCommand};
constexpr const Command *themeTagging[] = {&tagCommand};
#if defined(UC_PRACTICE)
constexpr const Command *practiceServer[] = {&practiceInitCommand, &practiceInviteCommand, &practiceJoinCommand,
                                             &practiceStatusCommand, &practiceAssignCommand,
                                             &practiceUnassignCommand, &practiceRemoveCommand,
                                             &practiceSyncCommand, &practiceReceivedCommand,
                                             &practiceCosignCommand, &practiceCommentCommand,
                                             &practiceReturnCommand};
#endif

constexpr Section sectionList[] = {
    {"Vault and users", vaultAndUsers},
    {"Record", record},
    {"Patterns and measures", patternsAndMeasures},
    {"Supervision", supervision},
    {"Risk", risk},
    {"Audit trail", auditTrail},
    {"Reports (PDF, owner-only, with the 42 CFR Part 2 notice; each one is recorded in the audit trail)", pdfReports},
    {"Themes", themeTagging},
#if defined(UC_PRACTICE)
    {"Practice server (docs/practice.md)", practiceServer},
#endif
};

constexpr std::size_t commandCount = [] {
    std::size_t n = 0;
    for (const Section &s : sectionList)
        n += s.commands.size();
    return n;
}();

constexpr std::array<const Command *, commandCount> commandList = [] {
    std::array<const Command *, commandCount> all{};
    std::size_t i = 0;
    for (const Section &s : sectionList) {
        for (const Command *c : s.commands)
            all[i++] = c;
    }
    return all;
}();

// ---- what the compiler checks in the tables ----------------------------------------------------

// An option's name means one thing everywhere: with or without a value. The line's words are
// read before its command is known, so "--client C" must be a value in every table.
constexpr bool oneArityPerName()
{
    for (const Command *c : commandList) {
        for (const Option &o : c->options) {
            if (const Option *g = findOption(globalOptions, o.name); g && g->takesValue() != o.takesValue())
                return false;
            for (const Command *other : commandList) {
                if (const Option *p = findOption(other->options, o.name); p && p->takesValue() != o.takesValue())
                    return false;
            }
        }
    }
    return true;
}
// GCC's sanitizers make a comparison of a table's pointers (and of a command's function) no longer a
// constant expression, so the sanitizer build leaves these two checks to the Release build, which
// makes them on every compile.
#if !defined(__SANITIZE_ADDRESS__)
static_assert(oneArityPerName(), "an option name takes a value in one table and not in another");
#endif

constexpr bool wellFormed(const Command &c)
{
    if (c.words.empty() || !c.run || c.help.empty())
        return false;
    for (std::size_t i = 0; i < c.options.size(); ++i) {
        const Option &o = c.options[i];
        if (findOption(c.options.subspan(i + 1), o.name))
            return false; // declared twice
        if (o.scope != Option::Scope::Own && !findOption(globalOptions, o.name))
            return false; // a global part of an option that is not global
        if (o.valueAfterEquals && o.value.empty())
            return false;
    }
    bool optional = false;
    for (const Positional &p : c.positionals) {
        if (optional || (p.count == Positional::Count::OneOrMore && &p != &c.positionals.back()))
            return false; // only the last may be optional or take the rest
        optional = p.count == Positional::Count::Optional;
    }
    return true;
}

constexpr bool isNameChar(char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-';
}

// A written-out usage line names only declared options, and every option of the command is in one.
constexpr bool formsMatchTheTable(const Command &c)
{
    if (c.forms.empty())
        return true;
    for (const Form &f : c.forms) {
        const std::string_view s = f.synopsis;
        for (std::size_t i = 0; i + 2 < s.size(); ++i) {
            if (s[i] != '-' || s[i + 1] != '-' || (i > 0 && s[i - 1] != ' ' && s[i - 1] != '['))
                continue;
            std::size_t end = i + 2;
            while (end < s.size() && isNameChar(s[end]))
                ++end;
            const std::string_view name = s.substr(i + 2, end - i - 2);
            if (!findOption(c.options, name) && !findOption(globalOptions, name))
                return false;
            i = end;
        }
    }
    for (const Option &o : c.options) {
        bool named = false;
        for (const Form &f : c.forms) {
            const std::string_view s = f.synopsis;
            for (std::size_t at = s.find(o.name); at != std::string_view::npos; at = s.find(o.name, at + 1)) {
                const std::size_t end = at + o.name.size();
                named = named || (at >= 2 && s.substr(at - 2, 2) == "--" && (end == s.size() || !isNameChar(s[end])));
            }
        }
        if (!named)
            return false;
    }
    return true;
}

constexpr bool everyCommandWellFormed()
{
    for (std::size_t i = 0; i < commandList.size(); ++i) {
        const Command &c = *commandList[i];
        if (!wellFormed(c) || !formsMatchTheTable(c))
            return false;
        for (std::size_t j = i + 1; j < commandList.size(); ++j) {
            if (commandList[j]->words == c.words)
                return false;
        }
    }
    return true;
}
#if !defined(__SANITIZE_ADDRESS__)
static_assert(everyCommandWellFormed(), "a command's table is malformed (see wellFormed and formsMatchTheTable)");
#endif

} // namespace

std::span<const Section> sections()
{
    return sectionList;
}

std::span<const Command *const> commands()
{
    return commandList;
}

} // namespace uc::cli
