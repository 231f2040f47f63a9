// SPDX-License-Identifier: GPL-3.0-or-later
// The practice server's cost (issue #20), against a real cluster this program starts with
// tools/practice-server (and stops), or skipped, saying why, where PostgreSQL's server programs are
// not installed. In one process:
// - BM_SaveNoteLocally (baseline): one signed progress note saved in the therapist's vault, as the
//   GUI saves it (the session, the note, its tagging, signing, the audit, each in its transaction);
// - BM_PushOneNote: the sync that sends that note, once saved: the whole round, as `sync` runs it
//   (TLS connection, the roster, revocations, assignments and wraps verified, the pull, the push in
//   one transaction, the heads pinned);
// - BM_FirstSync: a supervisor's first sync into an empty vault of every note of a therapist
//   assigned to them, N = 10,000 unless UC_BENCH_PRACTICE_NOTES says otherwise: each note verified
//   (Ed25519), decrypted and kept, sealed. Each iteration is a new supervisor who joined, was
//   assigned and got the key's wrap (none of that timed). The therapist's N notes are saved and
//   pushed once, before; that time is printed too.
#include "practicecluster.h"
#include "practicenotes.h"
#include "ratioreporter.h"

#include "common/error.h"
#include "practice/practice.h"
#include "practice/sync.h"
#include "vault/vault.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;
using namespace uc;
using uc::vault::Vault;

namespace {

const QByteArray passphrase = "a passphrase for the practice benchmark";

SecretBuffer secret()
{
    return SecretBuffer::copyOf(std::string_view(passphrase.constData(), static_cast<size_t>(passphrase.size())));
}

int bulkNotes()
{
    const int n = qEnvironmentVariableIntValue("UC_BENCH_PRACTICE_NOTES");
    return n > 0 ? n : 10000;
}

// The practice: the cluster, alice (the administrator, a therapist: saves and pushes one note at a
// time) and bob (a therapist whose N notes each new supervisor pulls).
struct Practice
{
    QTemporaryDir dir;
    practicetest::Cluster server;
    std::unique_ptr<Vault> alice;
    std::unique_ptr<Vault> bob;
    QString bobId;
    int aliceNotes = 0;
    int supervisors = 0;

    std::unique_ptr<Vault> newMember(const QString &name, model::Role role, QString &memberId)
    {
        auto made = Vault::create(dir.filePath(name), name, secret(), role, vault::KdfCost::testOnly());
        const QString code = practice::invite(*alice, name, role);
        memberId = practice::join(*made.vault, server.url(), code).memberId;
        (void)practice::status(*alice); // certifies the new member's key
        return std::move(made.vault);
    }
};

Practice *thePractice = nullptr;

void BM_SaveNoteLocally(benchmark::State &state)
{
    Practice &p = *thePractice;
    for (auto _ : state)
        practicetest::saveSignedNote(*p.alice, u"C-1"_s, p.aliceNotes++);
}

void BM_PushOneNote(benchmark::State &state)
try {
    Practice &p = *thePractice;
    for (auto _ : state) {
        state.PauseTiming();
        practicetest::saveSignedNote(*p.alice, u"C-1"_s, p.aliceNotes++);
        state.ResumeTiming();
        // Also sends what BM_SaveNoteLocally saved since the last push (the first iteration only).
        if (practice::sync(*p.alice).pushed < 1) {
            state.SkipWithError("the sync pushed nothing");
            break;
        }
    }
} catch (const Error &e) {
    state.SkipWithError(qPrintable(e.message()));
}

void BM_FirstSync(benchmark::State &state)
try {
    Practice &p = *thePractice;
    const int n = bulkNotes();
    QElapsedTimer clock;
    double micros = 0;
    for (auto _ : state) {
        state.PauseTiming();
        QString id;
        const QString name = u"sup%1"_s.arg(++p.supervisors);
        auto supervisor = p.newMember(name, model::Role::Supervisor, id);
        practice::assign(*p.alice, id, p.bobId);
        (void)practice::sync(*p.bob); // wraps bob's client key for the new supervisor
        state.ResumeTiming();
        clock.start();
        const int pulled = practice::sync(*supervisor).pulled;
        micros += static_cast<double>(clock.nsecsElapsed()) / 1000.0;
        state.PauseTiming();
        supervisor->lock();
        state.ResumeTiming();
        if (pulled != n) {
            state.SkipWithError("the first sync did not pull every note");
            break;
        }
    }
    state.SetItemsProcessed(state.iterations() * n);
    state.counters["us_per_note"] = benchmark::Counter(micros / n, benchmark::Counter::kAvgIterations);
} catch (const Error &e) {
    state.SkipWithError(qPrintable(e.message()));
}

// Wall-clock time: a sync waits on the server and the network, which CPU time leaves out. At least
// 2 s a run: a push is ~0.1-0.5 s, and a shared machine's scheduling delays every round trip to the
// server, so a run of two pushes says little.
BENCHMARK(BM_SaveNoteLocally)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2.0);
BENCHMARK(BM_PushOneNote)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2.0);
BENCHMARK(BM_FirstSync)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (const QString why = practicetest::whyNoPostgres(); !why.isEmpty()) {
        std::printf("bench_practice skipped: %s\n", qPrintable(why));
        return 0;
    }
    Practice practice;
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(practice.dir.filePath(u"config"_s)));
    if (!practice.server.start()) {
        std::fprintf(stderr, "bench_practice: the practice server did not start:\n%s\n",
                     practice.server.output().constData());
        return 1;
    }
    try {
        practice.alice = Vault::create(practice.dir.filePath(u"alice"_s), u"alice"_s, secret(), model::Role::Therapist,
                                       vault::KdfCost::testOnly())
                             .vault;
        const QString aliceId = practice::initPractice(*practice.alice, practice.server.url(),
                                                       practice.server.caFile(), practice.server.caKeyFile())
                                    .memberId;
        // Alice's supervisor: her push wraps her client's key for him too, as in a practice.
        QString samId;
        const auto sam = practice.newMember(u"sam"_s, model::Role::Supervisor, samId);
        practice::assign(*practice.alice, samId, aliceId);
        practicetest::ensureClient(*practice.alice, u"C-1"_s);
        (void)practice::sync(*practice.alice);

        practice.bob = practice.newMember(u"bob"_s, model::Role::Therapist, practice.bobId);
        practicetest::ensureClient(*practice.bob, u"C-2"_s);
        QElapsedTimer clock;
        clock.start();
        const int n = bulkNotes();
        for (int i = 0; i < n; ++i)
            practicetest::saveSignedNote(*practice.bob, u"C-2"_s, i);
        const qint64 saved = clock.restart();
        const int pushed = practice::sync(*practice.bob).pushed;
        std::printf("bob's %d notes saved in %lld ms (%.2f ms a note); pushed in one sync in %lld ms (%.3f ms a note)\n",
                    pushed, saved, static_cast<double>(saved) / n, clock.elapsed(),
                    static_cast<double>(clock.elapsed()) / n);
        if (pushed != n) {
            std::fprintf(stderr, "bench_practice: bob's first sync pushed %d of %d notes\n", pushed, n);
            return 1;
        }
    } catch (const Error &e) {
        std::fprintf(stderr, "bench_practice: setting up the practice: %s\n", qPrintable(e.message()));
        return 1;
    }
    thePractice = &practice;
    return runWithRatios(argc, argv, {{"push one note / save it locally", "BM_PushOneNote", "BM_SaveNoteLocally"}});
}
