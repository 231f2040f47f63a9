// SPDX-License-Identifier: GPL-3.0-or-later
// VaultSession's PDF reports (issue #8): the client report, the note print, the supervision report
// and the audit trail as PDF. Each is drawn and written on the vault thread (core/reports), so the
// window never waits on the layout or the disk.
#include "vaultsession.h"

#include "clientdata.h"

#include "reports/reports.h"
#include "vault/vault.h"

#include <boost/date_time/gregorian/gregorian.hpp>

#include <QDir>
#include <QStandardPaths>

using namespace Qt::StringLiterals;
using uc::Error;
using uc::gui::sentenceOf;

namespace {

// A local path from a path or a file: URL, ending in ".pdf"; empty when none was given.
QString pdfPath(const QString &file)
{
    QString path = file.trimmed();
    if (path.startsWith(u"file:"_s))
        path = QUrl(path).toLocalFile();
    if (!path.isEmpty() && !path.endsWith(u".pdf"_s, Qt::CaseInsensitive))
        path += u".pdf"_s;
    return path;
}

} // namespace

QUrl VaultSession::reportFile(const QString &name) const
{
    QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (folder.isEmpty())
        folder = QDir::homePath();
    return QUrl::fromLocalFile(QDir(folder).filePath(name + u".pdf"_s));
}

void VaultSession::writeClientReport(const QString &clientCode, const QString &file)
{
    if (!m_unlocked)
        return;
    const QString path = pdfPath(file);
    if (path.isEmpty()) {
        Q_EMIT reportFailed(tr("Choose a file to write the report to."));
        return;
    }
    post(
        tr("Writing the client report…"),
        [clientCode, path](Worker &w) {
            uc::reports::writeClientReport(w.open(), clientCode, path);
            return true;
        },
        [this, path](bool) { Q_EMIT reportWritten(path); }, [this](const Error &e) { Q_EMIT reportFailed(sentenceOf(e)); });
}

void VaultSession::printNote(qint64 noteId, const QString &file)
{
    if (!m_unlocked)
        return;
    const QString path = pdfPath(file);
    if (path.isEmpty()) {
        Q_EMIT reportFailed(tr("Choose a file to print the note to."));
        return;
    }
    post(
        tr("Printing the note…"),
        [noteId, path](Worker &w) {
            uc::reports::writeNoteReport(w.open(), noteId, path);
            return true;
        },
        [this, path](bool) { Q_EMIT reportWritten(path); }, [this](const Error &e) { Q_EMIT reportFailed(sentenceOf(e)); });
}

void VaultSession::writeSupervisionReport(const QString &therapist, const QString &from, const QString &to,
                                          const QString &file)
{
    if (!m_unlocked)
        return;
    const QString path = pdfPath(file);
    if (path.isEmpty()) {
        Q_EMIT reportFailed(tr("Choose a file to write the report to."));
        return;
    }
    const uc::model::Date today = boost::gregorian::day_clock::local_day();
    const auto first = from.trimmed().isEmpty() ? std::optional(today - boost::gregorian::months(3)) : uc::model::parseDate(from.trimmed());
    const auto last = to.trimmed().isEmpty() ? std::optional(today) : uc::model::parseDate(to.trimmed());
    if (!first || !last) {
        Q_EMIT reportFailed(tr("The dates must be real dates written as YYYY-MM-DD."));
        return;
    }
    post(
        tr("Writing the supervision report…"),
        [therapist, first = *first, last = *last, path](Worker &w) {
            uc::reports::writeSupervisionReport(w.open(), therapist, first, last, path);
            return true;
        },
        [this, path](bool) { Q_EMIT reportWritten(path); }, [this](const Error &e) { Q_EMIT reportFailed(sentenceOf(e)); });
}

void VaultSession::exportAuditPdf(const QString &since, const QString &user, const QString &file, const QString &until)
{
    if (!m_unlocked)
        return;
    QString problem;
    const auto checked = auditFilterOf(since, until, user, &problem);
    if (!checked) {
        Q_EMIT auditFailed(problem);
        return;
    }
    const uc::vault::AuditFilter filter = *checked;
    QString path = file.trimmed();
    if (path.endsWith(u".csv"_s, Qt::CaseInsensitive))
        path.chop(4);
    path = pdfPath(path);
    if (path.isEmpty()) {
        Q_EMIT auditFailed(tr("Choose a file to export to."));
        return;
    }
    post(
        tr("Exporting the audit trail…"),
        [filter, path](Worker &w) { return static_cast<int>(uc::reports::writeAuditPdf(w.open(), filter, path)); },
        [this, path](int entries) { Q_EMIT auditExported(entries, path); },
        [this](const Error &e) { Q_EMIT auditFailed(sentenceOf(e)); });
}
