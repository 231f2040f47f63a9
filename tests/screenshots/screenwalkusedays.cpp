// SPDX-License-Identifier: GPL-3.0-or-later
// The use-day strips on the client overview and the "Record use days…" dialog (docs/use-days.md):
// four weeks of the timeline follow-back recorded for the demo's first client, then pictured.
#include "screenwalk.h"
#include "workspace.h"

#include "clientoverview.h"
#include "usedayentry.h"
#include "vaultsession.h"

#include "model/types.h"

#include <QQuickItem>
#include <QQuickWindow>

using namespace Qt::StringLiterals;

namespace screenshots {

namespace {

// Scrolls the overview so that the item is at the top of its view.
void scrollTo(QQuickItem *item)
{
    for (QQuickItem *p = item->parentItem(); p; p = p->parentItem()) {
        if (p->property("contentY").isValid() && p->property("contentHeight").isValid()) {
            QQuickItem *content = p->property("contentItem").value<QQuickItem *>();
            const qreal y = content ? item->mapToItem(content, QPointF(0, 0)).y() : 0;
            p->setProperty("contentY", std::max<qreal>(0, y - 12));
            return;
        }
    }
}

} // namespace

bool ScreenWalk::useDays()
{
    ClientOverview *overview = m_session.workspace()->overview();
    UseDayEntry *entry = m_session.workspace()->useDayEntry();
    int saved = 0;
    const auto connection = QObject::connect(entry, &UseDayEntry::saved, [&] { ++saved; });
    // The 28 days to yesterday: alcohol mostly abstinent with two days used and three not yet
    // reviewed; cannabis for the last week, one day from a screen.
    const uc::model::Date last = boost::gregorian::day_clock::universal_day() - boost::gregorian::days(1);
    const auto iso = [&last](int back) { return uc::model::toIso(last - boost::gregorian::days(back)); };
    const QList<QVariantMap> ranges {
        { { u"substance"_s, u"alcohol"_s },
          { u"from"_s, iso(27) },
          { u"to"_s, iso(19) },
          { u"used"_s, false },
          { u"source"_s, u"recall"_s } },
        { { u"substance"_s, u"alcohol"_s },
          { u"from"_s, iso(18) },
          { u"used"_s, true },
          { u"amount"_s, u"6"_s },
          { u"source"_s, u"recall"_s } },
        { { u"substance"_s, u"alcohol"_s },
          { u"from"_s, iso(14) },
          { u"to"_s, iso(4) },
          { u"used"_s, false },
          { u"source"_s, u"recall"_s } },
        { { u"substance"_s, u"alcohol"_s },
          { u"from"_s, iso(3) },
          { u"used"_s, true },
          { u"amount"_s, u"3"_s },
          { u"source"_s, u"collateral"_s } },
        { { u"substance"_s, u"alcohol"_s },
          { u"from"_s, iso(2) },
          { u"to"_s, iso(0) },
          { u"used"_s, false },
          { u"source"_s, u"recall"_s } },
        { { u"substance"_s, u"cannabis"_s },
          { u"from"_s, iso(6) },
          { u"to"_s, iso(2) },
          { u"used"_s, false },
          { u"source"_s, u"recall"_s } },
        { { u"substance"_s, u"cannabis"_s }, { u"from"_s, iso(1) }, { u"used"_s, true }, { u"source"_s, u"screen"_s } },
    };
    for (const QVariantMap &fields : ranges) {
        const int before = saved;
        entry->record(u"C-0101"_s, fields);
        if (!waitIdle([&] { return saved > before; }))
            return fail("the use days were not recorded");
    }
    QObject::disconnect(connection);
    overview->open(u"C-0101"_s);
    if (!waitIdle([&] { return overview->useDays().size() == 2; }))
        return fail("the use-day strips did not fill");
    auto *card = m_window->findChild<QQuickItem *>(u"useDaysCard"_s);
    if (card == nullptr)
        return fail("the overview has no use days card");
    const QSize size = m_window->size();
    settle(300);
    scrollTo(card);
    settle(300);
    if (!grab(u"use-days"_s))
        return false;
    m_window->resize(1024, 700);
    settle(300);
    scrollTo(card);
    settle(300);
    if (!grab(u"use-days-1024x700"_s))
        return false;
    QObject *dialog = m_window->findChild<QObject *>(u"useDayDialog"_s);
    if (dialog == nullptr || !QMetaObject::invokeMethod(dialog, "openFor", Q_ARG(QString, u"C-0101"_s)))
        return fail("the use day dialog did not open");
    const std::initializer_list<std::pair<QString, QVariant>> fields {
        { u"useDayFrom"_s, iso(6) }, { u"useDayTo"_s, iso(4) }, { u"useDayUsed"_s, 0 }, { u"useDayAmount"_s, u"2"_s }
    };
    for (const auto &[name, value] : fields)
        if (QObject *field = dialog->findChild<QObject *>(name))
            field->setProperty(name == u"useDayUsed"_s ? "currentIndex" : "text", value);
    settle(300);
    if (!grab(u"use-day-entry-1024x700"_s))
        return false;
    m_window->resize(size);
    settle(300);
    if (!grab(u"use-day-entry"_s))
        return false;
    QMetaObject::invokeMethod(dialog, "close");
    settle(200);
    return true;
}

} // namespace screenshots
