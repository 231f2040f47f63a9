// SPDX-License-Identifier: GPL-3.0-or-later
// The vault's storage cost: the same library and workload on an SQLCipher-keyed database
// (candidate) and an unkeyed one (baseline), in one process. Workloads: bulk import of N notes of
// ~2 KB with FTS5 indexing (N = 150,000 unless UC_BENCH_NOTES says otherwise), 1,000 single-note
// saves with synchronous=FULL, 1,000 cold point reads, 100 ranked FTS5 first-page searches; and
// the unlock (Argon2id MODERATE + open) on its own.
#include "ratioreporter.h"

#include "vault/keyslots.h"
#include "vault/schema.h"
#include "vault/sqlite.h"
#include "vault/testaccess.h"
#include "vault/vault.h"
#include "model/types.h"

#include <optional>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <array>
#include <memory>

using namespace uc;

namespace {

int noteCount()
{
    const int n = qEnvironmentVariableIntValue("UC_BENCH_NOTES");
    return n > 0 ? n : 150000;
}

// Clinical words a therapist writes, each in a minority of notes, amid everyday filler drawn with
// a Zipf-like skew from 5,000 made-up words, so posting lists have realistic lengths.
const std::array<const char *, 40> clinical = {
    "abandoned", "anxious", "cravings", "relapse", "sponsor", "meeting", "mother", "father", "childhood", "shame",
    "partner", "argument", "drinking", "cocaine", "gambling", "panic", "lonely", "angry", "grief", "trauma",
    "weekend", "aftercare", "residential", "group", "defences", "minimised", "denial", "transference", "coping",
    "sober", "lapse", "urge", "worthless", "guilt", "rejected", "isolation", "nightmares", "resentment", "hopeless",
    "confidence"};

QString fillerWord(std::uint32_t x)
{
    // Zipf-like: small numbers far more often than large ones.
    const std::uint32_t rank = (x % 5000) * (x % 5000) / 5000;
    static const std::array<const char *, 8> syllables = {"ka", "lo", "mi", "ne", "ru", "ta", "vo", "se"};
    QString w;
    std::uint32_t r = rank + 1;
    while (r > 0) {
        w += QLatin1String(syllables[r % 8]);
        r /= 8;
    }
    return w;
}

// Deterministic note-like text of about 2 KB.
QString noteText(int i)
{
    QString text;
    text.reserve(2100);
    std::uint32_t x = 2463534242u ^ static_cast<std::uint32_t>(i * 2654435761u);
    while (text.size() < 2000) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        if (x % 16 == 0)
            text += QLatin1String(clinical[(x >> 8) % clinical.size()]);
        else
            text += fillerWord(x >> 4);
        text += (x % 13 == 0) ? QStringLiteral(". ") : QStringLiteral(" ");
    }
    return text;
}

struct Store
{
    QString path;
    bool encrypted = false;
};

// UC_BENCH_DIR keeps the databases between runs (so one workload can be re-run with
// --benchmark_filter without a fresh bulk import); otherwise a temporary folder is used.
struct WorkDir
{
    QTemporaryDir temp{QDir::tempPath() + QStringLiteral("/uc-bench-XXXXXX")};
    QString kept = qEnvironmentVariable("UC_BENCH_DIR");
    [[nodiscard]] QString filePath(const QString &name) const
    {
        return kept.isEmpty() ? temp.filePath(name) : QDir(kept).filePath(name);
    }
};

WorkDir &workDir()
{
    static WorkDir dir;
    if (!dir.kept.isEmpty())
        QDir().mkpath(dir.kept);
    return dir;
}

const SecretBuffer &dataKey()
{
    // A kept folder keeps its (benchmark-only) key beside the databases so later runs can open them.
    static const SecretBuffer key = [] {
        const QString kept = qEnvironmentVariable("UC_BENCH_DIR");
        if (kept.isEmpty())
            return SecretBuffer::random(32);
        QFile f(QDir(kept).filePath(QStringLiteral("bench-key.bin")));
        if (f.open(QIODevice::ReadOnly) && f.size() == 32) {
            const QByteArray bytes = f.readAll();
            return SecretBuffer::copyOf(std::span(reinterpret_cast<const unsigned char *>(bytes.constData()), 32));
        }
        SecretBuffer fresh = SecretBuffer::random(32);
        QDir().mkpath(kept);
        if (f.open(QIODevice::WriteOnly))
            f.write(reinterpret_cast<const char *>(fresh.data()), 32);
        return fresh;
    }();
    return key;
}

