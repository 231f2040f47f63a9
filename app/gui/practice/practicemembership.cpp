// SPDX-License-Identifier: GPL-3.0-or-later
#include "practicemembership.h"

#include "vaultthread.h"

#include "common/error.h"
#include "model/types.h"

#ifdef UC_PRACTICE
#include "practice/membership.h"
#include "practice/practice.h"
#endif

using namespace Qt::StringLiterals;
using Worker = VaultThread::Worker;

PracticeMembership::PracticeMembership(VaultThread *vault, QObject *parent)
    : QObject(parent)
    , m_vault(vault)
{ }

bool PracticeMembership::available()
{
#ifdef UC_PRACTICE
    return true;
#else
    return false;
#endif
}

QString PracticeMembership::groupedHex(const QByteArray &bytes)
{
    const QString hex = QString::fromLatin1(bytes.toHex());
    QStringList groups;
    for (qsizetype i = 0; i < hex.size(); i += 4)
        groups.append(hex.mid(i, 4));
    return groups.join(u' ');
}

#ifdef UC_PRACTICE
namespace {

PracticeMembership::Shown shownOf(const std::optional<uc::practice::Membership> &m)
{
    if (!m)
        return {};
    return { true,        m->practiceId,
             m->memberId, uc::model::toString(m->role),
             m->server,   PracticeMembership::groupedHex(m->caFingerprint),
             m->admin,    m->itemsHead,
             m->auditHead };
}

} // namespace
#endif

void PracticeMembership::refresh()
{
    if ((!m_vault || !m_vault->isOpen()) || !available())
        return;
#ifdef UC_PRACTICE
    m_vault->postInBackground(
        this, [](Worker &w) { return shownOf(uc::practice::loadMembership(w.open())); },
        [this](const Shown &shown) { show(shown); },
        [this](const uc::Error &e) {
            show({});
            Q_EMIT failed(Failure(u"practice"_s, e));
        });
#endif
}

void PracticeMembership::join(const QString &server, const QString &code)
{
    if (m_joining)
        return;
    const auto refuse
        = [this](const QString &message) { Q_EMIT failed(Failure(Failure::BadInput, u"practice-join"_s, message)); };
    if (!available())
        return refuse(tr("This build of Undercurrent has no practice client."));
    if (m_joined)
        return refuse(tr("You are already a member of a practice."));
    const QString url = server.trimmed();
    const QString invitation = code.trimmed();
    if (url.isEmpty())
        return refuse(tr("Enter the practice server's address (postgresql://HOST:PORT/DATABASE)."));
    if (invitation.isEmpty())
        return refuse(tr("Paste the invitation code your practice administrator gave you."));
    if (!m_vault || !m_vault->isOpen())
        return;
    setJoining(true);
#ifdef UC_PRACTICE
    m_vault->post(
        this, tr("Joining the practice…"),
        [url, invitation](Worker &w) {
            uc::vault::Vault &v = w.open();
            return shownOf(uc::practice::join(v, url, invitation));
        },
        [this](const Shown &shown) {
            setJoining(false);
            show(shown);
            Q_EMIT joinedPractice();
        },
        [this](const uc::Error &e) {
            setJoining(false);
            Q_EMIT failed(Failure(u"practice-join"_s, e));
        });
#endif
}

void PracticeMembership::clear()
{
    setJoining(false);
    m_loaded = false;
    show({});
    m_loaded = false;
    Q_EMIT changed();
}

void PracticeMembership::show(const Shown &shown)
{
    m_loaded = true;
    m_joined = shown.joined;
    m_practiceId = shown.practiceId;
    m_memberId = shown.memberId;
    m_role = shown.role;
    m_admin = shown.admin;
    m_server = shown.server;
    m_caFingerprint = shown.caFingerprint;
    m_itemsHead = shown.itemsHead;
    m_auditHead = shown.auditHead;
    Q_EMIT changed();
}

void PracticeMembership::setJoining(bool joining)
{
    if (m_joining == joining)
        return;
    m_joining = joining;
    Q_EMIT joiningChanged();
}
