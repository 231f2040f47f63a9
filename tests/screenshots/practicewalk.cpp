// SPDX-License-Identifier: GPL-3.0-or-later
// The practice pictures of the walk (ScreenWalk::practice): the demo therapist makes a practice on a
// throwaway PostgreSQL cluster (tests/practice/practicecluster.h), syncs from Settings › Practice,
// then the cluster is rolled back to a copy from before the sync and the next sync is refused.
#include "demomode.h"
#include "practicemembership.h"
#include "practicesync.h"
#include "screenwalk.h"
#include "vaultsession.h"
#include "workspace.h"

#include "common/error.h"
#include "demo/practice.h"

#ifdef UC_PRACTICE
#include "practicecluster.h"

#include "practice/practice.h"
#include "vault/vault.h"
#endif

#include <QQuickItem>
#include <QQuickWindow>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace screenshots {

#ifdef UC_PRACTICE
namespace {

QQuickItem *visualItem(QQuickItem *item, const QString &name)
{
    if (item == nullptr)
        return nullptr;
    const auto children = item->childItems();
    for (QQuickItem *child : children) {
        if (child->objectName() == name)
            return child;
        if (QQuickItem *found = visualItem(child, name))
            return found;
    }
    return nullptr;
}

// Scrolls the settings' left column so the practice card is at its top.
void scrollToPracticeCard(QQuickWindow *window)
{
    QQuickItem *card = visualItem(window->contentItem(), u"practiceCard"_s);
    for (QQuickItem *up = card; up != nullptr; up = up->parentItem()) {
        if (up->inherits("QQuickFlickable")) {
            const qreal top = card->mapToItem(up->property("contentItem").value<QQuickItem *>(), QPointF()).y();
            up->setProperty("contentY", std::max<qreal>(0, top - 8));
            return;
        }
    }
}

} // namespace
#endif

bool ScreenWalk::practice()
{
#ifndef UC_PRACTICE
    std::fprintf(stderr, "undercurrent-screenshots: no practice pictures: built without the practice client\n");
    return true;
#else
    if (const QString why = practicetest::whyNoPostgres(); !why.isEmpty()) {
        std::fprintf(stderr, "undercurrent-screenshots: no practice pictures: %s\n", qPrintable(why));
        return true;
    }
    practicetest::Cluster server;
    if (!server.start()) {
        std::fprintf(stderr, "undercurrent-screenshots: the practice server did not start: %s\n",
                     server.output().constData());
        return false;
    }
    const QString user = QString::fromLatin1(uc::demo::defaultUser);
    const QString pass = m_session.demo()->passphrase();
    try {
        const QByteArray utf8 = pass.toUtf8();
        auto vault = uc::vault::Vault::open(m_session.vaultDir(), user,
                                            uc::SecretBuffer::copyOf(std::string_view(utf8.constData(), utf8.size())));
        (void)uc::practice::initPractice(*vault, server.url(), server.caFile(), server.caKeyFile());
    } catch (const uc::Error &e) {
        std::fprintf(stderr, "undercurrent-screenshots: practice set-up: %s\n", qPrintable(e.message()));
        return false;
    }
    const practicetest::Script earlier = practicetest::practiceServer({ u"dump"_s, server.dir() });
    if (earlier.code != 0)
        return fail("the practice server could not be dumped");

    if (!unlockAs(user, pass))
        return fail("the demo therapist could not unlock");
    PracticeSync *sync = m_session.workspace()->sync();
    QMetaObject::invokeMethod(m_window, "openSettings");
    if (!waitIdle([&] { return m_session.workspace()->practice()->joined() && sync->state() == PracticeSync::Idle; }))
        return fail("the practice membership did not show");
    if (!sync->syncNow() || !waitIdle([&] { return sync->state() == PracticeSync::Idle; }, 120000))
        return fail("the demo therapist's sync did not end");
    if (!waitIdle([&] { return m_session.workspace()->practice()->itemsHead() > 0; }))
        return fail("the pinned heads did not move");
    const QSize size = m_window->size();
    const auto grabBoth = [&](const QString &name) {
        scrollToPracticeCard(m_window);
        bool ok = grab(name);
        m_window->resize(1024, 700);
        settle(300);
        scrollToPracticeCard(m_window);
        ok = grab(name + u"-1024x700"_s) && ok;
        m_window->resize(size);
        settle(300);
        return ok;
    };
    if (!grabBoth(u"settings-practice"_s))
        return false;
    // The supervisor's review queue with notes from another machine, then back to Settings › Practice.
    if (!practiceQueue(server, user, pass))
        return false;
    QMetaObject::invokeMethod(m_window, "openSettings");
    if (!waitIdle([&] { return m_session.workspace()->practice()->joined() && sync->state() == PracticeSync::Idle; }))
        return fail("the practice membership did not show again");

    // The operator puts back the copy from before the sync: the next one is refused.
    if (server.operatorSql("DROP SCHEMA uc CASCADE;\n" + earlier.out).code != 0)
        return fail("the practice server could not be rolled back");
    if (!sync->syncNow() || !waitIdle([&] { return sync->state() == PracticeSync::Refused; }, 120000))
        return fail("the rolled-back server was not refused");
    const bool ok = grabBoth(u"sync-refused"_s);
    sync->acknowledgeRefusal();
    m_window->setProperty("inSettings", false);
    lock();
    return ok;
#endif
}

} // namespace screenshots
