// SPDX-License-Identifier: GPL-3.0-or-later
#include "noteeditor.h"

#include "sessionform.h"
#include "vaultthread.h"

#include "model/riskrecord.h"
#include "vault/vault.h"

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;
using uc::gui::NoteData;
using uc::gui::TagRow;
using Worker = VaultThread::Worker;

NoteEditor::NoteEditor(VaultThread *vault, QObject *parent)
    : QObject(parent)
    , m_vault(vault)
    , m_tags(new ThemeTagModel(this))
{
    if (m_vault)
        connect(this, &NoteEditor::saveRequested, this, &NoteEditor::save);
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(debounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &NoteEditor::flush);
    m_maxWait.setSingleShot(true);
    m_maxWait.setInterval(maxWaitMs);
    connect(&m_maxWait, &QTimer::timeout, this, &NoteEditor::flush);
}

QVariantList NoteEditor::themes() const
{
    QVariantList list;
    for (const auto &[id, label] : m_data.themes)
        list.append(QVariantMap{{u"id"_s, id}, {u"label"_s, label}});
    return list;
}

QString NoteEditor::textAsSaved() const
{
    if (!m_unsaved && m_inFlight == 0)
        return m_data.text;
    return uc::model::textOf(uc::model::sectionsFromText(m_edited, m_data.templateId));
}

std::optional<std::pair<int, int>> NoteEditor::savedSpanOf(int start, int end) const
{
    start = std::max(0, start);
    end = std::min(end, static_cast<int>(m_edited.size()));
    while (start < end && m_edited.at(start).isSpace())
        ++start;
    while (end > start && m_edited.at(end - 1).isSpace())
        --end;
    if (end <= start)
        return std::nullopt;
    // The saved text differs from the screen only by the spaces a save trims around sections, so
    // the words are looked for near where they are on screen.
    TagRow words;
    words.start = start;
    words.end = end;
    words.evidence = m_edited.mid(start, end - start);
    const QString saved = textAsSaved();
    const auto where = uc::gui::locate(saved, words);
    if (!where)
        return std::nullopt;
    const auto codePoints = [&saved](int units) { return static_cast<int>(QStringView(saved).left(units).toUcs4().size()); };
    return std::make_pair(codePoints(where->first), codePoints(where->second));
}

QVariantMap NoteEditor::session() const
{
    return {{u"start"_s, m_data.start},       {u"minutes"_s, m_data.minutes},
            {u"modality"_s, m_data.modality}, {u"setting"_s, m_data.setting},
            {u"groupTopic"_s, m_data.groupTopic}, {u"attendance"_s, m_data.attendance}};
}

QVariantList NoteEditor::members() const
{
    QVariantList list;
    for (const auto &[id, code] : m_data.members)
        list.append(QVariantMap{{u"noteId"_s, QVariant::fromValue(static_cast<qint64>(id))}, {u"clientCode"_s, code}});
    return list;
}

int NoteEditor::memberIndex() const
{
    for (qsizetype i = 0; i < m_data.members.size(); ++i)
        if (m_data.members.at(i).first == m_data.id)
            return static_cast<int>(i);
    return -1;
}

QVariantMap NoteEditor::fields() const
{
    const uc::gui::AddictionFields &f = m_fields;
    return {{u"cravings"_s, f.cravings}, {u"cravingsText"_s, f.cravingsText}, {u"stage"_s, f.stage},
            {u"stageText"_s, f.stageText}, {u"substance"_s, f.substance}, {u"amount"_s, f.amount},
            {u"lastUse"_s, f.lastUse}, {u"useText"_s, f.useText}, {u"triggers"_s, f.triggers}};
}

