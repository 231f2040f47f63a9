// SPDX-License-Identifier: GPL-3.0-or-later
// VaultSession's calls for the patterns, review-with-client, search and settings screens. Every
// one is posted to the vault thread like the rest (vaultsession.cpp); answers come back as values.
#include "vaultsession.h"

#include "credentials.h"

#include "common/secret.h"
#include "themes/codebook.h"
#include "vault/vault.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>

#include <string_view>

using namespace Qt::StringLiterals;
using uc::Error;
using uc::ErrorKind;
using uc::SecretBuffer;
using uc::vault::Vault;

namespace {

// Throws Error(Auth) unless passphrase opens user's key slot in dir. The data key it unwraps is
// wiped at once; the open vault is not touched.
void checkPassphrase(const QString &dir, const QString &user, const SecretBuffer &passphrase)
{
    SecretBuffer key = uc::vault::KeySlots::load(dir).unwrapUser(user, passphrase);
    key.wipe();
}

} // namespace

void VaultSession::clearScreens()
{
    m_patterns->clear();
    m_searchResults->clear();
    m_codebook->clear();
    m_reviewCode.clear();
    setReviewMode(false);
}

void VaultSession::setReviewMode(bool on)
{
    if (m_reviewMode == on)
        return;
    m_reviewMode = on;
    Q_EMIT reviewModeChanged();
}

// ---- patterns and the shareable summary

void VaultSession::loadPatterns(const QString &code, const QString &by, const QString &from, const QString &to)
{
    if (!m_unlocked || (m_reviewMode && code != m_reviewCode))
        return;
    m_patterns->setLoading(true);
    post(
        tr("Finding patterns…"), [code, by, from, to](Worker &w) { return uc::gui::loadPatterns(w.open(), code, by, from, to); },
        [this](uc::gui::PatternsData data) {
            const QString code = data.code;
            m_patterns->set(std::move(data));
            Q_EMIT patternsLoaded(code);
        },
        [this](const Error &e) {
            m_patterns->setLoading(false);
            showError(uc::gui::sentenceOf(e));
        });
}

void VaultSession::loadSummary(const QString &code)
{
    if (!m_unlocked)
        return;
    post(
        tr("Opening the summary…"),
        [code](Worker &w) {
            const auto summary = w.open().clients().shareableSummary(code);
            return summary ? std::make_pair(summary->text, summary->updated) : std::make_pair(QString(), QString());
        },
        [this, code](std::pair<QString, QString> summary) { Q_EMIT summaryLoaded(code, summary.first, summary.second); },
        [this](const Error &e) { Q_EMIT summaryFailed(uc::gui::sentenceOf(e)); });
}

void VaultSession::saveSummary(const QString &code, const QString &text)
{
    if (!m_unlocked)
        return;
    const QString trimmed = text.trimmed();
    post(
        tr("Saving the summary…"),
        [code, trimmed](Worker &w) {
            Vault &v = w.open();
            v.clients().setShareableSummary(code, trimmed);
            const auto summary = v.clients().shareableSummary(code);
            return summary ? summary->updated : QString();
        },
        [this, code, trimmed](QString updated) {
            if (m_patterns->code() == code)
                m_patterns->setSummary(trimmed, updated);
            Q_EMIT summarySaved(code);
        },
        [this](const Error &e) { Q_EMIT summaryFailed(uc::gui::sentenceOf(e)); });
}

// ---- review with client

void VaultSession::startReview(const QString &code)
{
    if (!m_unlocked || m_reviewMode || code.isEmpty())
        return;
    m_reviewCode = code;
    setReviewMode(true);
    loadPatterns(code, u"month"_s, QString(), QString());
}

