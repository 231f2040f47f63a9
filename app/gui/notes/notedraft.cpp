// SPDX-License-Identifier: GPL-3.0-or-later
#include "notedraft.h"

#include "noteeditor.h"
#include "vaultthread.h"

#include "vault/vault.h"

#include <algorithm>

using namespace Qt::StringLiterals;
using uc::gui::TagRow;

NoteDraft::NoteDraft(NoteEditor *editor, VaultThread *vault)
    : QObject(editor)
    , m_editor(editor)
    , m_vault(vault)
{
    if (m_vault)
        connect(this, &NoteDraft::saveRequested, this, &NoteDraft::save);
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(debounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &NoteDraft::flush);
    m_maxWait.setSingleShot(true);
    m_maxWait.setInterval(maxWaitMs);
    connect(&m_maxWait, &QTimer::timeout, this, &NoteDraft::flush);
}

QString NoteDraft::textAsSaved() const
{
    if (!m_unsaved && m_inFlight == 0)
        return m_stored;
    return uc::model::textOf(uc::model::sectionsFromText(m_edited, m_editor->templateId()));
}

std::optional<std::pair<int, int>> NoteDraft::savedSpanOf(int start, int end) const
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

int NoteDraft::firstBodyPosition() const
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

void NoteDraft::edit(const QString &text)
{
    if (m_editor->readOnly() || text == m_edited)
        return;
    m_edited = text;
    if (!m_unsaved)
        m_maxWait.start(); // the clock for the oldest unsaved keystroke
    m_unsaved = true;
    setSaveState(u"unsaved"_s);
    m_debounce.start();
    Q_EMIT edited(text);
}

void NoteDraft::flush()
{
    m_debounce.stop();
    m_maxWait.stop();
    if (!m_unsaved || m_editor->readOnly())
        return;
    m_unsaved = false;
    ++m_inFlight;
    setSaveState(u"saving"_s);
    Q_EMIT saveRequested(m_editor->noteId(), m_editor->templateId(), m_edited);
}

void NoteDraft::show(const QString &text)
{
    drop();
    m_inFlight = 0;
    m_stored = text;
    m_edited = text;
    setSaveState(u"saved"_s);
    Q_EMIT loaded();
}

void NoteDraft::drop()
{
    m_debounce.stop();
    m_maxWait.stop();
    m_unsaved = false;
}

void NoteDraft::saved(const QString &storedText, const QList<TagRow> &tags)
{
    m_inFlight = std::max(0, m_inFlight - 1);
    m_stored = storedText;
    Q_EMIT tagsStored(tags);
    if (m_inFlight == 0 && !m_unsaved)
        setSaveState(u"saved"_s);
}

void NoteDraft::saveFailed()
{
    m_inFlight = std::max(0, m_inFlight - 1);
    m_unsaved = true; // kept on screen; the next keystroke or flush tries again
    setSaveState(u"unsaved"_s);
}

void NoteDraft::setSaveState(const QString &state)
{
    if (m_saveState == state)
        return;
    m_saveState = state;
    Q_EMIT saveStateChanged();
}

void NoteDraft::save(qint64 noteId, const QString &templateId, const QString &text)
{
    m_vault->post(
        this, tr("Saving…"),
        [noteId, templateId, text](VaultThread::Worker &w) {
            uc::vault::Vault &v = w.open();
            const QList<uc::model::Section> sections = uc::model::sectionsFromText(text, templateId);
            v.notes().saveDraft(noteId, sections); // tags the note again, on this thread
            const QString stored = uc::model::textOf(sections);
            return std::make_pair(stored, uc::gui::loadTags(v, noteId, stored));
        },
        [this, noteId](std::pair<QString, QList<TagRow>> result) {
            if (m_editor->noteId() == noteId)
                saved(result.first, result.second);
            Q_EMIT noteSaved(noteId);
        },
        [this, noteId](const uc::Error &e) {
            if (m_editor->noteId() == noteId)
                saveFailed();
            m_vault->report(Failure(u"save"_s, e));
        });
}