void NoteEditor::setField(const QString &name, const QVariant &value)
{
    if (readOnly() || !hasAddictionFields())
        return;
    uc::gui::AddictionFields f = m_fields;
    QStringView title;
    QString body;
    if (name == u"cravings" || name == u"stage") {
        bool ok = false;
        const int n = value.toInt(&ok);
        const int top = name == u"cravings" ? 10 : static_cast<int>(stages().size()) - 1;
        if (!ok || n < -1 || n > top)
            return;
        if (name == u"cravings") {
            f.cravings = n;
            f.cravingsText.clear();
            title = uc::gui::cravingsSection;
            body = uc::gui::cravingsText(n);
        } else {
            f.stage = n;
            f.stageText.clear();
            title = uc::gui::stageSection;
            body = uc::gui::stageText(n);
        }
    } else if (name == u"substance" || name == u"amount" || name == u"lastUse") {
        (name == u"substance" ? f.substance : name == u"amount" ? f.amount : f.lastUse) = value.toString();
        title = uc::gui::useSection;
        body = uc::gui::useText(f.substance, f.amount, f.lastUse, f.useText);
    } else if (name == u"triggers") {
        f.triggers = value.toString();
        title = uc::gui::triggersSection;
        body = f.triggers.trimmed();
    } else {
        return;
    }
    const uc::gui::TextEdit change = uc::gui::sectionEdit(m_edited, title, body);
    m_fields = f; // as typed (spaces and all); the text holds their tidy form
    edit(change.applyTo(m_edited));
    Q_EMIT fieldsChanged();
    Q_EMIT textReplaced(static_cast<int>(change.position), static_cast<int>(change.removed), change.inserted);
}

void NoteEditor::refreshFields(bool force)
{
    if (!hasAddictionFields()) {
        if (force || m_fields != uc::gui::AddictionFields{}) {
            m_fields = {};
            Q_EMIT fieldsChanged();
        }
        return;
    }
    const uc::gui::AddictionFields read = uc::gui::addictionFieldsOf(uc::model::sectionsFromText(m_edited, m_data.templateId));
    uc::gui::AddictionFields shown = m_fields;
    shown.substance = shown.substance.simplified();
    shown.amount = shown.amount.simplified();
    shown.lastUse = shown.lastUse.simplified();
    shown.triggers = shown.triggers.trimmed();
    if (!force && read == shown)
        return;
    m_fields = read;
    Q_EMIT fieldsChanged();
}

void NoteEditor::edit(const QString &text)
{
    if (readOnly() || text == m_edited)
        return;
    m_edited = text;
    if (hasAddictionFields())
        refreshFields(false);
    if (!m_unsaved)
        m_maxWait.start(); // the clock for the oldest unsaved keystroke
    m_unsaved = true;
    setSaveState(u"unsaved"_s);
    m_tags->relocate(text);
    m_debounce.start();
    checkRisk();
}

void NoteEditor::checkRisk()
{
    if (!m_vault || !m_vault->isOpen() || m_data.id == 0 || readOnly())
        return;
    if (m_riskChecking) {
        m_riskStale = true;
        return;
    }
    m_riskChecking = true;
    m_riskStale = false;
    uc::model::Note note;
    note.id = m_data.id;
    note.clientCode = m_data.clientCode;
    note.sessionDate = uc::model::parseDate(m_data.date).value_or(uc::model::Date());
    note.templateId = m_data.templateId;
    note.sections = uc::model::sectionsFromText(m_edited, m_data.templateId);
    const quint64 generation = m_riskGeneration;
    m_vault->post(
        this, tr("Checking the note for risk…"), [note](Worker &w) { return uc::gui::draftRiskOf(w.open(), note); },
        [this, generation](uc::gui::DraftRisk risk) {
            if (generation != m_riskGeneration)
                return; // another note, or this one read again since
            m_riskChecking = false;
            if (m_riskStale)
                return checkRisk();
            setRisk(std::move(risk));
        },
        [this, generation](const uc::Error &) {
            if (generation == m_riskGeneration)
                m_riskChecking = false;
        });
}

void NoteEditor::setRisk(uc::gui::DraftRisk risk)
{
    const auto key = [](const QList<uc::gui::RiskRow> &rows) {
        QStringList parts;
        for (const auto &r : rows)
            parts << r.id << r.evidence << r.rule;
        return parts;
    };
    if (key(risk.flags) == key(m_data.risks) && risk.assessed == m_data.riskAssessed)
        return;
    m_data.risks = std::move(risk.flags);
    m_data.riskAssessed = risk.assessed;
    Q_EMIT risksChanged();
}

