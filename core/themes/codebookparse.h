// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What codebook.cpp (themes, edits, validation) and codebookrules.cpp (roles, predicates, frames,
// substances, senses) share: reading a JSON codebook with a line and a reason for every refusal.
#include "themes/codebook.h"

#include <QJsonArray>
#include <QJsonObject>

namespace uc::themes::parsing {

int lineAt(const QByteArray &source, qsizetype offset);
// The line where a string first appears in the source, to point a reader at a semantic error.
int lineOf(const QByteArray &source, const QString &needle);
[[noreturn]] void malformed(int line, const QString &why);

// A phrase: words separated by spaces, '*' only at a word's end, at most 8 words; lower-cased.
QString phraseFrom(const QJsonValue &v, const QByteArray &source, const QString &owner, const char *what);
// A list of phrases (or, with singleWord, of words without spaces or hyphens).
QList<QString> phraseList(const QJsonValue &v, const QByteArray &source, const QString &owner, const char *what,
                          bool singleWord = false);
// A list of non-empty strings (ids, pairs), as written.
QList<QString> stringList(const QJsonValue &v, const QByteArray &source, const QString &owner, const char *what);
// "kin", "conflict": the shape of a theme id.
void checkId(const QString &id, const QByteArray &source, const char *what);

// The sections beside "themes". `into` holds the sections so far (the defaults, or the codebook
// being edited); a section present in `root` replaces (parse) or extends (edit) them.
void readRules(const QJsonObject &root, const QByteArray &source, Codebook::Rules &into, bool edit);
void writeRules(const Codebook::Rules &rules, QJsonObject &root);
// Every role, predicate and theme a frame or sense rule names exists (themes: in `themes`).
void validateRules(const Codebook::Rules &rules, const QList<Theme> &themes, const QByteArray &source);
// Frames and sense rules about themes a codebook lacks are left out (a custom codebook that takes
// the built-in rules); the theme lists of the rest keep only themes it has.
// The "risks" section (codebookrisks.cpp), read, written and checked by the three above.
void readRisks(const QJsonObject &root, const QByteArray &source, RiskRules &into, bool edit);
void writeRisks(const RiskRules &rules, QJsonObject &root);
void validateRisks(const RiskRules &rules, const QList<Theme> &themes, const QByteArray &source);
void keepRulesFor(Codebook::Rules &rules, const QList<Theme> &themes);

} // namespace uc::themes::parsing
