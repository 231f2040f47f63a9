// SPDX-License-Identifier: GPL-3.0-or-later
#include "reports/reports.h"

#include "common/error.h"
#include "common/safefile.h"
#include "reports/reportdata.h"
#include "reports/reportpdf.h"
#include "vault/vault.h"

#include <QFile>
#include <QGuiApplication>

namespace uc::reports {

namespace {

void requireGui(const QString &what)
{
    // QTextDocument and QPdfWriter need fonts, which only a QGuiApplication brings.
    if (qobject_cast<QGuiApplication *>(QCoreApplication::instance()) == nullptr)
        throw Error(ErrorKind::Io, what, QStringLiteral("PDF reports need the application's GUI library started"));
}

// Writes the PDF, then records it; a file whose export is not on the record is removed.
void writeRecorded(vault::Vault &vault, const QString &file, const QByteArray &pdf, const QString &action,
                   const QString &object, const QString &detail)
{
    writeFileSafely(file, pdf, action);
    try {
        vault.recordEvent(action, object, detail);
    } catch (...) {
        QFile::remove(file);
        throw;
    }
}

} // namespace

void writeClientReport(vault::Vault &vault, const QString &clientCode, const QString &file, bool withRisk, bool withPlan,
                       bool withEvents, bool withUseDays)
{
    requireGui(QStringLiteral("client report"));
    const ClientReport report = clientReport(vault, clientCode, withRisk, withPlan, withEvents, withUseDays);
    QStringList sections;
    if (withRisk)
        sections.append(QStringLiteral("risk section"));
    if (withPlan)
        sections.append(QStringLiteral("treatment plan section"));
    if (withEvents)
        sections.append(QStringLiteral("other treatment section"));
    if (withUseDays)
        sections.append(QStringLiteral("use days section"));
    writeRecorded(vault, file, clientReportPdf(report), QStringLiteral("report"),
                  QStringLiteral("client:%1").arg(report.client.id),
                  sections.isEmpty() ? QStringLiteral("client pattern report, pdf")
                                     : QStringLiteral("client pattern report with %1, pdf").arg(sections.join(QStringLiteral(" and "))));
}

void writeSafetyPlan(vault::Vault &vault, const QString &clientCode, std::optional<int> version, const QString &file)
{
    requireGui(QStringLiteral("safety plan print"));
    const SafetyPlanReport report = safetyPlanReport(vault, clientCode, version);
    const auto client = vault.clients().find(clientCode);
    writeRecorded(vault, file, safetyPlanPdf(report), QStringLiteral("report"), QStringLiteral("client:%1").arg(client->id),
                  QStringLiteral("safety plan version %1, pdf").arg(report.plan.version));
}

void writeNoteReport(vault::Vault &vault, model::Id noteId, const QString &file)
{
    requireGui(QStringLiteral("note print"));
    const NoteReport report = noteReport(vault, noteId);
    writeRecorded(vault, file, noteReportPdf(report), QStringLiteral("report"), QStringLiteral("note:%1").arg(noteId),
                  QStringLiteral("note print, pdf"));
}

void writeSupervisionReport(vault::Vault &vault, const QString &therapist, const model::Date &from,
                            const model::Date &to, const QString &file)
{
    requireGui(QStringLiteral("supervision report"));
    const SupervisionReport report = supervisionReport(vault, therapist, from, to);
    model::Id therapistId = 0;
    for (const model::User &u : vault.users())
        if (u.name == therapist)
            therapistId = u.id;
    writeRecorded(vault, file, supervisionReportPdf(report), QStringLiteral("report"), QStringLiteral("user:%1").arg(therapistId),
                  QStringLiteral("supervision report, pdf, %1 to %2, %3 notes")
                      .arg(model::toIso(from), model::toIso(to))
                      .arg(report.notes.size()));
}

qsizetype writeAuditPdf(vault::Vault &vault, const vault::AuditFilter &filter, const QString &file)
{
    requireGui(QStringLiteral("audit export"));
    const AuditReport report = auditReport(vault, filter);
    writeRecorded(vault, file, auditReportPdf(report), QStringLiteral("export"), QStringLiteral("audit"),
                  QStringLiteral("pdf, %1 entries").arg(report.entries.size()));
    return report.entries.size();
}

} // namespace uc::reports
