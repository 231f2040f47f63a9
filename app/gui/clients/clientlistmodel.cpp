// SPDX-License-Identifier: GPL-3.0-or-later
#include "clientlistmodel.h"

#include "vaultthread.h"

#include "vault/vault.h"

#include <algorithm>

using namespace Qt::StringLiterals;
using uc::Error;
using uc::ErrorKind;
using uc::gui::ClientRow;
using Worker = VaultThread::Worker;

ClientListModel::ClientListModel(VaultThread *vault, QObject *parent)
    : ListModel(parent)
    , m_vault(vault)
{
}

int ClientListModel::rowCount(const QModelIndex &parent) const
{
    return rowsIn(parent, m_visible.size());
}

QVariant ClientListModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, QAbstractItemModel::CheckIndexOption::IndexIsValid));
    const ClientRow &row = m_all.at(m_visible.at(index.row()));
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return row.name;
    case CodeRole:
        return row.code;
    case StatusRole:
        return row.status;
    case SettingRole:
        return row.setting;
    case LastSessionRole:
        return row.lastSession;
    case ThemesRole:
        return row.themeLabels;
    case ThemeIdsRole:
        return row.themeIds;
    case OpenRiskRole:
        return m_latestRisk.value(row.code).label;
    case OpenRiskDateRole:
        return m_latestRisk.value(row.code).date;
    default:
        return {};
    }
}

QHash<int, QByteArray> ClientListModel::roleNames() const
{
    return {{CodeRole, "code"},       {NameRole, "name"},         {StatusRole, "status"},     {SettingRole, "setting"},
            {LastSessionRole, "lastSession"}, {ThemesRole, "themes"}, {ThemeIdsRole, "themeIds"},
            {OpenRiskRole, "openRisk"}, {OpenRiskDateRole, "openRiskDate"}};
}

void ClientListModel::setFilterText(const QString &text)
{
    if (m_filter == text)
        return;
    m_filter = text;
    refilter();
    Q_EMIT filterTextChanged();
}

void ClientListModel::setOpenRiskOnly(bool on)
{
    if (m_openRiskOnly == on)
        return;
    m_openRiskOnly = on;
    refilter();
    Q_EMIT openRiskOnlyChanged();
    if (on)
        loadOpenRisk();
}

void ClientListModel::setOpenRisk(const QList<uc::gui::RiskRow> &newestFirst, const QStringList &clientCodes)
{
    m_latestRisk.clear();
    m_riskRank.clear();
    for (qsizetype i = 0; i < newestFirst.size() && i < clientCodes.size(); ++i) {
        const QString &code = clientCodes.at(i);
        if (m_latestRisk.contains(code))
            continue;
        m_riskRank.insert(code, static_cast<int>(m_latestRisk.size()));
        m_latestRisk.insert(code, newestFirst.at(i));
    }
    refilter();
}

void ClientListModel::loadOpenRisk()
{
    if (!m_vault || !m_vault->isOpen())
        return;
    m_vault->post(
        this, tr("Reading open risk…"),
        [](Worker &w) {
            uc::vault::Vault &v = w.open();
            std::pair<QList<uc::gui::RiskRow>, QStringList> open;
            for (const uc::model::RiskFlag &f : v.risk().open()) {
                open.first.append(uc::gui::riskRowOf(f, v.tagging().codebook()));
                open.second.append(f.clientCode);
            }
            return open;
        },
        [this](const std::pair<QList<uc::gui::RiskRow>, QStringList> &open) { setOpenRisk(open.first, open.second); },
        [this](const Error &e) { m_vault->report(Failure(u"open-risk"_s, e)); });
}

void ClientListModel::setRows(QList<ClientRow> rows)
{
    std::stable_sort(rows.begin(), rows.end(), [](const ClientRow &a, const ClientRow &b) { return a.code < b.code; });
    m_all = std::move(rows);
    refilter();
}

void ClientListModel::upsert(const ClientRow &row)
{
    const auto at = std::lower_bound(m_all.begin(), m_all.end(), row.code,
                                     [](const ClientRow &r, const QString &code) { return r.code < code; });
    if (at != m_all.end() && at->code == row.code) {
        const qsizetype source = at - m_all.begin();
        const qsizetype shown = m_visible.indexOf(source);
        *at = row;
        if (shown >= 0 && matches(row)) {
            const QModelIndex i = index(static_cast<int>(shown));
            Q_EMIT dataChanged(i, i);
            return;
        }
    } else {
        m_all.insert(at, row);
    }
    refilter();
}

void ClientListModel::clear()
{
    beginResetModel();
    m_all.clear();
    m_visible.clear();
    endResetModel();
    Q_EMIT countChanged();
    if (!m_filter.isEmpty()) {
        m_filter.clear();
        Q_EMIT filterTextChanged();
    }
    m_latestRisk.clear();
    m_riskRank.clear();
    if (m_openRiskOnly) {
        m_openRiskOnly = false;
        Q_EMIT openRiskOnlyChanged();
    }
    setLoading(false);
}

int ClientListModel::indexOf(const QString &code) const
{
    for (qsizetype i = 0; i < m_visible.size(); ++i) {
        if (m_all.at(m_visible.at(i)).code == code)
            return static_cast<int>(i);
    }
    return -1;
}

