// SPDX-License-Identifier: GPL-3.0-or-later
// The broad net's exclusions (docs/risk.md, "The broad net"): whether a head is negated (a NegEx
// trigger before it in its clause, a negative value after it, or a question answered no), whether
// it is someone else's (family history, a person named as its subject), and whether an act of
// violence is done to the client or a child (abuse) rather than by the client.
#include "themes/broadnet.h"

#include <algorithm>

namespace uc::themes::broad {

namespace {

const Matcher &m()
{
    return Matcher::instance();
}


bool isEnd(QChar c)
{
    return c == u'.' || c == u'!' || c == u'?' || c == u'\n';
}

} // namespace

Reading::Reading(QString note)
    : text(std::move(note))
{
}

qsizetype Reading::previousEnd(qsizetype i) const
{
    for (qsizetype k = std::min(i, text.size()); k-- > 0;)
        if (isEnd(text[k]))
            return k;
    return -1;
}

qsizetype Reading::nextEnd(qsizetype j) const
{
    for (qsizetype k = std::max<qsizetype>(j, 0); k < text.size(); ++k)
        if (isEnd(text[k]))
            return k;
    return text.size();
}

QStringView Reading::slice(qsizetype from, qsizetype to) const
{
    from = std::clamp<qsizetype>(from, 0, text.size());
    to = std::clamp<qsizetype>(to, 0, text.size());
    return to > from ? QStringView(text).mid(from, to - from) : QStringView();
}

std::pair<qsizetype, qsizetype> Reading::sentenceBounds(qsizetype i, qsizetype j) const
{
    return {previousEnd(i) + 1, nextEnd(j)};
}

std::pair<qsizetype, qsizetype> Reading::clauseBounds(qsizetype i, qsizetype j) const
{
    if (lastHead != std::pair { i, j }) {
        lastClause = findClause(i, j);
        lastHead = { i, j };
    }
    return lastClause;
}

std::pair<qsizetype, qsizetype> Reading::findClause(qsizetype i, qsizetype j) const
{
    // The last clause end before i: none lies before the sentence's start, and the search may
    // start at the sentence end before it (or at a comma and spaces just before that).
    qsizetype from = previousEnd(i);
    if (from < 0) {
        from = 0;
    } else {
        while (from > 0 && text[from - 1].isSpace())
            --from;
        if (from > 0 && text[from - 1] == u',')
            --from;
    }
    // A few characters past i, so a clause end may look at the words that start the head ("no more
    // im done": "im" starts one), keeping those that end by i.
    qsizetype start = 0;
    const QStringView upToI = QStringView(text).left(std::min<qsizetype>(text.size(), i + 6));
    auto it = Matcher::ready(m().clauseEnd).globalMatch(upToI, from, QRegularExpression::NormalMatch, noCheck);
    while (it.hasNext()) {
        const QRegularExpressionMatch x = it.next();
        if (x.capturedStart() >= i)
            break;
        if (x.capturedEnd() <= i)
            start = x.capturedEnd();
    }
    const QRegularExpressionMatch after
        = Matcher::ready(m().clauseEnd).match(text, j, QRegularExpression::NormalMatch, noCheck);
    return {start, after.hasMatch() ? after.capturedStart() : text.size()};
}

QRegularExpressionMatch Reading::kinBefore(qsizetype from, qsizetype to) const
{
    QRegularExpressionMatch last;
    auto it = Matcher::ready(m().kinSubj)
                  .globalMatch(QStringView(text).left(to), from, QRegularExpression::NormalMatch, noCheck);
    while (it.hasNext())
        last = it.next();
    return last;
}

bool Reading::negated(qsizetype i, qsizetype j, qsizetype headStart) const
{
    static const QRegularExpression affirmed = rx(R"(\b(?:reports?|endorses?|said|says|admits?|has\s+been)\b)");
    static const QRegularExpression yes = rx(R"(^\s*(?::|-|=)?\s*(?:yes|\+|passive|active|present))");
    static const QRegularExpression asked = rx(R"(\basked\b|\bscreen)");
    static const QRegularExpression pseudo = rx(R"(\s+(?:question|doubt|only|necessarily|wonder|change|increase)\b)");
    static const QRegularExpression instead = rx(R"(\b(?:instead\s+of|rather\s+than)\s+$)");
    static const QRegularExpression listed = rx(R"(\b(?:or|nor|and)\b|,)");
    // NegEx's terminators: "but", "however", or a conjunction that starts a new verb phrase ("has
    // not been eating and has given away his things").
    static const QRegularExpression terminated = rx(
        R"(\b(?:but|however|although|though|yet|except|apart\s+from|besides|other\s+than)\b|\b(?:and|or)\s+(?:has|have|had|is|was|were|will|would|did|does|now|then|later|also|recently|since|keeps|kept|says|said|tells|told|wants|wanted|still|often|i|i'm|im|i've|ive)\b)");
    const auto [cs, ce] = clauseBounds(i, j);
    // A trigger before the head in its clause, not undone by an affirmation after it, within 45
    // characters: "denies SI", "no thoughts of ending it".
    auto it = Matcher::ready(m().preNeg)
                  .globalMatch(QStringView(text).left(j), cs, QRegularExpression::NormalMatch, noCheck);
    while (it.hasNext()) {
        const QRegularExpressionMatch t = it.next();
        if (t.capturedStart() >= headStart)
            continue;
        // NegEx's pseudo-negations: "no question", "no doubt", "not only" affirm.
        if (pseudo.match(QStringView(text), t.capturedEnd(), QRegularExpression::NormalMatch,
                         QRegularExpression::AnchorAtOffsetMatchOption | noCheck)
                .hasMatch())
            continue;
        const QStringView tail = slice(t.capturedEnd(), headStart);
        // The head's first word too: a conjunction and the subject that starts it ("and I'm done").
        if (found(affirmed, tail) || found(terminated, QString(tail.toString() + slice(headStart, headStart + 5).toString())))
            continue;
        if (tail.size() < 45)
            return true;
        // Farther, through a list joined by or, nor, and or commas, within ten words: "denied
        // thoughts of ending his life this week or of hurting himself" (NegEx's scope over a list).
        if (tail.count(u' ') <= 11 && found(listed, tail))
            return true;
    }
    // An alternative chosen over it, right before it: "used the skill instead of cutting".
    if (found(instead, slice(cs, headStart)))
        return true;
    // A negative value after it: "SI: denied", "SI/HI/SH neg", "self-harm x". Not another field's, after
    // this one's own value: "Suicidal ideation present, plan: no".
    static const QRegularExpression ownValue = rx(R"(^[^:=]*\b(?:present|endorsed|endorses|endorsing|positive|yes|reports|reported)\b[^:=]*[:=])");
    const QStringView after = slice(j, ce);
    if (found(Matcher::ready(m().postNeg), after) && !found(yes, after) && !found(ownValue, after))
        return true;
    // A form's question answered no, its answer the first word after the question mark (after a
    // speaker's label): "Any thoughts of ending your life? No.", "Suicidal thoughts? Denied."
    static const QRegularExpression formNo = rx(
        R"([^.!?\n]{0,60}\?\s*(?:[a-z ]{1,12}:\s*)?(?:no|nope|nah|denied|denies|none|nil|never|negative|n)(?![\w+]))");
    if (formNo.match(QStringView(text), j, QRegularExpression::NormalMatch, QRegularExpression::AnchorAtOffsetMatchOption | noCheck)
            .hasMatch())
        return true;
    // A question answered no: "asked about thoughts of suicide, she denied".
    const auto [ss, se] = sentenceBounds(i, j);
    return found(asked, slice(ss, i))
        && Matcher::ready(m().askedNo)
               .match(QStringView(text).left(se), j, QRegularExpression::NormalMatch, noCheck)
               .hasMatch();
}

bool Reading::otherPerson(qsizetype i, qsizetype j) const
{
    static const QRegularExpression possessed = rx(R"(^(?:'s|s')?\s*$)", false);
    static const QRegularExpression who = rx(R"(^\s*(?:\(\d+\)\s*)?,?\s*who\b)");
    static const QRegularExpression preposition = rx(R"(\b(?:of|to|from|with|for|about|at|on|in|than)\s+$)");
    static const QRegularExpression client = rx(R"(\b(?:i|im|i'm|i'll|ill|i'd|id|ive|i've|she|he|pt|client|me)\b)");
    static const QRegularExpression clientBefore = rx(R"(\b(?:i|im|i'm|she|he|pt|client)\b)");
    static const QRegularExpression ownedDeath = rx(R"(^(?:'s)?\s*$|^(?:'s)?\s+(?:death|dying|loss)\s+(?:from|to|by|after)\s+(?:an?\s+|the\s+)?$)");
    static const QRegularExpression anyone = rx(R"(\b(?:woman|man|student|child|kid|peer|person|family)$)");
    static const QRegularExpression byBefore = rx(R"(\bby\s+$)");
    static const QRegularExpression lostTo = rx(R"(^\s+(?:to|after)\s+(?:an?\s+|the\s+|his\s+|her\s+)?$)");
    static const QRegularExpression lostOrFound = rx(R"(\b(?:lost|losing|lose|find\w*|found)\s+$)");
    static const QRegularExpression selfDisclosed = rx(
        R"(^\s*(?:,[^,]{0,20},\s*)?(?:disclosed|discloses|admitted|admits|confessed|shared)\s+(?:(?:her|his|their|some|recent|ongoing|current)\s+)?$)");
    static const QRegularExpression telling = rx(R"(\b(?:that|said|says|told\s+\w+|reports?|because|when|and|worried|thinks?)\s*$)");
    const auto [cs, ce] = clauseBounds(i, j);
    const auto [ss, se] = sentenceBounds(i, j);
    if (found(Matcher::ready(m().fhx), slice(ss, se)))
        return true; // "FHx of suicide"
    const QRegularExpressionMatch kin = kinBefore(cs, i);
    if (!kin.hasMatch())
        return false;
    const QStringView between = slice(kin.capturedEnd(), i);
    if (found(possessed, between) && kin.capturedView().endsWith(u"'s", Qt::CaseInsensitive))
        return true; // "her sister's suicide attempt"
    if (found(who, between) && !between.contains(u':'))
        return true; // "her friend who self-harms" (not "her mother, who rang: she found a letter")
    if (found(selfDisclosed, between))
        return true; // "another member, T., disclosed suicidal thoughts": the member's own
    if (found(Matcher::ready(m().report), between))
        return false; // "her mum said she had been cutting"
    if (found(client, QString(between.toString() + u' ' + slice(i, j).toString())))
        return false;
    // The person named right before it is its subject or its owner ("his mother overdosed"), or
    // its victim: "her brother's death from an overdose", "lost her brother to an overdose",
    // "finding her friend after an overdose" — not a rescuer ("found by her partner after").
    if (found(ownedDeath, between) && !found(byBefore, slice(cs, kin.capturedStart())) && !found(anyone, kin.capturedView()))
        return true;
    if (found(lostTo, between) && found(lostOrFound, slice(cs, kin.capturedStart())))
        return true;
    const QStringView prefix = slice(cs, kin.capturedStart());
    if (found(preposition, prefix))
        return false; // "scared of her partner", "thoughts about hurting my boss"
    return !(found(clientBefore, prefix) && !found(telling, prefix));
}

bool Reading::abuseActOk(qsizetype i, qsizetype j) const
{
    static const QRegularExpression meOrPt = rx(R"(\bme\b|\bpt\b)");
    static const QRegularExpression passive = rx(R"(\bbeing\s+$|\b(?:was|been)\s+$)");
    static const QRegularExpression by = rx(R"(^\s*(?:\w+\s+){0,3}by\b)");
    static const QRegularExpression child = rx(
        R"(\b(?:son|daughter|baby|kids?|child(?:ren)?|toddler|\d+\s*yo|little\s+brother|little\s+sister|younger\s+\w+)\b)");
    static const QRegularExpression kinOwned = rx(R"(\b(?:sister|brother|friend|neighbour|cousin|colleague)'?s\b)");
    static const QRegularExpression meOrChild = rx(R"(\bme\b|\bkids?\b|\bchild)");
    static const QRegularExpression ownBond = rx(R"(^violen\w*\s+(?:marriage|relationships?|partners?|husband|wife|boyfriend|girlfriend|ex|home|household|childhood|upbringing)\b)");
    const auto [cs, ce] = clauseBounds(i, j);
    const QString w = slice(i, j).toString();
    const QStringView after = slice(j, j + 40);
    // Done to the client ("hit me", "was pushed", "slapped by her partner") or to a child.
    if (found(meOrPt, QString(w + u' ' + after.left(12))) || found(passive, slice(i - 8, i)) || found(by, after))
        return true;
    if (found(child, QString(w + u' ' + after.left(25))))
        return true;
    // Violence in the client's own relationship or home: "was in a violent marriage".
    if (found(ownBond, QString(w + after.left(20))))
        return true;
    // Otherwise only when a partner or family member, named or a pronoun, does it.
    const QRegularExpressionMatch kin = kinBefore(cs, i);
    if (!kin.hasMatch() || !found(Matcher::ready(m().abuser), kin.capturedView()))
        return false;
    if (found(kinOwned, kin.capturedView()))
        return false;
    if (found(Matcher::ready(m().adultOther), QString(w + after.left(30))) && !found(meOrChild, after.left(30)))
        return false;
    return !found(Matcher::ready(m().report), slice(kin.capturedEnd(), i));
}

} // namespace uc::themes::broad
