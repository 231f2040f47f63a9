// SPDX-License-Identifier: GPL-3.0-or-later
// TreatmentEventEntry as the overview's "Add event…" and "Delete…" use it: the fields are read by the
// model's checks (its words said back, nothing written on a refusal), an event round-trips through
// the vault and leaves the list when deleted, and a supervisor (who may not add measures) is refused.
#include "supervisiontestutil.h"
#include "workspace.h"

#include "treatmentevententry.h"
#include "vaultsession.h"

#include "model/treatmentevent.h"
#include "vault/vault.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QVariantMap matStart { { u"kind"_s, u"mat"_s },
                             { u"date"_s, u"2025-03-05"_s },
                             { u"medication"_s, u"buprenorphine"_s },
                             { u"change"_s, u"start"_s },
                             { u"dose"_s, u"8"_s },
                             { u"unit"_s, u"mg"_s },
                             { u"note"_s, u"first dose in clinic"_s },
                             // another kind's field, as the dialog sends them all: left out
                             { u"substance"_s, u"opioids"_s },
                             { u"program"_s, u"aa"_s } };

QVariantMap with(QVariantMap fields, const QString &key, const QString &value)
{
    fields.insert(key, value);
    return fields;
}

QList<uc::model::TreatmentEvent> eventsIn(const QString &dir)
{
    auto v = uc::vault::Vault::open(dir, u"alice"_s, guitest::secret());
    return v->treatmentEvents().list(u"C-0001"_s);
}

} // namespace