bool ClientListModel::matches(const ClientRow &row) const
{
    if (m_openRiskOnly && !m_latestRisk.contains(row.code))
        return false;
    const QString needle = m_filter.trimmed();
    if (needle.isEmpty())
        return true;
    if (row.code.contains(needle, Qt::CaseInsensitive) || row.name.contains(needle, Qt::CaseInsensitive))
        return true;
    return std::any_of(row.themeLabels.cbegin(), row.themeLabels.cend(),
                       [&](const QString &label) { return label.contains(needle, Qt::CaseInsensitive); });
}

void ClientListModel::refilter()
{
    beginResetModel();
    m_visible.clear();
    for (qsizetype i = 0; i < m_all.size(); ++i) {
        if (matches(m_all.at(i)))
            m_visible.append(i);
    }
    if (m_openRiskOnly) // the most recent open flag first
        std::stable_sort(m_visible.begin(), m_visible.end(), [this](qsizetype a, qsizetype b) {
            return m_riskRank.value(m_all.at(a).code) < m_riskRank.value(m_all.at(b).code);
        });
    endResetModel();
    Q_EMIT countChanged();
}

QVariantList ClientListModel::findActive(const QString &text, int limit) const
{
    QVariantList found;
    const QString needle = text.trimmed();
    for (const ClientRow &row : m_all) {
        if (found.size() >= limit)
            break;
        if (row.status != u"active")
            continue;
        if (needle.isEmpty() || row.code.contains(needle, Qt::CaseInsensitive) || row.name.contains(needle, Qt::CaseInsensitive))
            found.append(QVariantMap{{u"code"_s, row.code}, {u"name"_s, row.name}});
    }
    return found;
}

// ---- on the vault thread

void ClientListModel::reload()
{
    if (!m_vault || !m_vault->isOpen())
        return;
    setLoading(true);
    m_vault->post(
        this, tr("Loading clients…"), [](Worker &w) { return uc::gui::loadClientRows(w.open()); },
        [this](QList<ClientRow> rows) {
            setRows(std::move(rows));
            setLoading(false);
            if (m_openRiskOnly)
                loadOpenRisk();
        },
        [this](const Error &e) {
            setLoading(false);
            m_vault->report(Failure(u"load"_s, e));
        });
}

template<typename Work>
void ClientListModel::save(const QString &action, const QString &label, Work work)
{
    m_vault->post(
        this, label, std::move(work),
        [this](ClientRow row) {
            const QString code = row.code;
            upsert(row);
            Q_EMIT saved(code);
        },
        [this, action](const Error &e) { Q_EMIT failed(Failure(action, e)); });
}

QString ClientListModel::notASetting()
{
    return tr("The setting is not one of residential, outpatient, aftercare or telehealth.");
}

void ClientListModel::add(const QString &code, const QString &name, const QString &setting, const QString &intake)
{
    if (!m_vault)
        return;
    const auto refuse = [this](const QString &message) {
        Q_EMIT failed(Failure(Failure::BadInput, u"add"_s, message));
    };
    uc::model::Client client;
    client.code = code.trimmed();
    client.displayName = name.trimmed();
    if (client.code.isEmpty() || client.displayName.isEmpty())
        return refuse(tr("A client needs a code and a name."));
    if (!setting.isEmpty()) {
        client.setting = uc::model::parseSetting(setting);
        if (!client.setting)
            return refuse(notASetting());
    }
    if (!intake.trimmed().isEmpty()) {
        client.intakeDate = uc::model::parseDate(intake.trimmed());
        if (!client.intakeDate)
            return refuse(tr("The intake date must be a real date written as YYYY-MM-DD."));
    }
    client.consentTreatment = true;
    save(u"add"_s, tr("Saving the client…"), [client](Worker &w) {
        uc::vault::Vault &v = w.open();
        if (v.clients().find(client.code))
            throw Error(ErrorKind::Conflict, u"client"_s, u"a client with that code exists already"_s);
        v.clients().add(client);
        return uc::gui::loadClientRow(v, client.code);
    });
}

void ClientListModel::update(const QString &code, const QString &name, const QString &setting)
{
    if (!m_vault)
        return;
    const auto refuse = [this](const QString &message) {
        Q_EMIT failed(Failure(Failure::BadInput, u"update"_s, message));
    };
    const QString newName = name.trimmed();
    if (newName.isEmpty())
        return refuse(tr("A client needs a name."));
    std::optional<uc::model::Setting> newSetting;
    if (!setting.isEmpty()) {
        newSetting = uc::model::parseSetting(setting);
        if (!newSetting)
            return refuse(notASetting());
    }
    save(u"update"_s, tr("Saving the client…"), [code, newName, newSetting](Worker &w) {
        uc::vault::Vault &v = w.open();
        auto client = v.clients().find(code);
        if (!client)
            throw Error(ErrorKind::Usage, u"client"_s, u"no client with that code"_s);
        client->displayName = newName;
        client->setting = newSetting;
        v.clients().update(*client);
        return uc::gui::loadClientRow(v, code);
    });
}

void ClientListModel::discharge(const QString &code, const QString &date)
{
    if (!m_vault)
        return;
    const auto on = uc::model::parseDate(date.trimmed());
    if (!on) {
        Q_EMIT failed(Failure(Failure::BadInput, u"discharge"_s,
                              tr("The discharge date must be a real date written as YYYY-MM-DD.")));
        return;
    }
    save(u"discharge"_s, tr("Discharging the client…"), [code, day = *on](Worker &w) {
        uc::vault::Vault &v = w.open();
        v.clients().discharge(code, day);
        return uc::gui::loadClientRow(v, code);
    });
}
