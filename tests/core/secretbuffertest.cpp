// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/secret.h"

#include <QTest>

#include <cstring>

using namespace uc;

class SecretBufferTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void randomBuffersDiffer()
    {
        const SecretBuffer a = SecretBuffer::random(32);
        const SecretBuffer b = SecretBuffer::random(32);
        QVERIFY(!a.equals(b));
        QVERIFY(a.equals(SecretBuffer::copyOf(a.bytes())));
    }

    void copyOfTextKeepsBytes()
    {
        const SecretBuffer s = SecretBuffer::copyOf(std::string_view("correct horse"));
        QCOMPARE(s.size(), 13u);
        QVERIFY(std::memcmp(s.data(), "correct horse", 13) == 0);
    }

    void emptyBufferIsSafe()
    {
        SecretBuffer s = SecretBuffer::copyOf(std::string_view());
        QVERIFY(s.empty());
        s.wipe();
        QVERIFY(s.empty());
        QVERIFY(s.equals(SecretBuffer()));
    }

    void moveAssignmentWipesTheOldSecret()
    {
        SecretBuffer a = SecretBuffer::random(16);
        SecretBuffer b = SecretBuffer::random(8);
        a = std::move(b);
        QCOMPARE(a.size(), 8u);
        QVERIFY(b.empty());
    }
};

QTEST_GUILESS_MAIN(SecretBufferTest)
#include "secretbuffertest.moc"
