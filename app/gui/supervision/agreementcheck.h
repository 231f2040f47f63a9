// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "supervisiondata.h"

#include <QAbstractListModel>
#include <QQmlEngine>
#include <QStringList>
#include <QVariantList>

// The blind agreement check's report: one row per theme someone saw in a rated note, with Cohen's
// kappa for each pair of raters as text ("n/a" where chance explains all agreement).
class AgreementReportModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by AgreementCheck")

    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role {
        ThemeRole = Qt::UserRole + 1, // theme id
        LabelRole, // codebook label
        NotesRole, // rated notes the figures cover
        SupervisorTherapistRole, // kappa as text: "0.62" or "n/a"
        SupervisorTaggerRole,
        TherapistTaggerRole,
    };
    Q_ENUM(Role)

    using QAbstractListModel::QAbstractListModel;
    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    [[nodiscard]] int count() const { return rowCount(); }

    void setRows(QList<uc::gui::AgreementRow> rows);

Q_SIGNALS:
    void countChanged();

private:
    QList<uc::gui::AgreementRow> m_rows;
};

// A supervisor's blind agreement check as the screen steps through it: choose an assigned
// therapist and a sample size, rate each sampled note from its words alone (the vault refuses its
// tags until then), then read the report.
class AgreementCheck : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by VaultSession")

    Q_PROPERTY(QStringList therapists READ therapists NOTIFY setupChanged)
    Q_PROPERTY(QVariantList themes READ themes NOTIFY setupChanged)
    Q_PROPERTY(qint64 checkId READ checkId NOTIFY sampleChanged)
    Q_PROPERTY(QString therapist READ therapist NOTIFY sampleChanged)
    Q_PROPERTY(int sampled READ sampled NOTIFY sampleChanged)
    Q_PROPERTY(int rated READ rated NOTIFY sampleChanged)
    // Every sampled note is rated: the report is complete.
    Q_PROPERTY(bool finished READ finished NOTIFY sampleChanged)
    Q_PROPERTY(qint64 noteId READ noteId NOTIFY sampleChanged)
    Q_PROPERTY(QString noteClient READ noteClient NOTIFY sampleChanged)
    Q_PROPERTY(QString noteDate READ noteDate NOTIFY sampleChanged)
    Q_PROPERTY(QString noteText READ noteText NOTIFY sampleChanged)
    Q_PROPERTY(bool hasReport READ hasReport NOTIFY reportChanged)
    Q_PROPERTY(int reportRated READ reportRated NOTIFY reportChanged)
    Q_PROPERTY(AgreementReportModel *report READ report CONSTANT)

public:
    explicit AgreementCheck(QObject *parent = nullptr);

    [[nodiscard]] QStringList therapists() const { return m_therapists; }
    [[nodiscard]] QVariantList themes() const;
    [[nodiscard]] qint64 checkId() const { return m_sample.check; }
    [[nodiscard]] QString therapist() const { return m_sample.therapist; }
    [[nodiscard]] int sampled() const { return static_cast<int>(m_sample.notes.size()); }
    [[nodiscard]] int rated() const { return static_cast<int>(m_sample.rated.size()); }
    [[nodiscard]] bool finished() const { return m_sample.check != 0 && !m_sample.next; }
    [[nodiscard]] qint64 noteId() const { return m_sample.next ? m_sample.next->id : 0; }
    [[nodiscard]] QString noteClient() const { return m_sample.next ? m_sample.next->clientCode : QString(); }
    [[nodiscard]] QString noteDate() const { return m_sample.next ? m_sample.next->date : QString(); }
    [[nodiscard]] QString noteText() const { return m_sample.next ? m_sample.next->text : QString(); }
    [[nodiscard]] bool hasReport() const { return m_hasReport; }
    [[nodiscard]] int reportRated() const { return m_reportRated; }
    [[nodiscard]] AgreementReportModel *report() const { return m_report; }

    void setSetup(QStringList therapists, QList<uc::gui::ThemeChoice> themes);
    void setSample(uc::gui::AgreementSampleData sample);
    void setReport(uc::gui::AgreementReportData report);
    void clear();
    // Leaves the check (it stays in the vault) for a new one; the therapists and themes stay.
    Q_INVOKABLE void reset();

Q_SIGNALS:
    void setupChanged();
    void sampleChanged();
    void reportChanged();

private:
    QStringList m_therapists;
    QList<uc::gui::ThemeChoice> m_themes;
    uc::gui::AgreementSampleData m_sample;
    bool m_hasReport = false;
    int m_reportRated = 0;
    AgreementReportModel *m_report;
};