class TreatmentEntryTest : public guitest::SupervisedSessionTest
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { startTestCase(); }

    void theFieldsAreCheckedInTheModelsWords()
    {
        QCOMPARE(TreatmentEventEntry::problem(matStart), QString());
        QCOMPARE(TreatmentEventEntry::problem(with(matStart, u"dose"_s, {})), u"A start needs a dose."_s);
        QCOMPARE(TreatmentEventEntry::problem(with(with(matStart, u"change"_s, u"dose-change"_s), u"dose"_s, {})),
                 u"A dose change needs a dose."_s);
        QCOMPARE(TreatmentEventEntry::problem(with(matStart, u"dose"_s, u"eight"_s)),
                 u"The dose must be a number (8, 0.5)."_s);
        QCOMPARE(TreatmentEventEntry::problem(with(matStart, u"dose"_s, u"0"_s)),
                 u"A dose is a number above 0 and at most 10000."_s);
        QVERIFY(
            TreatmentEventEntry::problem(with(matStart, u"medication"_s, u"Bupe!"_s)).startsWith(u"A medication is"_s));
        QCOMPARE(TreatmentEventEntry::problem(with(matStart, u"medication"_s, u"Buprenorphine naloxone"_s)), QString());
        QCOMPARE(TreatmentEventEntry::problem(with(matStart, u"date"_s, u"2025-02-30"_s)),
                 u"The date must be a real date as YYYY-MM-DD."_s);
        // A stop has no dose: the unit the dialog still holds is left out with it.
        QCOMPARE(TreatmentEventEntry::problem(with(with(matStart, u"change"_s, u"stop"_s), u"dose"_s, {})), QString());
        const QVariantMap screen { { u"kind"_s, u"drug-screen"_s },
                                   { u"date"_s, u"2025-03-06"_s },
                                   { u"substance"_s, u"opioids"_s },
                                   { u"result"_s, u"negative"_s },
                                   { u"method"_s, QString() } };
        QCOMPARE(TreatmentEventEntry::problem(screen), QString());
        QVERIFY(TreatmentEventEntry::problem(with(screen, u"result"_s, u"maybe"_s))
                    .startsWith(u"A drug screen's result is"_s));
        const QVariantMap group { { u"kind"_s, u"group"_s }, { u"date"_s, u"2025-03-07"_s }, { u"group"_s, u"  "_s } };
        QVERIFY(TreatmentEventEntry::problem(group).startsWith(u"A group event needs the group's name"_s));
        QVERIFY(TreatmentEventEntry::problem(with(group, u"kind"_s, u"yoga"_s)).startsWith(u"An event's kind is"_s));
        QCOMPARE(TreatmentEventEntry::kinds(),
                 (QStringList { u"mutual-help"_s, u"group"_s, u"mat"_s, u"drug-screen"_s }));
        QVERIFY(TreatmentEventEntry::units().contains(u"mg"_s));
    }

    void anEventRoundTripsAndIsDeleted()
    {
        const QString dir = freshDir();
        {
            VaultSession session(nullptr);
            (void)guitest::unlockSupervised(session, dir, u"alice"_s);
            TreatmentEventEntry *entry = session.workspace()->treatmentEventEntry();
            QSignalSpy saved(entry, &TreatmentEventEntry::saved);
            QSignalSpy failed(entry, &TreatmentEventEntry::failed);

            // A refusal: the model's words, nothing posted.
            entry->add(u"C-0001"_s, with(matStart, u"dose"_s, {}));
            QCOMPARE(failed.count(), 1);
            QCOMPARE(guitest::messageOf(failed), u"A start needs a dose."_s);
            QCOMPARE(guitest::lastFailure(failed).action(), u"add-event"_s);

            entry->add(u"C-0001"_s, matStart);
            QVERIFY(saved.wait(10000));
            QCOMPARE(saved.last().first().toString(), u"C-0001"_s);
            // An unknown client: the vault's refusal, said back.
            entry->add(u"C-0404"_s, matStart);
            QVERIFY(failed.wait(10000));
            QCOMPARE(failed.count(), 2);
            QVERIFY(!guitest::messageOf(failed).isEmpty());
            QTRY_VERIFY(!session.vaultThread()->busy());
            session.lock();
        }
        QList<uc::model::TreatmentEvent> events = eventsIn(dir);
        QCOMPARE(events.size(), 1);
        const uc::model::TreatmentEvent e = events.first();
        QCOMPARE(e.summary(), u"2025-03-05 mat buprenorphine start 8 mg"_s);
        QCOMPARE(e.note, u"first dose in clinic"_s);
        QVERIFY(e.substance.isEmpty() && e.program.isEmpty());

        {
            VaultSession session(nullptr);
            session.setVaultDir(dir);
            QVERIFY(guitest::unlockAs(session, u"alice"_s));
            TreatmentEventEntry *entry = session.workspace()->treatmentEventEntry();
            QSignalSpy removed(entry, &TreatmentEventEntry::removed);
            QSignalSpy failed(entry, &TreatmentEventEntry::failed);
            entry->remove(e.id, u"C-0001"_s);
            QVERIFY(removed.wait(10000));
            QCOMPARE(removed.last().first().toString(), u"C-0001"_s);
            entry->remove(e.id, u"C-0001"_s); // already deleted
            QVERIFY(failed.wait(10000));
            QCOMPARE(guitest::lastFailure(failed).action(), u"delete-event"_s);
            QTRY_VERIFY(!session.vaultThread()->busy());
            session.lock();
        }
        QVERIFY(eventsIn(dir).isEmpty());
    }

    void aSupervisorIsRefusedAndNothingIsWritten()
    {
        const QString dir = freshDir();
        {
            VaultSession session(nullptr);
            (void)guitest::unlockSupervised(session, dir, guitest::supervisor);
            QVERIFY(!session.can(u"add-measure"_s)); // the card shows no buttons
            TreatmentEventEntry *entry = session.workspace()->treatmentEventEntry();
            QSignalSpy saved(entry, &TreatmentEventEntry::saved);
            QSignalSpy failed(entry, &TreatmentEventEntry::failed);
            entry->add(u"C-0001"_s, matStart);
            QVERIFY(failed.wait(10000));
            QCOMPARE(guitest::lastFailure(failed).kind(), Failure::NotAllowed);
            QCOMPARE(saved.count(), 0);
            QTRY_VERIFY(!session.vaultThread()->busy());
            session.lock();
        }
        QVERIFY(eventsIn(dir).isEmpty());
    }
};

QTEST_MAIN(TreatmentEntryTest)
#include "treatmententrytest.moc"
