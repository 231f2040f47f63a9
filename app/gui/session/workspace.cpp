// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace.h"

#include "agreementcheck.h"
#include "auditmodel.h"
#include "clientlistmodel.h"
#include "clientoverview.h"
#include "clientreview.h"
#include "episodeentry.h"
#include "treatmentevententry.h"
#include "usedayentry.h"
#include "importmodel.h"
#include "measureentry.h"
#include "noteeditor.h"
#include "notereview.h"
#include "patternsmodel.h"
#include "planeditor.h"
#include "practicemembership.h"
#include "practicesync.h"
#include "reportwriter.h"
#include "reviewqueuemodel.h"
#include "safetyplaneditor.h"
#include "searchmodel.h"
#include "vaultsession.h"
#include "vaultsettings.h"

Workspace::Workspace(VaultThread *vault, RetryDelay *retry, QObject *parent)
    : QObject(parent)
    , m_clients(new ClientListModel(vault, this))
    , m_overview(new ClientOverview(vault, this))
    , m_safetyPlan(new SafetyPlanEditor(vault, this))
    , m_planEditor(new PlanEditor(vault, this))
    , m_measureEntry(new MeasureEntry(vault, this))
    , m_note(new NoteEditor(vault, this))
    , m_patterns(new PatternsModel(vault, this))
    , m_episodeEntry(new EpisodeEntry(vault, this))
    , m_treatmentEventEntry(new TreatmentEventEntry(vault, this))
    , m_useDayEntry(new UseDayEntry(vault, this))
    , m_searchResults(new SearchResultModel(vault, this))
    , m_clientReview(new ClientReview(vault, retry, m_patterns, m_searchResults, this))
    , m_queue(new ReviewQueueModel(vault, this))
    , m_review(new NoteReview(vault, this))
    , m_agreement(new AgreementCheck(vault, this))
    , m_audit(new AuditModel(vault, this))
    , m_settings(new VaultSettings(vault, this))
    , m_importPreview(new ImportPreviewModel(vault, this))
    , m_reports(new ReportWriter(vault, this))
    , m_practice(new PracticeMembership(vault, this))
    , m_sync(new PracticeSync(vault, this))
{
    connect(m_clients, &ClientListModel::saved, this, [this](const QString &code) {
        if (m_overview->code() == code)
            m_overview->open(code);
    });
    // A new plan version or a review changes the overview's plan card and its review line.
    const auto reopen = [this](const QString &code) {
        if (m_overview->code() == code)
            m_overview->open(code);
    };
    connect(m_planEditor, &PlanEditor::saved, this, reopen);
    connect(m_planEditor, &PlanEditor::reviewed, this, reopen);
    connect(m_review, &NoteReview::acted, m_queue, &ReviewQueueModel::reload);
    connect(m_importPreview, &ImportPreviewModel::imported, m_clients, &ClientListModel::reload);
    // A join makes the indicator appear; a sync moves the pinned heads the practice section shows.
    connect(m_practice, &PracticeMembership::changed, this, [this] {
        if (m_practice->loaded())
            m_sync->setMember(m_practice->joined());
    });
    connect(m_sync, &PracticeSync::finished, m_practice, &PracticeMembership::refresh);
    // Failures no form waits for (reading the membership, a sync that could not even start) go to
    // the banner; a join's go to its form.
    connect(m_sync, &PracticeSync::failed, vault, &VaultThread::report);
    connect(m_practice, &PracticeMembership::failed, this, [vault](const Failure &failure) {
        if (failure.action() != u"practice-join")
            vault->report(failure);
    });
}

void Workspace::opened()
{
    m_practice->refresh();
    m_sync->start();
}

Workspace *Workspace::create(QQmlEngine *engine, QJSEngine *scriptEngine)
{
    Workspace *workspace = VaultSession::create(engine, scriptEngine)->workspace();
    QJSEngine::setObjectOwnership(workspace, QJSEngine::CppOwnership);
    return workspace;
}

void Workspace::clear()
{
    m_clients->clear();
    m_overview->clear();
    m_note->clear();
    m_patterns->clear();
    m_clientReview->clear();
    m_searchResults->clear();
    m_settings->clear();
    m_queue->clear();
    m_review->clear();
    m_audit->clear();
    m_agreement->clear();
    m_importPreview->clear(); // it holds note text
    m_safetyPlan->clear();
    m_planEditor->clear(); // it holds the plan's text
    m_practice->clear();
    m_sync->clear();
}
