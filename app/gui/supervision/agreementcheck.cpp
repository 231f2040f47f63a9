// SPDX-License-Identifier: GPL-3.0-or-later
#include "agreementcheck.h"

using namespace Qt::StringLiterals;
using uc::gui::AgreementRow;

int AgreementReportModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant AgreementReportModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, QAbstractItemModel::CheckIndexOption::IndexIsValid));
    const AgreementRow &row = m_rows.at(index.row());
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

void AgreementReportModel::setRows(QList<AgreementRow> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    Q_EMIT countChanged();
}

AgreementCheck::AgreementCheck(QObject *parent)
    : QObject(parent)
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
