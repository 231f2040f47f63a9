// SPDX-License-Identifier: GPL-3.0-or-later
#include "measureentry.h"

#include "vaultthread.h"

#include "common/error.h"
#include "model/measureforms.h"
#include "model/measures.h"
#include "vault/vault.h"

#include <QDate>

using namespace Qt::StringLiterals;
using Worker = VaultThread::Worker;

namespace {

constexpr int missing = -100; // outside every instrument's range and not cssrsSkipped

QList<int> answersOf(const QVariantList &answers)
{
    QList<int> out;
    out.reserve(answers.size());
    for (const QVariant &a : answers) {
        bool ok = false;
        const int value = a.toInt(&ok);
        out.append(ok && a.isValid() && !a.isNull() && a.toString() != u"" ? value : missing);
    }
    return out;
}

} // namespace

MeasureEntry::MeasureEntry(VaultThread *vault, QObject *parent)
    : QObject(parent)
    , m_vault(vault)
{
}

QVariantList MeasureEntry::instruments()
{
    QVariantList out;
    for (const uc::model::Instrument &i : uc::model::instruments()) {
        const uc::model::MeasureForm form = uc::model::measureForm(i.id);
        QVariantList items;
        for (const uc::model::FormItem &item : form.items) {
            QVariantList choices;
            for (const uc::model::AnswerChoice &c : item.choices)
                choices.append(QVariantMap{{u"text"_s, c.text}, {u"value"_s, c.value}});
            items.append(QVariantMap{{u"text"_s, item.text}, {u"choices"_s, choices}});
        }
        out.append(QVariantMap{{u"id"_s, i.id},
                               {u"name"_s, i.name},
                               {u"measures"_s, i.measures},
                               {u"items"_s, i.items},
                               {u"itemMax"_s, uc::model::itemMaximum(i.id)},
                               {u"instruction"_s, form.instruction},
                               {u"credit"_s, form.credit},
                               {u"form"_s, items}});
    }
    return out;
}

QVariantMap MeasureEntry::preview(const QString &instrument, const QVariantList &answers)
{
    const QList<int> values = answersOf(answers);
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (values[i] == missing)
            return {{u"problem"_s, tr("Item %1 is not answered yet.").arg(i + 1)}};
    }
    try {
        const uc::model::Score s = uc::model::score(instrument, values);
        return {{u"total"_s, s.total}, {u"band"_s, s.band}, {u"bandLabel"_s, uc::model::bandLabel(s.band)}};
    } catch (const uc::Error &e) {
        return {{u"problem"_s, e.message()}};
    }
}

QString MeasureEntry::dateProblem(const QString &isoDate)
{
    const QDate day = QDate::fromString(isoDate.trimmed(), Qt::ISODate);
    if (!day.isValid())
        return tr("Write the date as YYYY-MM-DD.");
    if (day > QDate::currentDate())
        return tr("The date is still to come: enter a questionnaire once it is filled in.");
    return {};
}

QString MeasureEntry::problem(const QString &isoDate, const QString &instrument, const QVariantList &answers)
{
    if (QString why = dateProblem(isoDate); !why.isEmpty())
        return why;
    return preview(instrument, answers).value(u"problem"_s).toString();
}

void MeasureEntry::save(const QString &clientCode, const QString &isoDate, const QString &instrument,
                        const QVariantList &answers, bool confirmedSameDay)
{
    if (!m_vault->isOpen() || clientCode.isEmpty())
        return;
    if (const QString why = problem(isoDate, instrument, answers); !why.isEmpty())
        return Q_EMIT failed(Failure(Failure::BadInput, u"add-measure"_s, why));
    const auto date = uc::model::parseDate(isoDate.trimmed());
    const QList<int> values = answersOf(answers);
    const auto rule = confirmedSameDay ? uc::vault::Measures::SameDay::Allow : uc::vault::Measures::SameDay::Refuse;
    m_vault->post(
        this, tr("Saving the measure…"),
        [clientCode, date = *date, instrument, values, rule](Worker &w) {
            return w.open().measures().add(clientCode, date, instrument, values, rule);
        },
        [this, clientCode](uc::model::Id) { Q_EMIT saved(clientCode); },
        [this, instrument, isoDate](const uc::Error &e) {
            if (e.kind() == uc::ErrorKind::Conflict) {
                const uc::model::Instrument *i = uc::model::findInstrument(instrument);
                return Q_EMIT sameDay(tr("A %1 is already recorded for this client on %2. Record a second one for "
                                         "the same day, or cancel and correct the first?")
                                          .arg(i ? i->name : instrument, isoDate.trimmed()));
            }
            Q_EMIT failed(Failure(u"add-measure"_s, e));
        });
}

void MeasureEntry::correct(qint64 id, const QString &clientCode, const QString &isoDate, const QString &instrument,
                           const QVariantList &answers)
{
    if (!m_vault->isOpen() || id <= 0)
        return;
    if (const QString why = problem(isoDate, instrument, answers); !why.isEmpty())
        return Q_EMIT failed(Failure(Failure::BadInput, u"edit-measure"_s, why));
    const auto date = uc::model::parseDate(isoDate.trimmed());
    const QList<int> values = answersOf(answers);
    m_vault->post(
        this, tr("Correcting the measure…"),
        [id, date = *date, values](Worker &w) {
            w.open().measures().edit(id, values, date);
            return true;
        },
        [this, clientCode](bool) { Q_EMIT saved(clientCode); },
        [this](const uc::Error &e) { Q_EMIT failed(Failure(u"edit-measure"_s, e)); });
}

void MeasureEntry::remove(qint64 id, const QString &clientCode)
{
    if (!m_vault->isOpen() || id <= 0)
        return;
    m_vault->post(
        this, tr("Deleting the measure…"),
        [id](Worker &w) {
            w.open().measures().remove(id);
            return true;
        },
        [this, clientCode](bool) { Q_EMIT removed(clientCode); },
        [this](const uc::Error &e) { Q_EMIT failed(Failure(u"delete-measure"_s, e)); });
}
