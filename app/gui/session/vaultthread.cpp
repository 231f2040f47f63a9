// SPDX-License-Identifier: GPL-3.0-or-later
#include "vaultthread.h"

#include "vault/vault.h"

#include <QThread>

using namespace Qt::StringLiterals;

uc::vault::Vault &VaultThread::Worker::open()
{
    if (!vault)
        throw uc::Error(uc::ErrorKind::Conflict, u"vault"_s, u"it is locked"_s);
    return *vault;
}

void VaultThread::Worker::checkPassphrase(const uc::SecretBuffer &passphrase)
{
    const uc::vault::Vault &v = open();
    uc::SecretBuffer key = uc::vault::KeySlots::load(v.dir()).unwrapUser(v.currentUser().name, passphrase);
    key.wipe();
}

VaultThread::VaultThread(QObject *parent)
    : QObject(parent)
    , m_worker(new Worker)
    , m_thread(new QThread)
    , m_context(new QObject)
    , m_cost(uc::vault::KdfCost::moderate())
{
    m_thread->setObjectName(u"vault"_s);
    m_context->moveToThread(m_thread);
    m_thread->start();
    m_progressDelay.setSingleShot(true);
    m_progressDelay.setInterval(500);
    connect(&m_progressDelay, &QTimer::timeout, this, [this] {
        if (m_pending > 0 && !m_showProgress) {
            m_showProgress = true;
            Q_EMIT showProgressChanged();
        }
    });
}

VaultThread::~VaultThread()
{
    Worker *worker = m_worker;
    QObject *context = m_context;
    QMetaObject::invokeMethod(
        m_context,
        [worker, context] {
            worker->vault.reset();
            delete context;
            QThread::currentThread()->quit();
        },
        Qt::QueuedConnection);
    m_thread->wait();
    delete m_thread;
    delete m_worker;
}

void VaultThread::beginBusy(const QString &label)
{
    ++m_pending;
    m_busyText = label;
    if (m_pending == 1)
        m_progressDelay.start();
    Q_EMIT busyChanged();
}

void VaultThread::endBusy()
{
    if (--m_pending > 0)
        return;
    m_pending = 0;
    m_busyText.clear();
    m_progressDelay.stop();
    if (m_showProgress) {
        m_showProgress = false;
        Q_EMIT showProgressChanged();
    }
    Q_EMIT busyChanged();
}