// The encrypted store is a whole vault folder (notes.db + keyslots.json), so the same database can
// also be driven through the vault API.
Store store(bool encrypted)
{
    if (encrypted) {
        QDir().mkpath(workDir().filePath(QStringLiteral("vault")));
        return {workDir().filePath(QStringLiteral("vault/notes.db")), true};
    }
    return {workDir().filePath(QStringLiteral("plain.db")), false};
}

sql::Database openStore(const Store &s, sql::Database::Open mode = sql::Database::Open::MustExist)
{
    auto db = s.encrypted ? sql::Database::open(s.path, dataKey(), mode) : sql::Database::openUnencrypted(s.path, mode);
    // UC_BENCH_MEMSEC=off measures what SQLCipher's memory security costs (the vault keeps it on).
    if (qEnvironmentVariable("UC_BENCH_MEMSEC") == QLatin1String("off"))
        db.exec("PRAGMA cipher_memory_security = OFF");
    return db;
}

void insertNote(sql::Database &db, sql::Statement &session, sql::Statement &note, int i)
{
    session.bind(1, QStringLiteral("2025-01-01")).run();
    session.reset();
    const auto sid = db.lastInsertId();
    note.bind(1, sid).bind(2, QStringLiteral("[]")).bind(3, noteText(i)).run();
    note.reset();
}

// Each row with a uuid (schema v23 requires one; random hex stands in for the vault's v4 UUIDs).
constexpr auto sessionSql = "INSERT INTO sessions(date, minutes, modality, created_by, created, uuid) "
                            "VALUES (?, 50, 'individual', 1, '2025-01-01T00:00:00Z', lower(hex(randomblob(16))))";
constexpr auto noteSql = "INSERT INTO notes(session_id, client_id, author_id, template, kind, sections, body, created, "
                         "updated, uuid) VALUES (?, 1, 1, 'free', 'progress', ?, ?, '2025', '2025', lower(hex(randomblob(16))))";

void BM_BulkImport(benchmark::State &state)
{
    const Store s = store(state.range(0) == 1);
    const int n = noteCount();
    for (auto _ : state) {
        state.PauseTiming();
        QFile::remove(s.path);
        QFile::remove(s.path + QStringLiteral("-wal"));
        QFile::remove(s.path + QStringLiteral("-shm"));
        auto db = openStore(s, sql::Database::Open::CreateIfMissing);
        vault::migrate(db, QStringLiteral("bench"));
        db.exec("INSERT INTO users(name, role, created) VALUES ('bench', 'therapist', '2025');"
                "INSERT INTO clients(code, display_name, created) VALUES ('C-1', 'Bench', '2025')");
        state.ResumeTiming();
        sql::Transaction tx(db);
        auto session = db.prepare(sessionSql);
        auto note = db.prepare(noteSql);
        for (int i = 0; i < n; ++i)
            insertNote(db, session, note, i);
        tx.commit();
        db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    state.counters["notes"] = n;
    state.counters["file_MiB"] = static_cast<double>(QFileInfo(s.path).size()) / (1024.0 * 1024.0);
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * n * 2000);
}

void BM_SingleSave(benchmark::State &state)
{
    const Store s = store(state.range(0) == 1);
    auto db = openStore(s);
    auto session = db.prepare(sessionSql);
    auto note = db.prepare(noteSql);
    int i = 0;
    for (auto _ : state) {
        sql::Transaction tx(db); // synchronous = FULL: each save is durable on return
        insertNote(db, session, note, 1000000 + i++);
        tx.commit();
    }
}

void BM_PointRead(benchmark::State &state)
{
    const Store s = store(state.range(0) == 1);
    const int n = noteCount();
    QRandomGenerator rng(42);
    for (auto _ : state) {
        state.PauseTiming();
        auto db = openStore(s); // a cold cache every round
        auto read = db.prepare("SELECT body FROM notes WHERE id = ?");
        state.ResumeTiming();
        for (int k = 0; k < 1000; ++k) {
            read.bind(1, static_cast<std::int64_t>(1 + rng.bounded(n)));
            read.step();
            benchmark::DoNotOptimize(read.text(0));
            read.reset();
        }
    }
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * 1000);
}

void BM_SearchFirstPage(benchmark::State &state)
{
    // The vault's own ranked search (first page of 20 with snippets), as the app runs it.
    const Store s = store(state.range(0) == 1);
    auto db = openStore(s);
    // What a therapist types: one to three words, sometimes a prefix.
    const std::array<const char *, 6> queries = {"abandoned partner", "relapse weekend", "sponsor meeting cravings",
                                                 "transference", "childhood mother anxious", "nightm*"};
    int q = 0;
    for (auto _ : state) {
        const auto hits = vault::searchNotes(db, QString::fromLatin1(queries[q++ % queries.size()]), 1, 20);
        benchmark::DoNotOptimize(hits.size());
    }
}

