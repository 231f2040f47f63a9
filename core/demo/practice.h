// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/secret.h"
#include "model/types.h"
#include "vault/keyslots.h"

#include <QList>
#include <QString>

#include <cstdint>
#include <optional>

// A fictional practice for demonstrations, screenshots and tests: clients over two years of weekly
// and fortnightly work (individual and group, residential then aftercare), with notes written the
// way therapists write them and real patterns in them, measures that move with those patterns, and
// treatment plans rated on the notes and reviewed when due (demo/plans.h), and other treatment
// on the same calendar: mutual-help meetings, groups, medication and drug screens (demo/treatment.h).
// Every name and event is invented. Deterministic for a seed.
namespace uc::demo {

struct DemoClient
{
    QString code;
    QString story; // one line on the pattern that lives in this client's notes
};

struct DemoPractice
{
    QString user; // the demo therapist's user name
    QList<DemoClient> clients;
    int sessions = 0;
    int notes = 0;
    int measures = 0;
    int events = 0; // other treatment: meetings, groups, medication changes, drug screens
};

// The passphrase of a demo vault made without a passphrase file.
constexpr auto defaultPassphrase = "undercurrent demo practice";
constexpr auto defaultUser = "demo";

// Creates the vault in dir (missing or empty) and fills it. Error(Usage/Io) as Vault::create.
// With today, the whole calendar moves by whole weeks (weekdays stay) so that its last session
// falls in the week before today, and the practice looks current; without, it keeps the dates it
// was written with (2024 and 2025), as the tests that check its dates expect.
DemoPractice createDemoPractice(const QString &dir, const SecretBuffer &passphrase, std::uint32_t seed = 1,
                                vault::KdfCost cost = vault::KdfCost::moderate(),
                                std::optional<model::Date> today = std::nullopt);

} // namespace uc::demo
