// SPDX-License-Identifier: GPL-3.0-or-later
#include "agreement.h"

#include "io.h"
#include "signin.h"
#include "values.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;
using uc::vault::Vault;

namespace uc::cli {

namespace {

QJsonArray agreementJson(const QList<themes::ThemeAgreement> &rows)
{
    QJsonArray list;
    for (const themes::ThemeAgreement &a : rows)
        list.append(QJsonObject{{u"theme"_s, a.theme},
                                {u"notes"_s, a.notes},
                                {u"both"_s, a.bothPresent},
                                {u"only_first"_s, a.onlyFirst},
                                {u"only_second"_s, a.onlySecond},
                                {u"neither"_s, a.bothAbsent},
                                {u"observed"_s, a.observed},
                                {u"kappa"_s, a.kappa ? QJsonValue(*a.kappa) : QJsonValue()}});
    return list;
}

QString kappa(const themes::ThemeAgreement &a)
{
    return a.kappa ? QString::number(*a.kappa, 'f', 2) : u"n/a"_s;
}

} // namespace

int agreementStart(const Invocation &line)
{
    const int sample = countOption(line, "sample").value_or(20);
    auto v = openVault(line);
    const vault::AgreementSample s = v->agreement().start(line.value("therapist"), sample);
    QJsonArray notes;
    QStringList ids;
    for (model::Id id : s.notes) {
        notes.append(static_cast<double>(id));
        ids.append(QString::number(id));
    }
    if (line.json())
        printJson(QJsonObject{{u"check"_s, static_cast<double>(s.check)}, {u"therapist"_s, s.therapist}, {u"notes"_s, notes}});
    else
        print(u"agreement check %1: %2 notes of %3 to rate blind: %4"_s.arg(s.check)
                  .arg(s.notes.size())
                  .arg(s.therapist, ids.join(u", "_s)));
    return 0;
}

int agreementRate(const Invocation &line)
{
    const model::Id check = idArgument(line, 0);
    const model::Id note = *idOption(line, "note");
    const QStringList themes = line.value("themes").split(u',', Qt::SkipEmptyParts);
    openVault(line)->agreement().rate(check, note, themes);
    return 0;
}

int agreementReport(const Invocation &line)
{
    const model::Id check = idArgument(line, 0);
    auto v = openVault(line);
    const vault::AgreementReport r = v->agreement().report(check);
    if (line.json()) {
        printJson(QJsonObject{{u"check"_s, static_cast<double>(r.check)},
                              {u"therapist"_s, r.therapist},
                              {u"supervisor"_s, r.supervisor},
                              {u"sampled"_s, r.sampled},
                              {u"rated"_s, r.rated},
                              {u"supervisor_therapist"_s, agreementJson(r.supervisorTherapist)},
                              {u"supervisor_tagger"_s, agreementJson(r.supervisorTagger)},
                              {u"therapist_tagger"_s, agreementJson(r.therapistTagger)}});
        return 0;
    }
    print(u"Agreement check %1: %2 of %3 notes of %4 rated by %5"_s.arg(r.check).arg(r.rated).arg(r.sampled).arg(r.therapist, r.supervisor));
    print(u"%1  %2  %3  %4"_s.arg(u"theme"_s.leftJustified(28), u"sup-ther"_s, u"sup-tagger"_s, u"ther-tagger"_s));
    for (qsizetype i = 0; i < r.supervisorTherapist.size(); ++i)
        print(u"%1  %2  %3  %4"_s.arg(r.supervisorTherapist.at(i).theme.leftJustified(28),
                                      kappa(r.supervisorTherapist.at(i)).leftJustified(8),
                                      kappa(r.supervisorTagger.at(i)).leftJustified(10), kappa(r.therapistTagger.at(i))));
    return 0;
}

} // namespace uc::cli
