// SPDX-License-Identifier: GPL-3.0-or-later
#include "agreementcheck.h"

#include "vaultthread.h"

#include "vault/vault.h"

using namespace Qt::StringLiterals;
using uc::gui::AgreementRow;
using Worker = VaultThread::Worker;

int AgreementReportModel::rowCount(const QModelIndex &parent) const
{
    return rowsIn(parent, m_rows.size());
}

QVariant AgreementReportModel::data(const QModelIndex &index, int role) const
{
    const AgreementRow &row = rowAt(m_rows, index);
    switch (role) {
    case ThemeRole:
        return row.theme;
    case Qt::DisplayRole:
    case LabelRole:
        return row.label;
    case NotesRole:
        return row.notes;
    case SupervisorTherapistRole:
        return uc::gui::kappaText(row.supervisorTherapist);
    case SupervisorTaggerRole:
        return uc::gui::kappaText(row.supervisorTagger);
    case TherapistTaggerRole:
        return uc::gui::kappaText(row.therapistTagger);
    default:
        return {};
    }
}

QHash<int, QByteArray> AgreementReportModel::roleNames() const
{
    return {{ThemeRole, "theme"},
            {LabelRole, "label"},
            {NotesRole, "notes"},
            {SupervisorTherapistRole, "supervisorTherapist"},
            {SupervisorTaggerRole, "supervisorTagger"},
            {TherapistTaggerRole, "therapistTagger"}};
}

AgreementCheck::AgreementCheck(VaultThread *vault, QObject *parent)
    : QObject(parent)
    , m_vault(vault)
    , m_report(new AgreementReportModel(this))
{
}

QVariantList AgreementCheck::themes() const
{
    QVariantList list;
    for (const uc::gui::ThemeChoice &t : m_themes)
        list.append(QVariantMap{{u"id"_s, t.id}, {u"label"_s, t.label}, {u"group"_s, t.group}});
    return list;
}

void AgreementCheck::setSetup(QStringList therapists, QList<uc::gui::ThemeChoice> themes)
{
    m_therapists = std::move(therapists);
    m_themes = std::move(themes);
    Q_EMIT setupChanged();
}

void AgreementCheck::setSample(uc::gui::AgreementSampleData sample)
{
    m_sample = std::move(sample);
    Q_EMIT sampleChanged();
}

void AgreementCheck::setReport(uc::gui::AgreementReportData report)
{
    m_reportRated = report.rated;
    m_report->setRows(std::move(report.rows));
    m_hasReport = true;
    Q_EMIT reportChanged();
}

void AgreementCheck::clear()
{
    m_therapists.clear();
    m_themes.clear();
    m_sample = {};
    m_report->setRows({});
    m_hasReport = false;
    m_reportRated = 0;
    Q_EMIT setupChanged();
    Q_EMIT sampleChanged();
    Q_EMIT reportChanged();
}

void AgreementCheck::reset()
{
    m_sample = {};
    m_report->setRows({});
    m_hasReport = false;
    m_reportRated = 0;
    Q_EMIT sampleChanged();
    Q_EMIT reportChanged();
}

// ---- on the vault thread

void AgreementCheck::loadSetup()
{
    if (!m_vault || !m_vault->isOpen())
        return;
    m_vault->post(
        this, tr("Loading…"),
        [](Worker &w) {
            uc::vault::Vault &v = w.open();
            return std::make_pair(uc::gui::loadSupervisedTherapists(v), uc::gui::loadThemeChoices(v));
        },
        [this](std::pair<QStringList, QList<uc::gui::ThemeChoice>> setup) {
            setSetup(std::move(setup.first), std::move(setup.second));
        },
        [this](const uc::Error &e) { Q_EMIT failed(Failure(u"setup"_s, e)); });
}

void AgreementCheck::start(const QString &therapist, int sampleSize)
{
    if (!m_vault || !m_vault->isOpen())
        return;
    if (therapist.trimmed().isEmpty())
        return Q_EMIT failed(Failure(Failure::BadInput, u"start"_s, tr("Choose a therapist assigned to you.")));
    m_vault->post(
        this, tr("Drawing the sample…"),
        [therapist = therapist.trimmed(), sampleSize](Worker &w) {
            uc::vault::Vault &v = w.open();
            const auto sample = v.agreement().start(therapist, sampleSize);
            return uc::gui::loadAgreementSample(v, sample.check);
        },
        [this](uc::gui::AgreementSampleData sample) {
            const qint64 check = sample.check;
            setSample(std::move(sample));
            Q_EMIT started(check);
        },
        [this](const uc::Error &e) { Q_EMIT failed(Failure(u"start"_s, e)); });
}

void AgreementCheck::rate(const QStringList &themes)
{
    const qint64 check = checkId();
    const qint64 note = noteId();
    if (!m_vault || check == 0 || note == 0)
        return;
    m_vault->post(
        this, tr("Saving your themes…"),
        [check, note, themes](Worker &w) {
            uc::vault::Vault &v = w.open();
            v.agreement().rate(check, note, themes);
            auto sample = uc::gui::loadAgreementSample(v, check);
            std::optional<uc::gui::AgreementReportData> report;
            if (!sample.next)
                report = uc::gui::loadAgreementReport(v, check); // the last note: the report follows
            return std::make_pair(std::move(sample), std::move(report));
        },
        [this, note](std::pair<uc::gui::AgreementSampleData, std::optional<uc::gui::AgreementReportData>> result) {
            setSample(std::move(result.first));
            if (result.second) {
                setReport(std::move(*result.second));
                Q_EMIT reportLoaded();
            }
            Q_EMIT noteRated(note);
        },
        [this](const uc::Error &e) { Q_EMIT failed(Failure(u"rate"_s, e)); });
}

void AgreementCheck::loadReport()
{
    const qint64 check = checkId();
    if (!m_vault || !m_vault->isOpen() || check == 0)
        return;
    m_vault->post(
        this, tr("Working out agreement…"), [check](Worker &w) { return uc::gui::loadAgreementReport(w.open(), check); },
        [this](uc::gui::AgreementReportData report) {
            setReport(std::move(report));
            Q_EMIT reportLoaded();
        },
        [this](const uc::Error &e) { Q_EMIT failed(Failure(u"report"_s, e)); });
}