void NoteEditor::flush()
{
    m_debounce.stop();
    m_maxWait.stop();
    if (!m_unsaved || readOnly())
        return;
    m_unsaved = false;
    ++m_inFlight;
    setSaveState(u"saving"_s);
    Q_EMIT saveRequested(m_data.id, m_data.templateId, m_edited);
}

int NoteEditor::firstBodyPosition() const
{
    if (!m_edited.startsWith(u"## "))
        return 0;
    const qsizetype headingEnd = m_edited.indexOf(u'\n');
    if (headingEnd < 0)
        return static_cast<int>(m_edited.size());
    const qsizetype bodyStart = headingEnd + 1;
    qsizetype bodyEnd = m_edited.indexOf(u"\n## "_s, headingEnd);
    if (bodyEnd < 0)
        bodyEnd = m_edited.size();
    while (bodyEnd > bodyStart && m_edited.at(bodyEnd - 1) == u'\n')
        --bodyEnd;
    return static_cast<int>(std::max(bodyStart, bodyEnd));
}

void NoteEditor::set(uc::gui::NoteData data)
{
    m_debounce.stop();
    m_maxWait.stop();
    m_unsaved = false;
    m_inFlight = 0;
    m_data = std::move(data);
    m_edited = m_data.text;
    m_tags->setTags(m_data.tags, m_edited);
    setSaveState(u"saved"_s);
    refreshFields(true);
    m_riskChecking = false;
    m_riskStale = false;
    ++m_riskGeneration;
    Q_EMIT loaded();
    Q_EMIT risksChanged();
}

void NoteEditor::saved(const QString &storedText, const QList<TagRow> &tags)
{
    m_inFlight = std::max(0, m_inFlight - 1);
    m_data.text = storedText;
    m_data.tags = tags;
    m_tags->setTags(tags, storedText, m_edited);
    if (m_inFlight == 0 && !m_unsaved)
        setSaveState(u"saved"_s);
}

void NoteEditor::saveFailed()
{
    m_inFlight = std::max(0, m_inFlight - 1);
    m_unsaved = true; // kept on screen; the next keystroke or flush tries again
    setSaveState(u"unsaved"_s);
}

void NoteEditor::setTags(const QList<TagRow> &tags)
{
    m_data.tags = tags;
    m_tags->setTags(tags, m_data.text, m_edited);
}

void NoteEditor::clear()
{
    m_debounce.stop();
    m_maxWait.stop();
    m_unsaved = false;
    m_inFlight = 0;
    m_data = {};
    m_edited.clear();
    m_tags->clear();
    setSaveState(u"saved"_s);
    refreshFields(true);
    m_riskChecking = false;
    m_riskStale = false;
    ++m_riskGeneration;
    Q_EMIT loaded();
    Q_EMIT risksChanged();
}

void NoteEditor::setSaveState(const QString &state)
{
    if (m_saveState == state)
        return;
    m_saveState = state;
    Q_EMIT saveStateChanged();
}

// ---- on the vault thread

QVariantList NoteEditor::templates()
{
    return uc::gui::templateChoices();
}

void NoteEditor::open(qint64 noteId)
{
    if (!m_vault || !m_vault->isOpen())
        return;
    flush();
    m_vault->post(
        this, tr("Opening the note…"), [noteId](Worker &w) { return uc::gui::loadNote(w.open(), noteId); },
        [this](NoteData data) {
            const qint64 id = data.id;
            set(std::move(data));
            Q_EMIT noteOpened(id);
        });
}

void NoteEditor::close()
{
    flush();
    clear();
}

