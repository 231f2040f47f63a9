// SPDX-License-Identifier: GPL-3.0-or-later
#include "treatmentevententry.h"

#include "vaultthread.h"

#include "model/treatmentevent.h"
#include "vault/treatmentevents.h"
#include "vault/vault.h"

#include <optional>

using namespace Qt::StringLiterals;
using Worker = VaultThread::Worker;

namespace {

QStringList listOf(const QList<QString> &values)
{
    return QStringList(values.cbegin(), values.cend());
}

QString field(const QVariantMap &fields, const QString &key)
{
    return fields.value(key).toString().trimmed();
}

// The fields as an event, or why they cannot be read as one (the dose, the date); the event's own
// checks are treatmentEventProblem's.
std::optional<uc::model::TreatmentEvent> read(const QVariantMap &fields, QString *why)
{
    uc::model::TreatmentEvent e;
    e.kind = field(fields, u"kind"_s);
    const auto date = uc::model::parseDate(field(fields, u"date"_s));
    if (!date) {
        *why = TreatmentEventEntry::tr("The date must be a real date as YYYY-MM-DD.");
        return std::nullopt;
    }
    e.date = *date;
    e.note = fields.value(u"note"_s).toString().trimmed();
    if (e.kind == u"mutual-help"_s) {
        e.program = field(fields, u"program"_s);
    } else if (e.kind == u"group"_s) {
        e.group = fields.value(u"group"_s).toString().simplified();
    } else if (e.kind == u"mat"_s) {
        // As the vault stores it ("Buprenorphine naloxone" is buprenorphine-naloxone).
        e.medication = field(fields, u"medication"_s);
        if (!e.medication.isEmpty())
            e.medication = uc::model::parseMedication(e.medication).value_or(e.medication);
        e.change = field(fields, u"change"_s);
        if (const QString dose = field(fields, u"dose"_s); !dose.isEmpty()) {
            bool ok = false;
            const double value = dose.toDouble(&ok);
            if (!ok) {
                *why = TreatmentEventEntry::tr("The dose must be a number (8, 0.5).");
                return std::nullopt;
            }
            e.dose = value;
        }
        if (e.dose)
            e.unit = field(fields, u"unit"_s);
    } else if (e.kind == u"drug-screen"_s) {
        e.substance = field(fields, u"substance"_s);
        e.result = field(fields, u"result"_s);
        e.method = field(fields, u"method"_s);
    }
    if (const auto problem = uc::model::treatmentEventProblem(e)) {
        *why = problem->at(0).toUpper() + problem->mid(1) + u'.';
        return std::nullopt;
    }
    return e;
}

} // namespace

TreatmentEventEntry::TreatmentEventEntry(VaultThread *vault, QObject *parent)
    : QObject(parent)
    , m_vault(vault)
{
}

QStringList TreatmentEventEntry::kinds()
{
    return listOf(uc::model::treatmentEventKinds());
}
QStringList TreatmentEventEntry::programs()
{
    return listOf(uc::model::mutualHelpPrograms());
}
QStringList TreatmentEventEntry::changes()
{
    return listOf(uc::model::matChanges());
}
QStringList TreatmentEventEntry::units()
{
    return listOf(uc::model::doseUnits());
}
QStringList TreatmentEventEntry::substances()
{
    return listOf(uc::model::substanceClasses());
}
QStringList TreatmentEventEntry::results()
{
    return listOf(uc::model::screenResults());
}
QStringList TreatmentEventEntry::methods()
{
    return listOf(uc::model::screenMethods());
}

QString TreatmentEventEntry::problem(const QVariantMap &fields)
{
    QString why;
    return read(fields, &why) ? QString() : why;
}

void TreatmentEventEntry::add(const QString &clientCode, const QVariantMap &fields)
{
    if (!m_vault || !m_vault->isOpen() || clientCode.isEmpty())
        return;
    QString why;
    std::optional<uc::model::TreatmentEvent> event = read(fields, &why);
    if (!event)
        return Q_EMIT failed(Failure(Failure::BadInput, u"add-event"_s, why));
    event->clientCode = clientCode;
    m_vault->post(
        this, tr("Saving the event…"), [e = *event](Worker &w) { return w.open().treatmentEvents().add(e); },
        [this, clientCode](uc::model::Id) { Q_EMIT saved(clientCode); },
        [this](const uc::Error &error) { Q_EMIT failed(Failure(u"add-event"_s, error)); });
}

void TreatmentEventEntry::remove(qint64 id, const QString &clientCode)
{
    if (!m_vault || !m_vault->isOpen() || id <= 0)
        return;
    m_vault->post(
        this, tr("Deleting the event…"),
        [id](Worker &w) {
            w.open().treatmentEvents().remove(id);
            return true;
        },
        [this, clientCode](bool) { Q_EMIT removed(clientCode); },
        [this](const uc::Error &error) { Q_EMIT failed(Failure(u"delete-event"_s, error)); });
}
