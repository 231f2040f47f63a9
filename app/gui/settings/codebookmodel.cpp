// SPDX-License-Identifier: GPL-3.0-or-later
#include "codebookmodel.h"

#include "vaultthread.h"

#include "themes/codebook.h"
#include "vault/vault.h"

using namespace Qt::StringLiterals;
using namespace uc::gui;
using Worker = VaultThread::Worker;

CodebookModel::CodebookModel(VaultThread *vault, QObject *parent)
    : ListModel(parent)
    , m_vault(vault)
{
}

int CodebookModel::rowCount(const QModelIndex &parent) const
{
    return rowsIn(parent, m_rows.size());
}

QVariant CodebookModel::data(const QModelIndex &index, int role) const
{
    const CodebookRow &row = rowAt(m_rows, index);
    switch (role) {
    case ThemeRole:
        return row.theme;
    case Qt::DisplayRole:
    case LabelRole:
        return row.label;
    case GroupRole:
        return row.group;
    case DescriptionRole:
        return row.description;
    case PhraseCountRole:
        return static_cast<int>(row.phrases.size());
    case PhrasesRole: {
        const QStringList first = row.phrases.mid(0, 6);
        return QString(first.join(u", "_s) + (row.phrases.size() > first.size() ? u", …"_s : QString()));
    }
    case EnabledRole:
        return row.enabled;
    case CustomRole:
        return row.custom;
    default:
        return {};
    }
}

QHash<int, QByteArray> CodebookModel::roleNames() const
{
    return {{ThemeRole, "theme"},           {LabelRole, "label"},     {GroupRole, "group"},
            {DescriptionRole, "description"}, {PhraseCountRole, "phraseCount"}, {PhrasesRole, "phrases"},
            {EnabledRole, "enabled"},       {CustomRole, "custom"}};
}

void CodebookModel::load()
{
    if (!m_vault || !m_vault->isOpen())
        return;
    m_vault->post(
        this, tr("Opening the codebook…"), [](Worker &w) { return loadCodebook(w.open()); },
        [this](QList<CodebookRow> rows) { setRows(std::move(rows)); });
}

void CodebookModel::refuse(const QString &reason)
{
    Q_EMIT failed(Failure(Failure::BadInput, u"codebook"_s, reason));
}

void CodebookModel::change(const QString &label, std::function<QByteArray(const QByteArray &)> edit)
{
    if (!m_vault || !m_vault->isOpen())
        return;
    m_vault->post(
        this, label,
        [edit = std::move(edit)](Worker &w) {
            uc::vault::Vault &v = w.open();
            v.tagging().setCodebookEdits(edit(v.tagging().codebookEdits())); // refused whole, with the reason, when malformed
            return loadCodebook(v);
        },
        [this](QList<CodebookRow> rows) {
            setRows(std::move(rows));
            Q_EMIT saved();
        },
        [this](const uc::Error &e) {
            Q_EMIT failed(Failure(Failure::kindOf(e.kind()), u"codebook"_s, codebookRefusal(e.message())));
        });
}

void CodebookModel::setThemeEnabled(const QString &theme, bool enabled)
{
    change(enabled ? tr("Turning the theme on…") : tr("Turning the theme off…"),
           [theme, enabled](const QByteArray &edits) { return editsWithThemeEnabled(edits, theme, enabled); });
}

void CodebookModel::addTheme(const QString &theme, const QString &label, const QString &phrases)
{
    const QString id = theme.trimmed();
    const QStringList list = phrasesFrom(phrases);
    // The core would let a new entry replace a built-in theme of the same id: refuse that here.
    if (uc::themes::Codebook::builtin().find(id) != nullptr)
        return refuse(tr("There is a theme called “%1” already: add phrases to it instead.").arg(id));
    change(tr("Adding the theme…"),
           [id, label, list](const QByteArray &edits) { return editsWithNewTheme(edits, id, label, list); });
}

void CodebookModel::addPhrases(const QString &theme, const QString &phrases)
{
    const QStringList list = phrasesFrom(phrases);
    if (list.isEmpty())
        return refuse(tr("Type at least one phrase."));
    change(tr("Adding the phrases…"),
           [theme, list](const QByteArray &edits) { return editsWithPhrases(edits, theme, list); });
}