void NoteEditor::save(qint64 noteId, const QString &templateId, const QString &text)
{
    m_vault->post(
        this, tr("Saving…"),
        [noteId, templateId, text](Worker &w) {
            uc::vault::Vault &v = w.open();
            const QList<uc::model::Section> sections = uc::model::sectionsFromText(text, templateId);
            v.notes().saveDraft(noteId, sections); // tags the note again, on this thread
            const QString stored = uc::model::textOf(sections);
            return std::make_pair(stored, uc::gui::loadTags(v, noteId, stored));
        },
        [this, noteId](std::pair<QString, QList<TagRow>> result) {
            if (m_data.id == noteId)
                saved(result.first, result.second);
            Q_EMIT noteSaved(noteId);
        },
        [this, noteId](const uc::Error &e) {
            if (m_data.id == noteId)
                saveFailed();
            m_vault->report(Failure(u"save"_s, e));
        });
}

void NoteEditor::start(const uc::gui::NewSession &made, const QString &action, const QString &label)
{
    m_vault->post(
        this, label,
        [made](Worker &w) {
            uc::vault::Vault &v = w.open();
            const auto added = v.notes().addSession(made.session, made.templateId, made.kind, made.sections);
            return uc::gui::loadNote(v, added.notes.first());
        },
        [this](NoteData data) {
            const qint64 id = data.id;
            set(std::move(data));
            Q_EMIT noteOpened(id);
        },
        [this, action](const uc::Error &e) { Q_EMIT failed(Failure(action, e)); });
}

void NoteEditor::create(const QString &clientCode, const QString &date, const QString &time, int minutes,
                        const QString &setting, const QString &attendance, const QString &templateId)
{
    if (!m_vault || !m_vault->isOpen())
        return;
    QString problem;
    const auto made = uc::gui::individualSession(clientCode, date, time, minutes, setting, attendance, templateId, &problem);
    if (!made)
        return Q_EMIT failed(Failure(Failure::BadInput, u"create"_s, problem));
    start(*made, u"create"_s, tr("Creating the note…"));
}

void NoteEditor::createGroup(const QString &date, const QString &time, int minutes, const QString &setting,
                             const QString &topic, const QVariantList &attendees)
{
    if (!m_vault || !m_vault->isOpen())
        return;
    QString problem;
    const auto made = uc::gui::groupSession(date, time, minutes, setting, topic, attendees, &problem);
    if (!made)
        return Q_EMIT failed(Failure(Failure::BadInput, u"create-group"_s, problem));
    start(*made, u"create-group"_s, tr("Creating the members' notes…"));
}

template<typename Work>
void NoteEditor::reload(const QString &action, const QString &label, Work work, void (NoteEditor::*answered)(qint64),
                        bool inForm)
{
    const qint64 noteId = m_data.id;
    m_vault->post(
        this, label, actThenRead(noteId, std::move(work), &uc::gui::loadNote),
        [this, noteId, answered](NoteData data) {
            if (m_data.id == noteId)
                set(std::move(data));
            Q_EMIT(this->*answered)(noteId);
        },
        [this, action, inForm](const uc::Error &e) {
            if (inForm)
                Q_EMIT failed(Failure(action, e));
            else
                m_vault->report(Failure(action, e));
        });
}

void NoteEditor::updateSession(const QString &date, const QString &time, int minutes, const QString &modality,
                               const QString &setting, const QString &attendance)
{
    if (!m_vault || m_data.id == 0 || readOnly())
        return;
    QString problem;
    const auto details = uc::gui::sessionDetails(date, time, minutes, modality, setting, attendance, &problem);
    if (!details)
        return Q_EMIT failed(Failure(Failure::BadInput, u"update-session"_s, problem));
    flush(); // typing first, in order
    reload(
        u"update-session"_s, tr("Saving the session…"),
        [sessionId = m_data.sessionId, code = m_data.clientCode, details = *details](uc::vault::Vault &v, qint64) {
            uc::model::Session s = v.notes().session(sessionId);
            details.applyTo(s, code);
            v.notes().updateSession(s);
        },
        &NoteEditor::sessionUpdated, true);
}

void NoteEditor::sign()
{
    if (!m_vault || m_data.id == 0 || readOnly())
        return;
    flush();
    reload(
        u"sign"_s, tr("Signing…"), [](uc::vault::Vault &v, qint64 noteId) { v.notes().sign(noteId); }, &NoteEditor::noteSigned,
        false);
}

