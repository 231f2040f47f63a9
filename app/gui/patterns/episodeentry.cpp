// SPDX-License-Identifier: GPL-3.0-or-later
#include "episodeentry.h"

#include "patternsdata.h"
#include "vaultthread.h"

#include "model/episode.h"
#include "vault/episodes.h"
#include "vault/vault.h"

using namespace Qt::StringLiterals;
using Worker = VaultThread::Worker;

EpisodeEntry::EpisodeEntry(VaultThread *vault, QObject *parent)
    : QObject(parent)
    , m_vault(vault)
{
}

QStringList EpisodeEntry::levels()
{
    QStringList names;
    for (const QString &level : uc::model::knownLevels())
        names.append(uc::gui::levelName(level));
    return names;
}

QString EpisodeEntry::problem(const QString &level, const QString &start, const QString &end)
{
    if (!uc::model::parseLevel(level))
        return tr("The level must be residential, intensive outpatient, outpatient, aftercare or the practice's own "
                  "(3 to 40 letters, digits and '-').");
    if (!uc::model::parseDate(start.trimmed()))
        return tr("The start must be a real date as YYYY-MM-DD.");
    if (!end.trimmed().isEmpty() && !uc::model::parseDate(end.trimmed()))
        return tr("The end must be a real date as YYYY-MM-DD, or empty while the episode lasts.");
    return {};
}

void EpisodeEntry::add(const QString &clientCode, const QString &level, const QString &start, const QString &end,
                       const QString &service)
{
    if (!m_vault || !m_vault->isOpen() || clientCode.isEmpty())
        return;
    if (const QString why = problem(level, start, end); !why.isEmpty())
        return Q_EMIT failed(Failure(Failure::BadInput, u"add-episode"_s, why));
    uc::model::Episode e;
    e.clientCode = clientCode;
    e.level = *uc::model::parseLevel(level);
    e.start = *uc::model::parseDate(start.trimmed());
    if (!end.trimmed().isEmpty())
        e.end = uc::model::parseDate(end.trimmed());
    e.service = service.trimmed();
    m_vault->post(
        this, tr("Saving the episode…"), [e](Worker &w) { return w.open().episodes().add(e); },
        [this, clientCode](uc::model::Id) { Q_EMIT saved(clientCode); },
        [this](const uc::Error &error) { Q_EMIT failed(Failure(u"add-episode"_s, error)); });
}

QString EpisodeEntry::endProblem(const QString &day)
{
    if (!uc::model::parseDate(day.trimmed()))
        return tr("The end must be a real date as YYYY-MM-DD.");
    return {};
}

void EpisodeEntry::end(const QString &clientCode, qint64 id, const QString &day)
{
    if (!m_vault || !m_vault->isOpen() || id <= 0)
        return;
    if (const QString why = endProblem(day); !why.isEmpty())
        return Q_EMIT failed(Failure(Failure::BadInput, u"end-episode"_s, why));
    const uc::model::Date date = *uc::model::parseDate(day.trimmed());
    m_vault->post(
        this, tr("Ending the episode…"),
        [id, date](Worker &w) {
            w.open().episodes().end(id, date);
            return true;
        },
        [this, clientCode](bool) { Q_EMIT ended(clientCode); },
        [this](const uc::Error &error) { Q_EMIT failed(Failure(u"end-episode"_s, error)); });
}
