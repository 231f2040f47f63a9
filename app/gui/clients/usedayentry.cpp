// SPDX-License-Identifier: GPL-3.0-or-later
#include "usedayentry.h"

#include "vaultthread.h"

#include "model/useday.h"
#include "vault/usedays.h"
#include "vault/vault.h"

#include <optional>

using namespace Qt::StringLiterals;
using Worker = VaultThread::Worker;

namespace {

struct Entry
{
    uc::model::UseDay day;
    uc::model::Date from;
    uc::model::Date to;
    bool replace = false;
};

QString field(const QVariantMap &fields, const QString &key)
{
    return fields.value(key).toString().trimmed();
}

QString sentence(const QString &problem)
{
    return problem.at(0).toUpper() + problem.mid(1) + u'.';
}

// The fields as days to record, or why they cannot be read as such; the checks are the model's.
std::optional<Entry> read(const QVariantMap &fields, QString *why)
{
    Entry e;
    const auto from = uc::model::parseDate(field(fields, u"from"_s));
    const QString toText = field(fields, u"to"_s);
    const auto to = toText.isEmpty() ? from : uc::model::parseDate(toText);
    if (!from || !to) {
        *why = UseDayEntry::tr("Each date must be a real date as YYYY-MM-DD.");
        return std::nullopt;
    }
    e.from = *from;
    e.to = *to;
    e.replace = fields.value(u"replace"_s).toBool();
    e.day.substance = field(fields, u"substance"_s);
    e.day.date = e.from;
    e.day.used = fields.value(u"used"_s).toBool();
    e.day.source = field(fields, u"source"_s);
    if (const QString amount = field(fields, u"amount"_s); e.day.used && !amount.isEmpty()) {
        bool ok = false;
        const double value = amount.toDouble(&ok);
        if (!ok) {
            *why = UseDayEntry::tr("The amount must be a number (4, 0.5).");
            return std::nullopt;
        }
        e.day.amount = value;
        e.day.unit = field(fields, u"unit"_s);
        uc::model::normaliseUnit(e.day); // as the vault stores it
    }
    const uc::model::Date today = boost::gregorian::day_clock::universal_day();
    if (const auto problem = uc::model::useDayRangeProblem(e.from, e.to, today)) {
        *why = sentence(*problem);
        return std::nullopt;
    }
    if (const auto problem = uc::model::useDayProblem(e.day, today)) {
        *why = sentence(*problem);
        return std::nullopt;
    }
    return e;
}

} // namespace

UseDayEntry::UseDayEntry(VaultThread *vault, QObject *parent)
    : QObject(parent)
    , m_vault(vault)
{ }

QStringList UseDayEntry::substances()
{
    return QStringList(uc::model::substanceClasses().cbegin(), uc::model::substanceClasses().cend());
}

QStringList UseDayEntry::sources()
{
    return QStringList(uc::model::useDaySources().cbegin(), uc::model::useDaySources().cend());
}

QString UseDayEntry::problem(const QVariantMap &fields)
{
    QString why;
    return read(fields, &why) ? QString() : why;
}

void UseDayEntry::record(const QString &clientCode, const QVariantMap &fields)
{
    if (!m_vault || !m_vault->isOpen() || clientCode.isEmpty())
        return;
    QString why;
    std::optional<Entry> entry = read(fields, &why);
    if (!entry)
        return Q_EMIT failed(Failure(Failure::BadInput, u"record-use-days"_s, why));
    entry->day.clientCode = clientCode;
    m_vault->post(
        this, tr("Recording the days…"),
        [e = *entry](Worker &w) {
            using R = uc::vault::UseDays::Recorded;
            return w.open().useDays().record(e.day, e.from, e.to, e.replace ? R::Replace : R::Refuse);
        },
        [this, clientCode](int days) { Q_EMIT saved(clientCode, days); },
        [this](const uc::Error &error) { Q_EMIT failed(Failure(u"record-use-days"_s, error)); });
}
