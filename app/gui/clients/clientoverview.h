// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clientdata.h"
#include "fieldtrends.h"
#include "failure.h"
#include "listmodel.h"
#include "countertransferenceview.h"
#include "sharedctview.h"
#include "overviewplan.h"

#include <QQmlEngine>

class VaultThread;

// The client overview's lists. Each holds rows computed on the vault thread (uc::gui::Overview)
// and knows nothing of the vault; ClientOverview groups them with the client's header facts.

// Sessions in date order, attended and missed, for the timeline.
class SessionTimelineModel : public ListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by ClientOverview")

public:
    enum Role {
        SessionIdRole = Qt::UserRole + 1, // the session's id
        DateRole, // ISO date
        AttendanceRole, // "attended", "late", "no-show", "cancelled"
        AttendedRole, // bool: the client was there (attended or late)
        ThemeCountRole, // counted themes its note raises
        NoteIdRole, // the progress note to open, 0 when none
    };
    Q_ENUM(Role)
    using ListModel::ListModel;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    void setRows(QList<uc::gui::SessionRow> rows) { replace(m_rows, std::move(rows)); }
    void clear() { replace(m_rows, QList<uc::gui::SessionRow>()); }

    // The latest sessions first, at most limit, for a note to attach to:
    // [{sessionId, date, start, attendance, hasNote (a progress note the reader may read)}].
    Q_INVOKABLE QVariantList latest(int limit) const;

private:
    QList<uc::gui::SessionRow> m_rows;
};

// Cards for the client's recurring themes, most recurrent first.
class ThemeCardModel : public ListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by ClientOverview")

public:
    enum Role {
        ThemeRole = Qt::UserRole + 1, // theme id
        LabelRole, // codebook label
        SentenceRole, // "5 of the last 6 sessions, rising"
        RecurrenceInRole, // 5
        RecurrenceLastRole, // 6
        TrendRole, // "rising" | "falling" | "stable"
        SessionsRole, // attended sessions raising it over the record
        FirstSeenRole, // ISO date
        LastSeenRole, // ISO date
        ColorRole, // "#rrggbb": the theme's colour among the cards (uc::reports::themeColour), as on Patterns
    };
    Q_ENUM(Role)
    using ListModel::ListModel;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    // palette: the client's colour order (uc::reports::clientPalette), so a card's colour is the
    // theme's colour on Patterns, in review and in the PDF.
    void setRows(QList<uc::gui::ThemeCardRow> rows, QStringList palette)
    {
        m_palette = std::move(palette);
        replace(m_rows, std::move(rows));
    }
    void clear() { setRows({}, {}); }

private:
    QList<uc::gui::ThemeCardRow> m_rows;
    QStringList m_palette;
};

// The latest score and band of each instrument the client has filled in.
class MeasureSummaryModel : public ListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by ClientOverview")

public:
    enum Role {
        InstrumentRole = Qt::UserRole + 1, // "phq9"
        NameRole, // "PHQ-9"
        MeasuresRole, // "depression"
        DateRole, // ISO date of the latest score
        TotalRole, // latest total
        BandRole, // machine word ("moderately-severe")
        BandLabelRole, // "moderately severe"
        CountRole, // times scored
        ChangeRole, // "down 4", "up 2", "unchanged"; "" for a first score
        PreviousDateRole, // ISO date of the score before, "" for a first score
        TotalsRole, // QVariantList of totals in date order
        ReliableChangeRole, // "reliable-improvement" … "not-computed"; "" for a first score
        ReliableChangeTextRole, // "Since 2025-01-06: 16 → 8, RCI …"; "" for a first score
        MeasureIdRole, // the latest measure's id (qint64)
        AnswersRole, // the latest measure's answers, a QVariantList of ints
    };
    Q_ENUM(Role)
    using ListModel::ListModel;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    void setRows(QList<uc::gui::MeasureRow> rows) { replace(m_rows, std::move(rows)); }
    void clear() { replace(m_rows, QList<uc::gui::MeasureRow>()); }

private:
    QList<uc::gui::MeasureRow> m_rows;
};

// The client's notes, newest first, each linking to the editor.
class NoteListModel : public ListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by ClientOverview")

public:
    enum Role {
        NoteIdRole = Qt::UserRole + 1, // the note's id
        SessionIdRole, // its session
        DateRole, // ISO session date
        KindRole, // "progress" | "process"
        StatusRole, // "draft" | "signed" | "cosigned"
        TemplateRole, // template label ("SOAP note")
        PreviewRole, // the first words, headings left out
    };
    Q_ENUM(Role)
    using ListModel::ListModel;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    void setRows(QList<uc::gui::NoteRow> rows) { replace(m_rows, std::move(rows)); }
    void clear() { replace(m_rows, QList<uc::gui::NoteRow>()); }

private:
    QList<uc::gui::NoteRow> m_rows;
};