void NoteEditor::signWithAssessment(const QString &level, const QString &action)
{
    if (level.isEmpty())
        return sign();
    if (!m_vault || m_data.id == 0 || readOnly())
        return;
    uc::model::RiskAssessment assessment;
    if (level != u"to-follow") {
        const auto parsed = uc::model::parseRiskLevel(level);
        if (!parsed || action.trimmed().isEmpty())
            return m_vault->report(Failure(Failure::BadInput, u"sign"_s,
                                           tr("Choose the assessed level and write the action taken.")));
        assessment = {*parsed, action.trimmed()};
    }
    flush();
    reload(
        u"sign"_s, tr("Signing…"),
        [assessment](uc::vault::Vault &v, qint64 noteId) { v.notes().sign(noteId, assessment); }, &NoteEditor::noteSigned,
        false);
}

void NoteEditor::discard()
{
    if (!m_vault || m_data.id == 0 || readOnly())
        return;
    // What is typed but unsaved is dropped, not saved first: it is being thrown away.
    m_debounce.stop();
    m_maxWait.stop();
    m_unsaved = false;
    const qint64 noteId = m_data.id;
    m_vault->post(
        this, tr("Discarding the draft…"),
        [noteId](Worker &w) {
            w.open().notes().deleteDraft(noteId);
            return true;
        },
        [this, noteId](bool) {
            if (m_data.id == noteId)
                clear();
            Q_EMIT noteDiscarded(noteId);
        },
        [this](const uc::Error &e) { m_vault->report(Failure(u"discard"_s, e)); });
}

void NoteEditor::addAddendum(const QString &text)
{
    if (!m_vault || m_data.id == 0 || !mayAddAddendum() || text.trimmed().isEmpty())
        return;
    reload(
        u"addendum"_s, tr("Adding the addendum…"),
        [text = text.trimmed()](uc::vault::Vault &v, qint64 noteId) { v.notes().addAddendum(noteId, text); },
        &NoteEditor::addendumAdded, false);
}

void NoteEditor::decideTag(qint64 tagId, const QString &decision)
{
    const auto value = uc::model::parseTagDecision(decision);
    if (!value || (*value != uc::model::TagDecision::Confirmed && *value != uc::model::TagDecision::Rejected))
        return;
    const qint64 noteId = m_data.id;
    if (!m_vault || noteId == 0)
        return;
    // The decision is on the stored words: unsaved typing is saved first, in order, and the text
    // the tags will point into is what that save stores.
    const QString stored = textAsSaved();
    flush();
    m_vault->post(
        this, tr("Saving the decision…"),
        [noteId, tagId, decision = *value, stored](Worker &w) {
            uc::vault::Vault &v = w.open();
            v.tagging().decide(tagId, decision);
            return uc::gui::loadTags(v, noteId, stored);
        },
        [this, noteId](QList<TagRow> tags) {
            if (m_data.id == noteId)
                setTags(tags);
        });
}

void NoteEditor::tagSelection(int start, int end, const QString &theme)
{
    const qint64 noteId = m_data.id;
    if (!m_vault || noteId == 0 || !mayTag())
        return;
    const auto span = savedSpanOf(start, end);
    if (!span)
        return m_vault->report(Failure(Failure::BadInput, u"tag"_s, tr("Select the words to tag first.")));
    // The tag is on the stored words: unsaved typing is saved first (the vault thread runs in
    // order), and the offsets are into the text that save stores.
    const QString stored = textAsSaved();
    flush();
    m_vault->post(
        this, tr("Tagging the words…"),
        [noteId, theme, span = *span, stored](Worker &w) {
            uc::vault::Vault &v = w.open();
            const qint64 tagId = v.tagging().tagSpan(noteId, theme, span.first, span.second);
            return std::make_pair(tagId, uc::gui::loadTags(v, noteId, stored));
        },
        [this, noteId](std::pair<qint64, QList<TagRow>> result) {
            if (m_data.id == noteId)
                setTags(result.second);
            Q_EMIT wordsTagged(noteId, result.first);
        });
}
