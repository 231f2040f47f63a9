// SPDX-License-Identifier: GPL-3.0-or-later
#include "practicestaff.h"

#include "common/secret.h"
#include "demo/practice.h"
#include "themes/tagger.h"
#include "vault/vault.h"

using namespace Qt::StringLiterals;

namespace screenshots {

namespace {

uc::SecretBuffer staffSecret()
{
    return uc::SecretBuffer::copyOf(staffPassphrase);
}

} // namespace

void addStaff(const QString &dir)
{
    using uc::model::Role;
    const auto cheap = uc::vault::KdfCost::testOnly();
    {
        auto v = uc::vault::Vault::open(dir, QString::fromLatin1(uc::demo::defaultUser),
                                        uc::SecretBuffer::copyOf(std::string_view(uc::demo::defaultPassphrase)));
        v->addUser(supervisorName, Role::Supervisor, staffSecret(), cheap);
        v->addUser(auditorName, Role::Auditor, staffSecret(), cheap);
        v->addUser(colleagueName, Role::Therapist, staffSecret(), cheap);
    }
    {
        auto v = uc::vault::Vault::open(dir, colleagueName, staffSecret());
        const QStringList texts{
            u"Group aftercare check-in. He spoke about cravings after his shift ended and said he felt alone in the flat; "
            u"we linked the urge to drink with evenings without contact. Plan: call his sponsor before 8 pm."_s,
            u"She described a lapse at her sister's wedding and the shame afterwards. Family conflict about her father's "
            u"drinking came up again. We practised naming the feeling before acting on it."_s};
        int day = 17;
        for (const QString &text : texts) {
            uc::model::Session s;
            s.date = *uc::model::parseDate(u"2026-11-%1"_s.arg(day++));
            s.attendees.append({0, u"C-0102"_s, uc::model::Attendance::Attended});
            const auto made = v->notes().addSession(s, u"free"_s, uc::model::NoteKind::Progress, {{u"Note"_s, text}});
            v->notes().sign(made.notes.first());
        }
    }
    auto v = uc::vault::Vault::open(dir, supervisorName, staffSecret());
    v->supervision().assign(QString::fromLatin1(uc::demo::defaultUser), supervisorName, uc::model::SupervisionMode::MustCosign);
    v->supervision().assign(colleagueName, supervisorName, uc::model::SupervisionMode::Review);
    QList<uc::model::Id> demoNotes;
    for (const uc::model::QueueItem &q : v->supervision().queue()) {
        if (q.therapist == QLatin1String(uc::demo::defaultUser) && !q.openRisk) // open risk stays waiting, first
            demoNotes.append(q.noteId);
    }
    constexpr int leaveWaiting = 5;
    for (qsizetype i = 0; i + leaveWaiting < demoNotes.size(); ++i)
        v->supervision().cosign(demoNotes.at(i));
    if (demoNotes.size() >= 2) {
        v->supervision().returnNote(demoNotes.at(demoNotes.size() - leaveWaiting + 1),
                      u"The risk section says 'no change' but the session describes a lapse. Please add the lapse "
                      u"and the safety plan you agreed in an addendum."_s);
        v->supervision().comment(demoNotes.last(), u"Good link between the abandonment theme and the drinking; keep tracking it."_s);
    }
}

QStringList blindThemes(const QString &text, int n)
{
    static const uc::themes::Tagger tagger;
    QStringList ids;
    for (const auto &theme : tagger.tag(text).themes)
        ids.append(theme.id);
    if (n % 3 == 1 && !ids.isEmpty())
        ids.removeLast();
    return ids;
}

} // namespace screenshots
