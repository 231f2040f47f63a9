// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "failure.h"
#include "listmodel.h"
#include "supervisiondata.h"

#include <QQmlEngine>
#include <QStringList>
#include <QVariantList>

class VaultThread;

// The blind agreement check's report: one row per theme someone saw in a rated note, with Cohen's
// kappa for each pair of raters as text ("n/a" where chance explains all agreement).
class AgreementReportModel : public ListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by AgreementCheck")

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

    using ListModel::ListModel;
    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    void setRows(QList<uc::gui::AgreementRow> rows) { replace(m_rows, std::move(rows)); }

private:
    QList<uc::gui::AgreementRow> m_rows;
};

// A supervisor's blind agreement check as the screen steps through it: choose an assigned
// therapist and a sample size, rate each sampled note from its words alone (the vault refuses its
// tags until then), then read the report. Each step runs on the vault thread and answers its
// signal or failed(failure) (action "setup", "start", "rate" or "report").
class AgreementCheck : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by Workspace")

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
    explicit AgreementCheck(VaultThread *vault = nullptr, QObject *parent = nullptr);

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

    // The assigned therapists and the codebook's themes, for a new check (setupChanged).
    Q_INVOKABLE void loadSetup();
    // A sample of the therapist's signed notes to rate (started).
    Q_INVOKABLE void start(const QString &therapist, int sampleSize);
    // The supervisor's themes for the note the check shows now (noteId); noteRated, and after the
    // last note reportLoaded.
    Q_INVOKABLE void rate(const QStringList &themes);
    Q_INVOKABLE void loadReport();

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
    void started(qint64 check);
    void noteRated(qint64 noteId);
    void reportLoaded();
    void failed(const Failure &failure);

private:
    VaultThread *m_vault;
    QStringList m_therapists;
    QList<uc::gui::ThemeChoice> m_themes;
    uc::gui::AgreementSampleData m_sample;
    bool m_hasReport = false;
    int m_reportRated = 0;
    AgreementReportModel *m_report;
};
