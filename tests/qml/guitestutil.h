// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Helpers shared by the GUI's Qt Tests: a real vault in a temp dir with the cheapest KDF, filled
// through the core API the way a therapist's week would fill it.
#include "failure.h"

#include "common/secret.h"
#include "model/types.h"
#include "vault/vault.h"

#include <QAbstractItemModel>
#include <QList>
#include <QObject>
#include <QQuickItem>
#include <QSignalSpy>
#include <QString>

#include <memory>
#include <string_view>

namespace guitest {

// The object named name under root, through both trees (QObject children and visual children)
// and a popup's content; nullptr when there is none.
inline QObject *find(QObject *root, const QString &name)
{
    QList<QObject *> queue{root};
    while (!queue.isEmpty()) {
        QObject *o = queue.takeFirst();
        if (o->objectName() == name)
            return o;
        queue.append(o->children());
        if (auto *item = qobject_cast<QQuickItem *>(o)) {
            for (QQuickItem *child : item->childItems())
                queue.append(child);
        }
        if (auto *content = o->property("contentItem").value<QQuickItem *>(); content && content != o)
            queue.append(content);
    }
    return nullptr;
}

// The first row whose role holds value, or -1.
inline int rowOf(const QAbstractItemModel &model, int role, const QString &value)
{
    for (int i = 0; i < model.rowCount(); ++i) {
        if (model.data(model.index(i, 0), role).toString() == value)
            return i;
    }
    return -1;
}

// The last failure a spy on a failed(Failure) signal caught, and its message.
inline Failure lastFailure(const QSignalSpy &spy)
{
    return spy.last().first().value<Failure>();
}
inline QString messageOf(const QSignalSpy &spy)
{
    return lastFailure(spy).message();
}

constexpr std::string_view passphrase = "correct horse battery staple";

inline uc::SecretBuffer secret(std::string_view text = passphrase)
{
    return uc::SecretBuffer::copyOf(text);
}

inline std::unique_ptr<uc::vault::Vault> createVault(const QString &dir, const QString &user = QStringLiteral("alice"))
{
    return uc::vault::Vault::create(dir, user, secret(), uc::model::Role::Therapist, uc::vault::KdfCost::testOnly())
        .vault;
}

inline void addClient(uc::vault::Vault &vault, const QString &code, const QString &name)
{
    uc::model::Client c;
    c.code = code;
    c.displayName = name;
    c.setting = uc::model::Setting::Outpatient;
    c.intakeDate = uc::model::parseDate(QStringLiteral("2025-01-06"));
    vault.clients().add(c);
}

// A session on date for code with one progress note of text; returns the note's id.
inline uc::model::Id addSession(uc::vault::Vault &vault, const QString &code, const QString &date, const QString &text,
                                uc::model::Attendance attendance = uc::model::Attendance::Attended)
{
    uc::model::Session s;
    s.date = *uc::model::parseDate(date);
    s.attendees.append({0, code, attendance});
    return vault.notes().addSession(s, QStringLiteral("free"), uc::model::NoteKind::Progress, {{QStringLiteral("Note"), text}})
        .notes.first();
}

inline const QString abandonedText = QStringLiteral("She drinks when she feels abandoned by her partner.");
inline const QString anxiousText = QStringLiteral("Client reports feeling anxious about work; discussed coping strategies.");

} // namespace guitest
