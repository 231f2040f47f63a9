// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "failure.h"

#include <QObject>
#include <QQmlEngine>
#include <QVariantList>
#include <QVariantMap>

class VaultThread;

// Entering an outcome measure from the client's completed questionnaire (PHQ-9, GAD-7, AUDIT,
// AUDIT-C, DAST-10, PCL-5, the C-SSRS screener): its answers item by item, scored as they are
// typed, stored on the vault thread. A second measure of the same instrument for the same client
// on the same day is refused until the clinician confirms it (sameDay, then save again with
// confirmed), as `measure add` needs --force. Saving answers saved(clientCode), or failed(failure)
// with action "add-measure"; the core raises a risk flag from PHQ-9 item 9 or the C-SSRS itself.
// A measure already stored can be corrected (its answers and day, scored again) or deleted; the
// vault keeps the old value in its history of changes (uc::vault::Measures::edit/remove).
class MeasureEntry : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by Workspace")

    // [{id, name, measures, items, itemMax, instruction, credit, form: [{text, choices: [{text, value}]}]}],
    // in the core's order (uc::model::measureForm: item words only where the instrument's terms allow).
    Q_PROPERTY(QVariantList instruments READ instruments CONSTANT)

public:
    explicit MeasureEntry(VaultThread *vault, QObject *parent = nullptr);

    [[nodiscard]] static QVariantList instruments();
    // The answers as the form holds them: a whole number per item, -1 a C-SSRS question skipped,
    // anything else (an empty field) missing. {total, band, bandLabel} when they score, else
    // {problem} naming the item ("PHQ-9 item 3 is missing").
    [[nodiscard]] Q_INVOKABLE static QVariantMap preview(const QString &instrument, const QVariantList &answers);
    // Why the day cannot be a measure's ("" when it can): not a date, or one still to come.
    [[nodiscard]] Q_INVOKABLE static QString dateProblem(const QString &isoDate);
    Q_INVOKABLE void save(const QString &clientCode, const QString &isoDate, const QString &instrument,
                          const QVariantList &answers, bool confirmedSameDay);
    // Corrects measure id: saved(clientCode), or failed(failure) with action "edit-measure".
    Q_INVOKABLE void correct(qint64 id, const QString &clientCode, const QString &isoDate, const QString &instrument,
                             const QVariantList &answers);
    // Deletes measure id: removed(clientCode), or failed(failure) with action "delete-measure".
    Q_INVOKABLE void remove(qint64 id, const QString &clientCode);

Q_SIGNALS:
    void saved(const QString &clientCode);
    void removed(const QString &clientCode);
    // The client has this instrument on that day already: say so and ask before saving again.
    void sameDay(const QString &message);
    void failed(const Failure &failure);

private:
    // Why the day or the answers cannot be stored ("" when they can).
    [[nodiscard]] static QString problem(const QString &isoDate, const QString &instrument, const QVariantList &answers);

    VaultThread *m_vault;
};