// One client's overview: header facts, the four lists and the plan, read on the vault thread when
// the client is opened. Empty (code "") until a client is opened and after a lock.
class ClientOverview : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by Workspace")

    Q_PROPERTY(QString code READ code NOTIFY changed)
    Q_PROPERTY(QString name READ name NOTIFY changed)
    Q_PROPERTY(QString status READ status NOTIFY changed)
    Q_PROPERTY(QString setting READ setting NOTIFY changed)
    Q_PROPERTY(QString intake READ intake NOTIFY changed)
    Q_PROPERTY(QString firstSession READ firstSession NOTIFY changed)
    Q_PROPERTY(QString lastSession READ lastSession NOTIFY changed)
    Q_PROPERTY(int attended READ attended NOTIFY changed)
    Q_PROPERTY(int missed READ missed NOTIFY changed)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    // The banner: the latest open risk flag ([{id, label, evidence, rule, date, noteId}], empty
    // when none is open) and how many are open in all.
    Q_PROPERTY(QVariantList latestRisk READ latestRisk NOTIFY changed)
    Q_PROPERTY(int openRiskCount READ openRiskCount NOTIFY changed)
    Q_PROPERTY(SessionTimelineModel *sessions READ sessions CONSTANT)
    Q_PROPERTY(ThemeCardModel *themes READ themes CONSTANT)
    Q_PROPERTY(MeasureSummaryModel *measures READ measures CONSTANT)
    Q_PROPERTY(NoteListModel *notes READ notes CONSTANT)
    Q_PROPERTY(FieldTrends *fieldTrends READ fieldTrends CONSTANT)
    // The treatment plan: its newest version, its next review, its objectives.
    Q_PROPERTY(OverviewPlan *plan READ plan CONSTANT)
    // The therapist's own countertransference about the client: hidden until asked for.
    Q_PROPERTY(CountertransferenceView *countertransference READ countertransference CONSTANT)
    // A supervisor's: the entries their therapists shared with them about the client, hidden until asked for.
    Q_PROPERTY(SharedCountertransferenceView *sharedCountertransference READ sharedCountertransference CONSTANT)
    // Other treatment, read-only, newest first: [{date, kind, label, details}] — label "Drug screen",
    // details "opioids negative (urine)"; never an event's note (docs/treatment-events.md).
    Q_PROPERTY(QVariantList treatmentEvents READ treatmentEvents NOTIFY changed)
    // Use days (docs/use-days.md) over the useDayWindow days to the latest day recorded, one row per
    // substance recorded: [{substance, label, strip, summary}] — strip a letter a day, oldest
    // first ('U' used, 'A' abstinent, '?' unknown), summary the figures in words.
    Q_PROPERTY(QVariantList useDays READ useDays NOTIFY changed)
    // "28 days to 2025-03-31" ("" with no day recorded).
    Q_PROPERTY(QString useDayPeriod READ useDayPeriod NOTIFY changed)

public:
    explicit ClientOverview(VaultThread *vault = nullptr, QObject *parent = nullptr);

    [[nodiscard]] QString code() const { return m_data.client.code; }
    [[nodiscard]] QString name() const { return m_data.client.name; }
    [[nodiscard]] QString status() const { return m_data.client.status; }
    [[nodiscard]] QString setting() const { return m_data.client.setting; }
    [[nodiscard]] QString intake() const { return m_data.intake; }
    [[nodiscard]] QString firstSession() const { return m_data.firstSession; }
    [[nodiscard]] QString lastSession() const { return m_data.client.lastSession; }
    [[nodiscard]] int attended() const { return m_data.attended; }
    [[nodiscard]] int missed() const { return m_data.missed; }
    [[nodiscard]] bool loading() const { return m_loading; }
    [[nodiscard]] QVariantList latestRisk() const { return uc::gui::riskList(m_data.openRisk.mid(0, 1)); }
    [[nodiscard]] int openRiskCount() const { return static_cast<int>(m_data.openRisk.size()); }
    void setLoading(bool loading);
    [[nodiscard]] SessionTimelineModel *sessions() const { return m_sessions; }
    [[nodiscard]] ThemeCardModel *themes() const { return m_themes; }
    [[nodiscard]] MeasureSummaryModel *measures() const { return m_measures; }
    [[nodiscard]] NoteListModel *notes() const { return m_notes; }
    [[nodiscard]] FieldTrends *fieldTrends() const { return m_fieldTrends; }
    [[nodiscard]] OverviewPlan *plan() const { return m_plan; }
    [[nodiscard]] CountertransferenceView *countertransference() const { return m_countertransference; }
    [[nodiscard]] SharedCountertransferenceView *sharedCountertransference() const { return m_sharedCountertransference; }
    [[nodiscard]] QVariantList treatmentEvents() const;
    [[nodiscard]] QVariantList useDays() const;
    [[nodiscard]] QString useDayPeriod() const;
    static constexpr int useDayWindow = 28;

    // Reads the client's overview (opened); an unknown client goes to the banner.
    Q_INVOKABLE void open(const QString &code);
    Q_INVOKABLE void close();

    void set(uc::gui::Overview overview);
    void clear();

Q_SIGNALS:
    void changed();
    void loadingChanged();
    void opened(const QString &code);

private:
    VaultThread *m_vault;
    uc::gui::Overview m_data; // header facts (the lists live in the models)
    bool m_loading = false;
    SessionTimelineModel *m_sessions;
    ThemeCardModel *m_themes;
    MeasureSummaryModel *m_measures;
    NoteListModel *m_notes;
    FieldTrends *m_fieldTrends;
    OverviewPlan *m_plan;
    CountertransferenceView *m_countertransference;
    SharedCountertransferenceView *m_sharedCountertransference;
};
