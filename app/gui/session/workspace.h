// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QQmlEngine>

class AgreementCheck;
class AuditModel;
class ClientListModel;
class ClientOverview;
class ClientReview;
class EpisodeEntry;
class TreatmentEventEntry;
class UseDayEntry;
class ImportPreviewModel;
class MeasureEntry;
class NoteEditor;
class NoteReview;
class PatternsModel;
class PlanEditor;
class PracticeMembership;
class PracticeSync;
class ReportWriter;
class RetryDelay;
class ReviewQueueModel;
class SafetyPlanEditor;
class SearchResultModel;
class VaultSettings;
class VaultThread;

Q_MOC_INCLUDE("agreementcheck.h")
Q_MOC_INCLUDE("auditmodel.h")
Q_MOC_INCLUDE("clientlistmodel.h")
Q_MOC_INCLUDE("clientoverview.h")
Q_MOC_INCLUDE("clientreview.h")
Q_MOC_INCLUDE("episodeentry.h")
Q_MOC_INCLUDE("treatmentevententry.h")
Q_MOC_INCLUDE("importmodel.h")
Q_MOC_INCLUDE("measureentry.h")
Q_MOC_INCLUDE("noteeditor.h")
Q_MOC_INCLUDE("notereview.h")
Q_MOC_INCLUDE("patternsmodel.h")
Q_MOC_INCLUDE("planeditor.h")
Q_MOC_INCLUDE("practicemembership.h")
Q_MOC_INCLUDE("practicesync.h")
Q_MOC_INCLUDE("reportwriter.h")
Q_MOC_INCLUDE("reviewqueuemodel.h")
Q_MOC_INCLUDE("safetyplaneditor.h")
Q_MOC_INCLUDE("searchmodel.h")
Q_MOC_INCLUDE("vaultsettings.h")

// The objects the screens talk to (QML: Workspace.note, Workspace.clients …), made once over the
// session's vault thread. Each owns its calls to the vault; this holds them, carries what one's
// action changes in another (a client saved → its overview, a review action → the queue, an
// import → the client list), and empties them all when the vault locks.
class Workspace : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

    Q_PROPERTY(ClientListModel *clients READ clients CONSTANT)
    Q_PROPERTY(ClientOverview *overview READ overview CONSTANT)
    Q_PROPERTY(SafetyPlanEditor *safetyPlan READ safetyPlan CONSTANT)
    Q_PROPERTY(PlanEditor *planEditor READ planEditor CONSTANT)
    Q_PROPERTY(MeasureEntry *measureEntry READ measureEntry CONSTANT)
    Q_PROPERTY(NoteEditor *note READ note CONSTANT)
    Q_PROPERTY(PatternsModel *patterns READ patterns CONSTANT)
    Q_PROPERTY(EpisodeEntry *episodeEntry READ episodeEntry CONSTANT)
    Q_PROPERTY(TreatmentEventEntry *treatmentEventEntry READ treatmentEventEntry CONSTANT)
    Q_PROPERTY(UseDayEntry *useDayEntry READ useDayEntry CONSTANT)
    Q_PROPERTY(ClientReview *clientReview READ clientReview CONSTANT)
    Q_PROPERTY(SearchResultModel *searchResults READ searchResults CONSTANT)
    Q_PROPERTY(ReviewQueueModel *queue READ queue CONSTANT)
    Q_PROPERTY(NoteReview *review READ review CONSTANT)
    Q_PROPERTY(AgreementCheck *agreement READ agreement CONSTANT)
    Q_PROPERTY(AuditModel *audit READ audit CONSTANT)
    Q_PROPERTY(VaultSettings *settings READ settings CONSTANT)
    Q_PROPERTY(ImportPreviewModel *importPreview READ importPreview CONSTANT)
    Q_PROPERTY(ReportWriter *reports READ reports CONSTANT)
    Q_PROPERTY(PracticeMembership *practice READ practice CONSTANT)
    Q_PROPERTY(PracticeSync *sync READ sync CONSTANT)

public:
    // retry: the wait after wrong passphrases, which leaving review with a client shares.
    Workspace(VaultThread *vault, RetryDelay *retry, QObject *parent);

    // The QML singleton: the workspace of VaultSession's singleton.
    static Workspace *create(QQmlEngine *engine, QJSEngine *scriptEngine);

    [[nodiscard]] ClientListModel *clients() const { return m_clients; }
    [[nodiscard]] ClientOverview *overview() const { return m_overview; }
    [[nodiscard]] SafetyPlanEditor *safetyPlan() const { return m_safetyPlan; }
    [[nodiscard]] PlanEditor *planEditor() const { return m_planEditor; }
    [[nodiscard]] MeasureEntry *measureEntry() const { return m_measureEntry; }
    [[nodiscard]] NoteEditor *note() const { return m_note; }
    [[nodiscard]] PatternsModel *patterns() const { return m_patterns; }
    [[nodiscard]] EpisodeEntry *episodeEntry() const { return m_episodeEntry; }
    [[nodiscard]] TreatmentEventEntry *treatmentEventEntry() const { return m_treatmentEventEntry; }
    [[nodiscard]] UseDayEntry *useDayEntry() const { return m_useDayEntry; }
    [[nodiscard]] ClientReview *clientReview() const { return m_clientReview; }
    [[nodiscard]] SearchResultModel *searchResults() const { return m_searchResults; }
    [[nodiscard]] ReviewQueueModel *queue() const { return m_queue; }
    [[nodiscard]] NoteReview *review() const { return m_review; }
    [[nodiscard]] AgreementCheck *agreement() const { return m_agreement; }
    [[nodiscard]] AuditModel *audit() const { return m_audit; }
    [[nodiscard]] VaultSettings *settings() const { return m_settings; }
    [[nodiscard]] ImportPreviewModel *importPreview() const { return m_importPreview; }
    [[nodiscard]] ReportWriter *reports() const { return m_reports; }
    [[nodiscard]] PracticeMembership *practice() const { return m_practice; }
    [[nodiscard]] PracticeSync *sync() const { return m_sync; }

    // The vault is open: what is read once per unlock (the practice membership, an automatic sync).
    void opened();

    // The vault is locking: everything shown is forgotten (note text, client names, the import
    // preview). Typing not yet handed on is lost: the session flushes the note before.
    void clear();

private:
    ClientListModel *m_clients;
    ClientOverview *m_overview;
    SafetyPlanEditor *m_safetyPlan;
    PlanEditor *m_planEditor;
    MeasureEntry *m_measureEntry;
    NoteEditor *m_note;
    PatternsModel *m_patterns;
    EpisodeEntry *m_episodeEntry;
    TreatmentEventEntry *m_treatmentEventEntry;
    UseDayEntry *m_useDayEntry;
    SearchResultModel *m_searchResults;
    ClientReview *m_clientReview;
    ReviewQueueModel *m_queue;
    NoteReview *m_review;
    AgreementCheck *m_agreement;
    AuditModel *m_audit;
    VaultSettings *m_settings;
    ImportPreviewModel *m_importPreview;
    ReportWriter *m_reports;
    PracticeMembership *m_practice;
    PracticeSync *m_sync;
};