void VaultSession::leaveReview(const QString &passphrase)
{
    if (!m_reviewMode)
        return;
    if (passphrase.isEmpty()) {
        Q_EMIT reviewLeaveFailed(tr("Enter your passphrase to leave review mode."));
        return;
    }
    // The same growing delay as at unlock: the screen may be in front of someone else.
    if (retryDelay() > 0) {
        Q_EMIT reviewLeaveFailed(tr("Too many wrong passphrases: wait %n seconds before trying again.", nullptr, retryDelay()));
        return;
    }
    const auto secret = uc::gui::secretOf(passphrase);
    const QString dir = m_vaultDir;
    const QString user = m_userName;
    post(
        tr("Checking the passphrase…"),
        [dir, user, secret](Worker &w) {
            w.open(); // still unlocked: a lock in between ends review mode anyway
            checkPassphrase(dir, user, *secret);
            secret->wipe();
            return true;
        },
        [this](bool) {
            if (m_failedUnlocks != 0) {
                m_failedUnlocks = 0;
                Q_EMIT failedUnlocksChanged();
            }
            m_reviewCode.clear();
            setReviewMode(false);
        },
        [this, secret](const Error &e) {
            secret->wipe();
            if (e.kind() == ErrorKind::Auth)
                countWrongPassphrase();
            Q_EMIT reviewLeaveFailed(e.kind() == ErrorKind::Auth ? tr("That passphrase is not right.") : uc::gui::sentenceOf(e));
        });
}

// ---- search

void VaultSession::searchNotes(const QString &query)
{
    if (!m_unlocked || m_reviewMode)
        return;
    const QString text = query.simplified();
    if (text.isEmpty()) {
        m_searchResults->clear();
        Q_EMIT searchFinished(text);
        return;
    }
    m_searchResults->setLoading(true);
    post(
        tr("Searching…"),
        [text](Worker &w) {
            Vault &v = w.open();
            QHash<QString, QString> names;
            for (const uc::model::Client &c : v.clients().list())
                names.insert(c.code, c.displayName);
            QList<uc::gui::SearchRow> rows;
            for (const uc::model::SearchHit &hit : v.search().notes(text, 50))
                rows.append({hit.noteId, hit.clientCode, names.value(hit.clientCode), uc::model::toIso(hit.sessionDate),
                             uc::model::toString(hit.kind), hit.snippet});
            return rows;
        },
        [this, text](QList<uc::gui::SearchRow> rows) {
            m_searchResults->setRows(text, std::move(rows));
            Q_EMIT searchFinished(text);
        },
        [this](const Error &e) {
            m_searchResults->setLoading(false);
            showError(uc::gui::sentenceOf(e));
        });
}

// ---- settings: codebook

void VaultSession::loadCodebook()
{
    if (!m_unlocked)
        return;
    post(tr("Opening the codebook…"), [](Worker &w) { return uc::gui::loadCodebook(w.open()); },
         [this](QList<uc::gui::CodebookRow> rows) { m_codebook->setRows(std::move(rows)); });
}

void VaultSession::changeCodebook(const QString &label, std::function<QByteArray(const QByteArray &)> edit)
{
    if (!m_unlocked)
        return;
    post(
        label,
        [edit = std::move(edit)](Worker &w) {
            Vault &v = w.open();
            v.tagging().setCodebookEdits(edit(v.tagging().codebookEdits())); // refused whole, with the reason, when malformed
            return uc::gui::loadCodebook(v);
        },
        [this](QList<uc::gui::CodebookRow> rows) {
            m_codebook->setRows(std::move(rows));
            Q_EMIT codebookSaved();
        },
        [this](const Error &e) { Q_EMIT codebookRefused(uc::gui::codebookRefusal(e.message())); });
}

void VaultSession::setThemeEnabled(const QString &theme, bool enabled)
{
    changeCodebook(enabled ? tr("Turning the theme on…") : tr("Turning the theme off…"),
                   [theme, enabled](const QByteArray &edits) { return uc::gui::editsWithThemeEnabled(edits, theme, enabled); });
}

void VaultSession::addTheme(const QString &theme, const QString &label, const QString &phrases)
{
    const QString id = theme.trimmed();
    const QStringList list = uc::gui::phrasesFrom(phrases);
    // The core would let a new entry replace a built-in theme of the same id: refuse that here.
    const bool exists = uc::themes::Codebook::builtin().find(id) != nullptr;
    if (exists) {
        Q_EMIT codebookRefused(tr("There is a theme called “%1” already: add phrases to it instead.").arg(id));
        return;
    }
    changeCodebook(tr("Adding the theme…"), [id, label, list](const QByteArray &edits) {
        return uc::gui::editsWithNewTheme(edits, id, label, list);
    });
}

