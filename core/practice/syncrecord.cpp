// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncrecord.h"

#include "membership.h"
#include "sync.h"

#include "common/error.h"
#include "common/errorsentence.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace uc::practice {

namespace {

constexpr auto fileName = "lastsync.json";

QString outcomeName(SyncRecord::Outcome outcome)
{
    switch (outcome) {
    case SyncRecord::Outcome::Synced:
        return u"synced"_s;
    case SyncRecord::Outcome::Offline:
        return u"offline"_s;
    case SyncRecord::Outcome::Failed:
        return u"failed"_s;
    case SyncRecord::Outcome::Refused:
        return u"refused"_s;
    }
    return {};
}

std::optional<SyncRecord::Outcome> outcomeOf(const QString &name)
{
    for (const auto outcome : { SyncRecord::Outcome::Synced, SyncRecord::Outcome::Offline, SyncRecord::Outcome::Failed,
                                SyncRecord::Outcome::Refused })
        if (outcomeName(outcome) == name)
            return outcome;
    return std::nullopt;
}

} // namespace

SyncRecord syncRecordOf(const SyncResult &r)
{
    QString text = u"Pushed %1, pulled %2."_s.arg(r.pushed).arg(r.pulled);
    if (r.cosigned)
        text += u" %1 of your notes co-signed."_s.arg(r.cosigned);
    if (r.comments)
        text += u" %1 comment(s) or return(s) on your notes."_s.arg(r.comments);
    if (r.rotated)
        text += u" %1 client key(s) given a new version."_s.arg(r.rotated);
    return SyncRecord { QDateTime::currentDateTimeUtc(), SyncRecord::Outcome::Synced, text, false };
}

SyncRecord syncRecordOf(const Error &error)
{
    const SyncRecord::Outcome outcome = error.kind() == ErrorKind::Damaged ? SyncRecord::Outcome::Refused
        : error.kind() == ErrorKind::Io                                    ? SyncRecord::Outcome::Offline
                                                                           : SyncRecord::Outcome::Failed;
    return SyncRecord { QDateTime::currentDateTimeUtc(), outcome, sentenceOf(error), false };
}

std::optional<SyncRecord> loadSyncRecord(const vault::Vault &vault)
{
    QFile file(memberFolder(vault) + u'/' + QString::fromLatin1(fileName));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
    const auto outcome = outcomeOf(o.value("outcome"_L1).toString());
    const QDateTime at = QDateTime::fromString(o.value("at"_L1).toString(), Qt::ISODate);
    if (!outcome || !at.isValid())
        return std::nullopt;
    return SyncRecord { at.toUTC(), *outcome, o.value("message"_L1).toString(), o.value("acknowledged"_L1).toBool() };
}

void saveSyncRecord(const vault::Vault &vault, const SyncRecord &record)
{
    const QJsonObject o { { u"at"_s, record.at.toUTC().toString(Qt::ISODate) },
                          { u"outcome"_s, outcomeName(record.outcome) },
                          { u"message"_s, record.message },
                          { u"acknowledged"_s, record.acknowledged } };
    writeMemberFile(vault, QString::fromLatin1(fileName), QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace uc::practice
