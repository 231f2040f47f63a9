// SPDX-License-Identifier: GPL-3.0-or-later
// The audit viewer's model on a real vault: the entries as the vault lists them, newest first by
// default and turned round without going back to the vault, and the verification line in words.
#include "supervisiontestutil.h"

#include "appinfo.h"
#include "auditmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using uc::vault::Vault;

class AuditModelTest : public QObject
{
    Q_OBJECT

private:
    guitest::SupervisedFolder m_vault;

private Q_SLOTS:

    void listsTheTrailNewestFirstAndTurnsRound()
    {
        auto v = Vault::open(m_vault.dir, guitest::auditor, guitest::secret());
        const QList<uc::vault::AuditEntry> entries = v->auditTrail().entries();
        QVERIFY(entries.size() > 10);
        AuditModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.newestFirst());
        model.setEntries(entries);
        QCOMPARE(model.count(), entries.size());
        const QModelIndex top = model.index(0);
        QCOMPARE(model.data(top, AuditModel::SeqRole).toLongLong(), entries.last().seq);
        QCOMPARE(model.data(top, AuditModel::ActionRole).toString(), entries.last().action);
        QCOMPARE(model.data(model.index(model.count() - 1), AuditModel::ActionRole).toString(), u"create-vault"_s);

        QSignalSpy order(&model, &AuditModel::newestFirstChanged);
        model.setNewestFirst(false);
        model.setNewestFirst(false); // no change, no signal
        QCOMPARE(order.count(), 1);
        QCOMPARE(model.data(model.index(0), AuditModel::SeqRole).toLongLong(), 1);
        QCOMPARE(model.data(model.index(0), AuditModel::UserRole).toString(), u"alice"_s);
        QCOMPARE(model.data(model.index(0), AuditModel::ObjectRole).toString(), entries.first().object);
        QCOMPARE(model.data(model.index(0), AuditModel::HashRole).toString(), entries.first().hash);

        // The supervision the fixture set up is on the record, by whom and of whom.
        const auto assigned = std::find_if(entries.cbegin(), entries.cend(),
                                           [](const uc::vault::AuditEntry &e) { return e.action == u"assign-supervision"; });
        QVERIFY(assigned != entries.cend());
        QCOMPARE(assigned->user, guitest::supervisor);
        QVERIFY(assigned->detail.contains(u"must-cosign"_s));
    }

    void verificationInWords()
    {
        AuditModel model;
        QVERIFY(!model.verified());
        QCOMPARE(model.verificationText(), QString());
        auto v = Vault::open(m_vault.dir, guitest::auditor, guitest::secret());
        const uc::vault::AuditCheck check = v->auditTrail().verify();
        QVERIFY(check.whole);
        QSignalSpy changed(&model, &AuditModel::verificationChanged);
        model.setVerification(check);
        QCOMPARE(changed.count(), 1);
        QVERIFY(model.verified());
        QVERIFY(model.whole());
        QCOMPARE(model.verificationText(), u"Audit trail whole: %1 entries"_s.arg(check.count));

        uc::vault::AuditCheck broken;
        broken.whole = false;
        broken.count = 1204;
        broken.broken = 5;
        broken.reason = u"its content was changed"_s;
        QCOMPARE(AuditModel::describe(broken), u"Audit trail broken at entry 5: its content was changed (1204 entries checked)"_s);
        broken.broken = 0;
        broken.reason = u"the trail's head kept in keyslots.json was altered"_s;
        QVERIFY(AuditModel::describe(broken).startsWith(u"Audit trail broken at the trail's head: "_s));
        uc::vault::AuditCheck one;
        one.count = 1;
        QCOMPARE(AuditModel::describe(one), u"Audit trail whole: 1 entry"_s);

        model.clear();
        QVERIFY(!model.verified());
        QCOMPARE(model.count(), 0);
    }

    // Who signed each entry, and whether its signature holds as the last verification left it.
    void showsTheSignerAndTheSignatureState()
    {
        auto v = Vault::open(m_vault.dir, guitest::auditor, guitest::secret());
        const QList<uc::vault::AuditEntry> entries = v->auditTrail().entries();
        AuditModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setNewestFirst(false);
        model.setEntries(entries);
        QCOMPARE(model.roleNames().value(AuditModel::SignerRole), QByteArray("signer"));
        QCOMPARE(model.roleNames().value(AuditModel::SignatureRole), QByteArray("signature"));
        QCOMPARE(model.data(model.index(0), AuditModel::SignerRole).toString(), u"alice"_s);
        QCOMPARE(model.data(model.index(0), AuditModel::SignatureRole).toString(), u"unverified"_s);
        QSignalSpy rows(&model, &QAbstractItemModel::dataChanged);
        model.setVerification(v->auditTrail().verify());
        QCOMPARE(rows.count(), 1);
        QCOMPARE(model.data(model.index(0), AuditModel::SignatureRole).toString(), u"verified"_s);

        uc::vault::AuditEntry e = entries.at(4);
        uc::vault::AuditCheck broken;
        broken.whole = false;
        broken.broken = e.seq;
        QCOMPARE(AuditModel::signatureState(e, true, broken), u"broken"_s);
        e.seq -= 1;
        QCOMPARE(AuditModel::signatureState(e, true, broken), u"verified"_s);
        broken.broken = 0; // the head or a pin: no entry to begin from
        QCOMPARE(AuditModel::signatureState(e, true, broken), u"unverified"_s);
        e.signature.clear();
        QCOMPARE(AuditModel::signatureState(e, true, broken), u"unsigned"_s);
    }

    void exportGoesToDocumentsAsCsv()
    {
        QVERIFY(AuditModel::suggestedFile().endsWith(u".csv"_s));
        QVERIFY(AuditModel::suggestedFile().contains(u"undercurrent-audit-"_s));
        QCOMPARE(AppInfo::localPath(QUrl(u"file:///tmp/a%20b.csv"_s)), u"/tmp/a b.csv"_s);
    }
};

QTEST_GUILESS_MAIN(AuditModelTest)
#include "auditmodeltest.moc"
