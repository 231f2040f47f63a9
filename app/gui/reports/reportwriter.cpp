// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportwriter.h"

#include "conversions.h"
#include "vaultthread.h"

#include "reports/recoverysheet.h"
#include "reports/reports.h"
#include "vault/keyslots.h"
#include "vault/vault.h"

#include <boost/date_time/gregorian/gregorian.hpp>

#include <QDir>
#include <QScopeGuard>
#include <QStandardPaths>

#include <sodium.h>

using namespace Qt::StringLiterals;
using Worker = VaultThread::Worker;

ReportWriter::ReportWriter(VaultThread *vault, QObject *parent)
    : QObject(parent)
    , m_vault(vault)
{
}

QUrl ReportWriter::reportFile(const QString &name)
{
    QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (folder.isEmpty())
        folder = QDir::homePath();
    return QUrl::fromLocalFile(QDir(folder).filePath(name + u".pdf"_s));
}

template<typename Write>
void ReportWriter::write(const QString &action, const QString &label, const QString &file, const QString &noFile,
                         Write work)
{
    const QString path = uc::gui::withSuffix(uc::gui::localPathOf(file), u".pdf"_s);
    if (path.isEmpty())
        return Q_EMIT failed(Failure(Failure::BadInput, action, noFile));
    m_vault->post(
        this, label,
        [path, work = std::move(work)](Worker &w) {
            work(w.open(), path);
            return true;
        },
        [this, path](bool) { Q_EMIT written(path); },
        [this, action](const uc::Error &e) { Q_EMIT failed(Failure(action, e)); });
}

void ReportWriter::writeClientReport(const QString &clientCode, const QString &file, bool withRisk, bool withPlan,
                                     bool withEvents, bool withUseDays)
{
    if (!m_vault->isOpen())
        return;
    write(u"client-report"_s, tr("Writing the client report…"), file, tr("Choose a file to write the report to."),
          [clientCode, withRisk, withPlan, withEvents, withUseDays](uc::vault::Vault &v, const QString &path) {
              uc::reports::writeClientReport(v, clientCode, path, withRisk, withPlan, withEvents, withUseDays);
          });
}

void ReportWriter::printNote(qint64 noteId, const QString &file)
{
    if (!m_vault->isOpen())
        return;
    write(u"note-print"_s, tr("Printing the note…"), file, tr("Choose a file to print the note to."),
          [noteId](uc::vault::Vault &v, const QString &path) { uc::reports::writeNoteReport(v, noteId, path); });
}

void ReportWriter::printSafetyPlan(const QString &clientCode, const QString &file)
{
    if (!m_vault->isOpen())
        return;
    write(u"safety-plan-print"_s, tr("Printing the safety plan…"), file, tr("Choose a file to print the plan to."),
          [clientCode](uc::vault::Vault &v, const QString &path) {
              uc::reports::writeSafetyPlan(v, clientCode, std::nullopt, path);
          });
}

void ReportWriter::writeSupervisionReport(const QString &therapist, const QString &from, const QString &to,
                                          const QString &file)
{
    if (!m_vault->isOpen())
        return;
    const QString action = u"supervision-report"_s;
    if (uc::gui::localPathOf(file).isEmpty())
        return Q_EMIT failed(Failure(Failure::BadInput, action, tr("Choose a file to write the report to.")));
    const uc::model::Date today = boost::gregorian::day_clock::local_day();
    const auto first = from.trimmed().isEmpty() ? std::optional(today - boost::gregorian::months(3))
                                                : uc::model::parseDate(from.trimmed());
    const auto last = to.trimmed().isEmpty() ? std::optional(today) : uc::model::parseDate(to.trimmed());
    if (!first || !last)
        return Q_EMIT failed(Failure(Failure::BadInput, action, tr("The dates must be real dates written as YYYY-MM-DD.")));
    write(action, tr("Writing the supervision report…"), file, tr("Choose a file to write the report to."),
          [therapist, first = *first, last = *last](uc::vault::Vault &v, const QString &path) {
              uc::reports::writeSupervisionReport(v, therapist, first, last, path);
          });
}

void ReportWriter::printRecoveryKey(const QString &key, const QString &file)
{
    if (!m_vault->isOpen())
        return;
    write(u"recovery-key-sheet"_s, tr("Saving the recovery key…"), file, tr("Choose a file to save the key to."),
          [key](uc::vault::Vault &v, const QString &path) {
              QByteArray text = key.toLatin1();
              const auto wipe = qScopeGuard([&text] { sodium_memzero(text.data(), static_cast<std::size_t>(text.size())); });
              const auto parsed = uc::vault::RecoveryKey::parse(std::string_view(text.constData(), static_cast<std::size_t>(text.size())));
              uc::reports::writeRecoveryKeySheet(v, parsed, path);
          });
}