// A vault of one user with the tagger loaded, in a fresh work folder.
std::unique_ptr<vault::Vault> benchVault()
{
    const SecretBuffer pass = SecretBuffer::copyOf(std::string_view("benchmark passphrase"));
    const QString dir = workDir().filePath(QStringLiteral("vault"));
    if (!QFileInfo::exists(QDir(dir).filePath(QLatin1String(vault::Vault::databaseName)))) {
        // Run without the storage benchmarks (--benchmark_filter): a vault of its own with the one
        // client the saves use, made once.
        const QString own = workDir().filePath(QStringLiteral("savevault"));
        if (QFileInfo::exists(QDir(own).filePath(QLatin1String(vault::Vault::databaseName))))
            return vault::Vault::open(own, QStringLiteral("bench"), pass);
        auto v = vault::Vault::create(own, QStringLiteral("bench"), pass, model::Role::Therapist,
                                      vault::KdfCost::testOnly())
                     .vault;
        model::Client c;
        c.code = QStringLiteral("C-1");
        c.displayName = QStringLiteral("Client One");
        v->clients().add(c);
        (void)v->tagging().tagger();
        return v;
    }
    vault::KeySlots keys;
    keys.setUser(QStringLiteral("bench"), QStringLiteral("therapist"), true, pass, dataKey(), vault::KdfCost::testOnly());
    keys.save(dir, dataKey());
    auto v = vault::Vault::open(dir, QStringLiteral("bench"), pass);
    (void)v->tagging().tagger();
    return v;
}

// A realistic progress note repeated up to `size` characters (ASCII, so as many UTF-8 bytes).
QString progressNote(qsizetype size)
{
    QString text = QStringLiteral(
        "Pt arrived on time, alert and oriented, casually dressed with good eye contact. Affect congruent. "
        "Pt reports drinking four beers on Saturday after an argument with her partner and describes feeling "
        "abandoned when he left for the weekend. Denies cravings since. Writer explored the link between the "
        "weekend and her mother's absences in childhood. She attended two AA meetings and called her sponsor on "
        "Sunday. Discussed the relapse prevention plan and high-risk situations at work. Plan: continue weekly "
        "sessions; review PHQ-9 next week. ");
    while (text.size() < size)
        text += QStringLiteral("Writer reviewed goals for the coming week and the client agreed to keep the diary. ");
    text.truncate(size);
    return text;
}

// Saves the text as a new session's note through the vault API once per iteration: session,
// attendee, note, FTS5, tagging and the stored suggestions, one transaction, synchronous=FULL.
void saveNotes(benchmark::State &state, const QString &text)
{
    auto v = benchVault();
    for (auto _ : state) {
        model::Session s;
        s.date = model::Date(2025, 1, 1);
        s.attendees.append({0, QStringLiteral("C-1"), model::Attendance::Attended});
        benchmark::DoNotOptimize(
            v->notes().addSession(s, QStringLiteral("free"), model::NoteKind::Progress, {{QStringLiteral("Note"), text}}));
    }
}

void BM_VaultSave(benchmark::State &state)
{
    saveNotes(state, progressNote(2000));
}

// The largest note the vault takes (model::maxNoteBytes; the note is one section) against a 1 KB
// one, both through the same path.
void BM_SaveNote1KB(benchmark::State &state)
{
    saveNotes(state, progressNote(1024));
}

void BM_SaveNote1MB(benchmark::State &state)
{
    // Varied text (the storage workloads' ~2 KB notes one after another), so FTS5 and the tagger
    // see as many distinct words as a real long text would, not one paragraph repeated.
    QString text;
    for (int i = 0; text.size() < model::maxNoteBytes; ++i)
        text += noteText(i) + QLatin1Char('\n');
    text.truncate(model::maxNoteBytes);
    saveNotes(state, text);
}

void BM_Unlock(benchmark::State &state)
{
    // Argon2id at the production cost, then opening the encrypted store.
    const SecretBuffer pass = SecretBuffer::copyOf(std::string_view("benchmark passphrase"));
    vault::KeySlots slots;
    slots.setUser(QStringLiteral("bench"), QStringLiteral("therapist"), true, pass, dataKey(), vault::KdfCost::moderate());
    const Store s = store(true);
    for (auto _ : state) {
        SecretBuffer key = slots.unwrapUser(QStringLiteral("bench"), pass);
        auto db = sql::Database::open(s.path, key, sql::Database::Open::MustExist);
        benchmark::DoNotOptimize(db.handle());
    }
}