void VaultSession::addPhrases(const QString &theme, const QString &phrases)
{
    const QStringList list = uc::gui::phrasesFrom(phrases);
    if (list.isEmpty()) {
        Q_EMIT codebookRefused(tr("Type at least one phrase."));
        return;
    }
    changeCodebook(tr("Adding the phrases…"), [theme, list](const QByteArray &edits) {
        return uc::gui::editsWithPhrases(edits, theme, list);
    });
}

// ---- settings: passphrase, backup, restore

void VaultSession::changePassphrase(const QString &current, const QString &passphrase, const QString &confirmation)
{
    if (!m_unlocked)
        return;
    if (current.isEmpty()) {
        Q_EMIT passphraseChangeFailed(tr("Enter your current passphrase."));
        return;
    }
    if (passphrase != confirmation) {
        Q_EMIT passphraseChangeFailed(tr("The two new passphrases are not the same."));
        return;
    }
    if (!Credentials::acceptable(passphrase)) {
        Q_EMIT passphraseChangeFailed(Credentials::hint(passphrase));
        return;
    }
    const auto old = uc::gui::secretOf(current);
    const auto secret = uc::gui::secretOf(passphrase);
    const QString dir = m_vaultDir;
    const QString user = m_userName;
    const uc::vault::KdfCost cost = m_cost;
    post(
        tr("Changing the passphrase…"),
        [dir, user, old, secret, cost](Worker &w) {
            Vault &v = w.open();
            checkPassphrase(dir, user, *old);
            old->wipe();
            v.changePassphrase(*secret, cost);
            secret->wipe();
            return true;
        },
        [this](bool) { Q_EMIT passphraseChanged(); },
        [this, old, secret](const Error &e) {
            old->wipe();
            secret->wipe();
            Q_EMIT passphraseChangeFailed(e.kind() == ErrorKind::Auth ? tr("The current passphrase is not right.")
                                                                      : uc::gui::sentenceOf(e));
        });
}

void VaultSession::backupTo(const QString &file)
{
    if (!m_unlocked)
        return;
    const QString path = QDir::cleanPath(file.trimmed());
    if (file.trimmed().isEmpty()) {
        Q_EMIT backupFailed(tr("Choose a file to write the backup to."));
        return;
    }
    if (QFileInfo::exists(path)) {
        Q_EMIT backupFailed(tr("That file exists already: choose a new name."));
        return;
    }
    post(
        tr("Writing the backup…"),
        [path](Worker &w) {
            w.open().backup().write(path);
            return path;
        },
        [this](QString written) { Q_EMIT backupWritten(written); },
        [this](const Error &e) { Q_EMIT backupFailed(uc::gui::sentenceOf(e)); });
}

void VaultSession::restoreBackup(const QString &file, const QString &dir, const QString &user, const QString &passphrase)
{
    const QString from = QDir::cleanPath(file.trimmed());
    const QString into = QDir::cleanPath(dir.trimmed());
    const QString name = user.trimmed();
    if (file.trimmed().isEmpty() || dir.trimmed().isEmpty() || name.isEmpty() || passphrase.isEmpty()) {
        Q_EMIT restoreFailed(tr("Choose the backup file, an empty folder, and the user and passphrase it opens with."));
        return;
    }
    if (!QFileInfo::exists(from)) {
        Q_EMIT restoreFailed(tr("There is no backup file there."));
        return;
    }
    if (QFileInfo(into).exists() && !QDir(into).isEmpty()) {
        Q_EMIT restoreFailed(tr("The folder to restore into must be empty."));
        return;
    }
    const auto secret = uc::gui::secretOf(passphrase);
    post(
        tr("Restoring the backup…"),
        [from, into, name, secret](Worker &) {
            Vault::restore(from, into, name, *secret); // proves it opens, else leaves nothing behind
            secret->wipe();
            return into;
        },
        [this](QString restoredDir) { Q_EMIT restored(restoredDir); },
        [this, secret](const Error &e) {
            secret->wipe();
            Q_EMIT restoreFailed(e.kind() == ErrorKind::Auth ? tr("The user name or passphrase does not open that backup.")
                                                             : uc::gui::sentenceOf(e));
        });
}
