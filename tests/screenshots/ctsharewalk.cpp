// SPDX-License-Identifier: GPL-3.0-or-later
// Countertransference shared with one's own supervisor (docs/countertransference.md, "Sharing with
// your supervisor"): the demo therapist asks to share one entry of the aftercare client's process
// notes with the supervisor the walk assigned, shares it, and sees it marked; then the supervisor
// reads it on the same client's overview.
#include "screenwalk.h"
#include "workspace.h"

#include "clientoverview.h"
#include "countertransferenceview.h"
#include "sharedctview.h"
#include "vaultsession.h"

#include "demo/practice.h"

#include <QQuickWindow>
#include <QVariantMap>

using namespace Qt::StringLiterals;

namespace screenshots {

namespace {
const auto aftercareClient = u"C-0106"_s;
}

bool ScreenWalk::ctShare(const QString &demoPassphrase)
{
    if (!unlockAs(QString::fromLatin1(uc::demo::defaultUser), demoPassphrase))
        return fail("the demo therapist could not unlock to share");
    ClientOverview *overview = m_session.workspace()->overview();
    if (!openClient(aftercareClient))
        return fail("the aftercare client's overview did not load to share");
    CountertransferenceView *own = overview->countertransference();
    own->show(aftercareClient);
    if (!waitIdle([&] { return own->shown() && !own->supervisors().isEmpty(); }))
        return fail("the countertransference card did not offer a supervisor");
    QVariantMap chosen;
    for (const QVariant &e : own->entries()) {
        if (e.toMap().value(u"shareable"_s).toBool()) {
            chosen = e.toMap();
            break;
        }
    }
    if (chosen.isEmpty())
        return fail("no signed countertransference entry to share");
    QObject *dialog = m_window->findChild<QObject *>(u"ctShareDialog"_s);
    if (dialog == nullptr
        || !QMetaObject::invokeMethod(dialog, "openFor", Q_ARG(QString, aftercareClient),
                                      Q_ARG(QVariant, chosen.value(u"note"_s)), Q_ARG(int, chosen.value(u"number"_s).toInt()),
                                      Q_ARG(QString, chosen.value(u"text"_s).toString()),
                                      Q_ARG(QVariant, chosen.value(u"shareWith"_s))))
        return fail("the share dialog did not open");
    const QSize size = m_window->size();
    settle(300);
    if (!grab(u"ct-share-dialog"_s))
        return false;
    m_window->resize(1024, 700);
    settle(300);
    if (!grab(u"ct-share-dialog-1024x700"_s))
        return false;
    m_window->resize(size);
    int shared = 0;
    const auto connection = QObject::connect(own, &CountertransferenceView::shared, [&] { ++shared; });
    own->share(aftercareClient, chosen.value(u"note"_s).toLongLong(), chosen.value(u"number"_s).toInt(),
               chosen.value(u"shareWith"_s).toStringList().constFirst());
    const bool done = waitIdle([&] { return shared > 0 && !dialog->property("opened").toBool(); });
    QObject::disconnect(connection);
    if (!done)
        return fail("the entry was not shared");
    (void)waitIdle([&] { return own->shown(); });
    m_window->resize(size.width(), 2200); // the card sits under the measures and the plan
    settle(300);
    const bool ok = grab(u"client-overview-ct-shared"_s);
    m_window->resize(size);
    own->hide();
    lock();
    return ok;
}

bool ScreenWalk::sharedCountertransference()
{
    ClientOverview *overview = m_session.workspace()->overview();
    // The supervisor lands on the review queue: to the clients, then the client.
    if (!QMetaObject::invokeMethod(m_window, "showArea", Q_ARG(QString, u"clients"_s))
        || !openClient(aftercareClient))
        return fail("the supervisor could not open the aftercare client's overview");
    SharedCountertransferenceView *shared = overview->sharedCountertransference();
    shared->show(aftercareClient);
    if (!waitIdle([&] { return shared->shown() && !shared->entries().isEmpty(); }))
        return fail("the supervisor's shared countertransference card did not fill");
    const QSize size = m_window->size();
    m_window->resize(size.width(), 2200);
    settle(300);
    const bool ok = grab(u"client-overview-shared-ct"_s);
    m_window->resize(size);
    shared->hide();
    return ok;
}

} // namespace screenshots