// The audit trail: one entry appended in its own transaction (what a view costs), and
// one appended inside a save's transaction (what it adds to a save: no commit of its own).
void BM_AuditAppend(benchmark::State &state)
{
    QTemporaryDir tmp;
    auto v = vault::Vault::create(tmp.filePath(QStringLiteral("v")), QStringLiteral("bench"),
                                  SecretBuffer::copyOf(std::string_view("benchmark passphrase")), model::Role::Therapist,
                                  vault::KdfCost::testOnly())
                 .vault;
    const bool own = state.range(0) == 1;
    std::optional<sql::Transaction> outer; // the save's transaction the entry joins
    if (!own)
        outer.emplace(vault::VaultTestAccess::database(*v));
    for (auto _ : state) {
        if (own)
            v->recordEvent(QStringLiteral("view-note"), QStringLiteral("note:12345"));
        else
            vault::appendAudit(vault::VaultTestAccess::database(*v), QStringLiteral("bench"), QStringLiteral("view-note"), QStringLiteral("note:12345"),
                               {}, QStringLiteral("2026-11-26T00:00:00.000Z"), vault::VaultTestAccess::auditSigner(*v));
    }
    if (outer)
        outer->commit();
}

// Verifying a trail of 100,000 signed entries: every hash recomputed, every signature's presence and
// size checked, the signer's latest signature verified (full:1, every signature), then the head compared.
void BM_AuditVerify(benchmark::State &state)
{
    const bool full = state.range(0) == 1;
    QTemporaryDir tmp;
    auto v = vault::Vault::create(tmp.filePath(QStringLiteral("v")), QStringLiteral("bench"),
                                  SecretBuffer::copyOf(std::string_view("benchmark passphrase")), model::Role::Therapist,
                                  vault::KdfCost::testOnly())
                 .vault;
    v->inOneTransaction([&] {
        for (int i = 0; i < 100000; ++i)
            vault::appendAudit(vault::VaultTestAccess::database(*v), QStringLiteral("bench"), QStringLiteral("view-note"),
                               QStringLiteral("note:%1").arg(i), QStringLiteral("12 results"), QStringLiteral("2026-11-26T00:00:00.000Z"),
                               vault::VaultTestAccess::auditSigner(*v));
    });
    for (auto _ : state) {
        const vault::AuditCheck check = v->auditTrail().verify(full);
        if (!check.whole)
            state.SkipWithError("the trail does not verify");
        benchmark::DoNotOptimize(check.count);
    }
}

} // namespace

BENCHMARK(BM_AuditAppend)->ArgName("own_transaction")->Arg(0)->Arg(1)->Iterations(500)->Unit(benchmark::kMicrosecond)->UseRealTime();
BENCHMARK(BM_AuditVerify)->ArgName("full")->Arg(0)->Arg(1)->Iterations(3)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_BulkImport)->ArgName("encrypted")->Arg(0)->Arg(1)->Iterations(1)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_SingleSave)->ArgName("encrypted")->Arg(0)->Arg(1)->Iterations(1000)->Unit(benchmark::kMicrosecond)->UseRealTime();
BENCHMARK(BM_PointRead)->ArgName("encrypted")->Arg(0)->Arg(1)->Iterations(5)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_SearchFirstPage)->ArgName("encrypted")->Arg(0)->Arg(1)->Iterations(100)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_VaultSave)->Iterations(200)->Unit(benchmark::kMicrosecond)->UseRealTime();
BENCHMARK(BM_SaveNote1KB)->Iterations(50)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_SaveNote1MB)->Iterations(5)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_Unlock)->Iterations(5)->Unit(benchmark::kMillisecond)->UseRealTime();

int main(int argc, char **argv)
{
    std::vector<RatioReporter::Pair> pairs;
    for (const char *name : {"BM_BulkImport", "BM_SingleSave", "BM_PointRead", "BM_SearchFirstPage"})
        pairs.push_back({std::string(name) + " encrypted/plain", std::string(name) + "/encrypted:1/",
                         std::string(name) + "/encrypted:0/"});
    pairs.push_back({"BM_VaultSave / BM_SingleSave encrypted", "BM_VaultSave", "BM_SingleSave/encrypted:1/"});
    pairs.push_back({"BM_SaveNote1MB / BM_SaveNote1KB", "BM_SaveNote1MB", "BM_SaveNote1KB"});
    return runWithRatios(argc, argv, pairs);
}
